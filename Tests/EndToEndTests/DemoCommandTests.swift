import Foundation
import Model
import Testing

/// `ecoscore demo`: the fixture apps audited on the three grids, every report written, an index linking them.
@Suite struct DemoCommandTests {
    static let audits = ["bloated-app-referencing", "bloated-rgesn-2024", "hospital-maturin-sih", "lean-app-referencing",
                         "lean-rgesn-2024"]

    @Test func demoWritesEveryAuditAndAnIndex() throws {
        let folder = try Ecoscore.temporaryFolder()
        let out = folder.appendingPathComponent("demo")
        let started = Date()
        let r = try Ecoscore.run(["demo", "--runs", "1", "--out", out.path])
        let seconds = Date().timeIntervalSince(started)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("127.0.0.1"))
        let index = out.appendingPathComponent("index.html")
        #expect(r.stdout.contains("Open \(index.standardizedFileURL.absoluteString)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == (Self.audits + ["index.html"]).sorted())

        var cards: [String: ScoreCard] = [:]
        for name in Self.audits {
            let audit = AuditOutput(folder: out.appendingPathComponent(name))
            for file in ["profile.json", "scorecard.json", "report.html"] { #expect(audit.exists(file), "\(name)/\(file)") }
            cards[name] = try audit.card()
            #expect(try audit.profile().pages.allSatisfy { $0.runs.first?.error == nil }, "\(name)")
            #expect(try audit.table("criteria").rows.count == cards[name]!.families.reduce(0) { $0 + $1.criteria.count })
            #expect(try audit.html().contains("lang=\"fr\""), "French by default for the French grids")
        }
        // Each audit is the journey and grid its folder names; the lean app scores better than the bloated one.
        #expect(cards["lean-app-referencing"]?.grid.id == "app-referencing")
        #expect(cards["bloated-rgesn-2024"]?.grid.id == "rgesn-2024")
        #expect((cards["lean-app-referencing"]?.total.percent ?? 0) > (cards["bloated-app-referencing"]?.total.percent ?? 100))
        #expect((cards["lean-rgesn-2024"]?.answers?.answered ?? 0) > 10, "sample answers read from the bundle")
        let hospital = try #require(cards["hospital-maturin-sih"])
        #expect(hospital.grid.id == "maturin-sih")
        let webApp = try #require(hospital.inventory?.lines.first { $0.kind == "webApp" })
        #expect(webApp.viewsPerYear == 200_000)
        #expect((hospital.inventory?.lines.count ?? 0) == 6, "5 equipment lines of hospital-small.csv + the web app")
        #expect(try AuditOutput(folder: out.appendingPathComponent("hospital-maturin-sih")).csvFiles().contains("inventory_impacts.csv"))

        let page = try String(contentsOf: index, encoding: .utf8)
        for name in Self.audits {
            #expect(page.contains("href=\"\(name)/report.html\""), "\(name)")
            #expect(page.contains("href=\"\(name)/scorecard.json\""), "\(name)")
        }
        let sizes = try Self.audits.map { name -> Int in
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("\(name)/report.html").path)
            return (attributes[.size] as? Int) ?? 0
        }
        print("demo --runs 1: \(String(format: "%.1f", seconds)) s; report.html sizes \(sizes) bytes")
    }

    @Test func demoInEnglishWithTheFrenchExcelDialect() throws {
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("demo")
        let r = try Ecoscore.run(["demo", "--runs", "1", "--out", out.path, "--lang", "en", "--csv-dialect", "excel-fr"])
        #expect(r.status == 0, "\(r.stderr)")
        let audit = AuditOutput(folder: out.appendingPathComponent("lean-rgesn-2024"))
        #expect(try audit.html().contains("lang=\"en\""))
        let card = try audit.card()
        let families = try audit.table("families", excelFR: true)
        #expect(families.rows.map { $0["family_title"] } == card.families.map(\.title.en))
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).contains("lang=\"en\""))
    }
}
