/// A horizontal bar chart drawn as inline SVG (template `chart`): geometry only, from figures already in the
/// card. Every chart is paired with a table holding the same numbers.
struct BarChart {
    struct Row {
        let label: String
        let value: String
        /// Baseline of the row's text.
        let textY: Int
        let barY: Int
        let width: String
        let valueX: String
        /// A group heading row (no bar), e.g. the step whose axes follow.
        let heading: Bool
        let alt: Bool
    }

    let id: String
    let title: String
    let height: Int
    let rows: [Row]

    struct Item {
        let label: String
        let value: Double
        let display: String
        var heading = false
        var alt = false
    }

    /// The longest label drawn; longer ones are cut with an ellipsis (the table beside has them whole).
    static let labelLength = 34
    static let labelRight = 226
    static let barLeft = 234
    static let barSpan = 380.0
    static let rowHeight = 22

    /// nil when there is nothing to draw. `scale` is the value of a full bar (100 for scores), else the largest.
    init?(id: String, title: String, items: [Item], scale: Double? = nil) {
        let bars = items.filter { !$0.heading }
        guard !bars.isEmpty else { return nil }
        let full = scale ?? bars.map(\.value).max() ?? 0
        self.id = id; self.title = title
        var rows: [Row] = []
        for (position, item) in items.enumerated() {
            let top = position * Self.rowHeight + 4
            let fraction = full > 0 ? min(max(item.value / full, 0), 1) : 0
            // A visible sliver for small non-zero values, so that "small" never reads as "nothing".
            let width = item.heading ? 0 : (item.value > 0 ? max(fraction * Self.barSpan, 2) : 0)
            rows.append(Row(label: Self.cut(item.label), value: item.heading ? "" : item.display, textY: top + 14,
                            barY: top + 3, width: Self.coordinate(width),
                            valueX: Self.coordinate(Double(Self.barLeft) + width + 6), heading: item.heading,
                            alt: item.alt))
        }
        self.rows = rows
        height = items.count * Self.rowHeight + 8
    }

    static func cut(_ label: String) -> String {
        label.count <= labelLength ? label : String(label.prefix(labelLength - 1)) + "…"
    }

    /// SVG coordinates with one decimal, always with a dot whatever the report's language.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
