import Model

/// Results per family of the grid: for RGESN these are its themes. Points, share, and how many criteria have
/// each status, with a bar per family.
struct FamiliesSection {
    struct Row {
        let title: String
        let points: String
        let percent: String
        /// "scored: 2 · unanswered: 7", the statuses present only (a cell of text, not a column each).
        let statuses: String
    }

    let heading: String
    let caption: String
    /// "Family", or "Theme" for RGESN.
    let column: String
    let rows: [Row]
    let chart: BarChart?

    init?(_ context: ReportContext) {
        let card = context.card
        guard !card.families.isEmpty else { return nil }
        let themes = card.grid.id.hasPrefix("rgesn")
        heading = context.t(themes ? "resultsPerTheme" : "resultsPerFamily")
        caption = context.t(themes ? "resultsPerThemeCaption" : "resultsPerFamilyCaption")
        column = context.t(themes ? "theme" : "family")
        let style = context.style
        rows = card.families.map { family in
            Row(title: context.language.text(family.title),
                points: context.points(family.total.points, max: family.total.max),
                percent: family.total.percent.map { style.percent($0) } ?? context.t("notScored"),
                statuses: context.statusCounts(family.criteria))
        }
        chart = BarChart(id: "chart-families", title: heading + " (%)", items: card.families.compactMap { family in
            family.total.percent.map { .init(label: context.language.text(family.title), value: $0,
                                             display: style.percent($0)) }
        }, scale: 100)
    }
}
