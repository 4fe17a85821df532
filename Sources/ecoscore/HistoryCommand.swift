import ArgumentParser
import Foundation
import History

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show and trend the recorded audits.",
        discussion: """
            The history is an SQLite database (default \(HistoryStore.defaultPath), or --db PATH) holding every \
            recorded run: when, its label (build id, commit), grid, target, score, grade, check outcome, the \
            figures of the run and of each step, and the whole score card. Runs are recorded by `audit` and \
            `check` (when --db is given, --record is given, or the default database exists) and by \
            `ecoscore history record SCORECARD.json` for pipelines that score separately.

            Runs compare like with like: a trend or `--baseline last` follows one grid and one target — a journey \
            by its name, pages by their first URL (see `history list` for the targets). Two jobs may record into \
            one database at once (WAL mode, busy timeout); a killed job loses only its own unfinished record.

            Exit codes: 0 ok; 2 usage error, no such run, or a database that cannot be used (missing for a \
            reading command, not a database, written by a newer ecoscore, read-only when recording).
            """,
        subcommands: [HistoryListCommand.self, HistoryShowCommand.self, HistoryTrendCommand.self, HistoryRecordCommand.self]
    )
}

/// How the history commands print what they read: figures per metric, and target text made safe for a terminal
/// (journey names, labels and URLs come from files and environments Ecoscore does not control).
enum HistoryText {
    static func date(_ date: Date) -> String {
        date.ISO8601Format()
    }

    static func safe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "?" : $0
        }))
    }

    static func outcome(_ passed: Bool?) -> String {
        switch passed {
        case true?: "passed"
        case false?: "FAILED"
        case nil: "–"
        }
    }

    static func value(_ value: Double?, _ metric: HistoryMetric) -> String {
        guard let value else { return "–" }
        switch metric {
        case .transferBytes: return grouped(value) + " B"
        case .requests, .dom: return value == value.rounded() ? grouped(value) : String(format: "%.1f", value)
        case .score, .ecoindex: return String(format: "%.1f", value)
        case .serverCPUms: return String(format: "%.2f ms", value)
        case .energyWh: return String(format: "%.5f Wh", value)
        }
    }

    /// A signed change and its percentage, e.g. "+1 200 B (+12.0 %)".
    static func change(from previous: Double?, to value: Double?, _ metric: HistoryMetric) -> String {
        guard let previous, let value else { return "" }
        let difference = value - previous
        if difference == 0 { return "=" }
        let text = self.value(abs(difference), metric)
        var percent = ""
        if previous != 0 {
            let p = difference / abs(previous) * 100
            percent = abs(p) < 100 ? String(format: " (%+.1f %%)", p) : " (\(p > 0 ? "+" : "-")\(grouped(abs(p))) %)"
        }
        return (difference > 0 ? "+" : "-") + text + percent
    }

    /// Thousands separated by a thin space, so figures read the same in French and English.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()).magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append("\u{202F}") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + String(out.reversed())
    }
}
