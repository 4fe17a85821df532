/// A small line of a figure over recorded audits, as inline SVG (template `trend`): geometry only.
struct Sparkline {
    let id: String
    let label: String
    /// Text alternative: first and last values and how many audits.
    let summary: String
    let points: String
    let last: String
    let lastX: String
    let lastY: String

    static let width = 240.0
    static let height = 48.0
    static let margin = 4.0

    /// nil when fewer than one value is known.
    init?(id: String, label: String, values: [Double?], format: (Double) -> String, summary: (String, String, Int) -> String) {
        let known = values.enumerated().compactMap { index, value in value.map { (index, $0) } }
        guard let first = known.first, let final = known.last else { return nil }
        let low = known.map(\.1).min() ?? 0, high = known.map(\.1).max() ?? 0
        let span = high - low
        let steps = Double(max(values.count - 1, 1))
        func x(_ index: Int) -> Double { Self.margin + Double(index) / steps * (Self.width - 2 * Self.margin) }
        // A flat series is drawn mid-height rather than on an edge.
        func y(_ value: Double) -> Double {
            span == 0 ? Self.height / 2 : Self.margin + (1 - (value - low) / span) * (Self.height - 2 * Self.margin)
        }
        self.id = id; self.label = label
        points = known.map { "\(BarChart.coordinate(x($0.0))),\(BarChart.coordinate(y($0.1)))" }.joined(separator: " ")
        last = format(final.1)
        lastX = BarChart.coordinate(x(final.0)); lastY = BarChart.coordinate(y(final.1))
        self.summary = summary(format(first.1), format(final.1), known.count)
    }
}
