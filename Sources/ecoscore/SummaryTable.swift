import Foundation
import Model

/// The human-readable summary `profile` prints: one row per page, then its bytes by resource type.
struct SummaryTable {
    let profile: Profile

    func render() -> String {
        let multi = profile.settings.runs > 1
        let metered = profile.pages.contains { $0.summary.serverCPUms != nil }
        var header = [profile.journey == nil ? "Page" : "Step", "Requests", "Transfer", "Decoded", "DOM", "EcoIndex", "Time"]
        if metered { header.append("Server CPU") }
        var rows: [[String]] = [header]
        for page in profile.pages {
            let s = page.summary
            let label = page.name ?? page.url
            var row = [
                page.runs.first?.title.flatMap { $0 == label ? nil : "\(clip(label, 60)) (\(clip($0, 40)))" } ?? clip(label, 60),
                figure(s.requests, multi) { String(Int($0)) },
                figure(s.transferBytes, multi) { kB($0) },
                figure(s.decodedBytes, multi) { kB($0) },
                s.domElements.map { figure($0, multi) { String(Int($0)) } } ?? "—",
                s.ecoindex.map { "\($0.score) \($0.grade)" } ?? "—",
                figure(s.durationMs, multi) { String(format: "%.0f ms", $0) },
            ]
            if metered { row.append(s.serverCPUms.map { figure($0, multi) { String(format: "%.1f ms", $0) } } ?? "—") }
            rows.append(row)
        }
        var out = table(rows)
        for page in profile.pages {
            guard let run = page.runs.first else { continue }
            let types = run.totals.byType.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value.requests) · \(kB(Double($0.value.transferBytes)))" }
            out += "\n\(page.name.flatMap { $0 == page.url ? nil : "\($0) — " } ?? "")\(page.url)\n  by type: \(types.joined(separator: ", "))\n"
            if run.totals.failedRequests > 0 || run.totals.redirects > 0 {
                out += "  \(run.totals.redirects) redirect(s), \(run.totals.failedRequests) failed request(s)\n"
            }
            if !run.cacheHits.isEmpty {
                out += "  \(run.cacheHits.count) resource(s) served from the browser cache\n"
            }
            if !run.skipped.isEmpty {
                out += "  \(run.skipped.count) resource(s) not fetched: \(run.skipped[0].reason)\n"
            }
        }
        if let journey = profile.journey {
            func total(_ f: (PageSummary) -> Double?) -> Double { profile.pages.reduce(0) { $0 + (f($1.summary) ?? 0) } }
            var line = "\nWhole journey (sum of the step medians): \(Int(total { $0.requests.median })) requests, "
                + "\(kB(total { $0.transferBytes.median })) transferred, \(kB(total { $0.decodedBytes.median })) decoded"
            if metered { line += String(format: ", %.1f ms of server CPU", total { $0.serverCPUms?.median }) }
            out += line + ".\n"
            let warm = journey.warmUpRuns > 0 ? " after \(journey.warmUpRuns) discarded warm-up run(s)" : ""
            out += "\nJourney \"\(journey.name)\": \(journey.runs) run(s)\(warm), \(journey.cache) cache across steps.\n"
        }
        if let meter = profile.meter {
            out += "Server CPU from \(meter.source) (\(meter.target)), idle baseline \(String(format: "%.2f", meter.baselineMsPerSecond)) ms/s subtracted.\n"
        }
        if multi { out += "\nMedian of \(profile.settings.runs) runs; [min–max] and coefficient of variation.\n" }
        return out
    }

    private func figure(_ s: Stat, _ multi: Bool, _ f: (Double) -> String) -> String {
        multi ? "\(f(s.median)) [\(f(s.min))–\(f(s.max))] cv \(String(format: "%.1f", s.cv * 100))%" : f(s.median)
    }

    private func kB(_ bytes: Double) -> String { String(format: "%.1f kB", bytes / 1000) }

    private func clip(_ s: String, _ n: Int) -> String {
        let oneLine = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > n ? String(oneLine.prefix(n - 1)) + "…" : oneLine
    }

    private func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.enumerated().map { i, row in
            let line = row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
            return i == 0 ? line + "\n" + String(repeating: "-", count: line.count) : line
        }.joined(separator: "\n") + "\n"
    }
}
