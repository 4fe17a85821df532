import Foundation
import SwiftCSV
import Testing
@testable import Report

/// Reading a CSV report back as a spreadsheet would, with an independent parser (SwiftCSV).
enum CSVReadBack {
    /// Header and rows of a rendered table; checks the byte-order mark of the dialect on the way.
    static func parse(_ text: String, _ dialect: CSVDialect) throws -> (header: [String], rows: [[String]]) {
        var body = text
        if dialect.byteOrderMark {
            #expect(body.unicodeScalars.first == "\u{FEFF}", "excel-fr starts with a UTF-8 byte-order mark")
            body.unicodeScalars.removeFirst()
        } else {
            #expect(body.unicodeScalars.first != "\u{FEFF}")
        }
        let csv = try EnumeratedCSV(string: body, delimiter: dialect == .excelFR ? .semicolon : .comma, loadColumns: false)
        return (csv.header, csv.rows)
    }

    static func parse(_ table: CSVTable, _ dialect: CSVDialect) throws -> (header: [String], rows: [[String]]) {
        try parse(table.render(dialect), dialect)
    }

    /// Rows as dictionaries by column name.
    static func records(_ table: CSVTable, _ dialect: CSVDialect = .rfc4180) throws -> [[String: String]] {
        let (header, rows) = try parse(table, dialect)
        return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// A number cell as written in `dialect`, back to a Double.
    static func number(_ field: String?, _ dialect: CSVDialect = .rfc4180) -> Double? {
        guard let field, !field.isEmpty else { return nil }
        return Double(dialect == .excelFR ? field.replacingOccurrences(of: ",", with: ".") : field)
    }

    /// A text cell with the anti-formula apostrophe taken off (only where the writer adds one).
    static func text(_ field: String) -> String {
        guard field.hasPrefix("'"), let next = field.unicodeScalars.dropFirst().first,
              CSVCell.formulaStarts.contains(Character(next)) else { return field }
        return String(field.dropFirst())
    }

    /// Whether a field read back holds exactly what the cell was.
    static func matches(_ field: String, _ cell: CSVCell, _ dialect: CSVDialect) -> Bool {
        switch cell {
        case .empty: return field.isEmpty
        case .integer(let n): return Int(field) == n
        case .number(let x): return number(field, dialect) == x
        case .text(let s): return text(field) == s
        }
    }
}
