import ArgumentParser
import Foundation
import History

struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one recorded run: its figures per step, or its whole score card with --json.",
        discussion: """
            With --json, prints the stored score card exactly as recorded: `ecoscore history show 12 --json > \
            baseline.json` gives a file `check --baseline` and `report` read.
            """)

    @OptionGroup var database: HistoryDatabaseOption

    @Argument(help: "The run's id (see `ecoscore history list`).")
    var id: Int64

    @Flag(help: "Print the run's score card JSON.")
    var json = false

    func run() throws {
        let store = try database.open(.read)
        if json {
            let card = try historyCall { try store.cardJSON(of: id) }
            FileHandle.standardOutput.write(Data(card.utf8) + [10])
            return
        }
        let (run, steps) = try historyCall { (try store.run(id), try store.steps(of: id)) }
        var out = "Run #\(run.id) — recorded \(HistoryText.date(run.recordedAt))"
            + (run.label.map { ", label \(HistoryText.safe($0))" } ?? "") + "\n"
        out += "Grid \(HistoryText.safe(run.gridID)) \(HistoryText.safe(run.gridVersion)) · target \(HistoryText.safe(run.target))\n"
        out += "Score \(HistoryText.value(run.score, .score)) %" + (run.grade.map { " (grade \($0))" } ?? "")
            + ", check \(HistoryText.outcome(run.passed))" + (run.complete ? "" : ", profile INCOMPLETE (never a baseline)") + "\n"
        let metrics: [HistoryMetric] = [.transferBytes, .requests, .dom, .serverCPUms, .energyWh, .ecoindex]
        out += "Run: " + metrics.map { "\($0.rawValue) \(HistoryText.value(run.value($0), $0))" }.joined(separator: ", ") + "\n"
        if !steps.isEmpty {
            var rows = [["#", "Step", "Transfer", "Requests", "DOM", "Server CPU", "Energy", "EcoIndex", "Score"]]
            for s in steps {
                rows.append(["\(s.position + 1)", HistoryText.safe(s.name ?? s.url),
                             HistoryText.value(s.transferBytes, .transferBytes), HistoryText.value(s.requests, .requests),
                             HistoryText.value(s.dom, .dom), HistoryText.value(s.serverCPUms, .serverCPUms),
                             HistoryText.value(s.energyWh, .energyWh), HistoryText.value(s.ecoindex, .ecoindex),
                             HistoryText.value(s.score, .score)])
            }
            out += "\n" + ImpactText.table(rows)
        }
        print(out, terminator: "")
    }
}
