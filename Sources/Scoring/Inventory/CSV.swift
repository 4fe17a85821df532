import Foundation

/// One record of a CSV file, with the line it starts on (1 = the first line of the file).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}

/// A CSV file with a header row.
public struct CSVDocument: Sendable {
    public var file: String
    public var separator: Character
    public var header: [String]
    public var headerLine: Int
    public var records: [CSVRecord]

    /// The index of a header column, by exact name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The index of a column the file must have, else an error naming the file.
    public func requiredColumn(_ name: String) throws -> Int {
        guard let index = column(name) else {
            throw DataFileError(file: file, line: headerLine,
                                message: "missing column \"\(name)\" (header: \(header.joined(separator: String(separator))))")
        }
        return index
    }
}

/// A small RFC 4180 reader: one separator (`;` or `,`), fields optionally in double quotes (a quote inside a quoted
/// field is doubled; quoted fields may hold separators and line breaks), LF, CRLF or CR line ends, a UTF-8 byte
/// order mark tolerated, blank lines skipped, every record with as many fields as the header. Errors are
/// `DataFileError`s naming the file and the line.
public enum CSVParser {
    /// Reads a UTF-8 file.
    public static func read(contentsOf url: URL, separator: Character? = nil) throws -> CSVDocument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataFileError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: url.path, message: "not UTF-8 text")
        }
        return try parse(text, file: url.path, separator: separator)
    }

    /// Parses a document; with `separator` nil, the header line decides (`;` if it has more `;` than `,`).
    public static func parse(_ text: String, file: String, separator: Character? = nil) throws -> CSVDocument {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let sep = separator ?? detectSeparator(body)
        var records = try records(body, file: file, separator: sep)
        guard !records.isEmpty else { throw DataFileError(file: file, line: 1, message: "empty file: a header row is expected") }
        let header = records.removeFirst()
        for record in records where record.fields.count != header.fields.count {
            throw DataFileError(file: file, line: record.line,
                                message: "\(record.fields.count) fields where the header (line \(header.line)) has \(header.fields.count) — separator is \"\(sep)\"")
        }
        return CSVDocument(file: file, separator: sep, header: header.fields, headerLine: header.line, records: records)
    }

    /// `;` when the first line has more semicolons than commas (outside quotes), else `,`.
    public static func detectSeparator(_ text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == ";" { semicolons += 1 } else if scalar == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Every non-blank record, header included.
    static func records(_ text: String, file: String, separator: Character) throws -> [CSVRecord] {
        let sepScalar = separator.unicodeScalars.first!
        var result: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var line = 1, recordLine = 1, quoteLine = 1
        var previousWasCR = false

        func endField() { fields.append(String(field)); field = String.UnicodeScalarView() }
        func endRecord() {
            endField()
            // A blank line is one empty unquoted field: skipped.
            if !(fields.count == 1 && fields[0].isEmpty) { result.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        for scalar in text.unicodeScalars {
            let isNewline = scalar == "\n" || scalar == "\r"
            if scalar == "\n" && previousWasCR {  // second half of CRLF: already handled
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            switch state {
            case .fieldStart, .unquoted:
                if scalar == sepScalar {
                    endField(); state = .fieldStart
                } else if isNewline {
                    endRecord(); state = .fieldStart; recordLine = line + 1
                } else if scalar == "\"" {
                    guard state == .fieldStart else {
                        throw DataFileError(file: file, line: line,
                                            message: "a quote inside an unquoted field: quote the whole field and double the quotes inside (\"a \"\"b\"\"\")")
                    }
                    state = .quoted; quoteLine = line
                } else {
                    field.append(scalar); state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .afterQuote } else { field.append(scalar) }
                if isNewline && scalar == "\r" { field.removeLast(); field.append("\n") }  // CR/CRLF inside → LF
            case .afterQuote:
                if scalar == "\"" {
                    field.append("\""); state = .quoted
                } else if scalar == sepScalar {
                    endField(); state = .fieldStart
                } else if isNewline {
                    endRecord(); state = .fieldStart; recordLine = line + 1
                } else {
                    throw DataFileError(file: file, line: line,
                                        message: "unexpected \"\(Character(scalar))\" after a closing quote: a quoted field ends at the separator \"\(separator)\"")
                }
            }
            if isNewline { line += 1 }
        }
        switch state {
        case .quoted:
            throw DataFileError(file: file, line: quoteLine, message: "unterminated quoted field (the quote opened here is never closed)")
        case .fieldStart:
            if !fields.isEmpty { endRecord() }  // "a;b;" at the very end: last field is empty
        case .unquoted, .afterQuote:
            endRecord()
        }
        return result
    }
}
