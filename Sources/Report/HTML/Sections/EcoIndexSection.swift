import Model

/// The EcoIndex of each page or step, a companion figure beside the grid's score.
struct EcoIndexSection {
    struct Row {
        let name: String
        let url: String
        let measured: Bool
        let score: String
        let grade: GradeBadge?
        let dom: String
        let requests: String
        let size: String
        let ghg: String
        let water: String
    }

    let rows: [Row]
    let chart: BarChart?

    init?(_ context: ReportContext) {
        let style = context.style
        guard !context.card.ecoindex.isEmpty else { return nil }
        rows = context.card.ecoindex.map { page in
            let name = context.stepName(index: page.index, name: page.name)
            guard let e = page.ecoindex else {
                return Row(name: name, url: page.url, measured: false, score: context.t("notMeasured"), grade: nil,
                           dom: "–", requests: "–", size: "–", ghg: "–", water: "–")
            }
            return Row(name: name, url: page.url, measured: true, score: "\(e.score)\u{00A0}/\u{00A0}100",
                       grade: GradeBadge(e.grade), dom: style.integer(e.domElements), requests: style.integer(e.requests),
                       size: style.with(style.trimmed(e.sizeKB, 1), context.language == .fr ? "ko" : "kB"),
                       ghg: style.with(style.trimmed(e.ghg), "gCO2e"), water: style.with(style.trimmed(e.water), "cl"))
        }
        chart = BarChart(id: "chart-ecoindex", title: context.t("ecoindexChartTitle"),
                         items: context.card.ecoindex.compactMap { page in
                             page.ecoindex.map { .init(label: context.stepName(index: page.index, name: page.name),
                                                      value: Double($0.score), display: "\($0.score)\u{00A0}/\u{00A0}100") }
                         }, scale: 100)
    }
}
