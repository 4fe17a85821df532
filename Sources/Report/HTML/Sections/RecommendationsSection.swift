import Model

/// Recommendations ranked by estimated saving, with the requests each one concerns.
struct RecommendationsSection {
    struct Request { let url: String; let detail: String; let saving: String }
    struct Item {
        let rank: String
        let title: String
        let why: String
        let level: String
        let levelClass: String
        let bytes: String
        let requests: String
        let energy: String
        let basis: String
        let pages: String
        let offending: [Request]
        let omitted: String?
        let chains: [String]
    }

    let items: [Item]
    let chart: BarChart?

    /// Requests listed per recommendation; the CSV has them all.
    static let requestLimit = 5

    init?(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        // A card without a profile has no check to recommend from; with one, "none" is worth saying.
        guard card.profile != nil || !card.recommendations.isEmpty else { return nil }
        let ranked = card.recommendations.sorted { $0.rank < $1.rank }
        items = ranked.map { r in
            let omitted = r.offendingRequests.count - Self.requestLimit
            return Item(rank: style.integer(r.rank), title: context.language.text(r.title), why: context.language.text(r.why),
                        level: context.t("level_" + r.level.rawValue), levelClass: r.level.rawValue,
                        bytes: style.bytes(r.estimatedSavingBytes), requests: style.integer(r.estimatedSavingRequests),
                        energy: style.with(style.significant(r.estimatedSavingWh), "Wh"),
                        basis: context.t("basis_" + r.savingBasis.rawValue),
                        pages: r.pages.map { context.stepName($0) }.joined(separator: ", "),
                        offending: r.offendingRequests.prefix(Self.requestLimit).map {
                            Request(url: $0.url, detail: $0.detail, saving: style.bytes($0.estimatedSavingBytes))
                        },
                        omitted: omitted > 0 ? context.t("moreRequests", style.integer(omitted)) : nil,
                        chains: (r.chains ?? []).map { $0.joined(separator: " → ") })
        }
        chart = BarChart(id: "chart-savings", title: context.t("savingsChartTitle"), items: ranked.map {
            .init(label: context.language.text($0.title), value: Double($0.estimatedSavingBytes),
                  display: style.bytes($0.estimatedSavingBytes))
        })
    }
}
