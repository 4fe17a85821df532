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

/// Threshold bands and the requests counted against a metric, in French and English alike.
@Suite struct BilingualThresholdTextTests {
    typealias B = ProfileBuilder
    typealias Reference = AppReferencingScoreTests

    @Test func aBandReadsInBothLanguagesAndItsEnglishIsTheOldText() {
        let band = Band(from: 150_000, to: 500_000, points: 80)
        let text = band.text(direction: .lowerIsBetter, unit: "bytes")
        #expect(text == Bilingual(fr: "> 150000 et ≤ 500000 octets", en: "> 150000 and ≤ 500000 bytes"))
        #expect(band.describe(direction: .lowerIsBetter, unit: "bytes") == text.en)
        #expect(Band(from: 0.95, to: nil, points: 100).text(direction: .higherIsBetter, unit: "ratio") == Bilingual(same: "≥ 0.95"))
        #expect(Band(from: nil, to: nil, points: 0).text(direction: .higherIsBetter, unit: "ms")
                == Bilingual(fr: "toute valeur", en: "any value"))
    }

    /// Home weighs 250 000 bytes (20 000 document, 7 × 30 000 scripts, 20 000 font): the 150 000–500 000 band.
    @Test func aMeanOverStepsAndEachStepsBandAreInBothLanguages() throws {
        let card = try FailedStepTests.score(B.profile([Reference.home(), Reference.appointments()]))
        let data = try #require(FailedStepTests.criteria(card).first { $0.id == "data.transfer" })
        let steps = try #require(data.steps)
        let home = try #require(steps.first { $0.name == "Home" })
        #expect(home.thresholdText == Bilingual(fr: "> 150000 et ≤ 500000 octets", en: "> 150000 and ≤ 500000 bytes"))
        #expect(home.threshold == home.thresholdText?.en)
        let text = try #require(data.thresholdText)
        let points = steps.map { GridFormat.number($0.points!) }.joined(separator: ", ")
        #expect(text == Bilingual(fr: "moyenne des points de 2 étapes\u{00A0}: \(points) / 100",
                                  en: "mean of 2 steps' points: \(points) / 100"))
        #expect(data.threshold == text.en, "the plain threshold stays the English text")
        let axis = try #require(card.journey?.steps.first?.axes.first { $0.criterion == "data.transfer" })
        #expect(axis.thresholdText == home.thresholdText && axis.threshold == home.threshold)
    }

    @Test func theWorstStepIsNamedInBothLanguages() throws {
        let loaded = try GridLibrary.bundled("app-referencing")
        var grid = loaded.grid
        for f in grid.families.indices {
            for c in grid.families[f].criteria.indices where grid.families[f].criteria[c].id == "data.transfer" {
                grid.families[f].criteria[c].aggregate = .worst
            }
        }
        let scorer = try Scorer.bundled(LoadedGrid(grid: grid, file: loaded.file, bundled: true))
        let card = try scorer.score(B.profile([Reference.home(), Reference.appointments()]), answers: nil, tool: B.tool)
        let data = try #require(FailedStepTests.criteria(card).first { $0.id == "data.transfer" })
        let worst = try #require(data.steps?.min { $0.points! < $1.points! })
        let band = try #require(worst.thresholdText)
        let tail = " → \(GridFormat.number(worst.points!)) / 100"
        #expect(data.thresholdText == Bilingual(fr: "pire étape \(worst.name!)\u{00A0}: \(band.fr)\(tail)",
                                                en: "worst step \(worst.name!): \(band.en)\(tail)"))
        #expect(data.threshold == data.thresholdText?.en)
    }

    /// The font of Home is counted against fonts.bytes / fonts.count with its size in both languages.
    @Test func requestsCountedAgainstAMetricSayWhyInBothLanguages() throws {
        let facts = ProfileFacts(profile: B.profile([Reference.home()]), parameters: nil, displayTime: nil,
                                 ecoIndex: nil, footprint: nil, intensity: nil)
        let font = try #require(facts.step("fonts.bytes", 0).requests.first)
        #expect(font.url == "http://app.test/font.woff2")
        #expect(font.detailText == Bilingual(fr: "police, 20000 o", en: "font, 20000 B"))
        #expect(font.detail == "font, 20000 B")
        let https = facts.whole("https.share")
        #expect(!https.requests.isEmpty, "the fixture pages are served over plain HTTP")
        for r in https.requests { #expect(r.detailText == Bilingual(fr: "HTTP en clair", en: "plain HTTP") && r.detail == "plain HTTP") }
    }
}
