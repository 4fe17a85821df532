import Foundation
import Model

/// What every section builder needs: the card, the language's labels and number style, and the names the card
/// gives its steps and criteria (looked up, never computed).
struct ReportContext {
    let card: ScoreCard
    let language: ReportLanguage
    let style: NumberStyle
    let labels: [String: String]

    init(card: ScoreCard, language: ReportLanguage) {
        self.card = card; self.language = language
        style = NumberStyle(language: language)
        labels = Labels.table(language)
    }

    /// The label of `key`; a missing key shows itself, and the label tests fail on it.
    func t(_ key: String) -> String { labels[key] ?? key }

    /// A label with placeholders `{1}`, `{2}`… filled in order (word order differs between the languages).
    func t(_ key: String, _ arguments: String...) -> String {
        arguments.enumerated().reduce(t(key)) { text, argument in
            text.replacingOccurrences(of: "{\(argument.offset + 1)}", with: argument.element)
        }
    }

    /// A step as a reader knows it: its name, else its title, else its URL.
    func stepName(_ index: Int) -> String {
        if let step = card.steps.first(where: { $0.index == index }) {
            return step.name ?? step.title ?? step.url
        }
        if let ref = card.profile?.steps.first(where: { $0.index == index }) { return ref.name ?? ref.url }
        return "#\(index + 1)"
    }

    func stepName(index: Int, name: String?) -> String { name ?? stepName(index) }

    /// The card's notes in the report's language (English only on cards written before `notesText`).
    var notes: [String] {
        guard let texts = card.notesText, texts.count == card.notes.count else { return card.notes }
        return texts.map(language.text)
    }

    private var criteria: [String: CriterionScore] {
        Dictionary(card.families.flatMap(\.criteria).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func criterionTitle(_ id: String) -> String {
        criteria[id].map { language.text($0.title) } ?? id
    }

    func familyTitle(_ id: String) -> String {
        card.families.first { $0.id == id }.map { language.text($0.title) } ?? id
    }

    /// A value in the unit the scoring stage gives it.
    func value(_ value: Double?, unit: String) -> String {
        guard let value else { return t("notMeasured") }
        switch unit {
        case "bytes": return style.bytes(value)
        case "ms": return style.milliseconds(value)
        case "requests", "count", "elements", "files", "hosts", "copies": return style.integer(value)
        case "percent": return style.percent(value)
        case "ratio": return style.percent(value * 100)
        case "Wh", "kWh", "gCO2e", "L": return style.with(style.significant(value), unit)
        default:
            let known = labels["unit_" + unit]
            return style.with(style.significant(value), known ?? unit)
        }
    }

    /// A score out of 100.
    func outOf100(_ value: Double?) -> String {
        guard let value else { return t("notScored") }
        return "\(style.fixed(value, 1))\u{00A0}/\u{00A0}100"
    }

    /// The reference connection of the display-time model.
    func network(_ n: NetworkProfileInfo) -> String {
        "\(n.id): \(t("rtt")) \(style.milliseconds(n.rttMs)), \(style.with(style.trimmed(n.downlinkMbps, 1), "Mbit/s"))"
    }

    /// "label: value" with the language's colon (French puts a no-break space before it), for facts written
    /// one per line in a single element rather than as a list of elements.
    func labelled(_ label: String, _ value: String) -> String { label + t("colon") + " " + value }

    /// How many of `criteria` have each status, the statuses present only: "scored: 2 · unanswered: 7".
    func statusCounts(_ criteria: [CriterionScore]) -> String {
        let order: [CriterionStatus] = [.scored, .flagged, .notApplicable, .unmeasured, .unanswered]
        let parts = order.compactMap { status -> String? in
            let count = criteria.filter { $0.status == status }.count
            return count == 0 ? nil : labelled(t("status_" + status.rawValue), style.integer(count))
        }
        return parts.isEmpty ? "–" : parts.joined(separator: " · ")
    }

    func points(_ points: Double?, max: Double) -> String {
        guard let points else { return "–" }
        return "\(style.trimmed(points))\u{00A0}/\u{00A0}\(style.trimmed(max))"
    }
}
