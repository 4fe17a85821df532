import Foundation
import Model

/// The EcoIndex algorithm, exactly as the reference implementation computes it (see `Scoring/ecoindex.yaml`).
public struct EcoIndex: Sendable {
    public let tables: EcoIndexTables

    public init(tables: EcoIndexTables) { self.tables = tables }

    /// The tables bundled with Ecoscore.
    public static func bundled() throws -> EcoIndex {
        let url = try DataFile.bundled("models/ecoindex.yaml")
        return EcoIndex(tables: try DataFile.decodeYAML(EcoIndexTables.self, from: url))
    }

    /// Position of `value` in a quantile table: the index of the bracket it falls in plus its linear share of
    /// that bracket; 20 (the table's last index) at or beyond the last bound.
    public func quantile(_ table: [Double], _ value: Double) -> Double {
        for i in 1..<table.count where value < table[i] {
            return Double(i - 1) + (value - table[i - 1]) / (table[i] - table[i - 1])
        }
        return Double(table.count - 1)
    }

    /// The score before rounding.
    public func rawScore(dom: Double, requests: Double, sizeKB: Double) -> Double {
        let w = tables.weights
        let q = tables.quantiles
        let weighted = w.dom * quantile(q.dom, dom) + w.requests * quantile(q.requests, requests)
            + w.size * quantile(q.sizeKB, sizeKB)
        let maxQuantile = Double(q.dom.count - 1)
        return 100 - (100 / maxQuantile) * weighted / (w.dom + w.requests + w.size)
    }

    /// Rounded half to even, as Python's `round` in the reference.
    public func score(dom: Double, requests: Double, sizeKB: Double) -> Int {
        Int(rawScore(dom: dom, requests: requests, sizeKB: sizeKB).rounded(.toNearestOrEven))
    }

    /// The first grade whose bound the score is strictly above.
    public func grade(_ score: Double) -> String {
        tables.grades.first { score > $0.above }?.grade ?? tables.lowestGrade
    }

    public func ghg(score: Int) -> Double { linear(tables.ghg, score) }
    public func water(score: Int) -> Double { linear(tables.water, score) }

    public func compute(domElements: Int, requests: Int, sizeKB: Double) -> EcoIndexResult {
        let s = score(dom: Double(domElements), requests: Double(requests), sizeKB: sizeKB)
        return EcoIndexResult(score: s, grade: grade(Double(s)), ghg: ghg(score: s), water: water(score: s),
                              domElements: domElements, requests: requests, sizeKB: sizeKB)
    }

    /// From the page's transfer bytes, converted to kB as the reference does (bytes / 1000).
    public func compute(domElements: Int, requests: Int, transferBytes: Int) -> EcoIndexResult {
        compute(domElements: domElements, requests: requests, sizeKB: Double(transferBytes) / tables.bytesPerKB)
    }

    private func linear(_ l: EcoIndexTables.Linear, _ score: Int) -> Double {
        roundHalfEven(l.base + l.slope * Double(50 - score) / 100, places: 2)
    }
}

/// Python's `round(x, n)`: half to even on the decimal scale.
func roundHalfEven(_ x: Double, places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (x * scale).rounded(.toNearestOrEven) / scale
}
