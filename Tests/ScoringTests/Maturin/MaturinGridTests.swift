import Foundation
import Model
import Testing
@testable import Scoring

/// The `maturin-sih` grid: Ecoscore's hospital-IS grid, scored on an inventory (and the hospital's web app).
@Suite struct MaturinGridTests {
    @Test func loadsAndValidates() throws {
        let loaded = try GridLibrary.bundled("maturin-sih")
        #expect(loaded.grid.id == "maturin-sih")
        #expect(GridLoader.problems(in: URL(fileURLWithPath: loaded.file)).isEmpty)
        #expect(loaded.grid.needsInventory)
        // Every measured criterion is on an inventory metric of the catalogue.
        for (_, c) in loaded.grid.allCriteria where c.kind == .measured {
            #expect(MetricCatalogue.named(c.metric ?? "")?.scope == .inventory, "\(c.id)")
        }
        #expect(!(try GridLibrary.bundled("app-referencing").grid.needsInventory))
    }

    @Test func inventoryMetricsCannotEvidenceDeclaredCriteria() throws {
        let text = """
            format: 1
            id: t
            version: "1"
            title: {fr: T, en: T}
            source: s
            licence: l
            official: {fr: o, en: o}
            families:
              - id: f
                title: {fr: F, en: F}
                criteria:
                  - id: c
                    kind: declared
                    title: {fr: Q, en: Q}
                    answers: [{id: a, label: {fr: A, en: A}, points: 1}]
                    evidence: {checks: [{metric: inventory.lifespanRatio, op: ">=", value: 1}], onPass: a}
            """
        #expect(throws: DataFileError.self) { try GridLoader.parse(text, file: "t.yaml") }
    }
}

@Suite struct MaturinScoringTests {
    static func inventory(_ file: String) throws -> InventoryResult {
        let url = ProfileBuilder.repository.appendingPathComponent("Fixtures/inventories/\(file)")
        return try InventoryCalculator.bundled().evaluate(try InventoryReader.read(contentsOf: url))
    }

    /// One step of `bytes` transfer bytes, no server meter.
    static func app(bytes: Int) -> Profile {
        let run = ProfileBuilder.run([ProfileBuilder.request("https://app.example/", depth: 0, bytes: bytes, type: .document)])
        return ProfileBuilder.profile([ProfileBuilder.page("Accueil", "https://app.example/", run)], journey: "Portail patient")
    }

    static func score(_ inventory: InventoryResult?, app: Profile = app(bytes: 500_000), views: Double? = nil) throws -> ScoreCard {
        try ProfileBuilder.bundledScorer("maturin-sih")
            .score(app, answers: nil, tool: ProfileBuilder.tool, inventory: inventory, webAppViewsPerYear: views)
    }

    static func criterion(_ card: ScoreCard, _ id: String) -> CriterionScore? {
        card.families.flatMap(\.criteria).first { $0.id == id }
    }

    @Test func longerLifespansScoreBetter() throws {
        let base = try Self.score(try Self.inventory("hospital-small.csv"))
        let longer = try Self.score(try Self.inventory("hospital-small-longer-screens.yaml"))
        // Defaults everywhere: ratio exactly 1 and saving exactly 0 → 50 / 100 on both lifespan criteria.
        #expect(Self.criterion(base, "lifespan.ratio")?.points == 50)
        #expect(Self.criterion(base, "lifespan.embodiedSaving")?.points == 50)
        // 200 of 406 devices at 9 ÷ 7 years: ratio (206 + 200 × 9/7) ÷ 406 = 1.1407 → the 1.125–1.25 band, 62.5.
        let ratio = try #require(Self.criterion(longer, "lifespan.ratio"))
        #expect(abs((ratio.measured ?? 0) - (206 + 200 * 9.0 / 7) / 406) < 1e-12)
        #expect(ratio.points == 62.5)
        let b = try #require(base.total.percent), l = try #require(longer.total.percent)
        #expect(l > b, "longer \(l) vs default \(b)")
        #expect(base.grade == "C")
        // Unanswered practices are listed, not counted.
        #expect(base.unanswered == ["practices.reuse", "practices.weee", "practices.purchasing"])
        #expect(base.inventory?.maturity?.level == 2)
    }

    @Test func webAppLineIsAddedWithItsYearlyElectricity() throws {
        let card = try Self.score(try Self.inventory("hospital-small.csv"), app: Self.app(bytes: 1_000_000), views: 100_000)
        let inventory = try #require(card.inventory)
        let line = try #require(inventory.lines.last)
        #expect(line.kind == "webApp")
        #expect(line.name == "Portail patient")
        #expect(line.viewsPerYear == 100_000)
        // By hand: 1 MB a view × (SWD v4 operational data centre 0.055 + network 0.059 kWh/GB) = 0.000114 kWh a
        // view (no server metered, no device part: models/inventory.yaml webApp); × 100 000 views = 11.4 kWh a year.
        #expect(abs(line.annualKWh - 11.4) < 1e-9, "\(line.annualKWh)")
        #expect(inventory.lines.count == 6)
        #expect(inventory.assumptions.contains { $0.line == line.line && $0.field == "kwh_per_view" })
        // 0.000114 kWh ≤ 0.0001167 (1024 kB): 60 points.
        let perView = try #require(Self.criterion(card, "webapps.perView"))
        #expect(abs((perView.measured ?? 0) - 0.000114) < 1e-12)
        #expect(perView.points == 60)
        // The equipment lines are unchanged.
        let plain = try Self.inventory("hospital-small.csv")
        #expect(Array(inventory.lines.prefix(5)) == plain.lines)
    }

    @Test func heavierAppGivesLargerLine() throws {
        let inventory = try Self.inventory("hospital-small.csv")
        let light = try Self.score(inventory, app: Self.app(bytes: 200_000), views: 1_000_000)
        let heavy = try Self.score(inventory, app: Self.app(bytes: 3_000_000), views: 1_000_000)
        let l = try #require(light.inventory?.lines.last), h = try #require(heavy.inventory?.lines.last)
        // 0.2 MB × 0.114 Wh/MB × 10^6 = 22.8 kWh; 3 MB → 342 kWh.
        #expect(abs(l.annualKWh - 22.8) < 1e-9)
        #expect(abs(h.annualKWh - 342) < 1e-9)
        #expect(h.annualKWh > l.annualKWh)
        #expect((Self.criterion(heavy, "webapps.perView")?.points ?? 100) < (Self.criterion(light, "webapps.perView")?.points ?? 0))
        #expect((heavy.total.percent ?? 100) < (light.total.percent ?? 0))
    }

    @Test func withoutInventory() throws {
        // No inventory: the inventory criteria are unmeasured and a note says why.
        let card = try Self.score(nil)
        #expect(Self.criterion(card, "lifespan.ratio")?.status == .unmeasured)
        #expect(card.notes.contains { $0.contains("No inventory") })
        // A web-app line needs an inventory to be added to.
        #expect(throws: DataFileError.self) { try Self.score(nil, views: 1000) }
        // Without views, the web-app criterion is unmeasured and left out of the maximum.
        let noApp = try Self.score(try Self.inventory("hospital-small.csv"))
        #expect(Self.criterion(noApp, "webapps.perView")?.status == .unmeasured)
        #expect(Self.criterion(noApp, "webapps.perView")?.max == 0)
    }
}
