/// How a CSV file is spelled. Both dialects quote the same way (RFC 4180: CRLF line ends, a field holding the
/// separator, a quote or a line break is quoted and its quotes doubled); they differ in what a French
/// spreadsheet needs to open a file without an import dialog.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// `,` separator, `.` decimal mark, no byte-order mark.
    case rfc4180
    /// `;` separator, `,` decimal mark, UTF-8 byte-order mark (Excel reads a BOM-less file as Windows-1252).
    case excelFR = "excel-fr"

    public var separator: Character { self == .excelFR ? ";" : "," }
    public var decimalMark: Character { self == .excelFR ? "," : "." }
    public var byteOrderMark: Bool { self == .excelFR }
}
