import ArgumentParser
import Check
import Foundation
import Model
import Report

/// Budget and baseline flags shared by `check` and `audit`. Owned by the check feature (issue 6).
struct CheckFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Budget file: Ecoscore YAML or JSON (docs/budgets.md), or a Lighthouse budget.json.",
                               valueName: "file"))
    var budget: String?

    @Option(help: ArgumentHelp("Score card to compare with, or `last`: the latest good run of the same target in the history.",
                               valueName: "file|last"))
    var baseline: String?

    @Option(help: ArgumentHelp("A figure regresses only when it gets worse by more than this percentage (default: the budget's, else 10).",
                               valueName: "percent"))
    var tolerance: String?

    @Option(name: .customLong("noise-factor"),
            help: ArgumentHelp("…and by more than this many times the runs' spread, max − min (default: the budget's, else 1).",
                               valueName: "k"))
    var noiseFactor: Double?

    @Option(help: ArgumentHelp("Write the check as JUnit XML (one test case per limit or compared figure).", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Write the check as Markdown, for a pull-request comment.", valueName: "file"))
    var markdown: String?

    /// Whether any budget or baseline was given (an audit without them skips the check).
    var isRequested: Bool { budget != nil || baseline != nil }

    func validate() throws {
        if let tolerance, Self.percent(tolerance) == nil {
            throw ValidationError("--tolerance is a percentage of zero or more, e.g. 10 or 10%")
        }
        if let noiseFactor, !(noiseFactor.isFinite && noiseFactor >= 0) {
            throw ValidationError("--noise-factor is a number of zero or more")
        }
    }

    /// Compares the card with the budget and baseline given, prints what failed and writes the requested outputs;
    /// returns `.success` when all holds, `.regression` otherwise.
    func evaluate(_ card: ScoreCard, history: HistoryFlags) throws -> ExitStatus {
        try evaluate(card, history: history, json: false)
    }

    /// `json`: print the outcome as JSON instead of the table (`check --json`).
    func evaluate(_ card: ScoreCard, history: HistoryFlags, json: Bool) throws -> ExitStatus {
        let outcome = try check(card, history: history)
        if let junit { try writeAtomically(Data(CheckJUnit.render(outcome).utf8), to: junit) }
        if let markdown { try writeAtomically(Data(CheckMarkdown.render(outcome).utf8), to: markdown) }
        if json {
            FileHandle.standardOutput.write(try encodeJSON(outcome) + [10])
        } else {
            print(CheckTable.render(outcome), terminator: "")
        }
        switch outcome.verdict {
        case .passed: return .success
        case .failed: return .regression
        case .unmeasured: return .unreachable
        }
    }

    /// Reads the budget (usage error with file and line when it is malformed), for callers that want to fail
    /// before measuring anything.
    func loadBudget() throws -> Budget? {
        guard let budget else { return nil }
        do { return try BudgetLoader.load(contentsOf: URL(fileURLWithPath: budget), displayPath: budget) } catch {
            throw CommandFailure.usage(error.description)
        }
    }

    func check(_ card: ScoreCard, history: HistoryFlags) throws -> CheckOutcome {
        let budget = try loadBudget()
        let (baselineCard, baselineName) = try loadBaseline(for: card, history: history)
        let checker = Checker(budget: budget, baseline: baselineCard, baselineName: baselineName,
                              tolerance: tolerance.flatMap(Self.percent), noiseFactor: noiseFactor)
        do { return try checker.check(card) } catch { throw CommandFailure.usage(error.description) }
    }

    /// `last` asks the history; without a good run there it is a usage error: a nightly job that silently
    /// compared with nothing would pass forever.
    func loadBaseline(for card: ScoreCard, history: HistoryFlags) throws -> (ScoreCard?, String?) {
        guard let baseline else { return (nil, nil) }
        if baseline == "last" {
            guard let last = try history.lastGood(for: card) else {
                throw CommandFailure.usage("--baseline last: the history holds no good run of this target with grid \(card.grid.id) (record one with `ecoscore audit`, or give a score card file)")
            }
            return (last, "last good run in the history (\(Self.timestamp(last.createdAt)))")
        }
        do { return (try ScoreCardFile.read(URL(fileURLWithPath: baseline)), baseline) } catch let error as ScoreCardFileError {
            throw CommandFailure.usage("--baseline: \(error.description)")
        }
    }

    static func percent(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = t.dropLast().trimmingCharacters(in: .whitespaces) }
        guard let value = Double(t), value.isFinite, value >= 0 else { return nil }
        return value / 100
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
