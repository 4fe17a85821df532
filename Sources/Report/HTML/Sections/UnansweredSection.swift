import Model

/// The criteria nobody answered and no measurement could decide: never silently scored.
struct UnansweredSection {
    struct Item { let id: String; let title: String; let family: String }

    let items: [Item]
    let flagged: [Item]
    let summary: String

    init(_ context: ReportContext) {
        let card = context.card
        func item(_ id: String) -> Item {
            let family = card.families.first { $0.criteria.contains { $0.id == id } }
            return Item(id: id, title: context.criterionTitle(id), family: family.map { context.language.text($0.title) } ?? "")
        }
        items = card.unanswered.map(item)
        flagged = card.flagged.map(item)
        summary = items.isEmpty ? context.t("allAnswered") : context.t("unansweredSummary", context.style.integer(items.count))
    }
}
