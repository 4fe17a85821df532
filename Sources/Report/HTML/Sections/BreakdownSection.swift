import Model

/// Bytes by resource type and by domain, step by step (the representative run of each step).
struct BreakdownSection {
    struct Line { let key: String; let requests: String; let transfer: String; let decoded: String }
    struct Step {
        let anchor: String
        let name: String
        let url: String
        let error: String?
        let typeCaption: String
        let domainCaption: String
        let types: [Line]
        let domains: [Line]
        let chart: BarChart?
        let summary: String
    }

    let steps: [Step]

    init?(_ context: ReportContext) {
        let style = context.style
        guard !context.card.steps.isEmpty else { return nil }
        steps = context.card.steps.map { step in
            let name = step.name ?? step.title ?? step.url
            func lines(_ list: [Breakdown], translate: Bool) -> [Line] {
                list.map { Line(key: translate ? context.t("type_" + $0.key) : $0.key,
                                requests: style.integer($0.requests), transfer: style.bytes($0.transferBytes),
                                decoded: style.bytes($0.decodedBytes)) }
            }
            let chart = BarChart(id: "chart-types-\(step.index)", title: context.t("bytesByTypeOf", name),
                                 items: step.byType.map {
                                     .init(label: context.t("type_" + $0.key), value: Double($0.transferBytes),
                                           display: style.bytes($0.transferBytes))
                                 })
            let summary = context.t("stepSummary", style.integer(step.requests.median),
                                    style.bytes(step.transferBytes.median), style.integer(step.failedRequests),
                                    style.integer(step.redirects))
            return Step(anchor: "step-\(step.index)", name: name, url: step.finalURL ?? step.url, error: step.error,
                        typeCaption: context.t("bytesByTypeOf", name), domainCaption: context.t("bytesByDomainOf", name),
                        types: lines(step.byType, translate: true), domains: lines(step.byDomain, translate: false),
                        chart: chart, summary: summary)
        }
    }
}
