import Foundation
import GRDB
import GRDBSQLite
import Model

/// The audit history: an SQLite database in WAL mode, so readers never block the writer, with a busy timeout so
/// that two jobs recording at once both land (each insert is one short IMMEDIATE transaction; the second waits
/// for the first). A process killed mid-write leaves its transaction uncommitted and the database intact: WAL
/// recovery on the next open drops the partial write. `synchronous = NORMAL` (GRDB's WAL setting) keeps every
/// committed run across a killed process; only a power cut may lose the last commits, never corrupt the file.
public final class HistoryStore: Sendable {
    public enum Access: Sendable {
        /// Record: the database (and its folder) is created when missing; a read-only one is an error.
        case write
        /// Read: the database must exist; it is opened read-only (a file in a read-only place is fine), so its
        /// schema must be current.
        case read
    }

    /// The default location, relative to the working directory.
    public static let defaultPath = ".ecoscore/history.sqlite"
    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    public let path: String
    let queue: DatabaseQueue

    public init(path: String, access: Access) throws {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw HistoryError.database(path: path, message: "is a folder, not a history database") }
        } else {
            guard access == .write else { throw HistoryError.missing(path: path) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw HistoryError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        // A reader changes nothing, not even the journal mode: a history copied from a CI job stays as it was.
        configuration.readonly = access == .read
        configuration.journalMode = .wal
        configuration.label = "ecoscore.history"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.explained(error, path: path)
        }
        try prepare(access)
    }

    /// Checks the file is an Ecoscore history this version understands, then brings its schema up to date.
    private func prepare(_ access: Access) throws {
        let migrator = HistorySchema.migrator
        let (writable, migrated) = try guarded {
            try queue.inDatabase { db -> (Bool, Bool) in
                let writable = sqlite3_db_readonly(db.sqliteConnection, "main") == 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // A new file, or one another process is migrating right now: GRDB creates its bookkeeping table
                // in a transaction of its own before the first migration stamps the application id.
                let fresh = applicationID == 0 && Set(tables).isSubset(of: ["grdb_migrations"])
                if applicationID != HistorySchema.applicationID && !fresh {
                    throw HistoryError.foreignDatabase(path: path)
                }
                guard tables.contains("grdb_migrations") else {
                    if access == .read { throw HistoryError.missing(path: path) }
                    return (writable, false)
                }
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
                    throw HistoryError.newerSchema(path: path, unknownMigrations: unknown)
                }
                return (writable, try migrator.hasCompletedMigrations(db))
            }
        }
        if migrated {
            if access == .write && !writable { throw HistoryError.readOnly(path: path) }
            return
        }
        guard writable else {
            throw access == .write ? HistoryError.readOnly(path: path)
                : HistoryError.database(path: path, message: "written by an older ecoscore: record into it once to upgrade it")
        }
        try migrateAlongsideOthers(migrator)
    }

    /// Migrates, tolerating other processes migrating the same new file at once. GRDB runs each migration in a
    /// DEFERRED transaction, which SQLite fails at once with SQLITE_BUSY (no busy handler: it would deadlock) when
    /// another process writes first; and a migration that lost the race fails on the tables the winner created.
    /// Either way what matters is that the schema ends complete: wait for it, up to the busy timeout.
    private func migrateAlongsideOthers(_ migrator: DatabaseMigrator) throws {
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let done = try guarded { try queue.read { try migrator.hasCompletedMigrations($0) } }
                if done { return }
                let busy = (error as? DatabaseError).map { [.SQLITE_BUSY, .SQLITE_LOCKED].contains($0.resultCode.primaryResultCode) } ?? false
                guard busy, Date() < deadline else { throw Self.explained(error, path: path) }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Runs database work, turning SQLite's errors into messages for the user.
    func guarded<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch { throw Self.explained(error, path: path) }
    }

    static func explained(_ error: Error, path: String) -> Error {
        if error is HistoryError { return error }
        guard let error = error as? DatabaseError else { return HistoryError.database(path: path, message: "\(error)") }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: return HistoryError.notADatabase(path: path)
        case .SQLITE_READONLY: return HistoryError.readOnly(path: path)
        case .SQLITE_CORRUPT: return HistoryError.database(path: path, message: "the database is corrupt (SQLite: \(error.message ?? "malformed"))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HistoryError.database(path: path, message: "another process held the database for more than \(Int(busyTimeout)) s; try again")
        case .SQLITE_CANTOPEN: return HistoryError.database(path: path, message: "cannot open (check the path and the folder's permissions)")
        case .SQLITE_FULL: return HistoryError.database(path: path, message: "the disk is full, nothing recorded")
        default: return HistoryError.database(path: path, message: "SQLite error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// `PRAGMA integrity_check`: ["ok"] when the file is sound.
    public func integrityCheck() throws -> [String] {
        try guarded { try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } }
    }
}
