import Foundation
import Model

/// The figures of one step of a score card: its measures, its journey score and its EcoIndex.
struct StepFigures {
    /// Server CPU per view is the difference of two CPU readings minus an idle baseline scaled to the load's
    /// duration, on a machine that runs other work: below about a millisecond a change is scheduling noise
    /// even when three runs happen to agree, so smaller changes never count as regressions.
    static let cpuResolutionMs = 1.0

    let measures: StepMeasures
    let score: StepScore?
    let ecoindex: EcoIndexResult?

    init(_ measures: StepMeasures, in card: ScoreCard) {
        self.measures = measures
        score = card.journey?.steps.first { $0.index == measures.index }
        ecoindex = card.ecoindex.first { $0.index == measures.index }?.ecoindex
    }

    /// What results call the step: its name, else its URL.
    var label: String { measures.name ?? measures.url }
    /// The URL patterns match: where the step's document ended up, else the URL as given.
    var url: String { measures.finalURL ?? measures.url }

    func measure(_ metric: BudgetMetric) -> Measure? {
        switch metric {
        case .requests: Measure(measures.requests)
        case .transferBytes: Measure(measures.transferBytes)
        case .decodedBytes: Measure(measures.decodedBytes)
        case .domElements: measures.domElements.map { Measure($0) }
        case .serverCPUms: measures.serverCPUms.map { Measure($0, resolution: Self.cpuResolutionMs) }
        case .energyWh: energy
        case .minEcoindex: ecoindex.map { Measure(exactly: Double($0.score)) }
        case .minScore: score?.score.map(Measure.init(exactly:))
        case .minGrade, .minJourneyScore: nil
        }
    }

    /// The modelled energy of a view is linear in its bytes and its server CPU, so the runs' extremes of those
    /// give the energy's extremes.
    var energy: Measure? {
        guard let e = score?.energy else { return nil }
        let bytesWh = e.wh - e.serverWh
        let perByte = e.transferBytes > 0 ? bytesWh / e.transferBytes : 0
        let perMs = (e.serverCPUms ?? 0) > 0 ? e.serverWh / e.serverCPUms! : 0
        let bytes = measures.transferBytes
        let cpu = measures.serverCPUms
        return Measure(value: e.wh,
                       min: perByte * bytes.min + perMs * (cpu?.min ?? 0),
                       max: perByte * bytes.max + perMs * (cpu?.max ?? 0),
                       resolution: perMs * Self.cpuResolutionMs)
    }

    /// The requests of the representative run a resource group counts.
    func requests(in group: ResourceGroup, firstPartyHosts: [String]?) -> [RequestBrief] {
        switch group {
        case .total: return measures.requestList
        case .types(_, let types): return measures.requestList.filter { types.contains($0.resourceType) }
        case .thirdParty:
            let party = FirstParty(pageHost: URLComponents(string: url)?.host, hosts: firstPartyHosts)
            return measures.requestList.filter { party.isThirdParty($0.url) }
        }
    }

    /// Transfer bytes or number of requests of a group, in the representative run (as Lighthouse counts one load).
    func resource(_ group: ResourceGroup, sizes: Bool, firstPartyHosts: [String]?) -> Double {
        if case .types(_, let types) = group {
            // byType holds the same sums as the request list; it is what the report shows.
            let rows = measures.byType.filter { ResourceType(rawValue: $0.key).map(types.contains) ?? false }
            return Double(rows.reduce(0) { $0 + (sizes ? $1.transferBytes : $1.requests) })
        }
        let list = requests(in: group, firstPartyHosts: firstPartyHosts)
        return Double(sizes ? list.reduce(0) { $0 + $1.transferBytes } : list.count)
    }
}

/// The figures of the whole journey (one pass through every step).
struct JourneyFigures {
    let card: ScoreCard
    let steps: [StepFigures]

    init(_ card: ScoreCard) {
        self.card = card
        steps = card.steps.map { StepFigures($0, in: card) }
    }

    /// Bytes, requests, CPU and energy add up over the steps; DOM elements are the largest step's (a journey
    /// does not show its pages at once); EcoIndex is the mean of the steps'; scores and grade are the card's.
    func measure(_ metric: BudgetMetric) -> Measure? {
        switch metric {
        case .requests, .transferBytes, .decodedBytes, .serverCPUms, .energyWh:
            let parts = steps.compactMap { $0.measure(metric) }
            if !parts.isEmpty, parts.count == steps.count { return Measure.sum(parts) }
            // A grid without per-step energy still has the footprint of the whole pass.
            return metric == .energyWh ? card.footprint.map { Measure(exactly: $0.energy.totalWh) } : nil
        case .domElements:
            return steps.compactMap { $0.measure(.domElements) }.max { $0.value < $1.value }
        case .minEcoindex:
            let scores = steps.compactMap { $0.ecoindex.map { Double($0.score) } }
            return scores.isEmpty ? nil : Measure(exactly: scores.reduce(0, +) / Double(scores.count))
        case .minScore: return card.total.percent.map(Measure.init(exactly:))
        case .minJourneyScore: return card.journey?.score.map(Measure.init(exactly:))
        case .minGrade: return nil
        }
    }

    func resource(_ group: ResourceGroup, sizes: Bool) -> Double {
        steps.reduce(0) { $0 + $1.resource(group, sizes: sizes, firstPartyHosts: nil) }
    }

    /// Position of a letter on the card's grade scale, 0 the best; nil when the grid has no such letter.
    func gradeRank(_ letter: String) -> Int? {
        card.grid.grades.firstIndex { $0.grade.caseInsensitiveCompare(letter) == .orderedSame }
    }
}
