/// One field of a CSV row. Numbers are kept apart from text so that only text is ever neutralised against
/// formula injection, and numbers get the dialect's decimal mark.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case empty

    /// `nil` becomes an empty field.
    public static func text(_ value: String?) -> CSVCell { value.map(CSVCell.text) ?? .empty }
    public static func number(_ value: Double?) -> CSVCell { value.map(CSVCell.number) ?? .empty }
    public static func integer(_ value: Int?) -> CSVCell { value.map(CSVCell.integer) ?? .empty }
    public static func bool(_ value: Bool?) -> CSVCell { value.map { .text($0 ? "true" : "false") } ?? .empty }

    /// The field as written, quoted when it must be.
    func field(_ dialect: CSVDialect) -> String {
        switch self {
        case .empty: return ""
        case .integer(let n): return String(n)
        case .number(let x): return CSVNumber.format(x, decimalMark: dialect.decimalMark)
        case .text(let s): return Self.quoted(Self.neutralised(s), separator: dialect.separator)
        }
    }

    /// Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"): a text field that
    /// starts with one gets a leading apostrophe, which spreadsheets show as text and never evaluate.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func neutralised(_ text: String) -> String {
        // `first` on a String is a grapheme: "\r\n" is one Character, so look at the first scalar.
        guard let scalar = text.unicodeScalars.first, formulaStarts.contains(Character(scalar)) else { return text }
        return "'" + text
    }

    static func quoted(_ text: String, separator: Character) -> String {
        let mustQuote = text.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || Character($0) == separator }
        guard mustQuote else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
