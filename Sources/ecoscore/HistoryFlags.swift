import ArgumentParser
import Model

/// History flags shared by `audit`, `check` and `history`. Owned by the history feature (issue 6).
struct HistoryFlags: ParsableArguments {
    /// Records an audit's score card when recording is on, with the outcome of its check (nil: not checked);
    /// returns its id in the history, nil when not recorded.
    func record(_ card: ScoreCard, passed: Bool?) throws -> Int64? { nil }

    /// The last recorded runs for the same grid and target, oldest first, for a report's trend chart.
    func trend(for card: ScoreCard, limit: Int = 20) throws -> [TrendPoint] { [] }

    /// The latest recorded run for the same grid and target that passed its check (or was not checked): what
    /// `--baseline last` compares with. nil when the history holds none.
    func lastGood(for card: ScoreCard) throws -> ScoreCard? { nil }
}
