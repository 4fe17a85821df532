import Foundation
import Testing
import Yams
@testable import Scoring

@Suite struct RGESNAnswersTests {
    static let rgesn = try! GridLibrary.bundled("rgesn-2024").grid

    @Test func answersForAnotherGridNameBothGrids() throws {
        let url = ProfileBuilder.repository.appendingPathComponent("Fixtures/answers/wrong-grid.yaml")
        #expect {
            _ = try Answers.load(url, for: Self.rgesn)
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            return e.file == url.path && e.line == 2
                && e.message == "these answers are for grid 'app-referencing', not for grid 'rgesn-2024'"
        }
    }

    @Test func unknownStatusListsTheAllowedAnswers() throws {
        let text = "grid: rgesn-2024\nanswers:\n  \"1.1\": {status: peut-être}\n"
        #expect {
            _ = try Answers.parse(text, file: "a.yaml", for: Self.rgesn)
        } throws: { error in
            let e = error as? DataFileError
            return e?.line == 3 && e?.message == "answers.1.1: unknown status 'peut-être' (allowed: validé, en cours, non validé, non applicable, à évaluer)"
        }
    }

    @Test func unknownCriterion() throws {
        let text = "grid: rgesn-2024\nanswers:\n  \"1.1\": validé\n  \"10.1\": validé\n"
        #expect {
            _ = try Answers.parse(text, file: "a.yaml", for: Self.rgesn)
        } throws: { error in
            let e = error as? DataFileError
            return e?.line == 4 && e?.message == "answers: '10.1' is not a criterion of grid 'rgesn-2024'"
        }
    }

    @Test func measuredCriteriaAreNotAnswered() throws {
        let grid = try GridLibrary.bundled("app-referencing").grid
        let text = "grid: app-referencing\nanswers:\n  data.transfer: {status: 100}\n"
        #expect {
            _ = try Answers.parse(text, file: "a.yaml", for: grid)
        } throws: { error in
            (error as? DataFileError)?.message == "answers: 'data.transfer' is measured from the profile, not answered"
        }
    }

    @Test func unquotedIdsKeepTheirDigits() throws {
        // `1.10` unquoted would be the number 1.1 in YAML; the id is read as written.
        let answers = try Answers.parse("grid: rgesn-2024\nanswers:\n  1.10: validé\n  1.1: non validé\n",
                                        file: "a.yaml", for: Self.rgesn)
        #expect(answers.entries["1.10"]?.answer == "validé")
        #expect(answers.entries["1.1"]?.answer == "non validé")
    }

    @Test func templateListsEveryQuestionAndParsesBack() throws {
        let text = AnswersTemplate.render(Self.rgesn)
        let answers = try Answers.parse(text, file: "template.yaml", for: Self.rgesn)
        #expect(answers.grid == "rgesn-2024")
        #expect(answers.entries.count == 78)
        #expect(answers.entries.values.allSatisfy { $0.answer == nil }, "the template leaves every status empty")
        for (_, c) in Self.rgesn.allCriteria {
            #expect(text.contains("\n  \"\(c.id)\":\n    status:\n    comment:\n"), "\(c.id)")
            #expect(text.contains(c.title.fr.prefix(60)), "\(c.id) question")
        }
        // Help texts and allowed answers are comments.
        #expect(text.contains("#   Objectif / objective:"))
        #expect(text.contains("#   Contrôle / how to check:"))
        #expect(text.contains("#   Answers: validé | en cours | non validé | non applicable | à évaluer"))
        #expect(text.contains("#   [measured] compression.share ≥ 0.95: pass → validé, fail → non validé"))
        // Every line is a comment, a key, or blank: no help text leaked out of a comment.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            #expect(t.isEmpty || t.hasPrefix("#") || t.hasPrefix("grid:") || t == "answers:" || t.hasPrefix("\"")
                    || t == "status:" || t == "comment:", "\(line)")
        }
        // The scored template: everything unanswered, so 0 %.
        let card = try Scorer.bundled(try GridLibrary.bundled("rgesn-2024")).score(nil, answers: answers, tool: ProfileBuilder.tool)
        #expect(card.unanswered.count == 78)
        #expect(card.total.percent == 0)
    }

    @Test func templateOfAFullyMeasuredGrid() throws {
        let grid = try GridLibrary.bundled("app-referencing").grid
        let text = AnswersTemplate.render(grid)
        #expect(text.contains("answers: {}"))
        #expect(try Answers.parse(text, file: "t.yaml", for: grid).entries.isEmpty)
    }
}
