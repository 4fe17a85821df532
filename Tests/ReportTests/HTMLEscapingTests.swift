import Foundation
import Model
import Report
import Testing

/// Text from the target never becomes markup: the fixture server's injection page measured for real, a card
/// with hostile text in every field a target or a team writes, and secrets that must never appear.
@Suite struct HTMLEscapingTests {
    static let hostileURL = #"http://127.0.0.1/a"b'c/<i>x</i>.js?q=<b>&r="1""#

    /// Every target-controlled field of a real card replaced by hostile text.
    static func hostileCard() throws -> ScoreCard {
        var card = try HTMLTestCards.cards().rgesn
        let title = HTMLTestCards.injectedTitle, markup = HTMLTestCards.injectedMarkup
        card.profile?.journeyName = title
        card.profile?.incomplete = "interrupted " + markup
        card.steps[0].name = title
        card.steps[0].title = title
        card.steps[0].url = hostileURL
        card.steps[0].error = markup
        card.steps[0].requestList[0].url = hostileURL
        card.steps[0].requestList[0].cacheControl = markup
        card.steps[0].requestList[0].contentEncoding = markup
        card.steps[0].byDomain[0].key = markup
        card.notes.append(markup)
        // The report shows the bilingual texts when the card has them: the hostile text goes there too.
        card.notesText?.append(Bilingual(fr: markup, en: markup))
        card.ecoindex[0].url = hostileURL
        for f in card.families.indices {
            for c in card.families[f].criteria.indices where card.families[f].criteria[c].declared != nil {
                card.families[f].criteria[c].declared?.comment = markup
            }
        }
        card.recommendations[0].offendingRequests[0].url = hostileURL
        card.recommendations[0].offendingRequests[0].detail = markup
        card.recommendations[0].offendingRequests[0].detailText = Bilingual(fr: markup, en: markup)
        return card
    }

    static func expectEscaped(_ html: String, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img"), sourceLocation: sourceLocation)
        #expect(!html.contains("<i>"), sourceLocation: sourceLocation)
        let page = try HTMLTagWalker(html)
        #expect(page.all("script").isEmpty && page.all("img").isEmpty && page.all("i").isEmpty && page.all("b").isEmpty,
                sourceLocation: sourceLocation)
        #expect(AccessibilityAudit.violations(page) == [], sourceLocation: sourceLocation)
        // Shown as text, whole: what the reader sees is what the target sent.
        let shown = page.textNodes.joined(separator: "\n")
        for text in texts {
            #expect(!html.contains(text), "raw: \(text)", sourceLocation: sourceLocation)
            #expect(shown.contains(text), "not shown as text: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ReportLanguage.allCases) func hostileFieldsAppearEscaped(_ language: ReportLanguage) throws {
        let html = try HTMLTestCards.render(try Self.hostileCard(), language, name: "hostile-fields")
        try Self.expectEscaped(html, [HTMLTestCards.injectedTitle, HTMLTestCards.injectedMarkup, Self.hostileURL])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The document title and the h1 carry the hostile title as text.
        let page = try HTMLTagWalker(html)
        #expect(page.text(page.all("h1")[0]).contains(HTMLTestCards.injectedTitle))
    }

    @Test func theFixtureInjectionPageAppearsEscaped() throws {
        let card = try HTMLTestCards.cards().hostile
        // The measurement carries the hostile text, so the test is about the report.
        #expect(card.steps.first?.title == HTMLTestCards.injectedTitle)
        #expect(card.steps.first?.requestList.contains { $0.cacheControl == HTMLTestCards.injectedMarkup } == true)
        let quoted = try #require(card.steps.first?.requestList.first { $0.url.contains("quote%22d") || $0.url.contains("quote\"d") })
        for language in ReportLanguage.allCases {
            let html = try HTMLTestCards.render(card, language, name: "hostile-page")
            try Self.expectEscaped(html, [HTMLTestCards.injectedTitle, HTMLTestCards.injectedMarkup])
            #expect(html.contains(quoted.url.replacingOccurrences(of: "\"", with: "&quot;")))
        }
    }

    @Test func secretsNeverAppear() throws {
        let card = try HTMLTestCards.cards().secrets
        // The profile carried the token URL (redacted); the report adds nothing to it.
        #expect(card.steps.contains { $0.url.contains("token=[redacted]") })
        for language in ReportLanguage.allCases {
            let html = try HTMLTestCards.render(card, language, name: "secrets")
            #expect(!html.contains(HTMLTestCards.token))
            #expect(!html.contains(HTMLTestCards.password))
            #expect(!html.contains("correct+horse"))
            #expect(html.contains("token=[redacted]"))
        }
    }

    @Test func indexPageEscapesAndRefusesScriptLinks() throws {
        let page = HTMLIndexPage(title: HTMLTestCards.injectedTitle, entries: [
            IndexEntry(title: HTMLTestCards.injectedMarkup, grid: "app-referencing", grade: "<b>A</b>", score: 91.5, links: [
                IndexLink(label: "HTML", href: "bloated.fr.html"),
                IndexLink(label: "JSON", href: "sub/bloated.scorecard.json?x=\"1\""),
                IndexLink(label: "evil", href: "javascript:alert(1)"),
                IndexLink(label: "data", href: " DATA:text/html,<script>alert(1)</script>"),
            ]),
        ], language: .fr, notes: [HTMLTestCards.injectedMarkup])
        let html = try page.render()
        try Self.expectEscaped(html, [HTMLTestCards.injectedTitle, HTMLTestCards.injectedMarkup])
        let walker = try HTMLTagWalker(html)
        let hrefs = walker.all("a").compactMap { walker.elements[$0].attributes["href"] }
        #expect(hrefs == ["bloated.fr.html", "sub/bloated.scorecard.json?x=\"1\""])
        #expect(walker.textNodes.contains("javascript:alert(1)"), "a refused link is shown as text")
        #expect(!html.contains("<b>"))
    }
}
