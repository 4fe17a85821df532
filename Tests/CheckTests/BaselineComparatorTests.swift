import Testing
import Model
@testable import Check

struct BaselineComparatorTests {
    typealias R = CardFactory.Request

    func compare(_ old: ScoreCard, _ new: ScoreCard, tolerance: Double? = nil) throws -> CheckOutcome {
        try Checker(budget: nil, baseline: old, baselineName: "old.json", tolerance: tolerance).check(new)
    }

    @Test func aHeavierBundleFailsAndNamesTheStepAndTheScript() throws {
        var release = CardFactory.leanSteps
        release[0].requests.append(R(path: "/lean/big.js", type: .script, bytes: 307_200))
        let o = try compare(CardFactory.card(CardFactory.leanSteps), CardFactory.card(release))
        let home = try #require(o.results.first { $0.metric == "transferBytes" && $0.step == "Home" })
        #expect(!home.passed)
        #expect(home.reference == 3300 && home.value == 310_500)
        #expect(home.details == ["new script /lean/big.js 307 200 B on step Home"])
        #expect(o.results.first { $0.metric == "transferBytes" && $0.step == "About" }?.passed == true)
        #expect(o.results.first { $0.metric == "transferBytes" && $0.step == nil }?.passed == false)
    }

    @Test func requestsAreRecognisedAcrossHostsAndFolders() throws {
        // Same site on another port and under /lean-release/: nothing is new, one file grew by 50 %.
        var moved = CardFactory.leanSteps
        for s in moved.indices {
            moved[s].path = moved[s].path.replacingOccurrences(of: "/lean/", with: "/lean-release/")
            moved[s].host = "127.0.0.1:9999"
            for r in moved[s].requests.indices {
                moved[s].requests[r].path = moved[s].requests[r].path.replacingOccurrences(of: "/lean/", with: "/lean-release/")
                moved[s].requests[r].host = "127.0.0.1:9999"
            }
        }
        moved[0].requests[1].bytes = 1200   // styles.css 800 → 1 200
        let o = try compare(CardFactory.card(CardFactory.leanSteps), CardFactory.card(moved))
        let home = try #require(o.results.first { $0.metric == "transferBytes" && $0.step == "Home" })
        #expect(!home.passed)  // 3 300 → 3 700 is +12 %
        #expect(home.details == ["heavier stylesheet /lean-release/styles.css 800 → 1 200 B (+400 B) on step Home"])
    }

    @Test func noisyServerCPUPasses() throws {
        var a = CardFactory.leanSteps, b = CardFactory.leanSteps
        a[0].cpu = (1.29, 1.46, 2.12); b[0].cpu = (1.74, 1.79, 2.16)   // measured on the lean site: +23 %
        a[1].cpu = (0.38, 0.40, 0.42); b[1].cpu = (0.88, 0.90, 0.92)   // +125 %, tight runs, under 1 ms
        let o = try compare(CardFactory.card(a), CardFactory.card(b))
        let cpu = o.results.filter { $0.metric == "serverCPUms" || $0.metric == "energyWh" }
        #expect(cpu.count == 6)  // two steps and the journey, CPU and energy
        #expect(cpu.allSatisfy { $0.passed })
        #expect(o.verdict == .passed)
    }

    @Test func cpuBeyondTheNoiseFails() throws {
        var a = CardFactory.leanSteps, b = CardFactory.leanSteps
        a[0].cpu = (1.3, 1.5, 2.1); b[0].cpu = (12.1, 12.5, 12.7)
        a[1].cpu = (0.4, 0.5, 0.6); b[1].cpu = (0.4, 0.5, 0.6)
        let o = try compare(CardFactory.card(a), CardFactory.card(b))
        #expect(o.results.first { $0.metric == "serverCPUms" && $0.step == "Home" }?.passed == false)
        #expect(o.results.first { $0.metric == "serverCPUms" && $0.step == "About" }?.passed == true)
    }

    @Test func scoreAndGradeDrops() throws {
        let old = CardFactory.card(CardFactory.leanSteps, grade: "A", percent: 85)
        let o = try compare(old, CardFactory.card(CardFactory.leanSteps, grade: "B", percent: 80))
        #expect(o.results.first { $0.metric == "grade" }?.passed == false)
        #expect(o.results.first { $0.metric == "grade" }?.message == "grade dropped from A to B")
        // −5.9 % of the score is within the 10 % tolerance; the grade still counts.
        #expect(o.results.first { $0.metric == "score" && $0.step == nil }?.passed == true)
        let worse = try compare(old, CardFactory.card(CardFactory.leanSteps, grade: "A", percent: 70))
        #expect(worse.results.first { $0.metric == "score" && $0.step == nil }?.passed == false)
    }

    @Test func toleranceComesFromTheFlagThenTheBudget() throws {
        var grown = CardFactory.leanSteps
        grown[0].requests[0].bytes = 1700   // Home 3 300 → 3 800: +15 %
        let old = CardFactory.card(CardFactory.leanSteps), new = CardFactory.card(grown)
        #expect(try compare(old, new).verdict == .failed)
        #expect(try compare(old, new, tolerance: 0.2).verdict == .passed)
        let budget = try BudgetLoader.parse("tolerance: 20%\njourney: {requests: 100}\n", file: "b.yaml")
        #expect(try Checker(budget: budget, baseline: old, baselineName: nil).check(new).verdict == .passed)
        #expect(try Checker(budget: budget, baseline: old, baselineName: nil, tolerance: 0.05).check(new).verdict == .failed)
    }

    @Test func stepsPairByNameThenByPosition() throws {
        let old = CardFactory.card(CardFactory.leanSteps)
        let swapped = CardFactory.card(Array(CardFactory.leanSteps.reversed()))
        #expect(try compare(old, swapped).verdict == .passed)
        var unnamed = CardFactory.leanSteps
        unnamed[0].name = nil; unnamed[1].name = nil
        #expect(try compare(CardFactory.card(unnamed), CardFactory.card(unnamed)).verdict == .passed)
    }
}
