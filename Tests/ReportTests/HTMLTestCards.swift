import FixtureServer
import Foundation
import Model
import Profiler
import Report
import Scoring

/// Score cards the HTML tests render: the fixture journeys profiled in-process (FixtureServer + JourneyProfiler,
/// one measured run) and scored with the bundled grids, once per test process.
enum HTMLTestCards {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let tool = ToolInfo(name: "ecoscore", version: "test", engine: "scoring")

    struct Cards: Sendable {
        let leanProfile: Profile
        let bloatedProfile: Profile
        /// bloated journey × app-referencing: the largest card the demo writes.
        let bloated: ScoreCard
        let lean: ScoreCard
        /// bloated journey × rgesn-2024 with the sample answers.
        let rgesn: ScoreCard
        /// lean journey × maturin-sih with the small hospital inventory and the app as a web-app line.
        let maturin: ScoreCard
        /// The fixture server's report-injection page (`/hostile/inject/`) × app-referencing.
        let hostile: ScoreCard
        /// A journey that logs in with a password and loads a URL carrying a token × app-referencing.
        let secrets: ScoreCard
    }

    /// What the hostile fixture page puts in titles, URLs and headers (Fixtures/Server/Hostile/ReportInjection).
    static let injectedTitle = "<script>alert(1)</script>"
    static let injectedMarkup = #""><img src=x onerror=alert(1)>"#
    static let password = "correct horse battery staple"
    static let token = "tok-SECRET-4711"

    /// Profiled and scored on first use; every suite shares them.
    static let shared: Result<Cards, Error> = Result { try make() }

    static func cards() throws -> Cards { try shared.get() }

    private static func make() throws -> Cards {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let lean = try profile("lean.yaml", server: server), bloated = try profile("bloated.yaml", server: server)
        let appReferencing = try Scorer.bundled(try GridLibrary.bundled("app-referencing"))
        let rgesnGrid = try GridLibrary.bundled("rgesn-2024")
        let answers = try Answers.load(repository.appendingPathComponent("Fixtures/answers/rgesn-example.yaml"),
                                       for: rgesnGrid.grid)
        let maturinScorer = try Scorer.bundled(try GridLibrary.bundled("maturin-sih"))
        let inventory = try InventoryCalculator.bundled().evaluate(
            try InventoryReader.read(contentsOf: repository.appendingPathComponent("Fixtures/inventories/hospital-small.csv")))
        let hostilePages = PageProfiler().profile([server.baseURL.appendingPathComponent("hostile/inject/")], runs: 1)
        let hostile = try EcoIndex.bundled().annotate(
            Profile(tool: PageProfiler.toolInfo(version: "test"), createdAt: Date(), settings: PageProfiler().settings(runs: 1),
                    pages: hostilePages))
        let secretJourney = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString).yaml")
        try Data("""
            name: Secrets
            steps:
              - name: Login form
                get: app/login
              - name: Log in
                post: app/login
                form:
                  user: demo
                  password: ${PASSWORD}
                secret: [password]
              - name: Tokenised page
                get: lean/?token=${TOKEN}
            """.utf8).write(to: secretJourney)
        defer { try? FileManager.default.removeItem(at: secretJourney) }
        let secrets = try profile(secretJourney, server: server, environment: ["PASSWORD": password, "TOKEN": token])
        return Cards(
            leanProfile: lean, bloatedProfile: bloated,
            bloated: try appReferencing.score(bloated, answers: nil, tool: tool),
            lean: try appReferencing.score(lean, answers: nil, tool: tool),
            rgesn: try Scorer.bundled(rgesnGrid).score(bloated, answers: answers, tool: tool),
            maturin: try maturinScorer.score(lean, answers: nil, tool: tool, inventory: inventory,
                                             webAppViewsPerYear: 1_200_000),
            hostile: try appReferencing.score(hostile, answers: nil, tool: tool),
            secrets: try appReferencing.score(secrets, answers: nil, tool: tool))
    }

    private static func profile(_ journeyFile: String, server: FixtureServer) throws -> Profile {
        try profile(repository.appendingPathComponent("Fixtures/journeys/\(journeyFile)"), server: server)
    }

    private static func profile(_ file: URL, server: FixtureServer, environment: [String: String] = [:]) throws -> Profile {
        let journey = try Journey.load(file, baseURL: server.baseURL, environment: environment)
        let pages = JourneyProfiler().profile(journey, runs: 1, warmUp: 0)
        let profile = Profile(tool: PageProfiler.toolInfo(version: "test"), createdAt: Date(),
                              settings: PageProfiler().settings(runs: 1),
                              journey: JourneyInfo(name: journey.name, cache: "warm", runs: 1, warmUpRuns: 0),
                              pages: pages)
        return try EcoIndex.bundled().annotate(profile)
    }

    /// Renders a card; with ECOSCORE_HTML_SAMPLES=DIR set, also writes it there to be looked at.
    static func render(_ card: ScoreCard, _ language: ReportLanguage, trend: [TrendPoint] = [], name: String) throws -> String {
        let html = try HTMLReport(card: card, language: language, trend: trend).render()
        if let folder = ProcessInfo.processInfo.environment["ECOSCORE_HTML_SAMPLES"] {
            try html.write(toFile: "\(folder)/\(name)-\(language.rawValue).html", atomically: true, encoding: .utf8)
        }
        return html
    }
}
