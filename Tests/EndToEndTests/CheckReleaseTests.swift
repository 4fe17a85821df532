import Foundation
import Model
import Testing

/// Issue 6's "done means": the release with a ~300 kB script fails against the lean baseline and names the step
/// and the script; a fresh measurement of the same lean journey, server CPU included, passes despite noise.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "server metering is Linux-only"))
struct CheckReleaseTests {
    @Test func releaseFailsAndNamesTheStepAndTheScript() throws {
        let cards = try CheckFixtureCards.get()
        let table = try Ecoscore.run(["check", cards.release.path, "--baseline", cards.lean.path])
        #expect(table.status == 1, "\(table.stderr)")
        // The table row of the step and the line that names the script.
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("baseline") && $0.contains("transferBytes") && $0.contains("Home") })
        #expect(rows.contains { $0.contains("new script /lean-release/big.js") && $0.hasSuffix("on step Home") })
        #expect(rows.last?.hasPrefix("FAILED:") == true)

        let (result, outcome) = try CheckFixtureCards.outcome([cards.release.path, "--baseline", cards.lean.path])
        #expect(result.status == 1)
        let home = try #require(outcome.results.first { $0.metric == "transferBytes" && $0.step == "Home" })
        #expect(!home.passed)
        // The script's own transfer bytes, as the release card measured them.
        let release = try CheckFixtureCards.decodeCard(cards.release)
        let big = try #require(release.steps[0].requestList.first { $0.url.hasSuffix("/lean-release/big.js") })
        #expect(big.transferBytes > 300_000)
        #expect(home.details.contains("new script /lean-release/big.js \(grouped(big.transferBytes)) B on step Home"))
        #expect(home.delta == release.steps[0].transferBytes.median - (try CheckFixtureCards.decodeCard(cards.lean)).steps[0].transferBytes.median)
        // About loads the same files in both: it holds.
        #expect(outcome.results.filter { $0.step == "About" }.allSatisfy { $0.passed })
    }

    @Test func repeatingTheLeanJourneyPassesDespiteNoise() throws {
        let cards = try CheckFixtureCards.get()
        let again = try CheckFixtureCards.decodeCard(cards.leanAgain)
        // Server CPU was metered on every step, so the comparison includes its noise.
        #expect(again.steps.allSatisfy { $0.serverCPUms != nil })
        let (result, outcome) = try CheckFixtureCards.outcome([cards.leanAgain.path, "--baseline", cards.lean.path])
        #expect(result.status == 0, "\(outcome.failures.map(\.message))")
        #expect(outcome.verdict == .passed)
        #expect(outcome.results.filter { $0.metric == "serverCPUms" }.count == 4)   // three steps and the journey
        let table = try Ecoscore.run(["check", cards.leanAgain.path, "--baseline", cards.lean.path])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("PASSED: all \(outcome.results.count) checks hold"))
    }

    @Test func theExampleBudgetHoldsForLeanAndNotForTheRelease() throws {
        let cards = try CheckFixtureCards.get()
        let budget = CheckFixtureCards.budgets.appendingPathComponent("lean.yaml").path
        let (leanResult, lean) = try CheckFixtureCards.outcome([cards.lean.path, "--budget", budget])
        #expect(leanResult.status == 0, "\(lean.failures.map(\.message))")
        let (releaseResult, release) = try CheckFixtureCards.outcome([cards.release.path, "--budget", budget])
        #expect(releaseResult.status == 1)
        // The script limits of Home and of the journey, and the transfer limits of both.
        #expect(Set(release.failures.map { "\($0.metric) \($0.step ?? "journey")" })
                == ["transferBytes journey", "resourceSizes.script journey", "transferBytes Home", "resourceSizes.script Home"])
        #expect(release.failures.allSatisfy { $0.source?.hasPrefix(budget + ":") == true })
    }

    func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }
}
