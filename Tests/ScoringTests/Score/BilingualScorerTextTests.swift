import Foundation
import Model
import Testing
@testable import Scoring

/// The scorer writes its notes in French and English: the English is the card's plain text as before, the French
/// says the same with the same names and figures, French typography (no-break space before ":" and ";").
@Suite struct BilingualScorerTextTests {
    typealias B = ProfileBuilder
    typealias Reference = AppReferencingScoreTests

    @Test func aFailedStepIsNotedInBothLanguages() throws {
        let profile = B.profile([FailedStepTests.failedPage("Login", "http://app.test/login"), Reference.home(),
                                 Reference.appointments()], journey: "Book")
        let card = try FailedStepTests.score(profile)
        for c in FailedStepTests.criteria(card) {
            let text = try #require(c.noteText, "\(c.id)")
            #expect(c.note == text.en, "the plain note stays the English text")
            #expect(text.fr.hasPrefix("non mesuré sur\u{00A0}: Login (n’a pas pu être chargée\u{00A0}: connect\u{00A0}: Couldn't connect to server)"),
                    "\(c.id): \(text.fr)")
        }
        let notes = try #require(card.notesText)
        #expect(notes.map(\.en) == card.notes, "one for one with the English notes")
        #expect(notes.contains { $0.fr.hasPrefix("Étapes non mesurées") && $0.fr.contains("Login\u{00A0}: n’a pas pu être chargée") })
        #expect(notes.allSatisfy { !$0.fr.contains(" :") && !$0.fr.contains(" ;") }, "no breakable space before a colon")
    }

    @Test func aStepWithoutRunsIsNotedInBothLanguages() throws {
        let empty = Stat(median: 0, min: 0, max: 0, cv: 0, n: 0)
        let missing = PageProfile(name: "Cart", url: "http://app.test/cart", runs: [], summary: PageSummary(
            requests: empty, transferBytes: empty, decodedBytes: empty, domElements: nil, durationMs: empty))
        let card = try FailedStepTests.score(B.profile([Reference.home(), missing]))
        let data = try #require(FailedStepTests.criteria(card).first { $0.id == "data.transfer" })
        #expect(data.noteText == Bilingual(fr: "non mesuré sur\u{00A0}: Cart (aucun passage)", en: "not measured on: Cart (no run)"))
    }
}
