import FixtureServer
import Foundation
import History
import Testing

/// `ecoscore audit` and the history: a project that opted in (the default database exists) records every audit
/// without a flag; `--no-record` skips one; the recorded card is the audit's scorecard.json.
@Suite struct HistoryAuditTests {
    @Test func auditsRecordOnceTheProjectOptedIn() throws {
        let project = try Ecoscore.temporaryFolder()
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let journey = JourneyCommandTests.journeys.appendingPathComponent("lean.yaml").path
        func audit(_ extra: [String]) throws -> CommandResult {
            try Ecoscore.run(["audit", journey, "--base-url", server.baseURL.absoluteString, "--runs", "1", "--warmup", "0",
                              "--out", "out"] + extra, in: project)
        }
        let db = project.appendingPathComponent(".ecoscore/history.sqlite").path

        let before = try audit([])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "no database, no flag: nothing recorded")

        let optIn = try audit(["--record", "--label", "first"])
        #expect(optIn.status == 0, "\(optIn.stderr)")
        let later = try audit(["--label", "second"])
        #expect(later.status == 0, "\(later.stderr)")
        let skipped = try audit(["--no-record", "--label", "third"])
        #expect(skipped.status == 0, "\(skipped.stderr)")

        let store = try HistoryStore(path: db, access: .read)
        let runs = try store.list()
        #expect(runs.map(\.label) == ["second", "first"])
        #expect(runs.allSatisfy { $0.passed == nil }, "no budget, no baseline: not checked")
        // The last recorded run is the audit's score card as written (the third audit, not recorded, wrote after it).
        let second = try #require(runs.first)
        #expect(try store.card(of: second.id).grid.id == "app-referencing")
        #expect(try store.steps(of: second.id).map(\.name) == ["Home", "About", "Home again"])
    }
}
