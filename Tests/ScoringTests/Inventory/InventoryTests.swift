import Foundation
import Model
import Testing
@testable import Scoring

/// Equal to 1e-9 relative.
private func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

private extension InventoryResult {
    func total(_ criterion: String) -> CriterionImpact? { total.first { $0.criterion == criterion } }
    func line(_ number: Int) -> LineImpact? { lines.first { $0.line == number } }
}

private extension LineImpact {
    func impact(_ criterion: String) -> CriterionImpact? { impacts.first { $0.criterion == criterion } }
}

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/inventories")

@Suite struct InventoryFactorsTests {
    @Test func bundledFilesLoadComplete() throws {
        let calculator = try InventoryCalculator.bundled()
        let f = calculator.factors
        #expect(f.criteria.map(\.name) == ["Climate change", "Particulate matter and respiratory inorganics",
                                           "Ionising radiation", "Acidification", "Resource use (minerals and metals)"])
        #expect(f.criteria.first?.unit == "kg CO2 eq")
        #expect(f.steps.map(\.code) == ["FABRICATION", "DISTRIBUTION", "UTILISATION", "FIN_DE_VIE"])
        #expect(f.types.count == 6)
        #expect(f.references.count == 10)
        #expect(f.mixes.count == 138)
        #expect(f.mix(for: "fr")?.perKWh["Climate change"] == 0.0813225)
        #expect(f.mix(for: "France")?.code == "FR")
        #expect(f.defaultPUE == 1.75)
        #expect(f.defaultLifespanYears == 2)
        #expect(f.type(named: "ecran")?.defaultLifespanYears == 7)
        #expect(f.type(named: "Serveur rack")?.isServer == true)
        #expect(f.references["serveur-rack-1"]?.annualKWh == 1598.627)
        #expect(f.reference(named: "Écran - 15 à 24 pouces")?.id == "ecran-1")
        #expect(f.reference(named: "ultra portable - 11 à 14 pouces")?.id == "ordinateur-portable-1")
    }

    @Test func shippedFilesCarryTheirAttribution() throws {
        let folder = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scoring/factors/evalcarbone-sih")
        let attribution = try String(contentsOf: folder.appendingPathComponent("ATTRIBUTION.md"), encoding: .utf8)
        for name in ["Resilio", "Base IMPACTS", "ADEME", "Octo", "7647fe3"] {
            #expect(attribution.contains(name), "\(name)")
        }
        for file in EvalCarboneFactors.fileNames {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func brokenFactorFileNamesFileAndLine() throws {
        let source = try #require(ScoringDataPath.factors)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("evalcarbone-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("impactequipements.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines[4] = lines[4].replacingOccurrences(of: ";85.7;", with: ";85,7x;")  // line 5 of the file
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try EvalCarboneFactors.load(from: copy, useStep: "UTILISATION")
        } throws: { error in
            let e = error as? DataFileError
            return e?.file == file.path && e?.line == 5 && e?.message.contains("valeur") == true
        }
    }
}

/// Where the bundled factors are, for tests that copy them.
private enum ScoringDataPath {
    static var factors: URL? { try? DataFile.bundled("factors/evalcarbone-sih") }
}

@Suite struct InventoryByHandTests {
    let calculator = try! InventoryCalculator.bundled()

