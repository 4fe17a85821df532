import Foundation
import Model
import Report

/// Writes a score card's reports, each file atomically: what `report`, `audit` and `demo` share.
enum ReportFiles {
    static func writeHTML(_ card: ScoreCard, language: ReportLanguage, trend: [TrendPoint], to path: String) throws {
        let html: String
        do { html = try HTMLReport(card: card, language: language, trend: trend).render() } catch {
            throw CommandFailure(message: "cannot render the HTML report: \(error)", exitCode: .usage)
        }
        try writeAtomically(Data(html.utf8), to: path)
    }

    static func writeJSON(_ card: ScoreCard, to path: String) throws {
        try writeAtomically(try ReportJSON.scoreCard(card), to: path)
    }

    /// Every table into the folder `path`, or with `table` that one: into `path` when it ends in `.csv`, else
    /// into the folder. Returns the files written.
    @discardableResult
    static func writeCSV(_ card: ScoreCard, language: ReportLanguage, dialect: CSVDialect, table: String?,
                         to path: String) throws -> [String] {
        let report = CSVReport(card: card, language: language)
        let isFile = path.lowercased().hasSuffix(".csv")
        let tables: [CSVTable]
        if let table {
            guard let chosen = report.table(table) else { throw CommandFailure.usage("unknown CSV table '\(table)'") }
            tables = [chosen]
        } else {
            if isFile {
                throw CommandFailure.usage("--csv \(path) names one file: give --csv-table NAME (\(CSVReport.tableNames.joined(separator: ", "))), or a folder for every table")
            }
            tables = report.tables
        }
        var written: [String] = []
        for t in tables {
            let file = isFile ? path : (path as NSString).appendingPathComponent(t.fileName)
            try writeAtomically(t.data(dialect), to: file)
            written.append(file)
        }
        return written
    }
}
