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
    }

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
        return Cards(
            leanProfile: lean, bloatedProfile: bloated,
            bloated: try appReferencing.score(bloated, answers: nil, tool: tool),
            lean: try appReferencing.score(lean, answers: nil, tool: tool),
            rgesn: try Scorer.bundled(rgesnGrid).score(bloated, answers: answers, tool: tool),
            maturin: try maturinScorer.score(lean, answers: nil, tool: tool, inventory: inventory,
                                             webAppViewsPerYear: 1_200_000))
    }

    private static func profile(_ journeyFile: String, server: FixtureServer) throws -> Profile {
        let journey = try Journey.load(repository.appendingPathComponent("Fixtures/journeys/\(journeyFile)"),
                                       baseURL: server.baseURL)
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
