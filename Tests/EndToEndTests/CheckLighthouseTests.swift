import Foundation
import Model
import Testing

/// A Lighthouse budget.json, taken as is: its script size limit (100 KiB) fails on the release's Home step, its
/// request count limit (10) holds everywhere, its timing is ignored with a note.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "server metering is Linux-only"))
struct CheckLighthouseTests {
    static let budget = CheckFixtureCards.budgets.appendingPathComponent("lighthouse-budget.json").path

    @Test func aLimitThatFailsAndOneThatHolds() throws {
        let cards = try CheckFixtureCards.get()
        let (result, outcome) = try CheckFixtureCards.outcome([cards.release.path, "--budget", Self.budget])
        #expect(result.status == 1)
        // "/*" matches the three steps; each gets the four resource limits.
        #expect(outcome.results.count == 3 * 4)
        let failed = try #require(outcome.failures.first)
        #expect(outcome.failures.count == 1)
        #expect(failed.metric == "resourceSizes.script" && failed.step == "Home")
        #expect(failed.reference == 102_400.0)   // 100 KiB
        let release = try CheckFixtureCards.decodeCard(cards.release)
        let scripts = release.steps[0].byType.first { $0.key == "script" }
        #expect(failed.value == Double(scripts?.transferBytes ?? -1))
        let counts = outcome.results.filter { $0.metric == "resourceCounts.total" }
        #expect(counts.count == 3 && counts.allSatisfy { $0.passed })
        #expect(counts.map(\.value) == release.steps.map { Double($0.requestList.count) })
        #expect(outcome.notes.contains { $0.contains("lighthouse-budget.json:4") && $0.contains("timing") })
    }

    @Test func theLeanSiteHoldsIt() throws {
        let cards = try CheckFixtureCards.get()
        let (result, outcome) = try CheckFixtureCards.outcome([cards.lean.path, "--budget", Self.budget])
        #expect(result.status == 0)
        #expect(outcome.results.count == 12 && outcome.failures.isEmpty)
    }
}
