import ArgumentParser
import Foundation
import History
import Model

/// `--db`: the history database every history-aware command reads or writes.
struct HistoryDatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The history database (SQLite; default \(HistoryStore.defaultPath), its folder created when missing).",
                               valueName: "path"))
    var path: String?

    var resolvedPath: String { path ?? HistoryStore.defaultPath }

    var exists: Bool { FileManager.default.fileExists(atPath: resolvedPath) }

    func open(_ access: HistoryStore.Access) throws -> HistoryStore {
        try historyCall { try HistoryStore(path: resolvedPath, access: access) }
    }

    /// The last recorded runs for the card's grid and target, oldest first; none when there is no database.
    func trend(for card: ScoreCard, limit: Int = 20) throws -> [TrendPoint] {
        guard exists else { return [] }
        let store = try open(.read)
        return try historyCall { try store.trend(for: card, limit: limit) }
    }
}

/// Runs history work, turning its errors into usage failures (exit 2) with the database's path.
func historyCall<T>(_ work: () throws -> T) throws -> T {
    do { return try work() } catch let error as HistoryError {
        throw CommandFailure.usage(error.description)
    }
}

/// History flags shared by `audit`, `check` and `history`. Owned by the history feature (issue 6).
///
/// Recording is on when `--record` is given, or when `--db` is given, or when the default database already exists
/// — a project opts in once (`--record`, or `ecoscore history record`) and every later audit in that folder is
/// recorded without a flag; `--no-record` turns it off for one run. The label defaults to the first of
/// $ECOSCORE_LABEL, $GIT_COMMIT (Jenkins), $GITHUB_SHA (GitHub Actions), $CI_COMMIT_SHA (GitLab CI) that is set.
struct HistoryFlags: ParsableArguments {
    @OptionGroup(title: "History")
    var database: HistoryDatabaseOption

    @Flag(name: .customLong("record"), inversion: .prefixedNo,
          help: "Record the run in the history (default: when --db is given or the default database exists).")
    var recording: Bool?

    @Option(help: "Label of the recorded run: a build id or commit (default: $ECOSCORE_LABEL, $GIT_COMMIT, $GITHUB_SHA or $CI_COMMIT_SHA).")
    var label: String?

    static let labelVariables = ["ECOSCORE_LABEL", "GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA"]

    var isRecording: Bool { recording ?? (database.path != nil || database.exists) }

    /// The label given, else the first CI variable set.
    static func label(given: String?) -> String? {
        if let given { return given }
        let environment = ProcessInfo.processInfo.environment
        return labelVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    /// Records an audit's score card when recording is on, with the outcome of its check (nil: not checked);
    /// returns its id in the history, nil when not recorded.
    func record(_ card: ScoreCard, passed: Bool?) throws -> Int64? {
        guard isRecording else { return nil }
        let store = try database.open(.write)
        return try historyCall { try store.record(card, label: Self.label(given: label), passed: passed) }
    }

    /// The last recorded runs for the same grid and target, oldest first, for a report's trend chart.
    func trend(for card: ScoreCard, limit: Int = 20) throws -> [TrendPoint] {
        try database.trend(for: card, limit: limit)
    }

    /// The latest recorded run for the same grid and target that passed its check (or was not checked): what
    /// `--baseline last` compares with. nil when the history holds none.
    func lastGood(for card: ScoreCard) throws -> ScoreCard? {
        guard database.exists else { return nil }
        let store = try database.open(.read)
        return try historyCall { try store.lastGood(for: card) }
    }
}