    /// Three lines, each figure computed by hand from the CSV factors (Climate change, kg CO2 eq per year):
    ///
    /// line 3 — 10 × Ordinateur portable, every other field default:
    ///   reference ordinateur-portable-1 (typeEquipement.csv default), lifespan 5 (dureeVieDefaut), 8 h/day
    ///   (inventory.yaml default = the factor's 8 h), France (mix 0.0813225 kg CO2e/kWh), not in a data centre.
    ///   impactequipements.csv ordinateur-portable-1: FABRICATION 160, DISTRIBUTION 10.9, FIN_DE_VIE 3.51,
    ///   consoElecMoyenne 26 kWh/yr.
    ///     FABRICATION  10 × 160  / 5 = 320
    ///     DISTRIBUTION 10 × 10.9 / 5 = 21.8
    ///     FIN_DE_VIE   10 × 3.51 / 5 = 7.02
    ///     UTILISATION  10 × 26 × (8 ÷ 8) × 0.0813225 = 21.14385
    ///     total 369.96385
    /// line 5 — 1 × Serveur rack: serveur-rack-1, lifespan 5, 24 h (factor 24 h), France, in a data centre
    ///   (serveur = true) with PUE 1.75 (hypotheses.csv). Factors: 738, 86.2, 15.3; 1598.627 kWh/yr.
    ///     FABRICATION  738 / 5 = 147.6
    ///     DISTRIBUTION 86.2 / 5 = 17.24
    ///     FIN_DE_VIE   15.3 / 5 = 3.06
    ///     UTILISATION  1598.627 × (24 ÷ 24) × 1.75 × 0.0813225 = 2797.59725 × 0.0813225 = 227.507602363125
    ///     total 395.407602363125
    /// line 7 — 4 × Écran ecran-1, kept 4 years, 4 h/day, in Germany (DE 0.657374 kg CO2e/kWh).
    ///   Factors: 59, 1.28, 3.87; 33.61323407 kWh/yr at the factor's 8 h/day.
    ///     FABRICATION  4 × 59   / 4 = 59
    ///     DISTRIBUTION 4 × 1.28 / 4 = 1.28
    ///     FIN_DE_VIE   4 × 3.87 / 4 = 3.87
    ///     UTILISATION  4 × 33.61323407 × (4 ÷ 8) × 0.657374 = 67.22646814 × 0.657374 = 44.19293226706436
    ///     total 108.34293226706436
    /// inventory: FABRICATION 526.6, DISTRIBUTION 40.32, FIN_DE_VIE 13.95, UTILISATION 292.8443846301893,
    ///   total 873.7143846301894 kg CO2 eq per year.
    /// Ionising radiation, line 3: FABRICATION 10 × 85.7 / 5 = 171.4; UTILISATION 10 × 26 × 3.23443 = 840.9518.
    static let yaml = """
        name: by hand
        lines:
          - type: laptop
            quantity: 10
          - type: Serveur rack
            quantity: 1
          - type: screen
            reference: ecran-1
            quantity: 4
            lifespan_years: 4
            hours_per_day: 4
            country: Germany
        """

    func result(_ yaml: String = InventoryByHandTests.yaml) throws -> InventoryResult {
        try calculator.evaluate(try InventoryReader.parseYAML(yaml, file: "by-hand.yaml"))
    }

    @Test func laptops() throws {
        let cc = try #require(try result().line(3)?.impact("Climate change"))
        #expect(cc.unit == "kg CO2 eq")
        #expect(near(cc.byStep["FABRICATION"], 320))
        #expect(near(cc.byStep["DISTRIBUTION"], 21.8))
        #expect(near(cc.byStep["FIN_DE_VIE"], 7.02))
        #expect(near(cc.byStep["UTILISATION"], 21.14385))
        #expect(near(cc.total, 369.96385))
        let ir = try #require(try result().line(3)?.impact("Ionising radiation"))
        #expect(near(ir.byStep["FABRICATION"], 171.4))
        #expect(near(ir.byStep["UTILISATION"], 840.9518))
        #expect(ir.unit == "kBq U-235 eq")
    }

    @Test func rackServerInDataCentre() throws {
        let line = try #require(try result().line(5))
        #expect(line.inDataCentre)
        #expect(line.pue == 1.75)
        #expect(near(line.annualKWh, 1598.627 * 1.75))
        let cc = try #require(line.impact("Climate change"))
        #expect(near(cc.byStep["FABRICATION"], 147.6))
        #expect(near(cc.byStep["DISTRIBUTION"], 17.24))
        #expect(near(cc.byStep["FIN_DE_VIE"], 3.06))
        #expect(near(cc.byStep["UTILISATION"], 227.507602363125))
        #expect(near(cc.total, 395.407602363125))
    }

    @Test func screensHoursAndCountry() throws {
        let line = try #require(try result().line(7))
        #expect(line.countryCode == "DE")
        #expect(near(line.annualKWh, 4 * 33.61323407 * 0.5))
        let cc = try #require(line.impact("Climate change"))
        #expect(near(cc.byStep["FABRICATION"], 59))
        #expect(near(cc.byStep["DISTRIBUTION"], 1.28))
        #expect(near(cc.byStep["FIN_DE_VIE"], 3.87))
        #expect(near(cc.byStep["UTILISATION"], 44.19293226706436))
    }

