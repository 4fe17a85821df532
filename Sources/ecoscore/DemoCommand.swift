import ArgumentParser
import FixtureServer
import Foundation
import Model
import Profiler
import Report

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve the bundled fixture apps on 127.0.0.1, audit them and write the reports with an index page.",
        discussion: """
            Replays the lean and the bloated visit journeys of the bundled fixture apps, scores each with the \
            app-referencing grid and with RGESN 2024 (with sample answers), scores a sample hospital inventory \
            with maturin-sih (the lean journey added as its web-app line), and writes each audit as \
            `ecoscore audit` would (profile.json, scorecard.json, report.html, csv/) in its own folder under \
            --out, with index.html linking them. No network beyond the loopback interface is used.
            """
    )

    @Option(help: "Folder for the results.")
    var out = "ecoscore-demo"

    @Option(help: "Measured runs of each journey (after one warm-up run).")
    var runs = 3

    @OptionGroup(title: "Report style")
    var style: ReportStyleFlags

    func validate() throws {
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be between 1 and 20") }
    }

    static let journeys = ["lean", "bloated"]
    /// The hospital's yearly views of its web app (the lean journey), for the maturin-sih inventory line.
    static let hospitalViewsPerYear = 200_000.0

    func run() throws {
        let appReferencing = try ScoreInputs(grid: try loadGrid(id: "app-referencing", file: nil), answers: nil, network: nil,
                                             intensity: nil, inventory: nil, viewsPerYear: nil)
        let rgesn = try ScoreInputs(grid: try loadGrid(id: "rgesn-2024", file: nil),
                                    answers: try DemoFixtures.path("answers", "rgesn-example.yaml"), network: nil,
                                    intensity: nil, inventory: nil, viewsPerYear: nil)
        let hospital = try ScoreInputs(grid: try loadGrid(id: "maturin-sih", file: nil), answers: nil, network: nil,
                                       intensity: nil, inventory: try DemoFixtures.path("inventories", "hospital-small.csv"),
                                       viewsPerYear: Self.hospitalViewsPerYear)

        let server = FixtureServer()
        do { try server.start() } catch { throw CommandFailure.usage("cannot start the fixture server: \(error)") }
        defer { server.stop() }
        print("Fixture apps served at \(server.baseURL.absoluteString)\n")

        let language = style.lang.flatMap(ReportLanguage.init(rawValue:)) ?? .fr
        var index = DemoIndex(language: language)
        var failed = false
        var profiles: [String: Profile] = [:]
        for name in Self.journeys {
            guard let file = FixtureServer.bundledJourney(name) else {
                throw CommandFailure.usage("the bundled journey '\(name)' is missing")
            }
            ProgressLine.stage("Profiling the \(name) journey")
            let journey = try loadJourney(file, baseURL: server.baseURL.absoluteString)
            let profile = try measure(journey, runs: runs, warmUp: 1, cache: .warm, options: FetchOptions())
            profiles[name] = profile
            print(SummaryTable(profile: profile).render())
            failed = reportUnloadedPages(profile) || failed
            for inputs in [appReferencing, rgesn] {
                try audit(profile, inputs, folder: "\(name)-\(inputs.gridID)", title: journey.name, into: &index)
            }
        }
        if let lean = profiles["lean"] {
            try audit(lean, hospital, folder: "hospital-\(hospital.gridID)", title: index.hospitalTitle, into: &index)
        }
        let indexFile = (out as NSString).appendingPathComponent("index.html")
        let html: String
        do { html = try index.page(notes: index.notes(server: server.baseURL, runs: runs)).render() } catch {
            throw CommandFailure(message: "cannot render the index page: \(error)", exitCode: .usage)
        }
        try writeAtomically(Data(html.utf8), to: indexFile)
        print("\nOpen \(URL(fileURLWithPath: indexFile).standardizedFileURL.absoluteString)")
        if failed { throw ExitCode(ExitStatus.unreachable.rawValue) }
    }

    /// One audit as `ecoscore audit` writes it, in `out/folder`, added to the index.
    private func audit(_ profile: Profile, _ inputs: ScoreInputs, folder name: String, title: String,
                       into index: inout DemoIndex) throws {
        ProgressLine.stage("Scoring \(name)")
        let folder = AuditFolder(path: (out as NSString).appendingPathComponent(name))
        let card = try inputs.score(profile)
        try ProfileJSON.write(profile, to: folder.profile)
        try folder.writeReports(card, style: style, trend: [])
        print("\(name): \(AuditFolder.verdict(card)) → \(folder.html)")
        index.add(card, title: title, folder: name)
    }
}

/// The sample answers and inventory the demo scores, bundled beside the fixture sites (Fixtures/answers,
/// Fixtures/inventories) so that an installed binary finds them.
enum DemoFixtures {
    static func path(_ folder: String, _ name: String) throws -> String {
        let url = FixtureServer.bundledSites.deletingLastPathComponent().appendingPathComponent(folder)
            .appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure.usage("the bundled fixture \(folder)/\(name) is missing (looked in \(url.path))")
        }
        return url.path
    }
}
