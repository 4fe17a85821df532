import FixtureServer
import Foundation
import Model

/// Real score cards of the fixture journeys for the history tests: `ecoscore profile` then `ecoscore score`, as a
/// pipeline that scores separately does.
enum HistoryCardSupport {
    /// Profiles and scores a journey file of `Fixtures/journeys` (or any path) once; returns the card's path.
    static func card(journey: String, in folder: URL, server: FixtureServer, environment: [String: String] = [:]) throws -> String {
        let file = journey.hasPrefix("/") ? journey : JourneyCommandTests.journeys.appendingPathComponent(journey).path
        let profile = folder.appendingPathComponent("\(UUID().uuidString).profile.json").path
        let card = folder.appendingPathComponent("\(UUID().uuidString).card.json").path
        let profiled = try Ecoscore.run(["profile", file, "--base-url", server.baseURL.absoluteString, "--runs", "1",
                                         "--warmup", "0", "--output", profile], environment: environment)
        guard profiled.status == 0 else { throw Failure(message: "profile: \(profiled.stderr)") }
        let scored = try Ecoscore.run(["score", profile, "--grid", "app-referencing", "--output", card])
        guard scored.status == 0 else { throw Failure(message: "score: \(scored.stderr)") }
        return card
    }

    static func leanCard(in folder: URL) throws -> String {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        return try card(journey: "lean.yaml", in: folder, server: server)
    }

    static func read(_ card: String) throws -> ScoreCard {
        try JSONDecoder.iso.decode(ScoreCard.self, from: Data(contentsOf: URL(fileURLWithPath: card)))
    }

    /// Starts the built `ecoscore` without waiting for it (output discarded).
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Ecoscore.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