    @Test func totalsAndTypes() throws {
        let r = try result()
        let cc = try #require(r.total("Climate change"))
        #expect(near(cc.byStep["FABRICATION"], 526.6))
        #expect(near(cc.byStep["DISTRIBUTION"], 40.32))
        #expect(near(cc.byStep["FIN_DE_VIE"], 13.95))
        #expect(near(cc.byStep["UTILISATION"], 292.8443846301893))
        #expect(near(cc.total, 873.7143846301894))
        #expect(r.total.count == 5)
        #expect(r.byType.map(\.type) == ["Ordinateur portable", "Écran", "Serveur rack"])  // typeEquipement.csv order
        #expect(near(r.byType[1].impacts.first?.total, 108.34293226706436))
        #expect(r.byType.map(\.quantity) == [10, 4, 1])
        #expect(r.name == "by hand")
    }

    @Test func defaultsAreAppliedAndListed() throws {
        let r = try result()
        func assumed(_ line: Int, _ field: String) -> String? {
            r.assumptions.first { $0.line == line && $0.field == field }?.value
        }
        #expect(assumed(3, "reference") == "ordinateur-portable-1")
        #expect(assumed(3, "lifespan_years") == "5")
        #expect(assumed(3, "hours_per_day") == "8")
        #expect(assumed(3, "country") == "FR")
        #expect(assumed(3, "data_centre") == "no")
        #expect(assumed(3, "pue") == nil)
        #expect(assumed(5, "hours_per_day") == "24")
        #expect(assumed(5, "data_centre") == "yes")
        #expect(assumed(5, "pue") == "1.75")
        // Line 7 declared everything but data_centre.
        #expect(r.assumptions.filter { $0.line == 7 }.map(\.field) == ["data_centre"])
        // Sources are named.
        #expect(r.assumptions.first { $0.line == 3 && $0.field == "lifespan_years" }?.source.contains("typeEquipement.csv") == true)
        #expect(r.assumptions.first { $0.line == 5 && $0.field == "pue" }?.source.contains("hypotheses.csv") == true)
        // The factors' hours reading is listed once per type used.
        #expect(r.assumptions.filter { $0.line == nil && $0.field == "factor_hours_per_day" }.map(\.value)
                == ["Ordinateur portable: 8", "Écran: 8", "Serveur rack: 24"])
    }

    @Test func typeWithoutDefaultLifespanTakesHypothesis() throws {
        // Every shipped type has a lifespan; a copy of the data without one falls back to hypotheses.csv (2 years).
        var factors = calculator.factors
        factors.types[0].defaultLifespanYears = nil
        let c = try InventoryCalculator(factors: factors, settings: calculator.settings)
        let r = try c.evaluate(Inventory(file: "x", lines: [InventoryLine(line: 2, type: factors.types[0].name, quantity: 1)]))
        #expect(r.lines[0].lifespanYears == 2)
        #expect(r.assumptions.first { $0.field == "lifespan_years" }?.source.contains("dureeVieParDefaut") == true)
    }

    @Test func compareKeepsScreensTwoYearsLonger() throws {
        let longer = Self.yaml.replacingOccurrences(of: "lifespan_years: 4", with: "lifespan_years: 6")
        let c = InventoryCalculator.compare(try result(), try result(longer))
        let cc = try #require(c.criteria.first { $0.criterion == "Climate change" })
        // Screens only, embodied steps only: 4 × factor / 6 − 4 × factor / 4.
        #expect(near(cc.byStep["FABRICATION"]?.difference, 4 * 59 / 6 - 59))            // −19.666…
        #expect(near(cc.byStep["DISTRIBUTION"]?.difference, 4 * 1.28 / 6 - 1.28))       // −0.42666…
        #expect(near(cc.byStep["FIN_DE_VIE"]?.difference, 4 * 3.87 / 6 - 3.87))         // −1.29
        #expect(cc.byStep["UTILISATION"]?.difference == 0)
        #expect(near(cc.total.difference, -64.15 / 3))                                  // −21.38333…
        #expect(near(cc.total.percent, -64.15 / 3 / 873.7143846301894 * 100))
        let screens = try #require(c.byType.first { $0.type == "Écran" })
        #expect(near(screens.totals["Climate change"]?.difference, -64.15 / 3))
        #expect(c.byType.first { $0.type == "Ordinateur portable" }?.totals["Climate change"]?.difference == 0)
        #expect(c.criteria.count == 5)
    }

    @Test func maturityOfTheByHandInventory() throws {
        // Lifespan ratio (10 × 5/5 + 1 × 5/5 + 4 × 4/7) ÷ 15 = 0.8857…; embodied saving
        // 1 − (349.19 + 167.9 + 64.15) ÷ (349.19 + 167.9 + 64.15 × 4/7) = −4.97 %: level 1 (≥ 0.8, ≥ −25 %),
        // not 2 (ratio < 1 and saving < 0).
        let m = try #require(try result().maturity)
        #expect(m.level == 1)
        let ratio: Double = (10 + 1 + 4 * 4.0 / 7) / 15
        #expect(near(m.lifespanRatio, ratio))
        let laptops: Double = 320 + 21.8 + 7.02, server: Double = 147.6 + 17.24 + 3.06
        let screens: Double = 59 + 1.28 + 3.87
        let embodied = laptops + server + screens
        let atDefaults = laptops + server + screens * 4 / 7  // the screens' annual share at their 7-year default
        let saving = 1 - embodied / atDefaults
        #expect(near(m.embodiedSaving, saving))
        let share: Double = (526.6 + 40.32 + 13.95) / 873.7143846301894
        #expect(near(m.embodiedShare, share))
        #expect(m.reasons.last?.contains("level 2 needs") == true)
    }

    /// The level's name and the reasons read in French and English; the English stays the plain fields.
    @Test func maturityIsWrittenInBothLanguages() throws {
        let m = try #require(try result().maturity)
        #expect(m.labelText == Bilingual(fr: "proche des durées de vie de référence (≥ 0.8×)",
                                         en: "close to the reference lifespans (≥ 0.8×)"))
        #expect(m.label == m.labelText?.en)
        let reasons = try #require(m.reasonsText)
        #expect(reasons.map(\.en) == m.reasons)
        // Level 2 needs a ratio ≥ 1 and a saving ≥ 0 %: both missing (ratio 0.886, saving −4.97 %).
        #expect(reasons.last?.fr == "le niveau 2 demande un ratio de durée de vie ≥ 1 et une économie d’impact de fabrication ≥ 0 %")
        #expect(reasons.first?.fr.hasPrefix("ratio de durée de vie 0.886 (déclarée ÷ par défaut") == true)
        #expect(reasons.allSatisfy { !$0.fr.contains(" ;") && !$0.fr.contains(" :") }, "no breakable space before ; or :")
    }

    @Test(arguments: [(1.0, 2), (1.25, 3), (1.5, 4), (2, 4), (0.5, 0), (0.8, 1)] as [(Double, Int)])
    func maturityLevelsScaleWithLifespans(factor: Double, level: Int) throws {
        // Every lifespan `factor` × its default: ratio = factor, saving = 1 − 1/factor.
        let yaml = """
            - {type: laptop, quantity: 10, lifespan_years: \(5 * factor)}
            - {type: screen, quantity: 12, lifespan_years: \(7 * factor)}
            - {type: server, quantity: 2, lifespan_years: \(5 * factor)}
            """
        let m = try #require(try result(yaml).maturity)
        #expect(m.level == level)
        #expect(near(m.lifespanRatio, factor))
        #expect(near(m.embodiedSaving, 1 - 1 / factor))
    }

    @Test func webAppLineFromEnergyPerView() throws {
        // 1 000 000 views × 0.0002 kWh = 200 kWh/yr × 0.0813225 = 16.2645 kg CO2e, use step only.
        let r = try result("""
            lines: []
            web_apps:
              - name: Portail patient
                views_per_year: 1000000
                kwh_per_view: 0.0002
            """)
        let line = try #require(r.lines.first)
        #expect(line.kind == "webApp")
        #expect(line.type == "Application web (mesurée)")
        #expect(near(line.annualKWh, 200))
        let cc = try #require(line.impact("Climate change"))
        #expect(near(cc.byStep["UTILISATION"], 16.2645))
        #expect(cc.byStep["FABRICATION"] == 0)
        #expect(r.maturity == nil)  // no equipment
        #expect(r.assumptions.contains { $0.line == 3 && $0.field == "country" && $0.value == "FR" })
    }

    @Test func webAppLineFromMeasuredBytes() throws {
        // 2 MB and 0.05 s of server CPU per view. Counted parts: SWD operational data centre 0.055 and network
        // 0.059 kWh/GB (device excluded: workstations are inventory lines) + server 0.05/3600 × 3.5 W × 1.75 / 1000.
        let perView = 0.002 * (0.055 + 0.059) + 0.05 / 3600 * 3.5 * 1.75 / 1000
        let base = try result()
        let added = try calculator.adding(
            webApp: WebAppUsage(line: 0, name: "DPI web", viewsPerYear: 500_000, bytesPerView: 2_000_000,
                                serverCPUSecondsPerView: 0.05), to: base)
        let line = try #require(added.lines.last)
        #expect(near(line.annualKWh, 500_000 * perView))
        #expect(near(line.impact("Climate change")?.total, 500_000 * perView * 0.0813225))
        #expect(near(added.total("Climate change")?.total, 873.7143846301894 + 500_000 * perView * 0.0813225))
        #expect(added.byType.last?.type == "Application web (mesurée)")
        #expect(added.assumptions.contains { $0.field == "kwh_per_view" })
        #expect(added.maturity?.level == base.maturity?.level)
    }

    @Test func kWhPerViewUsesTheConfiguredParts() throws {
        let footprint = try Footprint.bundled()
        let f = footprint.of(transferBytes: 1e9, serverCPUSeconds: 3600, intensity: footprint.defaultIntensity)
        #expect(near(calculator.kWhPerView(of: f), 0.055 + 0.059 + 0.006125))
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let r = try result()
        #expect(try JSONDecoder().decode(InventoryResult.self, from: JSONEncoder().encode(r)) == r)
    }
}

