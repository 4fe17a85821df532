import Foundation
import Model
@testable import Report
import Testing

/// Every label exists in both languages, every label the templates and the section code ask for exists, and a
/// French report shows no English label.
@Suite struct HTMLLabelTests {
    static let sources = HTMLTestCards.repository.appendingPathComponent("Sources/Report")

    static func files(_ folder: String, _ suffix: String) throws -> [String] {
        let root = sources.appendingPathComponent(folder)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(suffix) }.sorted()
            .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Keys the templates use (`{{t.key}}`) and the Swift sections use literally (`t("key"`).
    static func usedKeys() throws -> Set<String> {
        let templates = try files("Templates", ".mustache").joined()
        let swift = try files("HTML", ".swift").joined()
        let fromTemplates = templates.matches(of: /\{\{[#^\/]?t\.([A-Za-z_]+)\}\}/).map { String($0.output.1) }
        let fromSwift = swift.matches(of: /t\("([A-Za-z_]+)"[,)]/).map { String($0.output.1) }
        // Keys chosen between two literals: `t(flag ? "a" : "b")`.
        let chosen = swift.matches(of: /t\([^()"]*\? "([A-Za-z_]+)" : "([A-Za-z_]+)"\)/)
            .flatMap { [String($0.output.1), String($0.output.2)] }
        return Set(fromTemplates + fromSwift + chosen)
    }

    /// Keys built from an identifier of the card: every value the card can hold.
    static let builtKeys: [String] =
        ResourceType.allCases.map { "type_\($0.rawValue)" }
        + ["scored", "unanswered", "notApplicable", "unmeasured", "flagged"].map { "status_\($0)" }
        + ["measured", "declared"].map { "kind_\($0)" }
        + ["measured", "declared"].map { "source_\($0)" }
        + CheckLevel.allCases.map { "level_\($0.rawValue)" }
        + ["everyView", "repeatView"].map { "basis_\($0)" }
        + ["live", "har"].map { "profileSource_\($0)" }
        + ["score", "transfer", "requests", "energy", "cpu"].map { "trend_\($0)" }
        + ["verdict", "steps", "heaviest", "breakdown", "serverCPU", "footprint", "ecoindex", "criteria", "unanswered",
           "recommendations", "inventory", "trend", "notes", "methodology"].map { "section_\($0)" }

    @Test func bothLanguagesHaveTheSameKeysAndNoEmptyLabel() {
        let fr = Labels.table(.fr), en = Labels.table(.en)
        #expect(Set(fr.keys) == Set(en.keys))
        #expect(fr.count == Labels.entries.count, "a key is listed twice")
        for entry in Labels.entries {
            #expect(!entry.fr.isEmpty && !entry.en.isEmpty, "\(entry.key)")
            // Placeholders match, so that no figure is dropped in one language.
            let placeholders = { (s: String) in Set(s.matches(of: /\{[0-9]\}/).map { String($0.output) }) }
            #expect(placeholders(entry.fr) == placeholders(entry.en), "\(entry.key)")
        }
    }

    @Test func everyKeyUsedExistsAndEveryKeyIsUsed() throws {
        let used = try Self.usedKeys().union(Self.builtKeys)
        #expect(used.count > 100)
        let known = Set(Labels.table(.en).keys)
        #expect(used.subtracting(known).sorted() == [], "used but not translated")
        // The unit_ labels are looked up by the unit a card gives.
        let unused = known.subtracting(used).filter { !$0.hasPrefix("unit_") }
        #expect(unused.sorted() == [], "translated but never used")
    }

    /// Text cut where labels start and end: whole text nodes, their lines (facts are written one per line), the
    /// parts of a line between " · ", and what stands before a colon ("Label: value"), with and without it.
    static func pieces(_ nodes: [String]) -> [String] {
        nodes.flatMap { node -> [String] in
            let lines = node.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let parts = lines.flatMap { $0.components(separatedBy: " · ") }
            let labels = parts.compactMap { part -> String? in
                guard part.contains(":"), let head = part.split(separator: ":", maxSplits: 1).first else { return nil }
                return head.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{00A0}")))
            }
            return [node] + lines + parts + labels + labels.map { $0 + ":" }
        }
    }

    @Test func aFrenchReportShowsNoEnglishLabel() throws {
        let cards = try HTMLTestCards.cards()
        // Labels whose English differs from the French, placeholders aside, a word long at least.
        let english = Labels.entries.filter { $0.en != $0.fr && !$0.en.contains("{") && $0.en.count >= 4 }.map(\.en)
        for card in [cards.bloated, cards.rgesn, cards.maturin] {
            let page = try HTMLTagWalker(try HTMLReport(card: card, language: .fr).render())
            let shown = Set(Self.pieces(page.textNodes) + page.elements.compactMap { $0.attributes["aria-label"] })
            for label in english { #expect(!shown.contains(label), "English label in the French report: \(label)") }
            #expect(page.root.attributes["lang"] == "fr")
            #expect(shown.contains("Méthodologie"))
        }
        let en = try HTMLTagWalker(try HTMLReport(card: cards.bloated, language: .en).render())
        #expect(Set(en.textNodes).contains("Methodology"))
        #expect(!Set(en.textNodes).contains("Méthodologie"))
    }

    @Test func numbersAreWrittenTheFrenchWay() throws {
        let fr = NumberStyle(language: .fr), en = NumberStyle(language: .en)
        #expect(fr.fixed(1234567.891, 2) == "1\u{202F}234\u{202F}567,89")
        #expect(en.fixed(1234567.891, 2) == "1,234,567.89")
        #expect(fr.bytes(1_388_900) == "1,39\u{00A0}Mo")
        #expect(en.bytes(1_388_900) == "1.39\u{00A0}MB")
        #expect(en.bytes(999) == "999\u{00A0}B")
        #expect(en.significant(0.000412) == "0.000412")
        #expect(en.trimmed(2.50) == "2.5")
        #expect(fr.percent(55) == "55,0\u{00A0}%")
        #expect(en.fixed(-0.001, 1) == "0.0", "no minus sign on a figure that rounds to zero")
    }
}
