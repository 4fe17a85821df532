import Foundation
import History
import Testing

/// Separate `ecoscore` processes writing into one history database: at the same time, and killed mid-write.
@Suite struct HistoryConcurrencyTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Ecoscore.temporaryFolder()
        db = folder.appendingPathComponent("shared/history.sqlite").path
    }

    /// Two processes start together on a database that does not exist yet (both create and migrate it), then
    /// record 20 runs each, every run its own transaction: all 40 land, each whole.
    @Test func twoProcessesRecordingAtOnceBothLand() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        let writers = try ["A", "B"].map {
            try HistoryCardSupport.start(["history", "record", card, "--db", db, "--label", $0, "--repeat", "20"])
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let store = try HistoryStore(path: db, access: .read)
        #expect(try store.integrityCheck() == ["ok"])
        let labels = Set(try store.list().compactMap(\.label))
        #expect(labels == Set(["A", "B"].flatMap { w in (1...20).map { "\(w)#\($0)" } }))
        for run in try store.list() {
            #expect(try store.steps(of: run.id).count == 3)
        }
    }

    /// Two lanes of ten separate `history record` processes each (open, record, close, as two CI jobs would).
    @Test func twoLanesOfShortLivedProcesses() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        for i in 1...10 {
            let pair = try ["A", "B"].map { try HistoryCardSupport.start(["history", "record", card, "--db", db, "--label", "\($0)-\(i)"]) }
            for p in pair {
                p.waitUntilExit()
                #expect(p.terminationStatus == 0)
            }
        }
        let store = try HistoryStore(path: db, access: .read)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.list().count == 20)
    }

    /// Six processes creating the same new database, twelve times over: the one that migrates first wins, the
    /// others wait for the schema (GRDB migrates in DEFERRED transactions, which SQLite fails at once with BUSY,
    /// and meanwhile the file has GRDB's bookkeeping table but no application id yet). Every record lands.
    @Test func sixProcessesCreatingOneDatabaseAllLand() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        for round in 1...12 {
            let db = folder.appendingPathComponent("round-\(round)/history.sqlite").path
            let writers = try ["A", "B", "C", "D", "E", "F"].map {
                try HistoryCardSupport.start(["history", "record", card, "--db", db, "--label", $0, "--repeat", "3"])
            }
            for writer in writers {
                writer.waitUntilExit()
                #expect(writer.terminationStatus == 0, "round \(round)")
            }
            let store = try HistoryStore(path: db, access: .read)
            #expect(try store.list().count == 18, "round \(round)")
            #expect(try store.integrityCheck() == ["ok"])
        }
    }

    /// A writer recording in a loop is killed with SIGKILL: the database opens, passes integrity_check, every run
    /// it committed is whole and readable (labels #1…#n with no gap), and recording goes on.
    @Test func aWriterKilledMidWriteLosesNothingCommitted() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        let writer = try HistoryCardSupport.start(["history", "record", card, "--db", db, "--label", "k", "--repeat", "100000"])
        var seen = 0
        let deadline = Date().addingTimeInterval(60)
        while seen < 50, Date() < deadline, writer.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            seen = (try? HistoryStore(path: db, access: .read).list().count) ?? 0
        }
        try #require(writer.isRunning, "the writer stopped before it could be killed")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal)
        #expect(seen >= 50)

        let store = try HistoryStore(path: db, access: .write)
        #expect(try store.integrityCheck() == ["ok"])
        let runs = try store.list()
        #expect(runs.count >= seen)
        #expect(Set(runs.compactMap(\.label)) == Set((1...runs.count).map { "k#\($0)" }))
        for run in runs {
            #expect(try store.steps(of: run.id).count == 3)
            _ = try store.card(of: run.id)
        }
        let next = try store.record(try HistoryCardSupport.read(card), label: "after", passed: true)
        #expect(try store.run(next).label == "after")
        #expect(try store.integrityCheck() == ["ok"])
    }
}
