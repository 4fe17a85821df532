import Foundation
import GRDB
@testable import History
import Testing

/// Databases a user may point `--db` at by mistake: each is a clear error, and none is modified.
@Suite struct HistoryErrorTests {
    let path = CardFactory.temporaryDatabase()

    func folder() throws {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
    }

    @Test func readingAMissingDatabaseCreatesNothing() throws {
        #expect(throws: HistoryError.missing(path: path)) { try HistoryStore(path: path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path))
    }

    @Test(arguments: ["not a database", String(repeating: "PNG garbage, not SQLite. ", count: 200)])
    func aFileThatIsNotSQLite(content: String) throws {
        try folder()
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        for access in [HistoryStore.Access.read, .write] {
            #expect(throws: HistoryError.notADatabase(path: path)) { try HistoryStore(path: path, access: access) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func someoneElsesSQLiteDatabaseIsLeftAlone() throws {
        try folder()
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE patient (id INTEGER PRIMARY KEY, name TEXT)") }
        #expect(throws: HistoryError.foreignDatabase(path: path)) { try HistoryStore(path: path, access: .write) }
        let tables = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["patient"])
    }

    @Test func aDatabaseFromANewerEcoscoreIsRefused() throws {
        let store = try HistoryStore(path: path, access: .write)
        try store.record(CardFactory.visit(), label: nil, passed: nil)
        try store.queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('history-v2')") }
        for access in [HistoryStore.Access.read, .write] {
            #expect(throws: HistoryError.newerSchema(path: path, unknownMigrations: ["history-v2"])) {
                try HistoryStore(path: path, access: access)
            }
        }
        #expect(HistoryError.newerSchema(path: path, unknownMigrations: ["history-v2"]).description.contains("newer ecoscore"))
    }

    @Test func aFolderIsNotADatabase() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: HistoryError.database(path: path, message: "is a folder, not a history database")) {
            try HistoryStore(path: path, access: .write)
        }
    }

    @Test func aFolderThatCannotBeCreated() throws {
        try folder()
        let blocker = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let inside = blocker + "/sub/history.sqlite"
        #expect {
            try HistoryStore(path: inside, access: .write)
        } throws: { error in
            guard case .cannotCreateFolder(let folder, _)? = error as? HistoryError else { return false }
            return folder.hasSuffix("/file/sub")
        }
    }

    /// Read-only for root too: `chattr +i` (root ignores permission bits), `chmod` for anyone else.
    static func makeReadOnly(_ path: String) -> Bool {
        if geteuid() != 0 { return chmod(path, 0o444) == 0 }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = ["+i", path]
        guard (try? chattr.run()) != nil else { return false }
        chattr.waitUntilExit()
        return chattr.terminationStatus == 0
    }

    static func makeWritable(_ path: String) {
        if geteuid() == 0 {
            let chattr = Process()
            chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            chattr.arguments = ["-i", path]
            try? chattr.run()
            chattr.waitUntilExit()
        }
        chmod(path, 0o644)
    }

    @Test func aReadOnlyDatabaseCanBeReadButNotRecordedInto() throws {
        do {
            let store = try HistoryStore(path: path, access: .write)
            try store.record(CardFactory.visit(), label: "kept", passed: nil)
        }
        try #require(Self.makeReadOnly(path), "cannot make a file read-only here (chattr or chmod)")
        defer { Self.makeWritable(path) }
        #expect(throws: HistoryError.readOnly(path: path)) {
            try HistoryStore(path: path, access: .write).record(CardFactory.visit(bytes: 1), label: nil, passed: nil)
        }
        let reader = try HistoryStore(path: path, access: .read)
        #expect(try reader.list().map(\.label) == ["kept"])
    }
}