@Suite struct InventoryFixtureTests {
    let calculator = try! InventoryCalculator.bundled()

    @Test func hospitalSmallCSV() throws {
        let inventory = try InventoryReader.read(contentsOf: fixtures.appendingPathComponent("hospital-small.csv"))
        #expect(inventory.lines.count == 5)
        #expect(inventory.lines.map(\.line) == [2, 3, 4, 5, 6])
        #expect(inventory.lines[1].name == "Écrans 24\" des bureaux")
        #expect(inventory.lines[2].name == "Unités centrales; accueil et admissions")
        #expect(inventory.lines[4].inDataCentre == true)
        let r = try calculator.evaluate(inventory)
        #expect(r.byType.map(\.type) == ["Ordinateur portable", "Ordinateur fixe - sans écran", "Écran", "Serveur rack",
                                         "Commutateur réseau"])
        // Desktops at 10 h a day: 80 × 100 kWh × 10/8.
        #expect(near(r.line(4)?.annualKWh, 80 * 100 * 10 / 8))
        // The switch in the server room takes the default PUE.
        #expect(r.line(6)?.pue == 1.75)
        #expect(r.assumptions.contains { $0.line == 6 && $0.field == "pue" })
        #expect(r.total.allSatisfy { $0.total > 0 })
    }

    @Test func longerScreensYAMLDiffersOnlyByScreensEmbodied() throws {
        let a = try calculator.evaluate(try InventoryReader.read(contentsOf: fixtures.appendingPathComponent("hospital-small.csv")))
        let b = try calculator.evaluate(try InventoryReader.read(contentsOf: fixtures.appendingPathComponent("hospital-small-longer-screens.yaml")))
        let c = InventoryCalculator.compare(a, b)
        let cc = try #require(c.criteria.first { $0.criterion == "Climate change" })
        // 200 screens ecran-1: (59 + 1.28 + 3.87) × 200 × (1/9 − 1/7).
        #expect(near(cc.total.difference, 64.15 * 200 * (1.0 / 9 - 1.0 / 7)))
        #expect(cc.byStep["UTILISATION"]?.difference == 0)
        for type in c.byType where type.type != "Écran" {
            #expect(type.totals.values.allSatisfy { $0.difference == 0 }, "\(type.type)")
        }
        #expect(b.name == "Hospital small — screens kept 2 years longer")
    }
}

