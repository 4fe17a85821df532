import Foundation
import Model
import Report
import Testing

/// Every page the report writes passes the rules of `AccessibilityAudit` (listed there), in both languages:
/// the demo's cards, a card without profile, a card with a trend, and the index page.
@Suite struct AccessibilityTests {
    static func audit(_ html: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = try HTMLTagWalker(html)
        let violations = AccessibilityAudit.violations(page)
        #expect(violations == [], "\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ReportLanguage.allCases) func theDemoCardsPass(_ language: ReportLanguage) throws {
        let cards = try HTMLTestCards.cards()
        for (name, card) in [("bloated", cards.bloated), ("lean", cards.lean), ("rgesn", cards.rgesn),
                             ("maturin", cards.maturin)] {
            try Self.audit(try HTMLTestCards.render(card, language, name: name), "\(name) \(language)")
        }
    }

    @Test(arguments: ReportLanguage.allCases) func aDeclaredOnlyCardPassesAndSaysWhatIsMissing(_ language: ReportLanguage) throws {
        var card = try HTMLTestCards.cards().rgesn
        card.profile = nil; card.steps = []; card.ecoindex = []; card.journey = nil; card.footprint = nil
        card.recommendations = []
        let html = try HTMLTestCards.render(card, language, name: "declared-only")
        try Self.audit(html, "declared-only \(language)")
        for absent in ["steps", "heaviest", "breakdown", "serverCPU", "footprint", "ecoindex", "recommendations"] {
            #expect(!html.contains("<section id=\"\(absent)\""), "\(absent)")
        }
        #expect(html.contains("<section id=\"criteria\""))
    }

    @Test func unmeteredServerCPUSaysNotMeasured() throws {
        let card = try HTMLTestCards.cards().bloated
        #expect(card.steps.allSatisfy { $0.serverCPUms == nil })
        let html = try HTMLReport(card: card, language: .en).render()
        let page = try HTMLTagWalker(html)
        let section = try #require(page.all("section").first { page.elements[$0].attributes["id"] == "serverCPU" })
        #expect(page.text(section).contains("Not measured"))
    }

    @Test func chartsHaveTheirNumbersInATable() throws {
        let card = try HTMLTestCards.cards().bloated
        let page = try HTMLTagWalker(try HTMLReport(card: card, language: .en).render())
        let tableText = page.all("table").map { page.text($0) }.joined(separator: "\n")
        for svg in page.all("svg") {
            // Every value a bar shows is also in a table cell.
            let values = page.descendants(svg).filter { page.elements[$0].attributes["class"] == "vl" }.map { page.text($0) }
            #expect(!values.isEmpty)
            for value in values { #expect(tableText.contains(value), "\(value)") }
        }
    }
}
