import Foundation
import Testing
@testable import Scoring

/// Every way a grid file can be wrong gives an error naming the file, the line and the field.
@Suite struct GridValidationTests {
    /// A valid grid; each test replaces some of its lines (numbered from 1, as the errors count them).
    static let base = [
        "format: 1",                                          // 1
        "id: test-grid",                                      // 2
        "version: \"1\"",                                     // 3
        "title: {fr: \"Grille de test\", en: \"Test grid\"}", // 4
        "source: \"tests\"",                                  // 5
        "licence: \"none\"",                                  // 6
        "official: {fr: \"Rien\", en: \"Nothing\"}",          // 7
        "parameters:",                                        // 8
        "  network: 4g",                                      // 9
        "families:",                                          // 10
        "  - id: data",                                       // 11
        "    title: {fr: \"Données\", en: \"Data\"}",         // 12
        "    weight: 1",                                      // 13
        "    criteria:",                                      // 14
        "      - id: bytes",                                  // 15
        "        title: {fr: \"Octets\", en: \"Bytes\"}",     // 16
        "        kind: measured",                             // 17
        "        metric: step.transferBytes",                 // 18
        "        thresholds:",                                // 19
        "          - {to: 1000, points: 100}",                // 20
        "          - {from: 1000, to: 5000, points: 50}",     // 21
        "          - {from: 5000, points: 0}",                // 22
        "      - id: question",                               // 23
        "        title: {fr: \"Question ?\", en: \"Question?\"}", // 24
        "        kind: declared",                             // 25
        "        weight: 2",                                  // 26
        "        answers:",                                   // 27
        "          - {id: oui, label: {fr: \"Oui\", en: \"Yes\"}, points: 1}", // 28
        "          - {id: non, label: {fr: \"Non\", en: \"No\"}, points: 0}",  // 29
    ]

    /// Writes the base grid with `changes` (line number → new text) to a file of its own.
    static func file(_ changes: [Int: String]) throws -> URL {
        var lines = base
        for (n, text) in changes { lines[n - 1] = text }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString).yaml")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    /// The first problem of the grid with `changes`.
    static func firstProblem(_ changes: [Int: String]) throws -> (DataFileError, URL) {
        let url = try file(changes)
        do {
            _ = try GridLoader.load(url)
        } catch let error as DataFileError {
            return (error, url)
        }
        Issue.record("the grid loaded")
        return (DataFileError(file: "", message: ""), url)
    }

    static func expectProblem(_ changes: [Int: String], line: Int, _ text: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (error, url) = try firstProblem(changes)
        #expect(error.file == url.path, sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(url.path):\(line): "), sourceLocation: sourceLocation)
    }

    @Test func theBaseGridIsValid() throws {
        let grid = try GridLoader.load(try Self.file([:])).grid
        #expect(grid.id == "test-grid")
        #expect(grid.allCriteria.count == 2)
    }

    @Test func unknownMetric() throws {
        try Self.expectProblem([18: "        metric: step.bogus"], line: 18,
                               "families[0].criteria[0].metric: unknown metric 'step.bogus'")
    }

    @Test func unsortedThresholds() throws {
        try Self.expectProblem([20: "          - {to: 5000, points: 100}", 21: "          - {from: 1000, to: 3000, points: 50}"],
                               line: 21, "thresholds are not sorted by ascending value")
    }

    @Test func overlappingThresholds() throws {
        try Self.expectProblem([21: "          - {from: 500, to: 5000, points: 50}"], line: 21,
                               "families[0].criteria[0].thresholds[1].from: band 1 overlaps band 0: from 500 < previous to 1000")
    }

    @Test func gapBetweenThresholds() throws {
        try Self.expectProblem([21: "          - {from: 2000, to: 5000, points: 50}"], line: 21,
                               "gap between band 0 (to 1000) and band 1 (from 2000)")
    }

    @Test func invertedBand() throws {
        try Self.expectProblem([21: "          - {from: 1000, to: 1000, points: 50}", 22: "          - {from: 1000, points: 0}"],
                               line: 21, "band 1 is empty or inverted")
    }

