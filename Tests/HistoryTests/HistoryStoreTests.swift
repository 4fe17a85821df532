import Foundation
import GRDB
@testable import History
import Model
import Testing

@Suite struct HistoryStoreTests {
    let path = CardFactory.temporaryDatabase()

    func raw<T: DatabaseValueConvertible>(_ store: HistoryStore, _ sql: String) throws -> T? {
        try store.queue.read { try T.fetchOne($0, sql: sql) }
    }

    @Test func migrationCreatesTheFolderTheSchemaAndWALMode() throws {
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path))
        let store = try HistoryStore(path: path, access: .write)
        #expect(FileManager.default.fileExists(atPath: path))
        let tables = try store.queue.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["card", "grdb_migrations", "run", "sqlite_sequence", "step"])
        #expect(try raw(store, "PRAGMA journal_mode") == "wal")
        #expect(try raw(store, "PRAGMA application_id") == HistorySchema.applicationID)
        #expect(try store.integrityCheck() == ["ok"])
        // Opening again applies nothing twice and keeps what was recorded.
        let id = try store.record(CardFactory.visit(), label: "b1", passed: nil)
        let again = try HistoryStore(path: path, access: .write)
        #expect(try again.list().map(\.id) == [id])
        #expect(try raw(again, "SELECT COUNT(*) FROM grdb_migrations") == 1)
    }

    @Test func aRunHoldsTheSumsOfItsStepsAndItsCheckOutcome() throws {
        let store = try HistoryStore(path: path, access: .write)
        let at = CardFactory.epoch.addingTimeInterval(60)
        let id = try store.record(CardFactory.visit(), label: "build 7", passed: false, at: at)
        let run = try store.run(id)
        #expect(run.label == "build 7")
        #expect(run.recordedAt == at)
        #expect(run.gridID == "app-referencing" && run.gridVersion == "2025.1")
        #expect(run.target == "journey:Visit")
        #expect(run.score == 80 && run.grade == "B")
        #expect(run.passed == false)
        #expect(run.complete)
        // Sums of the steps' medians: 3000 + 800 + 200 bytes, 5 + 1 + 1 requests, DOM 40 + 30.
        #expect(run.transferBytes == 4000)
        #expect(run.requests == 7)
        #expect(run.dom == 70)
        // Only Home was metered: the sum of what was measured, not a zero for the rest.
        #expect(run.serverCPUms == 2)
        #expect(abs((run.energyWh ?? 0) - 0.0012) < 1e-12)
        // EcoIndex of a run: mean of its pages' (the API step has none).
        #expect(run.ecoindex == 95)
        let steps = try store.steps(of: id)
        #expect(steps.map(\.name) == ["Home", "About", "API"])
        #expect(steps.map(\.transferBytes) == [3000, 800, 200])
        #expect(steps.map(\.score) == [100, 90, nil])
        #expect(steps.map(\.ecoindex) == [94, 96, nil])
        #expect(steps.map(\.serverCPUms) == [2, nil, nil])
    }

    @Test func figuresNobodyMeasuredAreNull() throws {
        let store = try HistoryStore(path: path, access: .write)
        let card = CardFactory.card(steps: [StepSpec(name: "API", url: "http://h/api", bytes: 10, requests: 1)])
        let run = try store.run(try store.record(card, label: nil, passed: nil))
        #expect(run.dom == nil && run.serverCPUms == nil && run.energyWh == nil && run.ecoindex == nil)
        #expect(run.passed == nil)
    }

    @Test func theStoredCardIsTheCardsJSON() throws {
        let store = try HistoryStore(path: path, access: .write)
        let card = CardFactory.visit()
        let id = try store.record(card, label: nil, passed: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        #expect(try store.cardJSON(of: id) == String(decoding: try encoder.encode(card), as: UTF8.self))
        #expect(try store.card(of: id) == card)
    }

    @Test func listIsNewestFirstAndFilters() throws {
        let store = try HistoryStore(path: path, access: .write)
        let a = try store.record(CardFactory.visit(bytes: 1), label: "a", passed: nil, at: CardFactory.epoch)
        let b = try store.record(CardFactory.visit(bytes: 2, grid: "rgesn-2024"), label: "b", passed: nil,
                                 at: CardFactory.epoch.addingTimeInterval(10))
        let c = try store.record(CardFactory.visit(bytes: 3), label: "c", passed: nil, at: CardFactory.epoch.addingTimeInterval(20))
        #expect(try store.list().map(\.id) == [c, b, a])
        #expect(try store.list(limit: 2).map(\.id) == [c, b])
        #expect(try store.list(grid: "app-referencing").map(\.id) == [c, a])
        #expect(try store.list(target: "journey:Nope").isEmpty)
    }

    @Test func trendIsOldestFirstByRecordingTimeAndKeepsTheLatest() throws {
        let store = try HistoryStore(path: path, access: .write)
        // Recorded out of order (a late import of an older run): the trend follows recorded_at, not the id.
        let t = { (s: Double) in CardFactory.epoch.addingTimeInterval(s) }
        try store.record(CardFactory.visit(bytes: 3000), label: "3", passed: nil, at: t(300))
        try store.record(CardFactory.visit(bytes: 1000), label: "1", passed: nil, at: t(100))
        try store.record(CardFactory.visit(bytes: 4000), label: "4", passed: nil, at: t(400))
        try store.record(CardFactory.visit(bytes: 2000), label: "2", passed: nil, at: t(200))
        // Another target and another grid do not mix in.
        try store.record(CardFactory.visit(bytes: 9999, journey: "Other"), label: "x", passed: nil, at: t(250))
        try store.record(CardFactory.visit(bytes: 8888, grid: "rgesn-2024"), label: "y", passed: nil, at: t(260))
        let all = try store.trend(.transferBytes, grid: "app-referencing", target: "journey:Visit")
        #expect(all.map(\.label) == ["1", "2", "3", "4"])
        // Run totals: home + 800 + 200.
        #expect(all.map(\.value) == [2000, 3000, 4000, 5000])
        let last2 = try store.trend(.transferBytes, grid: "app-referencing", target: "journey:Visit", limit: 2)
        #expect(last2.map(\.label) == ["3", "4"])
    }

    @Test func trendOfOneStepByNameOrNumber() throws {
        let store = try HistoryStore(path: path, access: .write)
        try store.record(CardFactory.visit(bytes: 1000), label: "1", passed: nil, at: CardFactory.epoch)
        // A run whose journey lost its About step: that run has no value for the step.
        let shorter = CardFactory.card(steps: [StepSpec(name: "Home", url: "http://127.0.0.1:8080/lean/", bytes: 1500, requests: 4)])
        try store.record(shorter, label: "2", passed: nil, at: CardFactory.epoch.addingTimeInterval(1))
        let home = try store.trend(.transferBytes, step: StepSelector("Home"), grid: "app-referencing", target: "journey:Visit")
        #expect(home.map(\.value) == [1000, 1500])
        let about = try store.trend(.requests, step: StepSelector("2"), grid: "app-referencing", target: "journey:Visit")
        #expect(about.map(\.value) == [1, nil])
        let score = try store.trend(.score, step: .name("About"), grid: "app-referencing", target: "journey:Visit")
        #expect(score.map(\.value) == [90, nil])
        #expect(try store.latestSteps(grid: "app-referencing", target: "journey:Visit").map(\.name) == ["Home"])
    }

    @Test func lastGoodSkipsFailedAndIncompleteRunsAndTheCardItself() throws {
        let store = try HistoryStore(path: path, access: .write)
        let t = { (s: Double) in CardFactory.epoch.addingTimeInterval(s) }
        let passed = CardFactory.visit(bytes: 1000, createdAt: t(1))
        let unchecked = CardFactory.visit(bytes: 2000, createdAt: t(2))
        let failed = CardFactory.visit(bytes: 3000, createdAt: t(3))
        let interrupted = CardFactory.visit(bytes: 4000, createdAt: t(4), incomplete: "interrupted")
        try store.record(passed, label: nil, passed: true, at: t(1))
        try store.record(unchecked, label: nil, passed: nil, at: t(2))
        try store.record(failed, label: nil, passed: false, at: t(3))
        try store.record(interrupted, label: nil, passed: nil, at: t(4))
        let current = CardFactory.visit(bytes: 5000, createdAt: t(5))
        #expect(try store.lastGood(for: current) == unchecked)
        // Once the current card is recorded (audit records, then checks), it is still not its own baseline.
        try store.record(current, label: nil, passed: nil, at: t(5))
        #expect(try store.lastGood(for: current) == unchecked)
        // Another target has no good run.
        #expect(try store.lastGood(for: CardFactory.visit(journey: "Other")) == nil)
        #expect(try store.trend(for: current).map(\.transferBytes) == [2000, 3000, 4000, 5000, 6000])
    }

    @Test func recordingTheSameCardAgainUpdatesItsOutcome() throws {
        let store = try HistoryStore(path: path, access: .write)
        let card = CardFactory.visit()
        let first = try store.record(card, label: "b1", passed: nil)
        let again = try store.record(card, label: "b1", passed: false)
        #expect(again == first)
        #expect(try store.run(first).passed == false)
        // Another label is another run (two jobs may record the same figures).
        #expect(try store.record(card, label: "b2", passed: nil) != first)
        #expect(try store.list().count == 2)
    }

    @Test func unknownRunIsAClearError() throws {
        let store = try HistoryStore(path: path, access: .write)
        #expect(throws: HistoryError.noSuchRun(path: path, id: 42)) { try store.run(42) }
        #expect(throws: HistoryError.noSuchRun(path: path, id: 42)) { try store.cardJSON(of: 42) }
    }
}
