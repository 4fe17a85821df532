import ArgumentParser
import Model
import Report

/// Language and CSV spelling of the reports: the flags `report`, `audit` and `demo` share.
struct ReportStyleFlags: ParsableArguments {
    @Option(help: "Language of the reports: fr or en (default: French for the bundled grids, English for a grid file).")
    var lang: String?

    @Option(name: .customLong("csv-table"),
            help: ArgumentHelp("Write only this CSV table: \(CSVReport.tableNames.joined(separator: ", ")).", valueName: "name"))
    var csvTable: String?

    @Option(name: .customLong("csv-dialect"),
            help: ArgumentHelp("rfc4180 (',' separator, '.' decimals) or excel-fr (';' separator, decimal comma, UTF-8 BOM).",
                               valueName: "dialect"))
    var csvDialect = CSVDialect.rfc4180.rawValue

    func validate() throws {
        if let lang, ReportLanguage(rawValue: lang) == nil { throw ValidationError("--lang is fr or en") }
        guard CSVDialect(rawValue: csvDialect) != nil else {
            throw ValidationError("--csv-dialect is one of: \(CSVDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let csvTable, !CSVReport.tableNames.contains(csvTable) {
            throw ValidationError("unknown --csv-table '\(csvTable)': one of \(CSVReport.tableNames.joined(separator: ", "))")
        }
    }

    func language(for card: ScoreCard) -> ReportLanguage {
        lang.flatMap(ReportLanguage.init(rawValue:)) ?? .default(for: card.grid)
    }

    var dialect: CSVDialect { CSVDialect(rawValue: csvDialect) ?? .rfc4180 }
}
