import Foundation

/// How figures are written in results: the same texts in the table, JUnit and Markdown.
enum Format {
    /// Whole numbers grouped by thousands with a space (`307 200`), as the brief's examples read.
    static func grouped(_ x: Double) -> String {
        let rounded = x.rounded()
        guard abs(rounded) < 1e15 else { return String(format: "%.3g", x) }
        let digits = String(Int(abs(rounded)))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(c)
        }
        return (rounded < 0 ? "−" : "") + out
    }

    /// Bytes: exact below 10 000, then kB / MB with a decimal (SI, as transfer sizes are usually quoted).
    static func bytes(_ b: Double) -> String {
        let a = abs(b)
        let sign = b < 0 ? "−" : ""
        if a < 10_000 { return grouped(b) + " B" }
        if a < 1_000_000 { return sign + String(format: "%.1f kB", a / 1000) }
        return sign + String(format: "%.2f MB", a / 1_000_000)
    }

    static func value(_ x: Double, _ unit: FigureUnit) -> String {
        if x == 0, unit != .percent, unit != .points { return "0 " + (unit == .requests ? "requests" : unit == .elements ? "elements" : unit.rawValue) }
        switch unit {
        case .bytes: return bytes(x)
        case .requests: return plain(x) + (abs(x) == 1 ? " request" : " requests")
        case .elements: return plain(x) + " elements"
        case .ms: return decimal(x, places: abs(x) < 10 ? 2 : 1) + " ms"
        case .wh: return decimal(x, places: abs(x) < 0.01 ? 5 : 4) + " Wh"
        case .percent: return decimal(x, places: 1) + " %"
        case .points: return decimal(x, places: 1)
        case .grade: return plain(x)
        }
    }

    /// A signed change with its relative size: "+307.2 kB (+5 900 %)".
    static func delta(_ d: Double, ratio: Double?, _ unit: FigureUnit) -> String {
        let sign = d > 0 ? "+" : d < 0 ? "" : "±"
        var text = sign + value(d, unit)
        if unit == .requests || unit == .elements { text = sign + plain(d) }
        if let ratio, ratio.isFinite {
            let percent = abs(ratio) * 100
            let shown = percent < 10 ? String(format: "%.1f", percent) : grouped(percent)
            text += " (" + (ratio > 0 ? "+" : ratio < 0 ? "−" : "±") + shown + " %)"
        }
        return text
    }

    static func plain(_ x: Double) -> String {
        x == x.rounded() ? grouped(x) : decimal(x, places: 1)
    }

    static func decimal(_ x: Double, places: Int) -> String {
        (x < 0 ? "−" : "") + String(format: "%.\(places)f", abs(x))
    }
}
