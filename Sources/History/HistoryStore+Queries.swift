import Foundation
import GRDB
import Model

extension HistoryStore {
    /// Recorded runs, newest first.
    public func list(limit: Int? = nil, grid: String? = nil, target: String? = nil) throws -> [HistoryRun] {
        try guarded {
            try queue.read { db in
                var filters: [String] = [], arguments: StatementArguments = []
                if let grid { filters.append("grid_id = ?"); arguments += [grid] }
                if let target { filters.append("target = ?"); arguments += [target] }
                let filter = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
                return try HistoryRun.fetchAll(db, sql: """
                    SELECT \(HistoryRun.columns) FROM run \(filter) ORDER BY recorded_at DESC, id DESC LIMIT ?
                    """, arguments: arguments + [limit ?? -1])
            }
        }
    }

    public func run(_ id: Int64) throws -> HistoryRun {
        let run = try guarded {
            try queue.read { try HistoryRun.fetchOne($0, sql: "SELECT \(HistoryRun.columns) FROM run WHERE id = ?", arguments: [id]) }
        }
        guard let run else { throw HistoryError.noSuchRun(path: path, id: id) }
        return run
    }

    public func steps(of id: Int64) throws -> [HistoryStep] {
        try guarded {
            try queue.read { try HistoryStep.fetchAll($0, sql: "SELECT * FROM step WHERE run_id = ? ORDER BY position", arguments: [id]) }
        }
    }

    /// The stored score card JSON, exactly as recorded.
    public func cardJSON(of id: Int64) throws -> String {
        let json = try guarded { try queue.read { try String.fetchOne($0, sql: "SELECT json FROM card WHERE run_id = ?", arguments: [id]) } }
        guard let json else { throw HistoryError.noSuchRun(path: path, id: id) }
        return json
    }

    public func card(of id: Int64) throws -> ScoreCard {
        try decodedCard(try cardJSON(of: id), id: id)
    }

    /// The grid and target of the latest run (of that grid, when one is given): what `history trend` follows
    /// when not told.
    public func latestSeries(grid: String? = nil) throws -> (grid: String, target: String)? {
        try list(limit: 1, grid: grid).first.map { ($0.gridID, $0.target) }
    }

    /// The last `limit` runs of one grid and target, oldest first, with the metric's value (a step's value with
    /// `step`; nil for runs that did not measure it or lack that step).
    public func trend(_ metric: HistoryMetric, step: StepSelector? = nil, grid: String, target: String,
                      limit: Int = 20) throws -> [TrendSample] {
        let value: String, stepArgument: StatementArguments
        switch step {
        case nil:
            value = "run.\(metric.column)"; stepArgument = []
        case .number(let n):
            value = "(SELECT s.\(metric.column) FROM step s WHERE s.run_id = run.id AND s.position = ?)"; stepArgument = [n - 1]
        case .name(let name):
            value = "(SELECT s.\(metric.column) FROM step s WHERE s.run_id = run.id AND s.name = ? ORDER BY s.position LIMIT 1)"
            stepArgument = [name]
        }
        let rows = try guarded {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT run.id, run.recorded_at, run.label, run.grid_version, run.passed, \(value) AS value
                    FROM run WHERE run.grid_id = ? AND run.target = ?
                    ORDER BY run.recorded_at DESC, run.id DESC LIMIT ?
                    """, arguments: stepArgument + [grid, target, limit])
            }
        }
        return rows.reversed().map {
            TrendSample(id: $0["id"], recordedAt: $0["recorded_at"], label: $0["label"], gridVersion: $0["grid_version"],
                        passed: $0["passed"], value: $0["value"])
        }
    }

    /// The steps of the latest run of a grid and target, to tell a user which `--step` exist.
    public func latestSteps(grid: String, target: String) throws -> [HistoryStep] {
        guard let latest = try list(limit: 1, grid: grid, target: target).first else { return [] }
        return try steps(of: latest.id)
    }

    /// The card's own series — same grid, same target — for a report's trend chart: the last `limit` runs, oldest
    /// first.
    public func trend(for card: ScoreCard, limit: Int = 20) throws -> [TrendPoint] {
        try list(limit: limit, grid: card.grid.id, target: TargetKey.of(card)).reversed().map {
            TrendPoint(id: $0.id, recordedAt: $0.recordedAt, label: $0.label, grid: $0.gridID, score: $0.score,
                       grade: $0.grade, transferBytes: $0.transferBytes, requests: $0.requests, energyWh: $0.energyWh,
                       serverCPUms: $0.serverCPUms)
        }
    }

    /// The latest run of the card's grid and target that passed its check or was not checked, and whose profile
    /// was complete — `--baseline last`. The card itself, if already recorded, is never its own baseline.
    public func lastGood(for card: ScoreCard) throws -> ScoreCard? {
        let own = try? CardJSON.encode(card)
        let found = try guarded {
            try queue.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT run.id, card.json FROM run JOIN card ON card.run_id = run.id
                    WHERE run.grid_id = ? AND run.target = ? AND run.complete AND (run.passed IS NULL OR run.passed)
                      AND card.json IS NOT ?
                    ORDER BY run.recorded_at DESC, run.id DESC LIMIT 1
                    """, arguments: [card.grid.id, TargetKey.of(card), own])
            }
        }
        guard let found else { return nil }
        return try decodedCard(found["json"], id: found["id"])
    }

    private func decodedCard(_ json: String, id: Int64) throws -> ScoreCard {
        do { return try CardJSON.decode(json) } catch {
            throw HistoryError.unreadableCard(path: path, id: id, reason: "\(error)")
        }
    }
}
