import FixtureServer
import Foundation
import Model
import Profiler
import Scoring
import Testing

/// The fixture sites profiled in-process (FixtureServer + JourneyProfiler) and scored: `lean` must score clearly
/// better than `bloated` on the app-referencing grid and on the RGESN criteria pre-filled from measurements;
/// then the same profiles through the `ecoscore score`, `answers init` and `grids` commands.
@Suite(.serialized) struct ScoreLeanBloatedTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One measured run of a fixture journey (warm cache across steps, as a browser).
    static func profile(_ journeyFile: String, server: FixtureServer) throws -> Profile {
        let journey = try Journey.load(repository.appendingPathComponent("Fixtures/journeys/\(journeyFile)"),
                                       baseURL: server.baseURL)
        let pages = JourneyProfiler().profile(journey, runs: 1, warmUp: 0)
        let profile = Profile(tool: PageProfiler.toolInfo(version: "test"), createdAt: Date(),
                              settings: PageProfiler().settings(runs: 1),
                              journey: JourneyInfo(name: journey.name, cache: "warm", runs: 1, warmUpRuns: 0),
                              pages: pages)
        return try EcoIndex.bundled().annotate(profile)
    }

    static func profiles() throws -> (lean: Profile, bloated: Profile) {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        return (try profile("lean.yaml", server: server), try profile("bloated.yaml", server: server))
    }

    static let tool = ToolInfo(name: "ecoscore", version: "test", engine: "scoring")

    static func score(_ profile: Profile, _ grid: String) throws -> ScoreCard {
        try Scorer.bundled(try GridLibrary.bundled(grid)).score(profile, answers: nil, tool: tool)
    }

    @Test func leanScoresClearlyBetterOnAppReferencing() throws {
        let (lean, bloated) = try Self.profiles()
        let l = try Self.score(lean, "app-referencing"), b = try Self.score(bloated, "app-referencing")
        let ls = try #require(l.journey?.score), bs = try #require(b.journey?.score)
        #expect(ls >= 90, "lean \(ls)")
        #expect(bs <= 70, "bloated \(bs)")
        #expect(ls - bs >= 25)
        #expect(l.grade == "A")
        #expect(["C", "D", "E", "F"].contains(b.grade ?? ""), "bloated grade \(b.grade ?? "none")")
        // Axis by axis, lean is never worse.
        for (lf, bf) in zip(l.families, b.families) {
            #expect(lf.total.points >= bf.total.points, "\(lf.id)")
        }
        // The bloated home page is its heaviest step, well above a megabyte.
        #expect((b.journey?.heaviestData.first?.value ?? 0) > 1_000_000)
        // Companion EcoIndex figures agree with the ranking.
        #expect((l.ecoindex.first?.ecoindex?.score ?? 0) > (b.ecoindex.first?.ecoindex?.score ?? 100))
        // The bloated portal gets recommendations naming its uncompressed, uncacheable resources.
        #expect(b.recommendations.count > l.recommendations.count)
    }

    @Test func leanScoresClearlyBetterOnThePreFilledRGESNCriteria() throws {
        let (lean, bloated) = try Self.profiles()
        let l = try Self.score(lean, "rgesn-2024"), b = try Self.score(bloated, "rgesn-2024")
        func prefilled(_ card: ScoreCard) -> [String: CriterionScore] {
            Dictionary(uniqueKeysWithValues: card.families.flatMap(\.criteria).filter { $0.answerSource == "measured" }.map { ($0.id, $0) })
        }
        let lp = prefilled(l), bp = prefilled(b)
        let validatedLean = lp.values.filter { $0.answer == "validé" }.count
        let validatedBloated = bp.values.filter { $0.answer == "validé" }.count
        #expect(validatedLean >= validatedBloated + 3, "lean \(validatedLean), bloated \(validatedBloated)")
        for id in ["6.1", "6.2", "6.3"] {
            #expect(lp[id]?.answer == "validé", "lean \(id)")
            #expect(bp[id]?.answer == "non validé", "bloated \(id)")
        }
        // Evidence names the offending requests: bloated's uncompressed stylesheets and uncacheable images.
        let compression = try #require(bp["6.3"]?.prefilled?.checks.first)
        #expect(compression.requests.contains { $0.url.hasSuffix("/bloated/css/bootstrap.css") })
        let cache = try #require(bp["6.2"]?.prefilled?.checks.first)
        #expect(cache.requests.contains { $0.url.hasSuffix(".jpg") && $0.detail.contains("no cache headers") })
        #expect(l.total.points > b.total.points)
    }

    // MARK: - Through the command line

    static func write(_ profile: Profile, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(profile).write(to: url)
    }

    @Test func scoreCommandWritesTheScoreCard() throws {
        let (lean, bloated) = try Self.profiles()
        let folder = try Ecoscore.temporaryFolder()
        let leanFile = folder.appendingPathComponent("lean.json"), bloatedFile = folder.appendingPathComponent("bloated.json")
        try Self.write(lean, to: leanFile)
        try Self.write(bloated, to: bloatedFile)
        let output = folder.appendingPathComponent("card.json").path
        let r = try Ecoscore.run(["score", leanFile.path, "--grid", "app-referencing", "--output", output])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Journey score: "))
        #expect(r.stdout.contains("grade A"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let card = try decoder.decode(ScoreCard.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(card.grid.id == "app-referencing")
        #expect(card.profile?.journeyName == lean.journey?.name)
        #expect(card.models.contains { $0.id == "display-time" })

        let json = try Ecoscore.run(["score", bloatedFile.path, "--grid", "rgesn-2024", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let rgesn = try decoder.decode(ScoreCard.self, from: Data(json.stdout.utf8))
        #expect(rgesn.unanswered.count == 71)
    }

    @Test func scoreCommandRefusesBadInput() throws {
        let folder = try Ecoscore.temporaryFolder()
        let future = folder.appendingPathComponent("future.json")
        try Data(#"{"schemaVersion": 99, "pages": []}"#.utf8).write(to: future)
        let r = try Ecoscore.run(["score", future.path, "--grid", "rgesn-2024"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("profile schema version 99 is newer than this ecoscore reads (1)"), "\(r.stderr)")

        let profile = folder.appendingPathComponent("p.json")
        try Self.write(Profile(tool: Self.tool, createdAt: Date(), settings: PageProfiler().settings(runs: 1), pages: []), to: profile)
        let wrong = Self.repository.appendingPathComponent("Fixtures/answers/wrong-grid.yaml")
        let w = try Ecoscore.run(["score", profile.path, "--grid", "rgesn-2024", "--answers", wrong.path])
        #expect(w.status == 2)
        #expect(w.stderr.contains("\(wrong.path):2: these answers are for grid 'app-referencing', not for grid 'rgesn-2024'"), "\(w.stderr)")

        let badGrid = folder.appendingPathComponent("bad.yaml")
        try Data((try String(contentsOf: Self.repository.appendingPathComponent("Scoring/grids/app-referencing.yaml"), encoding: .utf8))
            .replacingOccurrences(of: "metric: step.energyWh", with: "metric: step.carbon").utf8).write(to: badGrid)
        let g = try Ecoscore.run(["score", profile.path, "--grid-file", badGrid.path])
        #expect(g.status == 2)
        #expect(g.stderr.contains("\(badGrid.path):"), "\(g.stderr)")
        #expect(g.stderr.contains("unknown metric 'step.carbon'"))
        let v = try Ecoscore.run(["grids", "validate", badGrid.path])
        #expect(v.status == 2)
        #expect(v.stderr.contains("unknown metric 'step.carbon'"))
    }

    @Test func answersInitAndGridsCommands() throws {
        let folder = try Ecoscore.temporaryFolder()
        let template = folder.appendingPathComponent("answers.yaml")
        let r = try Ecoscore.run(["answers", "init", "--grid", "rgesn-2024", "--output", template.path])
        #expect(r.status == 0, "\(r.stderr)")
        let grid = try GridLibrary.bundled("rgesn-2024").grid
        let answers = try Answers.load(template, for: grid)
        #expect(answers.entries.count == 78)
        let again = try Ecoscore.run(["answers", "init", "--grid", "rgesn-2024", "--output", template.path])
        #expect(again.status == 2, "an existing answers file is kept")

        let list = try Ecoscore.run(["grids", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("app-referencing") && list.stdout.contains("rgesn-2024"))
        let show = try Ecoscore.run(["grids", "show", "app-referencing"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("EcoIndex target page weight"))
        #expect(show.stdout.contains("step.displayTimeMs — ms, per step"))
        let valid = try Ecoscore.run(["grids", "validate", Self.repository.appendingPathComponent("Scoring/grids/rgesn-2024.yaml").path])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("ok — rgesn-2024"))
    }
}
