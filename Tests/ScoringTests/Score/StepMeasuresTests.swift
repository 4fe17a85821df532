import Foundation
import Model
import Testing
@testable import Scoring

/// `ScoreCard.steps`: what a report lists and a budget compares must add up to the figure shown for the step.
@Suite struct StepMeasuresTests {
    static func run(bytes: [Int], cpu: Double? = nil) -> PageRun {
        var r = ProfileBuilder.run(bytes.enumerated().map { i, b in
            ProfileBuilder.request("http://a.test/\(i).js", depth: i == 0 ? 0 : 1, bytes: b, type: i == 0 ? .document : .script)
        }, serverCPUms: cpu)
        r.totals.byType = ["document": Tally(requests: 1, transferBytes: bytes[0], decodedBytes: bytes[0]),
                           "script": Tally(requests: bytes.count - 1, transferBytes: bytes.dropFirst().reduce(0, +),
                                           decodedBytes: bytes.dropFirst().reduce(0, +))]
        r.totals.byDomain = ["a.test": Tally(requests: bytes.count, transferBytes: bytes.reduce(0, +), decodedBytes: bytes.reduce(0, +))]
        return r
    }

    @Test func breakdownsComeFromTheRunNearestTheMedian() {
        // Totals 1 100, 1 500 and 9 000 bytes: the median is 1 500, so the second run is the representative.
        let runs = [Self.run(bytes: [1000, 100]), Self.run(bytes: [1000, 200, 300]), Self.run(bytes: [1000, 8000])]
        let page = PageProfile(name: "Home", url: "http://a.test/", runs: runs, summary: PageSummary(
            requests: Stat(median: 3, min: 2, max: 3, cv: 0.2, n: 3),
            transferBytes: Stat(median: 1500, min: 1100, max: 9000, cv: 1, n: 3),
            decodedBytes: Stat(median: 1500, min: 1100, max: 9000, cv: 1, n: 3), domElements: nil,
            durationMs: Stat(median: 30, min: 30, max: 30, cv: 0, n: 3), serverCPUms: nil))
        let m = StepMeasures.of(page, index: 0)
        #expect(m.run == 1)
        #expect(m.requestList.map(\.transferBytes) == [1000, 300, 200], "heaviest first")
        #expect(m.requestList.reduce(0) { $0 + $1.transferBytes } == Int(m.transferBytes.median))
        #expect(m.byType.map(\.key) == ["document", "script"])
        #expect(m.byType.map(\.transferBytes) == [1000, 500])
        #expect(m.byDomain.first?.transferBytes == 1500)
        #expect(m.transferBytes.max == 9000, "the spread is the summary's, over every run")
    }

    @Test func aPageWithoutRunsHasNoBreakdown() {
        let zero = Stat(median: 0, min: 0, max: 0, cv: 0, n: 0)
        let page = PageProfile(url: "http://a.test/", runs: [], summary: PageSummary(
            requests: zero, transferBytes: zero, decodedBytes: zero, domElements: nil, durationMs: zero, serverCPUms: nil))
        let m = StepMeasures.of(page, index: 2)
        #expect(m.run == nil)
        #expect(m.index == 2)
        #expect(m.requestList.isEmpty && m.byType.isEmpty && m.byDomain.isEmpty)
    }

    @Test func theScoreCardCarriesOneEntryPerStep() throws {
        let profile = ProfileBuilder.profile([
            ProfileBuilder.page("A", "http://a.test/", Self.run(bytes: [500, 50], cpu: 12)),
            ProfileBuilder.page("B", "http://a.test/b", Self.run(bytes: [700])),
        ])
        let card = try ProfileBuilder.bundledScorer("app-referencing").score(profile, answers: nil, tool: ProfileBuilder.tool)
        #expect(card.steps.map(\.name) == ["A", "B"])
        #expect(card.steps.map(\.transferBytes.median) == [550, 700])
        #expect(card.steps[0].serverCPUms?.median == 12)
        #expect(card.steps[1].serverCPUms == nil)
    }

    @Test func theRepresentativeRunIsOneThatLoaded() {
        var failed = Self.run(bytes: [300])
        failed.error = RequestError(code: "timeout", message: "Operation timed out")
        let loaded = Self.run(bytes: [1000, 200])
        // Both totals (300 and 1 200 bytes) are 450 from the median; the first would win a tie, the loaded one is shown.
        let both = PageProfile(url: "http://a.test/", runs: [failed, loaded], summary: PageSummary(runs: [failed, loaded]))
        let m = StepMeasures.of(both, index: 0)
        #expect(m.run == 1)
        #expect(m.error == nil)
        let none = PageProfile(url: "http://a.test/", runs: [failed], summary: PageSummary(runs: [failed]))
        #expect(StepMeasures.of(none, index: 0).error == "timeout: Operation timed out")
    }
}
