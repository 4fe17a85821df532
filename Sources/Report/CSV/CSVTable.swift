import Foundation

/// One CSV file: a header of stable column names and rows of cells, in the order given.
public struct CSVTable: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public let rows: [[CSVCell]]

    public init(name: String, columns: [String], rows: [[CSVCell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "CSV table \(name): a row does not match the header")
        self.name = name; self.columns = columns; self.rows = rows
    }

    /// `name.csv`
    public var fileName: String { name + ".csv" }

    public func render(_ dialect: CSVDialect) -> String {
        let separator = String(dialect.separator)
        var out = dialect.byteOrderMark ? "\u{FEFF}" : ""
        out += columns.map { CSVCell.text($0).field(dialect) }.joined(separator: separator) + "\r\n"
        for row in rows {
            out += row.map { $0.field(dialect) }.joined(separator: separator) + "\r\n"
        }
        return out
    }

    public func data(_ dialect: CSVDialect) -> Data { Data(render(dialect).utf8) }
}

/// A column: its name (with the unit as a suffix, `transfer_bytes`, `energy_wh`) and how a row fills it.
struct CSVColumn<Row> {
    let name: String
    let value: (Row) -> CSVCell

    init(_ name: String, _ value: @escaping (Row) -> CSVCell) { self.name = name; self.value = value }
}

extension CSVTable {
    init<Row>(_ name: String, _ rows: [Row], _ columns: [CSVColumn<Row>]) {
        self.init(name: name, columns: columns.map(\.name), rows: rows.map { row in columns.map { $0.value(row) } })
    }
}
