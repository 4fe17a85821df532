import Foundation

/// A history database that cannot be used, phrased for the person who pointed Ecoscore at it.
public enum HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Reading commands do not create a database: nothing recorded there yet.
    case missing(path: String)
    case notADatabase(path: String)
    /// An SQLite database, but someone else's: Ecoscore will not add its tables to it.
    case foreignDatabase(path: String)
    /// Written by a newer Ecoscore: its migrations are unknown here, so its rows may mean something else.
    case newerSchema(path: String, unknownMigrations: [String])
    case readOnly(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case noSuchRun(path: String, id: Int64)
    /// A stored score card that no longer decodes (edited by hand, or written by a newer Ecoscore).
    case unreadableCard(path: String, id: Int64, reason: String)
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no runs recorded here yet (record with `--record`, `--db PATH` or `ecoscore history record`)"
        case .notADatabase(let path):
            return "\(path): not an SQLite database (give another --db)"
        case .foreignDatabase(let path):
            return "\(path): an SQLite database, but not an Ecoscore history (its tables are someone else's; give another --db)"
        case .newerSchema(let path, let unknown):
            return "\(path): written by a newer ecoscore (schema migrations \(unknown.joined(separator: ", ")) unknown here): upgrade ecoscore or give another --db"
        case .readOnly(let path):
            return "\(path): the history database is read-only (check the file's and its folder's permissions), nothing recorded"
        case .cannotCreateFolder(let path, let reason):
            return "\(path): cannot create the history folder: \(reason)"
        case .noSuchRun(let path, let id):
            return "\(path): no recorded run #\(id) (see `ecoscore history list`)"
        case .unreadableCard(let path, let id, let reason):
            return "\(path): the score card of run #\(id) cannot be read: \(reason)"
        case .database(let path, let message):
            return "\(path): \(message)"
        }
    }
}
