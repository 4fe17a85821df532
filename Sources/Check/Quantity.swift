import Foundation

/// Reads the quantities a budget file writes: byte sizes with units, and percentages.
enum Quantity {
    static let byteUnits: [(suffix: String, factor: Double)] = [
        ("kib", 1024), ("mib", 1_048_576), ("gib", 1_073_741_824),
        ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("b", 1),
    ]

    /// `307200`, `300 KiB`, `1.5 MB`, `500kB`, `12 B` → bytes. kB is 1000 bytes and KiB 1024, as written.
    static func bytes(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in byteUnits where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            return nonNegative(number).map { $0 * unit.factor }
        }
        return nonNegative(trimmed)
    }

    /// `10%`, `10 %` or `10` → 0.1: a bare number is a percentage too, never a fraction.
    static func percent(_ text: String) -> Double? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") { trimmed = trimmed.dropLast().trimmingCharacters(in: .whitespaces) }
        return nonNegative(trimmed).map { $0 / 100 }
    }

    static func nonNegative(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "_") }),
              let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}
