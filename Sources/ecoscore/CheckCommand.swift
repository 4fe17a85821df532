import ArgumentParser
import Foundation
import Model
import Report

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a score card against a budget and/or a baseline score card (for CI).",
        discussion: """
            Holds SCORECARD (`ecoscore score --output`, or scorecard.json of `ecoscore audit`) against the limits \
            of a budget file (docs/budgets.md; Lighthouse budget.json files are accepted as they are) and \
            compares every figure with a baseline score card. A change counts as a regression only when the \
            figure gets worse by more than --tolerance (relative) AND by more than --noise-factor × the runs' \
            spread (max − min over runs, the larger of the two cards'): noisy server CPU passes, a heavier bundle \
            fails. The new and heavier requests of each step are named. A grade drop always counts.

            Prints a table of what failed (metric, step, limit or baseline, value, delta) and a one-line \
            verdict; --json prints the whole outcome instead. --junit and --markdown write it for CI reports \
            and pull-request comments (atomically).

            Exit codes: 0 everything holds; 1 a limit was exceeded or a figure regressed; 2 usage error, \
            unreadable score card or baseline, malformed budget (file and line), --baseline last with no good \
            run in the history; 3 the score card says the target could not be measured (a step that did not \
            load, an interrupted profile) — nothing is compared then.
            """
    )

    @Argument(help: "ScoreCard JSON to check.")
    var scoreCard: String

    @OptionGroup(title: "Budgets and baseline")
    var check: CheckFlags

    @OptionGroup(title: "History")
    var history: HistoryFlags

    @Flag(help: "Print the outcome as JSON (every result, passed or not) instead of the table.")
    var json = false

    func validate() throws {
        guard check.isRequested else { throw ValidationError("nothing to check against: give --budget FILE and/or --baseline FILE|last") }
    }

    func run() throws {
        let card: ScoreCard
        do { card = try ScoreCardFile.read(URL(fileURLWithPath: scoreCard)) } catch let error as ScoreCardFileError {
            throw CommandFailure.usage(error.description)
        }
        let status = try check.evaluate(card, history: history, json: json)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
