import Foundation
import Model
import Testing
@testable import Report

/// docs/reports.md documents every column of every table: the schema a spreadsheet user relies on.
@Suite struct CSVSchemaDocTests {
    @Test func theDocumentationNamesEveryColumnOfEveryTableInItsSection() throws {
        let doc = try String(contentsOf: CSVSampleCard.repository.appendingPathComponent("docs/reports.md"), encoding: .utf8)
        let report = CSVReport(card: try CSVSampleCard.make(), language: .en)
        #expect(report.tables.count == CSVReport.tableNames.count)
        for table in report.tables {
            let heading = "#### `\(table.name)`\n"
            let start = try #require(doc.range(of: heading), "no section for \(table.name)")
            let rest = doc[start.upperBound...]
            let section = rest[..<(rest.range(of: "\n#")?.lowerBound ?? rest.endIndex)]
            for column in table.columns {
                #expect(section.contains("`\(column)`"), "docs/reports.md, \(table.name): column \(column) is not documented")
            }
        }
    }
}
