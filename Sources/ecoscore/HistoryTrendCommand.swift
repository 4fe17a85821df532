import ArgumentParser
import Foundation
import History

struct HistoryTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show how one figure evolved over the last recorded runs.",
        discussion: """
            Metrics: \(HistoryMetric.allCases.map(\.rawValue).joined(separator: ", ")). For the whole run they \
            are sums over the steps of one pass (medians), the grid's total score, and the mean EcoIndex of the \
            pages; with --step, the step's own figure (score: the step's score out of 100).

            Follows the grid and target of the latest run unless --grid / --target say otherwise. On a terminal a \
            sparkline (▁▂▃▄▅▆▇█, · for a run that did not measure the figure) heads the table; --csv prints \
            id,recorded_at,label,grid_version,check,value instead.
            """)

    @OptionGroup var database: HistoryDatabaseOption

    @Option(help: "The figure: \(HistoryMetric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: String

    @Option(help: "A journey step: its number (from 1) or its exact name.")
    var step: String?

    @Option(help: "How many of the latest runs.")
    var limit = 20

    @Option(help: "The grid (default: the latest run's).")
    var grid: String?

    @Option(help: "The target key, as `history list` shows it (default: the latest run's).")
    var target: String?

    @Flag(help: "Print CSV instead of the table.")
    var csv = false

    @Flag(inversion: .prefixedNo, help: "Head the table with a sparkline (default: when stdout is a terminal).")
    var sparkline: Bool?

    func validate() throws {
        guard HistoryMetric(rawValue: metric) != nil else {
            throw ValidationError("unknown --metric '\(metric)': use one of \(HistoryMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard limit > 0 else { throw ValidationError("--limit is 1 or more") }
    }

    func run() throws {
        let metric = HistoryMetric(rawValue: self.metric)!  // checked in validate()
        let store = try database.open(.read)
        let step = self.step.map(StepSelector.init)
        let (grid, target, samples, steps) = try historyCall { () -> (String, String, [TrendSample], [HistoryStep]) in
            guard let latest = try store.latestSeries(grid: self.grid) else {
                throw CommandFailure.usage("\(store.path): no runs recorded" + (self.grid.map { " for grid \($0)" } ?? ""))
            }
            let g = latest.grid, t = self.target ?? latest.target
            let samples = try store.trend(metric, step: step, grid: g, target: t, limit: limit)
            return (g, t, samples, step == nil ? [] : try store.latestSteps(grid: g, target: t))
        }
        guard !samples.isEmpty else {
            throw CommandFailure.usage("\(store.path): no runs recorded for grid \(grid) and target \(HistoryText.safe(target))")
        }
        // A step nobody recorded is a typo, not a run of gaps.
        if let step, samples.allSatisfy({ $0.value == nil }), !steps.contains(where: step.matches) {
            let known = steps.map { "\($0.position + 1). \(HistoryText.safe($0.name ?? $0.url))" }.joined(separator: ", ")
            throw CommandFailure.usage("no \(step) in the recorded runs of \(HistoryText.safe(target)) (steps: \(known.isEmpty ? "none" : known))")
        }
        if csv {
            print(HistoryTrendCSV.render(samples, metric: metric), terminator: "")
            return
        }
        var out = "\(metric.rawValue) (\(metric.unit))" + (step.map { " of \(HistoryText.safe("\($0)"))" } ?? "")
            + " — \(HistoryText.safe(target)), grid \(HistoryText.safe(grid)), last \(samples.count) run\(samples.count == 1 ? "" : "s")\n"
        if sparkline ?? (isatty(1) == 1) {
            let values = samples.compactMap(\.value)
            out += "\(Sparkline.render(samples.map(\.value)))"
            if let low = values.min(), let high = values.max(), let last = samples.last {
                out += "  min \(HistoryText.value(low, metric))  max \(HistoryText.value(high, metric))  last \(HistoryText.value(last.value, metric))"
            }
            out += "\n"
        }
        var rows = [["ID", "Recorded (UTC)", "Label", "Grid version", "Check", metric.rawValue, "Change"]]
        for (i, s) in samples.enumerated() {
            rows.append(["\(s.id)", HistoryText.date(s.recordedAt), HistoryText.safe(s.label ?? "–"), HistoryText.safe(s.gridVersion),
                         HistoryText.outcome(s.passed), HistoryText.value(s.value, metric),
                         i == 0 ? "" : HistoryText.change(from: samples[i - 1].value, to: s.value, metric)])
        }
        out += "\n" + ImpactText.table(rows)
        print(out, terminator: "")
    }
}

/// The trend as CSV (RFC 4180 quoting; raw numbers, no units).
enum HistoryTrendCSV {
    static func render(_ samples: [TrendSample], metric: HistoryMetric) -> String {
        var lines = ["id,recorded_at,label,grid_version,check,\(metric.rawValue)"]
        for s in samples {
            let check = s.passed.map { $0 ? "passed" : "failed" } ?? ""
            lines.append([String(s.id), HistoryText.date(s.recordedAt), s.label ?? "", s.gridVersion, check,
                          s.value.map { String($0) } ?? ""].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
