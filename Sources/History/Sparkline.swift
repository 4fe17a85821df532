/// A one-line chart of a series: one bar per value, scaled between the series' smallest and largest value.
public enum Sparkline {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// A run that did not measure the figure.
    static let gap: Character = "·"

    public static func render(_ values: [Double?]) -> String {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else { return String(repeating: gap, count: values.count) }
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return gap }
            // A flat series sits mid-height, so "no change" does not read as "at the minimum".
            guard high > low else { return bars[bars.count / 2 - 1] }
            let level = Int(((value - low) / (high - low) * Double(bars.count - 1)).rounded())
            return bars[min(max(level, 0), bars.count - 1)]
        })
    }
}
