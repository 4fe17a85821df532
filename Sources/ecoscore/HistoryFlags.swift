import ArgumentParser
import Model

/// History flags shared by `audit`, `check` and `history`. Owned by the history feature (issue 6).
struct HistoryFlags: ParsableArguments {
    /// Records an audit's score card when recording is on; returns its id in the history, nil when not recorded.
    func record(_ card: ScoreCard) throws -> Int64? { nil }

    /// The last recorded runs for the same grid and target, oldest first, for a report's trend chart.
    func trend(for card: ScoreCard, limit: Int = 20) throws -> [TrendPoint] { [] }
}
