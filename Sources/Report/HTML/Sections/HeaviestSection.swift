import Model

/// The heaviest steps (by data and by modelled energy) and the heaviest requests of the whole journey.
struct HeaviestSection {
    struct Ranking { let rank: String; let name: String; let value: String }
    struct Request {
        let url: String
        let step: String
        let type: String
        let status: String
        let transfer: String
        let decoded: String
        let encoding: String
        let cache: String
    }

    let byData: [Ranking]
    let byEnergy: [Ranking]
    let dataChart: BarChart?
    let requests: [Request]
    let requestsCaption: String
    let hasSteps: Bool

    /// How many requests the report lists; every request is in the CSV and the JSON.
    static let requestLimit = 15

    init?(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        guard card.journey != nil || !card.steps.isEmpty else { return nil }
        func rankings(_ list: [StepRanking]) -> [Ranking] {
            list.enumerated().map { position, step in
                Ranking(rank: style.integer(position + 1), name: context.stepName(index: step.index, name: step.name),
                        value: context.value(step.value, unit: step.unit))
            }
        }
        byData = rankings(card.journey?.heaviestData ?? [])
        byEnergy = rankings(card.journey?.heaviestEnergy ?? [])
        dataChart = BarChart(id: "chart-heaviest", title: context.t("heaviestByData"), items: (card.journey?.heaviestData ?? []).map {
            .init(label: context.stepName(index: $0.index, name: $0.name), value: $0.value,
                  display: context.value($0.value, unit: $0.unit))
        })
        let all = card.steps.flatMap { step in step.requestList.map { (step: step, request: $0) } }
            .sorted { $0.request.transferBytes > $1.request.transferBytes }
        requests = all.prefix(Self.requestLimit).map { entry in
            let r = entry.request
            return Request(url: r.url, step: entry.step.name ?? entry.step.title ?? entry.step.url,
                           type: context.t("type_" + r.resourceType.rawValue),
                           status: r.error ?? r.status.map(String.init) ?? "–",
                           transfer: style.bytes(r.transferBytes), decoded: r.decodedBytes.map { style.bytes($0) } ?? "–",
                           encoding: r.contentEncoding ?? context.t("none"), cache: r.cacheControl ?? context.t("none"))
        }
        requestsCaption = context.t("heaviestRequestsCaption", style.integer(requests.count), style.integer(all.count))
        hasSteps = !byData.isEmpty || !byEnergy.isEmpty
    }
}
