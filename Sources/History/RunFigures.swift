import Model

/// The figures a history row holds, read from a score card: per step, and for the whole run (one pass through
/// the journey). Medians over the profile's runs, as the card gives them.
struct RunFigures: Equatable {
    struct Step: Equatable {
        var position: Int
        var name: String?
        var url: String
        var transferBytes: Double
        var requests: Double
        var dom: Double?
        var serverCPUms: Double?
        var energyWh: Double?
        var ecoindex: Double?
        var score: Double?
    }

    var score: Double?
    var transferBytes: Double
    var requests: Double
    var dom: Double?
    var serverCPUms: Double?
    var energyWh: Double?
    var ecoindex: Double?
    var steps: [Step]

    init(_ card: ScoreCard) {
        let journey = Dictionary(card.journey?.steps.map { ($0.index, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let ecoindex = Dictionary(card.ecoindex.map { ($0.index, $0.ecoindex?.score) }, uniquingKeysWith: { first, _ in first })
        // `card.steps` and the journey view both come from the profile (a card scored without one has neither).
        steps = card.steps.map { s in
            let j = journey[s.index]
            return Step(position: s.index, name: s.name, url: s.url, transferBytes: s.transferBytes.median,
                        requests: s.requests.median, dom: s.domElements?.median, serverCPUms: s.serverCPUms?.median,
                        energyWh: j?.energy?.wh, ecoindex: (ecoindex[s.index] ?? nil).map(Double.init), score: j?.score)
        }
        score = card.total.percent
        transferBytes = steps.reduce(0) { $0 + $1.transferBytes }
        requests = steps.reduce(0) { $0 + $1.requests }
        dom = Self.sum(steps.compactMap(\.dom))
        serverCPUms = Self.sum(steps.compactMap(\.serverCPUms))
        energyWh = card.footprint?.energy.totalWh ?? Self.sum(steps.compactMap(\.energyWh))
        // EcoIndex is a page figure; a run's is the mean of its pages' (steps with no HTML document have none).
        let scores = steps.compactMap(\.ecoindex)
        self.ecoindex = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    /// nil when no step has the figure, so "not measured" never reads as zero.
    private static func sum(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) }
}
