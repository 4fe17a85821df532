import ArgumentParser
import FixtureServer
import Foundation
import Model
import Profiler

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve the bundled fixture apps on 127.0.0.1, profile them, and write the results.",
        discussion: "No network beyond the loopback interface is used."
    )

    @Option(help: "Folder for the results.")
    var out = "ecoscore-demo"

    @Option(help: "Cold-cache loads of each page.")
    var runs = 3

    func validate() throws {
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be between 1 and 20") }
    }

    /// The bundled fixture pages, as paths below the fixture server's root.
    static let pages = ["lean/", "bloated/start", "edge/"]

    func run() throws {
        let server = FixtureServer()
        do { try server.start() } catch { throw CommandFailure.usage("cannot start the fixture server: \(error)") }
        defer { server.stop() }
        print("Fixture apps served at \(server.baseURL.absoluteString)")
        let urls = Self.pages.compactMap { URL(string: $0, relativeTo: server.baseURL)?.absoluteURL }
        let profile = try measure(urls, runs: runs, concurrency: 1, options: FetchOptions())
        let path = (out as NSString).appendingPathComponent("profile.json")
        try ProfileJSON.write(profile, to: path)
        print(SummaryTable(profile: profile).render(), terminator: "")
        print("Profile written to \(path)")
        if reportUnloadedPages(profile) { throw ExitCode(ExitStatus.unreachable.rawValue) }
    }
}
