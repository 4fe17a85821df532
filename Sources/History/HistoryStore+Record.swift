import Foundation
import GRDB
import Model

extension HistoryStore {
    /// Records a score card with its label and check outcome (nil: not checked); returns the run's id.
    ///
    /// The same card recorded again under the same label is the same run: its id comes back, and a check outcome
    /// given now replaces the stored one — so `score` then `check` with history on leave one row, not two.
    @discardableResult
    public func record(_ card: ScoreCard, label: String?, passed: Bool?, at date: Date = Date()) throws -> Int64 {
        let json: String
        do { json = try CardJSON.encode(card) } catch {
            throw HistoryError.database(path: path, message: "cannot encode the score card: \(error)")
        }
        let figures = RunFigures(card)
        let target = TargetKey.of(card)
        return try guarded {
            try queue.write { db -> Int64 in
                if let existing = try Int64.fetchOne(db, sql: """
                    SELECT run.id FROM run JOIN card ON card.run_id = run.id
                    WHERE run.grid_id = ? AND run.target = ? AND run.label IS ? AND card.json = ?
                    ORDER BY run.id DESC LIMIT 1
                    """, arguments: [card.grid.id, target, label, json]) {
                    if let passed { try db.execute(sql: "UPDATE run SET passed = ? WHERE id = ?", arguments: [passed, existing]) }
                    return existing
                }
                try db.execute(sql: """
                    INSERT INTO run (recorded_at, label, grid_id, grid_version, target, score, grade, passed, complete,
                                     transfer_bytes, requests, dom, server_cpu_ms, energy_wh, ecoindex)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [date, label, card.grid.id, card.grid.version, target, figures.score, card.grade, passed,
                                     card.profile?.incomplete == nil, figures.transferBytes, figures.requests, figures.dom,
                                     figures.serverCPUms, figures.energyWh, figures.ecoindex])
                let id = db.lastInsertedRowID
                for s in figures.steps {
                    try db.execute(sql: """
                        INSERT INTO step (run_id, position, name, url, transfer_bytes, requests, dom, server_cpu_ms,
                                          energy_wh, ecoindex, score)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, s.position, s.name, s.url, s.transferBytes, s.requests, s.dom, s.serverCPUms,
                                         s.energyWh, s.ecoindex, s.score])
                }
                try db.execute(sql: "INSERT INTO card (run_id, schema_version, json) VALUES (?, ?, ?)",
                               arguments: [id, card.schemaVersion, json])
                return id
            }
        }
    }
}