@Suite struct InventoryMalformedTests {
    let calculator = try! InventoryCalculator.bundled()

    func failure(_ text: String, ext: String) -> InventoryError? {
        do {
            let inventory = ext == "csv" ? try InventoryReader.parseCSV(text, file: "inv.\(ext)")
                : try InventoryReader.parseYAML(text, file: "inv.\(ext)")
            _ = try calculator.evaluate(inventory)
            return nil
        } catch let e as InventoryError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test(arguments: [
        // bad quoting
        ("type;quantity\n\"laptop;3\n", "csv", 2, nil, "unterminated quoted field"),
        ("type;quantity\nlaptop;3\n\"screen\"x;1\n", "csv", 3, nil, "after a closing quote"),
        ("type;quantity\nlap\"top;3\n", "csv", 2, nil, "quote inside an unquoted field"),
        // unknown type, reference, country, column
        ("type;quantity\nlaptop;3\ntoaster;1\n", "csv", 3, "type", "unknown equipment type \"toaster\""),
        ("type;reference;quantity\nscreen;ecran-9;1\n", "csv", 2, "reference", "unknown reference \"ecran-9\""),
        ("type;reference;quantity\nlaptop;ecran-1;1\n", "csv", 2, "reference", "is not a reference of Ordinateur portable"),
        ("type;quantity;country\nlaptop;1;Atlantis\n", "csv", 2, "country", "unknown country \"Atlantis\""),
        ("type;quantity;colour\nlaptop;1;red\n", "csv", 1, "colour", "unknown column"),
        ("name;quantity\nx;1\n", "csv", 1, "type", "missing column"),
        // numbers
        ("type;quantity\nlaptop;-3\n", "csv", 2, "quantity", "must be zero or more"),
        ("type;quantity\nlaptop;three\n", "csv", 2, "quantity", "\"three\" is not a number"),
        ("type;quantity\nlaptop;\n", "csv", 2, "quantity", "missing"),
        ("type;quantity;lifespan_years\nlaptop;1;0\n", "csv", 2, "lifespan_years", "more than 0"),
        ("type;quantity;hours_per_day\nlaptop;1;25\n", "csv", 2, "hours_per_day", "between 0 and 24"),
        ("type;quantity;pue\nserver;1;0.9\n", "csv", 2, "pue", "1 or more"),
        ("type;quantity;data_centre;pue\nserver;1;no;1.5\n", "csv", 2, "pue", "data_centre says no"),
        ("type;quantity;data_centre\nserver;1;maybe\n", "csv", 2, "data_centre", "not yes or no"),
        // YAML
        ("lines:\n  - type: laptop\n    quantity: [1, 2]\n", "yaml", 3, "quantity", "expected a single value, got a list"),
        ("lines:\n  - type: laptop\n    quantity: ten\n", "yaml", 3, "quantity", "\"ten\" is not a number"),
        ("lines:\n  - type: laptop\n    quantity: -2\n", "yaml", 3, "quantity", "must be zero or more"),
        ("- type: laptop\n  quantity: 1\n- type: kettle\n  quantity: 1\n", "yaml", 3, "type", "unknown equipment type"),
        ("lines:\n  - type: laptop\n    quantity: 1\n    colour: red\n", "yaml", 4, "colour", "unknown field"),
        ("lines:\n  - laptop\n", "yaml", 2, nil, "an equipment line is a mapping"),
        ("lines: laptop\n", "yaml", 1, "lines", "expected a list of equipment lines"),
        ("lines:\n  - type: laptop\n    quantity: 1\n   bad: [\n", "yaml", 4, nil, "malformed YAML"),
        // Yams refuses duplicate keys itself and names the mapping's first line.
        ("lines:\n  - type: laptop\n    type: screen\n    quantity: 1\n", "yaml", 2, "type", "given twice"),
        ("web_apps:\n  - name: portal\n    views_per_year: 10\n", "yaml", 2, "kwh_per_view", "give either"),
        ("web_apps:\n  - name: portal\n    views_per_year: -1\n    kwh_per_view: 1\n", "yaml", 3, "views_per_year", "zero or more"),
    ] as [(String, String, Int, String?, String)])
    func errorsNameFileLineAndField(text: String, ext: String, line: Int, field: String?, message: String) throws {
        let e = try #require(failure(text, ext: ext), "accepted: \(text)")
        #expect(e.file == "inv.\(ext)")
        #expect(e.line == line, "\(e)")
        #expect(e.field == field, "\(e)")
        #expect(e.message.contains(message), "\(e)")
        #expect(e.description.hasPrefix("inv.\(ext):\(line): "), "\(e)")
    }

    @Test func unknownFileKind() {
        #expect {
            try InventoryReader.read(contentsOf: fixtures.appendingPathComponent("README.md"))
        } throws: { error in
            "\(error)".contains("README.md") && "\(error)".contains(".csv, .yaml or .yml")
        }
    }

    @Test func commaSeparatedAndDecimalComma() throws {
        let inv = try InventoryReader.parseCSV("Type,Quantity,\"Lifespan (years)\"\nlaptop,2,\"5,5\"\n", file: "c.csv")
        #expect(inv.lines[0].lifespanYears == 5.5)
        #expect(inv.lines[0].quantity == 2)
        let semi = try InventoryReader.parseCSV("type;quantité;durée de vie\nÉCRAN;3;6,5\n", file: "s.csv")
        #expect(semi.lines[0].lifespanYears == 6.5)
        #expect(try calculator.evaluate(semi).lines[0].type == "Écran")
    }
}
