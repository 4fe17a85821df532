import Model

/// The EcoIndex of each page or step, a companion figure beside the grid's score.
struct EcoIndexSection {
    struct Row {
        /// The step's name, then its URL on a second line.
        let name: String
        let score: String
        let grade: GradeBadge?
        /// DOM elements, requests and size, in one cell.
        let inputs: String
        /// Greenhouse gases and water.
        let impacts: String
    }

    let rows: [Row]
    let chart: BarChart?

    init?(_ context: ReportContext) {
        let style = context.style
        guard !context.card.ecoindex.isEmpty else { return nil }
        rows = context.card.ecoindex.map { page in
            let name = context.stepName(index: page.index, name: page.name) + "\n" + page.url
            guard let e = page.ecoindex else {
                return Row(name: name, score: context.t("notMeasured"), grade: nil, inputs: "–", impacts: "–")
            }
            return Row(name: name, score: "\(e.score)\u{00A0}/\u{00A0}100", grade: GradeBadge(e.grade),
                       inputs: context.t("ecoindexInputsValue", style.integer(e.domElements), style.integer(e.requests),
                                         style.with(style.trimmed(e.sizeKB, 1), context.language == .fr ? "ko" : "kB")),
                       impacts: style.with(style.trimmed(e.ghg), "gCO2e") + " · " + style.with(style.trimmed(e.water), "cl"))
        }
        chart = BarChart(id: "chart-ecoindex", title: context.t("ecoindexChartTitle"),
                         items: context.card.ecoindex.compactMap { page in
                             page.ecoindex.map { .init(label: context.stepName(index: page.index, name: page.name),
                                                      value: Double($0.score), display: "\($0.score)\u{00A0}/\u{00A0}100") }
                         }, scale: 100)
    }
}
