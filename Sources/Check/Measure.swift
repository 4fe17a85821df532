import Model

/// A figure as a check reads it: the value the report shows (the median over runs) and the range the runs
/// spanned, which is what tells a real change from run-to-run noise.
public struct Measure: Sendable, Equatable {
    public var value: Double
    public var min: Double
    public var max: Double
    /// The smallest change the measurement can tell from noise whatever the runs showed (server CPU: see
    /// `StepFigures.cpuResolutionMs`); 0 for figures that are exact, such as bytes and requests.
    public var resolution: Double

    public init(value: Double, min: Double, max: Double, resolution: Double = 0) {
        self.value = value; self.min = min; self.max = max; self.resolution = resolution
    }

    /// A figure computed once, with no spread of its own (a score, a grade's rank).
    public init(exactly value: Double) { self.init(value: value, min: value, max: value) }

    public init(_ stat: Stat, resolution: Double = 0) {
        self.init(value: stat.median, min: stat.min, max: stat.max, resolution: resolution)
    }

    public var spread: Double { max - min }

    /// Figures that add up (a journey is the sum of its steps): medians, minima and maxima add.
    static func sum(_ measures: [Measure]) -> Measure {
        Measure(value: measures.reduce(0) { $0 + $1.value }, min: measures.reduce(0) { $0 + $1.min },
                max: measures.reduce(0) { $0 + $1.max }, resolution: measures.reduce(0) { $0 + $1.resolution })
    }
}

/// How a figure is written and which way is better.
public enum FigureUnit: String, Sendable {
    case bytes = "B", requests, elements, ms, wh = "Wh", percent = "%", points, grade

    var higherIsBetter: Bool { self == .percent || self == .points || self == .grade }
}
