import Model

/// Recommendations ranked by estimated saving, with the pages and requests each one concerns.
struct RecommendationsSection {
    struct Item {
        /// "rank. title", then why on a second line.
        let title: String
        let levelClass: String
        /// The level (its colour on the first line only), then bytes, requests and energy saved and on which
        /// views, one per line.
        let saving: String
        /// The pages, then the requests concerned and the redirect chains, one per line.
        let concerned: String
    }

    let items: [Item]
    let chart: BarChart?

    /// Requests listed per recommendation; the CSV has them all (recommendation_requests.csv).
    static let requestLimit = 5

    init?(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        // A card without a profile has no check to recommend from; with one, "none" is worth saying.
        guard card.profile != nil || !card.recommendations.isEmpty else { return nil }
        let ranked = card.recommendations.sorted { $0.rank < $1.rank }
        items = ranked.map { r in
            let omitted = r.offendingRequests.count - Self.requestLimit
            let saving = [context.labelled(context.t("level"), context.t("level_" + r.level.rawValue)),
                          context.labelled(context.t("savingBytes"), style.bytes(r.estimatedSavingBytes)),
                          context.labelled(context.t("savingRequests"), style.integer(r.estimatedSavingRequests)),
                          context.labelled(context.t("savingEnergy"), style.with(style.significant(r.estimatedSavingWh), "Wh")),
                          context.t("basis_" + r.savingBasis.rawValue)]
            let concerned = [context.labelled(context.t("pages"), r.pages.map { context.stepName($0) }.joined(separator: ", "))]
                + r.offendingRequests.prefix(Self.requestLimit).map {
                    "– \($0.url) — \(context.language.text($0.detailText, or: $0.detail) ?? "") (\(style.bytes($0.estimatedSavingBytes)))"
                }
                + (omitted > 0 ? [context.t("moreRequests", style.integer(omitted))] : [])
                + (r.chains ?? []).map { $0.joined(separator: " → ") }
            return Item(title: "\(style.integer(r.rank)). \(context.language.text(r.title))\n\(context.language.text(r.why))",
                        levelClass: r.level.rawValue,
                        saving: saving.joined(separator: "\n"), concerned: concerned.joined(separator: "\n"))
        }
        chart = BarChart(id: "chart-savings", title: context.t("savingsChartTitle"), items: ranked.map {
            .init(label: context.language.text($0.title), value: Double($0.estimatedSavingBytes),
                  display: style.bytes($0.estimatedSavingBytes))
        })
    }
}
