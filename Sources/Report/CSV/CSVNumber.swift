/// Numbers as a spreadsheet reads them back exactly: the shortest digits that round-trip (Swift's own
/// `description`), written without an exponent (a French Excel does not read `1e-05`), with the dialect's
/// decimal mark, and integral values without a fraction.
enum CSVNumber {
    static func format(_ x: Double, decimalMark: Character) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        var text = plain(x.description)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalMark))
    }

    /// Expands `d.ddde±N` into positional notation, keeping every digit.
    static func plain(_ description: String) -> String {
        guard let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(description[description.index(after: e)...])
        else { return description }
        var mantissa = String(description[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point >= digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        var rest = String(digits.dropFirst(point))
        while rest.hasSuffix("0") { rest.removeLast() }
        if !rest.isEmpty { result += "." + rest }
        while result.count > 1, result.hasPrefix("0"), !result.hasPrefix("0.") { result.removeFirst() }
        return (negative ? "-" : "") + result
    }
}
