import Model

/// Bytes by resource type and by domain, step by step (the representative run of each step): one row per step,
/// its types and domains one per line.
struct BreakdownSection {
    struct Step {
        /// The step's name, then its URL on a second line.
        let name: String
        let types: String
        let domains: String
        let summary: String
    }

    let steps: [Step]
    /// The steps that could not be loaded, with their error.
    let errors: [String]

    init?(_ context: ReportContext) {
        let style = context.style
        guard !context.card.steps.isEmpty else { return nil }
        func lines(_ list: [Breakdown], translate: Bool) -> String {
            guard !list.isEmpty else { return "–" }
            return list.map {
                context.t("breakdownLine", translate ? context.t("type_" + $0.key) : $0.key, style.integer($0.requests),
                          style.bytes($0.transferBytes), style.bytes($0.decodedBytes))
            }.joined(separator: "\n")
        }
        steps = context.card.steps.map { step in
            Step(name: (step.name ?? step.title ?? step.url) + "\n" + (step.finalURL ?? step.url),
                 types: lines(step.byType, translate: true), domains: lines(step.byDomain, translate: false),
                 summary: context.t("stepSummary", style.integer(step.requests.median), style.bytes(step.transferBytes.median),
                                    style.integer(step.failedRequests), style.integer(step.redirects)))
        }
        errors = context.card.steps.compactMap { step in
            step.error.map { "\(step.name ?? step.title ?? step.url) — \(context.t("pageError")) \($0)" }
        }
    }
}
