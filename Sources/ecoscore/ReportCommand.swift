import ArgumentParser
import Foundation
import Model
import Report

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a score card's reports: a self-contained HTML page, CSV tables, JSON.",
        discussion: """
            Reads a ScoreCard JSON (`ecoscore score --output`, or scorecard.json of `ecoscore audit`) and writes \
            each report asked for, atomically (an interrupted run never leaves half a file over a good one):
              --html FILE   one HTML file that needs nothing else (inline CSS and SVG, no script), printable
              --csv DIR     one CSV file per table (summary, families, criteria, steps, breakdowns, requests, \
            ecoindex, recommendations, recommendation_requests, and inventory_lines, inventory_impacts, \
            inventory_assumptions when the card has an inventory); with --csv-table NAME only that table, into \
            DIR or into FILE.csv
              --json FILE   the score card itself (pretty, keys sorted)
            Column schema, units and dialects: docs/reports.md. The HTML shows the trend of the main figures when             the history (--db, default .ecoscore/history.sqlite) holds runs of the same grid and target.

            Exit codes: 0 written; 2 usage error, unreadable or malformed score card, or one written by a newer \
            ecoscore.
            """
    )

    @Argument(help: "ScoreCard JSON written by `ecoscore score` or `ecoscore audit`.")
    var scoreCard: String

    @Option(help: ArgumentHelp("Write the HTML report to this file.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Write the CSV tables into this folder (or, with --csv-table, to this .csv file).",
                               valueName: "folder-or-file"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the score card JSON to this file.", valueName: "file"))
    var json: String?

    @OptionGroup(title: "Report style")
    var style: ReportStyleFlags

    /// Only read: the HTML shows the trend of the card's grid and target when the history holds runs of them.
    @OptionGroup(title: "History")
    var history: HistoryDatabaseOption

    func run() throws {
        guard html != nil || csv != nil || json != nil else {
            throw CommandFailure.usage("nothing to write: give --html FILE, --csv FOLDER (or --csv FILE.csv --csv-table NAME) and/or --json FILE")
        }
        let card: ScoreCard
        do { card = try ScoreCardFile.read(URL(fileURLWithPath: scoreCard)) } catch let error as ScoreCardFileError {
            throw CommandFailure.usage(error.description)
        }
        let language = style.language(for: card)
        var written: [String] = []
        if let html {
            try ReportFiles.writeHTML(card, language: language, trend: try history.trend(for: card), to: html)
            written.append(html)
        }
        if let csv {
            let files = try ReportFiles.writeCSV(card, language: language, dialect: style.dialect, table: style.csvTable, to: csv)
            written.append(files.count == 1 ? files[0] : "\(csv)/ (\(files.count) CSV files)")
        }
        if let json {
            try ReportFiles.writeJSON(card, to: json)
            written.append(json)
        }
        for path in written { print("Written: \(path)") }
    }
}
