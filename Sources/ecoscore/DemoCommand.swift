import ArgumentParser
import FixtureServer
import Foundation
import Model
import Profiler
import Scoring

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve the bundled fixture apps on 127.0.0.1, profile and score them, and write the results.",
        discussion: """
            Profiles the lean, bloated and edge fixture pages, replays the lean and bloated visit journeys, and \
            scores the journeys with the app-referencing grid. Writes the profiles and score cards (JSON) under \
            --out. No network beyond the loopback interface is used.
            """
    )

    @Option(help: "Folder for the results.")
    var out = "ecoscore-demo"

    @Option(help: "Measured runs of each page and journey.")
    var runs = 3

    func validate() throws {
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be between 1 and 20") }
    }

    /// The bundled fixture pages, as paths below the fixture server's root.
    static let pages = ["lean/", "bloated/start", "edge/"]
    static let journeys = ["lean", "bloated"]

    func run() throws {
        let server = FixtureServer()
        do { try server.start() } catch { throw CommandFailure.usage("cannot start the fixture server: \(error)") }
        defer { server.stop() }
        print("Fixture apps served at \(server.baseURL.absoluteString)\n")
        let urls = Self.pages.compactMap { URL(string: $0, relativeTo: server.baseURL)?.absoluteURL }
        let pages = try measure(urls, runs: runs, concurrency: 1, options: FetchOptions())
        let folder = out as NSString
        try ProfileJSON.write(pages, to: folder.appendingPathComponent("pages.profile.json"))
        print(SummaryTable(profile: pages).render())
        var failed = reportUnloadedPages(pages)

        let scorer: Scorer
        do { scorer = try Scorer.bundled(try GridLibrary.bundled("app-referencing")) } catch {
            throw CommandFailure.usage("cannot load the app-referencing grid: \(error)")
        }
        for name in Self.journeys {
            guard let file = FixtureServer.bundledJourney(name) else {
                throw CommandFailure.usage("the bundled journey '\(name)' is missing")
            }
            let journey = try loadJourney(file, baseURL: server.baseURL.absoluteString)
            let profile = try measure(journey, runs: runs, warmUp: 1, cache: .warm, options: FetchOptions())
            let card = try scorer.score(profile, answers: nil, tool: PageProfiler.toolInfo(version: Ecoscore.version))
            try ProfileJSON.write(profile, to: folder.appendingPathComponent("\(name).profile.json"))
            try writeAtomically(try encodeJSON(card) + [10], to: folder.appendingPathComponent("\(name).scorecard.json"))
            print(SummaryTable(profile: profile).render())
            print(ScoreSummary(card: card, language: "en").render())
            failed = reportUnloadedPages(profile) || failed
        }
        print("Results written to \(out)/: pages.profile.json, {lean,bloated}.profile.json, {lean,bloated}.scorecard.json")
        if failed { throw ExitCode(ExitStatus.unreachable.rawValue) }
    }
}
