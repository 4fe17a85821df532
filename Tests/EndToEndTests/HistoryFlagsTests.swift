import Foundation
import History
import Testing
@testable import ecoscore

/// When `audit` and `check` record, and what they read: the rule of `HistoryFlags` (docs/ci.md). Paths are absolute:
/// tests run in parallel and must not change the working directory.
@Suite struct HistoryFlagsTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Ecoscore.temporaryFolder()
        db = folder.appendingPathComponent("h/history.sqlite").path
    }

    @Test func recordingFollowsTheFlagsThenTheDefaultDatabasesPresence() throws {
        #expect(try HistoryFlags.parse(["--db", db]).isRecording == true, "--db alone turns recording on")
        #expect(try HistoryFlags.parse(["--record"]).isRecording == true)
        #expect(try HistoryFlags.parse(["--db", db, "--no-record"]).isRecording == false)
        let optedIn = FileManager.default.fileExists(atPath: HistoryStore.defaultPath)
        #expect(try HistoryFlags.parse([]).isRecording == optedIn, "no flag: on exactly when the default database exists")
        #expect(try HistoryFlags.parse([]).database.resolvedPath == ".ecoscore/history.sqlite")
    }

    @Test func notRecordingWritesNothingAndReadingNeedsNoDatabase() throws {
        let flags = try HistoryFlags.parse(["--db", db, "--no-record"])
        let card = try HistoryCardSupport.read(try HistoryCardSupport.leanCard(in: folder))
        #expect(try flags.record(card, passed: true) == nil)
        #expect(try flags.trend(for: card).isEmpty)
        #expect(try flags.lastGood(for: card) == nil)
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: db).deletingLastPathComponent().path))
    }

    @Test func recordTrendAndLastGoodThroughTheFlags() throws {
        let flags = try HistoryFlags.parse(["--db", db, "--label", "b1"])
        let card = try HistoryCardSupport.read(try HistoryCardSupport.leanCard(in: folder))
        let id = try #require(try flags.record(card, passed: false))
        #expect(try flags.trend(for: card).map(\.id) == [id])
        #expect(try flags.trend(for: card).first?.label == "b1")
        #expect(try flags.lastGood(for: card) == nil, "a failed run is no baseline")
        var next = card
        next.createdAt = card.createdAt.addingTimeInterval(60)
        _ = try flags.record(next, passed: true)
        var third = card
        third.createdAt = card.createdAt.addingTimeInterval(120)
        #expect(try flags.lastGood(for: third) == next)
        #expect(try flags.trend(for: third).count == 2)
    }

    @Test func aBrokenDatabaseIsAUsageError() throws {
        let bad = folder.appendingPathComponent("bad.sqlite").path
        try Data(String(repeating: "x", count: 4096).utf8).write(to: URL(fileURLWithPath: bad))
        let flags = try HistoryFlags.parse(["--db", bad])
        let card = try HistoryCardSupport.read(try HistoryCardSupport.leanCard(in: folder))
        for attempt in [{ _ = try flags.record(card, passed: nil) }, { _ = try flags.trend(for: card) }, { _ = try flags.lastGood(for: card) }] {
            #expect {
                try attempt()
            } throws: { error in
                guard let failure = error as? CommandFailure else { return false }
                return failure.exitCode == .usage && failure.message == "\(bad): not an SQLite database (give another --db)"
            }
        }
    }

    @Test func theLabelDefaultsToTheCIVariables() {
        #expect(HistoryFlags.labelVariables == ["ECOSCORE_LABEL", "GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA"])
        #expect(HistoryFlags.label(given: "given") == "given")
        let environment = ProcessInfo.processInfo.environment
        let expected = HistoryFlags.labelVariables.compactMap { environment[$0] }.first { !$0.isEmpty }
        #expect(HistoryFlags.label(given: nil) == expected)
    }
}
