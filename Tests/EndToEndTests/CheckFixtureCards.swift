import Foundation
import Model
import Testing

/// Score cards of the fixture app measured once for every check test: the lean journey twice (a baseline and a
/// fresh repeat) and its "release" with the ~300 kB script, each profiled with `--runs 3` and the app's server CPU
/// metered (the built `ecoscore-fixtures` launched with `--launch … --ready`), then scored with app-referencing.
struct CheckFixtureCards: Sendable {
    let folder: URL
    let lean: URL
    let leanAgain: URL
    let release: URL

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let journeys = repository.appendingPathComponent("Fixtures/journeys")
    static let budgets = repository.appendingPathComponent("Fixtures/budgets")
    static var fixtures: String { Ecoscore.binary.deletingLastPathComponent().appendingPathComponent("ecoscore-fixtures").path }

    /// Measured on first use; every suite that needs them shares the same three cards.
    static let shared: Result<CheckFixtureCards, any Error> = Result { try CheckFixtureCards.measure() }

    static func get() throws -> CheckFixtureCards { try shared.get() }

    static func measure() throws -> CheckFixtureCards {
        let folder = try Ecoscore.temporaryFolder()
        return CheckFixtureCards(folder: folder, lean: try card("lean", as: "lean", in: folder),
                                 leanAgain: try card("lean", as: "lean-again", in: folder),
                                 release: try card("lean-release", as: "release", in: folder))
    }

    static func card(_ journey: String, as name: String, in folder: URL) throws -> URL {
        let port = try closedLoopbackPort()
        let profile = folder.appendingPathComponent("\(name).profile.json").path
        let card = folder.appendingPathComponent("\(name).json")
        let measured = try Ecoscore.run([
            "profile", journeys.appendingPathComponent("\(journey).yaml").path, "--base-url", "http://127.0.0.1:\(port)/",
            "--runs", "3", "--idle-baseline", "0.5", "--launch", "\(fixtures) --port \(port)",
            "--ready", "http://127.0.0.1:\(port)/", "--output", profile,
        ])
        guard measured.status == 0 else { throw CheckFixtureError(what: "profile \(journey)", result: measured) }
        let scored = try Ecoscore.run(["score", profile, "--grid", "app-referencing", "--output", card.path])
        guard scored.status == 0 else { throw CheckFixtureError(what: "score \(journey)", result: scored) }
        return card
    }

    /// Runs `ecoscore check … --json` and decodes the outcome.
    static func outcome(_ arguments: [String]) throws -> (CommandResult, CheckOutcome) {
        let result = try Ecoscore.run(["check"] + arguments + ["--json"])
        let outcome = try JSONDecoder().decode(CheckOutcome.self, from: Data(result.stdout.utf8))
        return (result, outcome)
    }

    static func decodeCard(_ url: URL) throws -> ScoreCard {
        try JSONDecoder.iso.decode(ScoreCard.self, from: Data(contentsOf: url))
    }
}

struct CheckFixtureError: Error, CustomStringConvertible {
    var what: String
    var result: CommandResult
    var description: String { "\(what) exited \(result.status): \(result.stderr)" }
}
