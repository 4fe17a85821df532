/// When a change from the baseline counts as a regression: it must make the figure worse by more than the
/// relative `tolerance` AND by more than `noiseFactor` × the spread the runs showed (the larger of the two
/// cards' max − min) AND by more than the figure's resolution (1 ms of server CPU per view and step). Bytes of
/// static files do not vary, so a heavier bundle fails on the tolerance alone; server CPU varies from run to
/// run, so the same relative change within its spread, or under a millisecond, passes.
public struct RegressionRule: Sendable, Equatable {
    public static let defaultTolerance = 0.10
    public static let defaultNoiseFactor = 1.0

    /// Fraction: 0.1 = 10 %.
    public var tolerance: Double
    public var noiseFactor: Double

    public init(tolerance: Double = RegressionRule.defaultTolerance, noiseFactor: Double = RegressionRule.defaultNoiseFactor) {
        self.tolerance = tolerance; self.noiseFactor = noiseFactor
    }

    public struct Judgement: Sendable, Equatable {
        /// new − old, and relative to old (infinite when old is 0 and new is not).
        public var delta: Double
        public var ratio: Double
        /// The noise allowance: noiseFactor × the larger spread, at least the figure's resolution.
        public var noise: Double
        public var regressed: Bool
        /// Why it passed, when it got worse but not enough: "within the 10 % tolerance", "within the runs' spread".
        public var reason: String
    }

    public func judge(baseline old: Measure, current new: Measure, higherIsBetter: Bool) -> Judgement {
        let delta = new.value - old.value
        let ratio = old.value != 0 ? delta / abs(old.value) : (delta == 0 ? 0 : delta > 0 ? .infinity : -.infinity)
        let worse = higherIsBetter ? -delta : delta
        let worseRatio = higherIsBetter ? -ratio : ratio
        let noise = Swift.max(noiseFactor * Swift.max(old.spread, new.spread), old.resolution, new.resolution)
        let beyondTolerance = worseRatio > tolerance
        let beyondNoise = worse > noise
        let reason: String =
            worse <= 0 ? (worse == 0 ? "unchanged" : "better")
            : !beyondTolerance ? "within the \(Format.grouped(tolerance * 100)) % tolerance"
            : !beyondNoise ? "within the noise (\(noiseFactor == 1 ? "" : "\(Format.plain(noiseFactor)) × ")the runs' max − min, or the resolution)"
            : "regressed"
        return Judgement(delta: delta, ratio: ratio, noise: noise, regressed: beyondTolerance && beyondNoise, reason: reason)
    }
}
