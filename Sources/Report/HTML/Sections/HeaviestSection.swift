import Model

/// The heaviest steps (by data and by modelled energy) and the heaviest requests of the whole journey.
struct HeaviestSection {
    struct Request {
        let url: String
        /// Step, type and status, then encoding and Cache-Control: one cell of two lines.
        let details: String
        let transfer: String
        let decoded: String
    }

    /// Both rankings as two lines of text ("by data: 1. Home 1.2 MB · 2. …"); the bars draw the first.
    let rankings: String
    let dataChart: BarChart?
    let requests: [Request]
    let requestsCaption: String
    let hasSteps: Bool

    /// How many requests the report lists; every request is in the CSV (requests.csv) and the JSON.
    static let requestLimit = 8

    init?(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        guard card.journey != nil || !card.steps.isEmpty else { return nil }
        let byData = card.journey?.heaviestData ?? []
        let byEnergy = card.journey?.heaviestEnergy ?? []
        func ranking(_ label: String, _ list: [StepRanking]) -> String? {
            guard !list.isEmpty else { return nil }
            return context.labelled(label, list.enumerated().map { position, step in
                "\(style.integer(position + 1)). \(context.stepName(index: step.index, name: step.name)) "
                    + context.value(step.value, unit: step.unit)
            }.joined(separator: " · "))
        }
        rankings = [ranking(context.t("heaviestByData"), byData), ranking(context.t("heaviestByEnergy"), byEnergy)]
            .compactMap { $0 }.joined(separator: "\n")
        hasSteps = !byData.isEmpty || !byEnergy.isEmpty
        dataChart = BarChart(id: "chart-heaviest", title: context.t("heaviestByData"), items: byData.map {
            .init(label: context.stepName(index: $0.index, name: $0.name), value: $0.value,
                  display: context.value($0.value, unit: $0.unit))
        })
        let all = card.steps.flatMap { step in step.requestList.map { (step: step, request: $0) } }
            .sorted { $0.request.transferBytes > $1.request.transferBytes }
        requests = all.prefix(Self.requestLimit).map { entry in
            let r = entry.request
            let what = [entry.step.name ?? entry.step.title ?? entry.step.url, context.t("type_" + r.resourceType.rawValue),
                        r.error ?? r.status.map(String.init) ?? "–"].joined(separator: " · ")
            let how = context.labelled(context.t("contentEncoding"), r.contentEncoding ?? context.t("none")) + " · "
                + context.labelled(context.t("cacheControl"), r.cacheControl ?? context.t("none"))
            return Request(url: r.url, details: what + "\n" + how, transfer: style.bytes(r.transferBytes),
                           decoded: r.decodedBytes.map { style.bytes($0) } ?? "–")
        }
        requestsCaption = context.t("heaviestRequestsCaption", style.integer(requests.count), style.integer(all.count))
    }
}
