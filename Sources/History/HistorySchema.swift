import GRDB

/// The history's tables, as migrations: a database written by an older Ecoscore is upgraded in place; one
/// written by a newer one is refused (see `HistoryStore`).
///
/// - `run`: one recorded audit — when, the label (build, commit), grid and target, the grid's score and grade,
///   the check outcome (NULL: not checked), whether the profile was complete, and the run's figures (one pass
///   through the journey: sums of the steps' medians; EcoIndex the mean of the pages').
/// - `step`: the same figures per page or journey step, for `history trend --step`.
/// - `card`: the whole score card JSON, as `ecoscore score --output` writes it, for `--baseline last`.
enum HistorySchema {
    /// `PRAGMA application_id` of an Ecoscore history ("ECOH"): tells it from someone else's SQLite file.
    static let applicationID: Int32 = 0x4543_4F48

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("history-v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recorded_at", .datetime).notNull()
                t.column("label", .text)
                t.column("grid_id", .text).notNull()
                t.column("grid_version", .text).notNull()
                t.column("target", .text).notNull()
                t.column("score", .double)
                t.column("grade", .text)
                t.column("passed", .boolean)
                t.column("complete", .boolean).notNull()
                t.column("transfer_bytes", .double).notNull()
                t.column("requests", .double).notNull()
                t.column("dom", .double)
                t.column("server_cpu_ms", .double)
                t.column("energy_wh", .double)
                t.column("ecoindex", .double)
            }
            try db.create(index: "run_by_target", on: "run", columns: ["grid_id", "target", "recorded_at"])
            try db.create(table: "step") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text)
                t.column("url", .text).notNull()
                t.column("transfer_bytes", .double).notNull()
                t.column("requests", .double).notNull()
                t.column("dom", .double)
                t.column("server_cpu_ms", .double)
                t.column("energy_wh", .double)
                t.column("ecoindex", .double)
                t.column("score", .double)
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "card") { t in
                t.primaryKey("run_id", .integer).references("run", onDelete: .cascade)
                t.column("schema_version", .integer).notNull()
                t.column("json", .text).notNull()
            }
        }
        return migrator
    }()
}
