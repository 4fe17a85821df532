import Foundation

/// Numbers, sizes and dates written the way the report's language writes them. Formatting only: the figures
/// come from the score card as they are.
struct NumberStyle: Sendable {
    let language: ReportLanguage

    /// French groups thousands with a narrow no-break space and writes a decimal comma.
    private var groupSeparator: String { language == .fr ? "\u{202F}" : "," }
    private var decimalSeparator: String { language == .fr ? "," : "." }
    /// The space French puts before a unit or a percent sign (no-break, so that a figure never wraps from its unit).
    private var unitSpace: String { "\u{00A0}" }

    /// `value` with exactly `digits` decimals, grouped.
    func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let raw = String(format: "%.\(max(0, digits))f", abs(value))
        let parts = raw.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var grouped = ""
        while integer.count > 3 {
            grouped = groupSeparator + String(integer.suffix(3)) + grouped
            integer.removeLast(3)
        }
        grouped = integer + grouped
        let sign = value < 0 && raw.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + grouped + (parts.count > 1 ? decimalSeparator + parts[1] : "")
    }

    /// About three significant digits, never in exponent notation (0.000412, 41.2, 41 200).
    func significant(_ value: Double, _ digits: Int = 3) -> String {
        guard value.isFinite else { return "–" }
        guard value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        return fixed(value, max(0, digits - 1 - magnitude))
    }

    /// At most `digits` decimals, without trailing zeros (2.5, 3, 0.25).
    func trimmed(_ value: Double, _ digits: Int = 2) -> String {
        var text = fixed(value, digits)
        guard text.contains(decimalSeparator) else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(decimalSeparator) { text.removeLast(decimalSeparator.count) }
        return text
    }

    /// A constant as its source writes it: every digit it has, up to `digits` decimals (0.055, 494, 1.75).
    func exact(_ value: Double, _ digits: Int = 6) -> String { trimmed(value, digits) }

    func integer(_ value: Double) -> String { fixed(value, 0) }
    func integer(_ value: Int) -> String { fixed(Double(value), 0) }

    /// A figure and its unit, kept together.
    func with(_ number: String, _ unit: String) -> String { unit.isEmpty ? number : number + unitSpace + unit }

    /// Decimal (SI) sizes, as EcoIndex counts kilobytes: 1 kB = 1000 bytes.
    func bytes(_ value: Double) -> String {
        let units = language == .fr ? ["o", "ko", "Mo", "Go"] : ["B", "kB", "MB", "GB"]
        var scaled = value, index = 0
        while abs(scaled) >= 1000, index < units.count - 1 { scaled /= 1000; index += 1 }
        return with(index == 0 ? integer(scaled) : fixed(scaled, abs(scaled) < 10 ? 2 : 1), units[index])
    }

    func bytes(_ value: Int) -> String { bytes(Double(value)) }

    /// A share already in percent (0–100).
    func percent(_ value: Double, digits: Int = 1) -> String {
        with(fixed(value, digits), "%")
    }

    func milliseconds(_ value: Double) -> String { with(value < 10 ? fixed(value, 1) : integer(value), "ms") }

    /// Dates in ISO form (both languages read it), in UTC so that two reports of one audit agree.
    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                      c.minute ?? 0)
    }

    /// A stat as "median (min–max)", or just the median when every run agreed or there was one run.
    func spread(_ stat: (median: Double, min: Double, max: Double), _ format: (Double) -> String) -> String {
        stat.min == stat.max ? format(stat.median) : "\(format(stat.median)) (\(format(stat.min))–\(format(stat.max)))"
    }
}
