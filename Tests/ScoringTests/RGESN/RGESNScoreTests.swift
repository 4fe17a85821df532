import Foundation
import Model
import Testing
@testable import Scoring

/// The official RGESN formula on a team's answers (Fixtures/answers/rgesn-example.yaml), recomputed by hand.
///
/// Weights: Prioritaire (P) 1.5, Recommandé (R) 1.25, Modéré (M) 1. Score = Σ weights of "validé" ÷ Σ weights of
/// every criterion not "non applicable" × 100; an unanswered criterion counts as "à évaluer" (0 points, in the
/// denominator).
///
/// Theme maxima when everything applies (from the official priorities):
///   Stratégie 5P+4R+1M = 7.5+5+1 = 13.5 · Spécifications 7P+2R+1M = 10.5+2.5+1 = 14 · Architecture 2P+1R+4M = 8.25
///   UX/UI 3P+6R+6M = 4.5+7.5+6 = 18 · Contenus 3P+3R+2M = 4.5+3.75+2 = 10.25 · Frontend 4R+3M = 5+3 = 8
///   Backend 1P+2R+1M = 1.5+2.5+1 = 5 · Hébergement 3P+6R+1M = 4.5+7.5+1 = 13 · Algorithmie 6P+1R = 9+1.25 = 10.25
///   Total 100.25.
///
/// The answers:
///   Stratégie: 1.1 validé (P 1.5), 1.3 en cours (R, 0)          → 1.5 / 13.5            = 11.111 %
///   Spécifications: 2.2 validé (P 1.5), 2.10 non applicable (P)  → 1.5 / (14 − 1.5 = 12.5) = 12 %
///   Frontend: 6.1 (R 1.25), 6.2 (R 1.25), 6.7 (M 1) validés; 6.3 non validé, 6.4 en cours, 6.5 à évaluer: 0;
///             6.6 non applicable (M 1)                            → 3.5 / (8 − 1 = 7)        = 50 %
///   Backend: 7.1 (R 1.25), 7.2 (R 1.25) validés, 7.3 non validé, 7.4 non applicable (P 1.5)
///                                                               → 2.5 / (5 − 1.5 = 3.5)    = 71.4286 %
///   Algorithmie: 9.1 has an empty status: unanswered, 0         → 0 / 10.25                = 0 %
///   Others: nothing validated                                   → 0 %
///   Global: validé 1.5 + 1.5 + 3.5 + 2.5 = 9; not applicable 1.5 + 1 + 1.5 = 4
///                                                               → 9 / (100.25 − 4 = 96.25) = 9.3506 %
///   15 criteria answered, 3 of them not applicable; 78 − 15 = 63 unanswered.
@Suite struct RGESNScoreTests {
    static let answersFile = ProfileBuilder.repository.appendingPathComponent("Fixtures/answers/rgesn-example.yaml")

    func card() throws -> ScoreCard {
        let scorer = try ProfileBuilder.bundledScorer("rgesn-2024")
        let answers = try Answers.load(Self.answersFile, for: scorer.loaded.grid)
        return try scorer.score(nil, answers: answers, tool: ProfileBuilder.tool)
    }

    @Test func globalScoreByHand() throws {
        let card = try card()
        #expect(card.total.points == 9)
        #expect(card.total.max == 96.25)
        #expect(abs(card.total.percent! - 9 / 96.25 * 100) < 1e-9)
        #expect(card.grade == nil, "RGESN has no official grade")
        #expect(card.unanswered.count == 63)
        #expect(card.unanswered.contains("9.1"))
        #expect(card.flagged.isEmpty)
        #expect(card.answers?.answered == 15)
    }

    @Test func perThemeScoresByHand() throws {
        let card = try card()
        func theme(_ id: String) -> ScoreTotal { card.families.first { $0.id == id }!.total }
        #expect(theme("strategy").points == 1.5 && theme("strategy").max == 13.5)
        #expect(theme("specifications").points == 1.5 && theme("specifications").max == 12.5)
        #expect(theme("specifications").percent == 12)
        #expect(theme("frontend").points == 3.5 && theme("frontend").max == 7)
        #expect(theme("frontend").percent == 50)
        #expect(theme("backend").points == 2.5 && theme("backend").max == 3.5)
        #expect(abs(theme("backend").percent! - 71.428_571_428_571) < 1e-9)
        #expect(theme("algorithms").points == 0 && theme("algorithms").max == 10.25)
        for (id, max) in [("architecture", 8.25), ("ux-ui", 18.0), ("content", 10.25), ("hosting", 13.0)] {
            #expect(theme(id).points == 0 && theme(id).max == max, "\(id)")
        }
    }

    @Test func criterionStatuses() throws {
        let criteria = Dictionary(uniqueKeysWithValues: try card().families.flatMap(\.criteria).map { ($0.id, $0) })
        #expect(criteria["2.2"]?.answer == "validé", "the English label 'Validated' names 'validé'")
        #expect(criteria["7.2"]?.points == 1.25, "'VALIDÉ' in capitals")
        #expect(criteria["2.10"]?.status == .notApplicable && criteria["2.10"]?.max == 0)
        #expect(criteria["6.5"]?.status == .scored && criteria["6.5"]?.answer == "à évaluer" && criteria["6.5"]?.max == 1.25)
        #expect(criteria["9.1"]?.status == .unanswered && criteria["9.1"]?.points == 0 && criteria["9.1"]?.max == 1.5)
        #expect(criteria["1.1"]?.declared?.comment == "Utility study published in the eco-design declaration")
        #expect(criteria["1.1"]?.declared?.line == 5)
        #expect(criteria["6.1"]?.answerSource == "declared")
    }

    @Test func everythingValidatedIsAHundredOutOf100_25() throws {
        let scorer = try ProfileBuilder.bundledScorer("rgesn-2024")
        let grid = scorer.loaded.grid
        var entries: [String: Answers.Entry] = [:]
        for (_, c) in grid.allCriteria { entries[c.id] = Answers.Entry(answer: "validé", comment: nil, line: nil) }
        let card = try scorer.score(nil, answers: Answers(grid: grid.id, entries: entries), tool: ProfileBuilder.tool)
        #expect(card.total.points == 100.25)
        #expect(card.total.percent == 100)
        #expect(card.unanswered.isEmpty)
    }
}
