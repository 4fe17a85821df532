import Foundation
import Model
import Report

/// The files one audit leaves in its folder: the layout `audit --out` writes, and each audit of `demo`.
struct AuditFolder {
    let path: String

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    var profile: String { file("profile.json") }
    var scoreCard: String { file("scorecard.json") }
    var html: String { file("report.html") }
    var csv: String { file("csv") }

    /// The score card, its HTML report and its CSV tables (all, or `csvTable`); returns the CSV files written.
    @discardableResult
    func writeReports(_ card: ScoreCard, style: ReportStyleFlags, trend: [TrendPoint]) throws -> [String] {
        let language = style.language(for: card)
        try ReportFiles.writeJSON(card, to: scoreCard)
        try ReportFiles.writeHTML(card, language: language, trend: trend, to: html)
        return try ReportFiles.writeCSV(card, language: language, dialect: style.dialect, table: style.csvTable, to: csv)
    }

    /// "Score: 93.5 % (A) — app-referencing 1.0", the line a command prints for a card.
    static func verdict(_ card: ScoreCard) -> String {
        let percent = card.total.percent.map { String(format: "%.1f %%", $0) } ?? "n/a"
        let journey = card.journey?.score.map { String(format: ", journey %.1f / 100", $0) } ?? ""
        let failed = card.steps.filter { $0.error != nil }.count
        // A step that did not load weighs nothing: say so beside a score it would otherwise flatter.
        let warning = failed == 0 ? "" : " — \(failed) of \(card.steps.count) steps could not be loaded, their figures are missing"
        return "Score: \(percent)\(card.grade.map { " (\($0))" } ?? "")\(journey) — \(card.grid.id) \(card.grid.version)\(warning)"
    }
}
