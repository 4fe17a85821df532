import ArgumentParser
import Model

/// Budget and baseline flags shared by `check` and `audit`. Owned by the check feature (issue 6).
struct CheckFlags: ParsableArguments {
    /// Whether any budget or baseline was given (an audit without them skips the check).
    var isRequested: Bool { false }

    /// Compares the card with the budget and baseline given, prints what failed and writes the requested outputs;
    /// returns `.success` when all holds, `.regression` otherwise.
    func evaluate(_ card: ScoreCard, history: HistoryFlags) throws -> ExitStatus { .success }
}
