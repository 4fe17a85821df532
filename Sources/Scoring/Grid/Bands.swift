import Model

/// Threshold bands → points. Lower is better: a value `v` is in a band when `from < v ≤ to`; higher is
/// better: when `from ≤ v < to`. A missing `from` is −∞, a missing `to` +∞ (see `GridValidator.bands`).
extension Band {
    public func contains(_ v: Double, direction: Direction) -> Bool {
        switch direction {
        case .lowerIsBetter: return (from.map { v > $0 } ?? true) && (to.map { v <= $0 } ?? true)
        case .higherIsBetter: return (from.map { v >= $0 } ?? true) && (to.map { v < $0 } ?? true)
        }
    }

    /// "≤ 150000 bytes", "> 150000 and ≤ 500000 bytes", "≥ 0.95".
    public func describe(direction: Direction, unit: String) -> String { text(direction: direction, unit: unit).en }

    /// The band in French and English: "≤ 150000 octets", "> 150000 et ≤ 500000 octets".
    public func text(direction: Direction, unit: String) -> Bilingual {
        let u = unit == "ratio" || unit == "score" ? Bilingual(same: "") : Bilingual.unit(unit).map { " " + $0 }
        let (lo, hi) = direction == .lowerIsBetter ? (">", "≤") : ("≥", "<")
        switch (from, to) {
        case (nil, let t?): return Bilingual(same: "\(hi) \(GridFormat.number(t))") + u
        case (let f?, nil): return Bilingual(same: "\(lo) \(GridFormat.number(f))") + u
        case (let f?, let t?):
            return .say(fr: "\(lo) \(GridFormat.number(f)) et \(hi) \(GridFormat.number(t))",
                        en: "\(lo) \(GridFormat.number(f)) and \(hi) \(GridFormat.number(t))") + u
        case (nil, nil): return .say(fr: "toute valeur", en: "any value")
        }
    }
}

extension Array where Element == Band {
    /// The band a value falls in, nil for NaN.
    public func band(for value: Double, direction: Direction) -> Band? {
        guard !value.isNaN else { return nil }
        return first { $0.contains(value, direction: direction) }
    }
}

extension EvidenceCheckRule {
    public func passes(_ v: Double) -> Bool {
        switch op {
        case "<": return v < value
        case "<=": return v <= value
        case ">": return v > value
        case ">=": return v >= value
        default: return false
        }
    }

    /// Whether a larger value is the worse one for this check (an upper limit).
    var upperLimit: Bool { op == "<" || op == "<=" }

    public var describe: String {
        let symbol = ["<": "<", "<=": "≤", ">": ">", ">=": "≥"][op] ?? op
        return "\(symbol) \(GridFormat.number(value))"
    }
}