    @Test func pointsThatRiseAsTheValueGetsWorse() throws {
        try Self.expectProblem([22: "          - {from: 5000, points: 60}"], line: 22,
                               "lower is better: points must not rise as the value rises")
    }

    @Test func lastBandMustBeOpen() throws {
        try Self.expectProblem([22: "          - {from: 5000, to: 9000, points: 0}"], line: 22,
                               "the last band has no 'to'")
    }

    @Test func missingFrenchText() throws {
        try Self.expectProblem([16: "        title: {en: \"Bytes\"}"], line: 16,
                               "families[0].criteria[0].title.fr: missing French text")
    }

    @Test func missingEnglishText() throws {
        try Self.expectProblem([12: "    title: {fr: \"Données\"}"], line: 12,
                               "families[0].title.en: missing English text")
    }

    @Test func emptyEnglishText() throws {
        try Self.expectProblem([24: "        title: {fr: \"Question ?\", en: \"\"}"], line: 24,
                               "families[0].criteria[1].title.en: missing English text")
    }

    @Test func missingTranslationOfAnAnswer() throws {
        try Self.expectProblem([29: "          - {id: non, label: {fr: \"Non\"}, points: 0}"], line: 29,
                               "label.en: missing English text")
    }

    @Test func duplicateCriterionIds() throws {
        try Self.expectProblem([23: "      - id: bytes"], line: 23,
                               "duplicate criterion id 'bytes' (first at families[0].criteria[0].id)")
    }

    @Test func weightsMustBePositive() throws {
        try Self.expectProblem([26: "        weight: 0"], line: 26, "a weight must be more than 0, got 0")
        try Self.expectProblem([13: "    weight: -1"], line: 13, "families[0].weight: a weight must be more than 0, got -1")
    }

    @Test func unknownKind() throws {
        try Self.expectProblem([17: "        kind: measurd"], line: 17,
                               "kind: invalid value 'measurd' (allowed: measured, declared)")
    }

    @Test func unknownNetworkProfile() throws {
        try Self.expectProblem([9: "  network: 5g"], line: 9, "unknown network profile '5g' (fibre, 4g, 3g)")
    }

    @Test func misspelledFieldsAreNotSilentlyIgnored() throws {
        let url = try Self.file([19: "        tresholds:"])
        let problems = GridLoader.problems(in: url)
        #expect(problems.contains { $0.line == 19 && $0.message.contains("unknown field 'tresholds'") }, "\(problems)")
        #expect(problems.contains { $0.line == 15 && $0.message.contains("needs threshold bands") }, "\(problems)")
        #expect(problems.allSatisfy { $0.file == url.path })
    }

    @Test func malformedYAMLHasItsLine() throws {
        let (error, _) = try Self.firstProblem([20: "          - {to: 1000, points: 100"])
        #expect(error.message.hasPrefix("malformed YAML"))
        #expect(error.line == 21, "\(error)")
    }

    @Test func declaredCriterionWithoutAnswers() throws {
        try Self.expectProblem([27: "        answers: yesno", 28: "        # none", 29: "        # none"], line: 27,
                               "unknown answer set 'yesno'")
    }

    @Test func evidenceMustNameTheCriterionsAnswers() throws {
        let url = try Self.file([29: """
                      - {id: non, label: {fr: "Non", en: "No"}, points: 0}
                    evidence:
                      checks: [{metric: step.requests, op: "<", value: 30}]
                      onPass: peut-être
            """])
        let problems = GridLoader.problems(in: url)
        #expect(problems.contains { $0.line == 32 && $0.message.contains("'peut-être' is not one of the criterion's answers (oui, non)") },
                "\(problems)")
    }

    @Test func validateReportsEveryProblemInDocumentOrder() throws {
        let url = try Self.file([18: "        metric: step.bogus", 23: "      - id: bytes", 26: "        weight: -2"])
        let problems = GridLoader.problems(in: url)
        #expect(problems.map(\.line) == [18, 23, 26], "\(problems)")
    }
}
