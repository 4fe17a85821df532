import Testing
import Model
@testable import Check

struct BudgetEvaluatorTests {
    typealias R = CardFactory.Request

    func outcome(_ budget: String, _ card: ScoreCard) throws -> CheckOutcome {
        try Checker(budget: try BudgetLoader.parse(budget, file: "b.yaml"), baseline: nil, baselineName: nil).check(card)
    }

    @Test func stepAndJourneyLimits() throws {
        // Home: 3 300 B in 5 requests; About: 2 700 B in 4 requests (CardFactory.leanSteps).
        let o = try outcome("""
            journey:
              transferBytes: 6000
              requests: 8
            steps:
              - name: Home
                transferBytes: 3 kB
              - path: /lean/about.html$
                transferBytes: 3 kB
            """, CardFactory.card(CardFactory.leanSteps))
        let byKey = Dictionary(uniqueKeysWithValues: o.results.map { ("\($0.metric) \($0.step ?? "journey")", $0) })
        #expect(byKey["transferBytes journey"]?.passed == true)       // 6 000 ≤ 6 000
        #expect(byKey["requests journey"]?.passed == false)          // 9 > 8
        #expect(byKey["requests journey"]?.delta == 1)
        #expect(byKey["transferBytes Home"]?.passed == false)        // 3 300 > 3 000
        #expect(byKey["transferBytes Home"]?.value == 3300)
        #expect(byKey["transferBytes Home"]?.source == "b.yaml:6")
        #expect(byKey["transferBytes About"]?.passed == true)
        #expect(o.results.count == 4)
        #expect(o.verdict == .failed)
    }

    @Test func resourceLimitsNameTheHeaviestRequests() throws {
        var steps = CardFactory.leanSteps
        steps[0].requests.append(R(path: "/lean/big.js", type: .script, bytes: 307_200))
        let o = try outcome("steps:\n  - name: Home\n    resourceSizes: {script: 100 KiB}\n    resourceCounts: {script: 2}\n",
                            CardFactory.card(steps))
        let size = try #require(o.results.first { $0.metric == "resourceSizes.script" })
        #expect(!size.passed)
        #expect(size.value == 307_800)
        #expect(size.details.first == "script /lean/big.js 307 200 B on step Home")
        #expect(o.results.first { $0.metric == "resourceCounts.script" }?.passed == true)
    }

    @Test func thirdPartiesBySiteOrByListedHosts() throws {
        var steps = CardFactory.leanSteps
        steps[0].requests.append(R(path: "/font.woff2", type: .font, bytes: 10_000, host: "fonts.example.net"))
        let card = CardFactory.card(steps)
        let bySite = try outcome("steps:\n  - name: Home\n    resourceCounts: {third-party: 0}\n", card)
        #expect(bySite.results.map(\.value) == [1])
        let listed = try outcome("steps:\n  - name: Home\n    firstPartyHosts: ['*.example.net', '127.0.0.1']\n    resourceCounts: {third-party: 0}\n", card)
        #expect(listed.results.map(\.value) == [0])
    }

    @Test func lighthouseAppliesOnlyTheLastMatchingBudget() throws {
        let o = try outcome("""
            [{"path": "/", "resourceCounts": [{"resourceType": "total", "budget": 1}]},
             {"path": "/lean/about", "resourceCounts": [{"resourceType": "total", "budget": 4}]}]
            """, CardFactory.card(CardFactory.leanSteps))
        // Home: only the first budget matches (5 > 1); About: the last one (4 ≤ 4).
        #expect(o.results.map { "\($0.step!) \($0.passed)" } == ["Home false", "About true"])
        #expect(o.notes.isEmpty)
    }

    @Test func gradesFollowTheGridScale() throws {
        let card = CardFactory.card(CardFactory.leanSteps, grade: "C")
        #expect(try outcome("journey: {minGrade: B}\n", card).results.first?.passed == false)
        #expect(try outcome("journey: {minGrade: C}\n", card).results.first?.passed == true)
        #expect(throws: BudgetError.self) { try outcome("journey: {minGrade: Z}\n", card) }
    }

    @Test func unmeasuredFiguresFailAndRulesMatchingNothingAreNoted() throws {
        let o = try outcome("steps:\n  - name: Home\n    serverCPUms: 50\n  - name: Checkout\n    requests: 3\n",
                            CardFactory.card(CardFactory.leanSteps))
        #expect(o.results.count == 1)
        #expect(o.results[0].passed == false)
        #expect(o.results[0].message.contains("not metered"))
        #expect(o.notes.count == 1)
        #expect(o.notes[0].contains("b.yaml:4") && o.notes[0].contains("matches no step"))
    }

    @Test func aStepThatDidNotLoadMeansNotMeasured() throws {
        var steps = CardFactory.leanSteps
        steps[1].error = "connection refused"
        let o = try outcome("journey: {requests: 100}\n", CardFactory.card(steps))
        #expect(o.verdict == .unmeasured)
        #expect(o.results.isEmpty)
        #expect(o.unmeasured == ["step About could not be loaded: connection refused"])
        let interrupted = try outcome("journey: {requests: 100}\n", CardFactory.card(CardFactory.leanSteps, incomplete: "interrupted"))
        #expect(interrupted.verdict == .unmeasured)
    }
}
