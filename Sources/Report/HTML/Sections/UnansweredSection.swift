import Model

/// The criteria nobody answered and no measurement could decide: never silently scored. One item per family,
/// its criteria one per line; the answers the measurement contradicts after them.
struct UnansweredSection {
    /// The family on the first line, then "id title" of each of its unanswered criteria.
    let groups: [String]
    /// The explanation, then "id title (family)" of each flagged criterion; nil when none is flagged.
    let flagged: String?
    let summary: String

    init(_ context: ReportContext) {
        let card = context.card
        let unanswered = Set(card.unanswered)
        func item(_ id: String) -> String { "\(id) \(context.criterionTitle(id))" }
        let byFamily = card.families.compactMap { family -> String? in
            let ids = family.criteria.map(\.id).filter { unanswered.contains($0) }
            return ids.isEmpty ? nil : ([context.language.text(family.title)] + ids.map(item)).joined(separator: "\n")
        }
        // An id no family holds (a card edited by hand) is still listed.
        let listed = Set(card.families.flatMap(\.criteria).map(\.id))
        let strays = card.unanswered.filter { !listed.contains($0) }
        groups = byFamily + (strays.isEmpty ? [] : [strays.map(item).joined(separator: "\n")])
        flagged = card.flagged.isEmpty ? nil : ([context.t("flaggedExplained")] + card.flagged.map { id in
            let family = card.families.first { $0.criteria.contains { $0.id == id } }
            return item(id) + (family.map { " (\(context.language.text($0.title)))" } ?? "")
        }).joined(separator: "\n")
        summary = card.unanswered.isEmpty ? context.t("allAnswered")
            : context.t("unansweredSummary", context.style.integer(card.unanswered.count))
    }
}
