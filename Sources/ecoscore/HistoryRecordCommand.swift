import ArgumentParser
import Foundation
import History
import Model
import Report

struct HistoryRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a score card in the history (for pipelines that score and check in separate steps).",
        discussion: """
            Records SCORECARD.json (written by `ecoscore score --output` or `audit`) as one run, with its label \
            and, when given, the outcome of its check. Recording the same card again under the same label updates \
            that run's outcome instead of adding a second one. Prints the run's id.
              ecoscore score lean.profile.json --grid app-referencing --output card.json
              ecoscore check card.json --budget budget.yaml && ok=--passed || ok=--failed
              ecoscore history record card.json --label "$GIT_COMMIT" $ok
            """)

    enum Outcome: String, EnumerableFlag {
        case passed, failed

        static func help(for value: Outcome) -> ArgumentHelp? {
            value == .passed ? "The card's check passed (a candidate for --baseline last)."
                : "The card's check failed (never a baseline)."
        }
    }

    @OptionGroup var database: HistoryDatabaseOption

    @Argument(help: "The score card JSON to record.")
    var scoreCard: String

    @Option(help: "Label of the run: a build id or commit (default: $ECOSCORE_LABEL, $GIT_COMMIT, $GITHUB_SHA or $CI_COMMIT_SHA).")
    var label: String?

    @Flag var outcome: Outcome?

    /// Records the card this many times (labels suffixed #1, #2…), each in its own transaction: the concurrency
    /// and kill tests' writer. Not for users.
    @Option(help: .hidden)
    var `repeat` = 1

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat is 1 or more") }
    }

    func run() throws {
        let card: ScoreCard
        do { card = try ScoreCardFile.read(URL(fileURLWithPath: scoreCard)) } catch let error as ScoreCardFileError {
            throw CommandFailure.usage(error.description)
        }
        let store = try database.open(.write)
        let label = HistoryFlags.label(given: self.label)
        let passed = outcome.map { $0 == .passed }
        var id: Int64 = 0
        for i in 1...`repeat` {
            let numbered = `repeat` == 1 ? label : "\(label ?? "run")#\(i)"
            id = try historyCall { try store.record(card, label: numbered, passed: passed) }
        }
        print("Recorded run #\(id) in \(store.path): \(HistoryText.safe(TargetKey.of(card))), \(card.grid.id) \(card.grid.version)"
              + (card.total.percent.map { String(format: ", score %.1f %%", $0) } ?? "") + (card.grade.map { " (\($0))" } ?? ""))
    }
}
