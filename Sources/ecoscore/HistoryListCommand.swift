import ArgumentParser
import Foundation
import History

struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded runs, newest first.")

    @OptionGroup var database: HistoryDatabaseOption

    @Option(help: "How many runs to list.")
    var limit = 20

    @Option(help: "Only the runs of this grid (e.g. app-referencing).")
    var grid: String?

    @Option(help: "Only the runs of this target key (as listed, e.g. \"journey:My visit\").")
    var target: String?

    @Flag(help: "Print the runs as JSON.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit is 1 or more") }
    }

    func run() throws {
        let store = try database.open(.read)
        let runs = try historyCall { try store.list(limit: limit, grid: grid, target: target) }
        if json {
            FileHandle.standardOutput.write(try encodeJSON(runs) + [10])
            return
        }
        guard !runs.isEmpty else {
            print("No runs recorded in \(store.path)" + (grid != nil || target != nil ? " for this grid and target." : "."))
            return
        }
        var rows = [["ID", "Recorded (UTC)", "Label", "Grid", "Target", "Score", "Grade", "Check", "Transfer", "Requests"]]
        for r in runs {
            rows.append(["\(r.id)", HistoryText.date(r.recordedAt), HistoryText.safe(r.label ?? "–"),
                         HistoryText.safe("\(r.gridID) \(r.gridVersion)"), HistoryText.safe(r.target),
                         HistoryText.value(r.score, .score), r.grade ?? "–", HistoryText.outcome(r.passed),
                         HistoryText.value(r.transferBytes, .transferBytes), HistoryText.value(r.requests, .requests)])
        }
        print(ImpactText.table(rows), terminator: "")
    }
}
