import Foundation
import Model
import Testing
@testable import Scoring

@Suite struct BundledGridTests {
    @Test func everyBundledGridIsValid() throws {
        let files = GridLibrary.bundledFiles()
        #expect(files.map { $0.lastPathComponent }.contains("app-referencing.yaml"))
        #expect(files.map { $0.lastPathComponent }.contains("rgesn-2024.yaml"))
        for file in files where ["app-referencing.yaml", "rgesn-2024.yaml"].contains(file.lastPathComponent) {
            #expect(GridLoader.problems(in: file).isEmpty, "\(GridLoader.problems(in: file))")
        }
        #expect(try GridLibrary.bundled("app-referencing").bundled)
        #expect(throws: DataFileError.self) { try GridLibrary.bundled("no-such-grid") }
    }

    @Test func everyThresholdOfOurOwnHasItsBasis() throws {
        for id in ["app-referencing", "rgesn-2024"] {
            let grid = try GridLibrary.bundled(id).grid
            for (_, c) in grid.allCriteria {
                for band in c.thresholds ?? [] { #expect(band.basis?.isEmpty == false, "\(id) \(c.id)") }
                for check in c.evidence?.checks ?? [] { #expect(check.basis?.isEmpty == false, "\(id) \(c.id)") }
            }
            for g in grid.grades ?? [] { #expect(g.basis?.isEmpty == false, "\(id) grade \(g.grade)") }
        }
    }

    @Test func appReferencingHasThreeEquallyWeightedStepAxes() throws {
        let grid = try GridLibrary.bundled("app-referencing").grid
        #expect(grid.families.map(\.id) == ["data", "display", "energy"])
        let metrics = grid.allCriteria.map { $0.criterion.metric }
        #expect(metrics == ["step.transferBytes", "step.displayTimeMs", "step.energyWh"])
        #expect(Set(grid.allCriteria.map { ($0.family.weight ?? 1) * ($0.criterion.weight ?? 1) }) == [1])
        #expect(Set(grid.allCriteria.map { $0.criterion.maxPoints(in: grid) }) == [100])
        #expect(grid.parameters?.network == "4g")
    }

    @Test func rgesnHasTheOfficialCriteriaAndWeights() throws {
        let grid = try GridLibrary.bundled("rgesn-2024").grid
        #expect(grid.allCriteria.count == 78)
        #expect(grid.families.map(\.criteria.count) == [10, 10, 7, 15, 8, 7, 4, 10, 7])
        let weights = grid.allCriteria.map { $0.criterion.weight ?? 1 }
        #expect(weights.reduce(0, +) == 100.25)
        #expect(weights.filter { $0 == 1.5 }.count == 30)
        #expect(weights.filter { $0 == 1.25 }.count == 29)
        #expect(weights.filter { $0 == 1 }.count == 19)
        #expect(grid.grades == nil)
        let evidenced = grid.allCriteria.filter { $0.criterion.evidence != nil }.map(\.criterion.id)
        #expect(evidenced == ["3.3", "4.8", "5.1", "6.1", "6.2", "6.3", "6.7"])
    }

    /// The French texts are the official ones, character for character.
    static let official = ProfileBuilder.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/rgesn-2024/referentiel-ecoconception.json")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: official.path)))
    func rgesnFrenchTextsAreVerbatim() throws {
        struct Official: Decodable {
            var numero, thematique, critere, difficulte, priorite, cible, metiers, objectif, miseEnOeuvre, controle: String
        }
        let official = try JSONDecoder().decode([Official].self, from: Data(contentsOf: Self.official))
        let grid = try GridLibrary.bundled("rgesn-2024").grid
        let byId = Dictionary(uniqueKeysWithValues: grid.allCriteria.map { ($0.criterion.id, $0) })
        let weight = ["Prioritaire": 1.5, "Recommandé": 1.25, "Modéré": 1.0]
        #expect(official.count == 78)
        for o in official {
            guard let (family, c) = byId[o.numero] else { Issue.record("missing \(o.numero)"); continue }
            #expect(family.title.fr == o.thematique, "\(o.numero)")
            #expect(c.title.fr == o.critere, "\(o.numero)")
            #expect(c.help?.objective?.fr == o.objectif, "\(o.numero)")
            #expect(c.help?.implementation?.fr == o.miseEnOeuvre, "\(o.numero)")
            #expect(c.help?.check?.fr == o.controle, "\(o.numero)")
            #expect(c.help?.applicability?.fr == o.cible, "\(o.numero)")
            #expect(c.meta?["priorité"] == o.priorite && c.meta?["difficulté"] == o.difficulte && c.meta?["métiers"] == o.metiers)
            #expect(c.weight == weight[o.priorite], "\(o.numero)")
        }
    }

    @Test func everyMetricIsDocumented() {
        #expect(Set(MetricCatalogue.all.map(\.id)).count == MetricCatalogue.all.count)
        for m in MetricCatalogue.all {
            #expect(!m.definition.isEmpty && !m.computation.isEmpty && !m.unit.isEmpty, "\(m.id)")
        }
        for id in ["step.transferBytes", "step.requests", "step.displayTimeMs", "step.energyWh", "page.ecoindex",
                   "compression.share", "cache.share", "server.cpuMsPerView", "https.share", "http2.share",
                   "fonts.bytes", "fonts.files", "images.modernShare", "domains.count"] {
            #expect(MetricCatalogue.named(id) != nil, "\(id)")
        }
    }

    @Test func displayTimeModelIsValid() throws {
        let model = try DisplayTimeModel.bundled()
        #expect(model.profiles.map(\.id) == ["fibre", "4g", "3g"])
        #expect(model.parallelConnectionsPerHost == 6)
        #expect(model.profile("4g")?.rttMs == 170)
    }
}
