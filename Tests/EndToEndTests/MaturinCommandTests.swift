import Foundation
import Model
import Profiler
import Testing

/// `ecoscore score --grid maturin-sih`: the hospital's inventory scored, with the profiled web app as its own line.
@Suite(.serialized) struct MaturinCommandTests {
    static let inventory = ScoreLeanBloatedTests.repository.appendingPathComponent("Fixtures/inventories/hospital-small.csv").path

    static func card(_ stdout: String) throws -> ScoreCard {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ScoreCard.self, from: Data(stdout.utf8))
    }

    @Test func leanWebAppLineIsSmallerThanBloated() throws {
        let (lean, bloated) = try ScoreLeanBloatedTests.profiles()
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let leanFile = folder.appendingPathComponent("lean.json"), bloatedFile = folder.appendingPathComponent("bloated.json")
        try ScoreLeanBloatedTests.write(lean, to: leanFile)
        try ScoreLeanBloatedTests.write(bloated, to: bloatedFile)

        func line(_ file: URL) throws -> (LineImpact, ScoreCard) {
            let r = try Ecoscore.run(["score", file.path, "--grid", "maturin-sih", "--inventory", Self.inventory,
                                      "--views-per-year", "500000", "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let card = try Self.card(r.stdout)
            return (try #require(card.inventory?.lines.last { $0.kind == "webApp" }), card)
        }
        let (l, leanCard) = try line(leanFile), (b, bloatedCard) = try line(bloatedFile)
        #expect(l.viewsPerYear == 500_000)
        #expect(l.annualKWh < b.annualKWh, "lean \(l.annualKWh) kWh vs bloated \(b.annualKWh) kWh")
        #expect((leanCard.total.percent ?? 0) > (bloatedCard.total.percent ?? 100))

        // The readable summary names the inventory and the web-app line.
        let text = try Ecoscore.run(["score", leanFile.path, "--grid", "maturin-sih", "--inventory", Self.inventory,
                                     "--views-per-year", "500000"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Inventory: "))
        #expect(text.stdout.contains("Web app \""))
    }

    @Test func inventoryIsRequired() throws {
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("empty.json")
        try ScoreLeanBloatedTests.write(Profile(tool: ScoreLeanBloatedTests.tool, createdAt: Date(),
                                                settings: PageProfiler().settings(runs: 1), pages: []), to: profile)
        let r = try Ecoscore.run(["score", profile.path, "--grid", "maturin-sih"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--inventory"), "\(r.stderr)")
        // --views-per-year without an inventory is a usage error too, whatever the grid.
        let v = try Ecoscore.run(["score", profile.path, "--grid", "app-referencing", "--views-per-year", "10"])
        #expect(v.status == 2)
        #expect(v.stderr.contains("--inventory"), "\(v.stderr)")
        // The grid validates as a file and is listed.
        let list = try Ecoscore.run(["grids", "list"])
        #expect(list.stdout.contains("maturin-sih"))
        let show = try Ecoscore.run(["grids", "show", "maturin-sih"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("whole inventory"))
    }
}
