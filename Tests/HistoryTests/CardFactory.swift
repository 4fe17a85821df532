import Foundation
import Model

/// Score cards built in-process with known figures, so each test states the numbers it expects.
struct StepSpec {
    var name: String
    var url: String
    var bytes: Double
    var requests: Double
    var dom: Double? = nil
    var cpuMs: Double? = nil
    var energyWh: Double? = nil
    var ecoindex: Int? = nil
    var score: Double? = nil
}

enum CardFactory {
    /// A fixed instant with whole seconds: the stored JSON's ISO 8601 dates keep seconds only.
    static let epoch = Date(timeIntervalSince1970: 1_780_000_000)

    static func stat(_ x: Double) -> Stat { Stat(median: x, min: x, max: x, cv: 0, n: 3) }

    static func card(journey: String? = "Visit", grid: String = "app-referencing", percent: Double? = 80,
                     grade: String? = "B", steps: [StepSpec], createdAt: Date = epoch, incomplete: String? = nil,
                     requestURLs: [String] = []) -> ScoreCard {
        let tool = ToolInfo(name: "ecoscore", version: "test", engine: "test")
        let refs = steps.enumerated().map { StepRef(index: $0.offset, name: $0.element.name, url: $0.element.url) }
        let profile = ProfileDigest(schemaVersion: 1, tool: tool, createdAt: createdAt, source: "live", journeyName: journey,
                                    runs: 3, steps: refs, meter: nil, incomplete: incomplete)
        let measures = steps.enumerated().map { i, s in
            StepMeasures(index: i, name: s.name, url: s.url, finalURL: s.url, title: nil, run: 0, requests: stat(s.requests),
                         transferBytes: stat(s.bytes), decodedBytes: stat(s.bytes), domElements: s.dom.map(stat),
                         durationMs: stat(10), serverCPUms: s.cpuMs.map(stat), failedRequests: 0, redirects: 0, skipped: 0,
                         byType: [], byDomain: [],
                         requestList: (i == 0 ? requestURLs : []).map {
                             RequestBrief(url: $0, resourceType: .document, status: 200, transferBytes: 100, decodedBytes: 100,
                                          contentType: "text/html", contentEncoding: nil, httpVersion: "1.1",
                                          cacheControl: nil, error: nil)
                         },
                         error: nil)
        }
        let journeySteps = steps.enumerated().map { i, s in
            StepScore(index: i, name: s.name, url: s.url, score: s.score, axes: [], transferBytes: s.bytes, requests: s.requests,
                      displayTime: nil,
                      energy: s.energyWh.map {
                          EnergyEstimate(wh: $0, networkWh: 0, deviceWh: 0, dataCentreWh: 0, serverWh: 0, transferBytes: s.bytes,
                                         serverCPUms: s.cpuMs, gCO2e: 0, waterLitres: 0, rating: "A", intensity: "world")
                      },
                      ecoindex: nil)
        }
        let ecoindex = steps.enumerated().map { i, s in
            PageEcoIndex(index: i, name: s.name, url: s.url,
                         ecoindex: s.ecoindex.map {
                             EcoIndexResult(score: $0, grade: "A", ghg: 1, water: 1, domElements: Int(s.dom ?? 0),
                                            requests: Int(s.requests), sizeKB: s.bytes / 1000)
                         })
        }
        let gridInfo = ScoreCardGrid(id: grid, version: "2025.1", title: Bilingual(fr: "Grille", en: "Grid"), source: "test",
                                     licence: "test", official: Bilingual(fr: "", en: ""), file: nil, bundled: true,
                                     grades: [GradeBound(grade: "A", min: 90), GradeBound(grade: "B", min: 0)])
        return ScoreCard(tool: tool, createdAt: createdAt, grid: gridInfo, models: [], profile: profile, answers: nil,
                         families: [], total: ScoreTotal(points: percent ?? 0, max: 100, percent: percent), grade: grade,
                         unanswered: [], flagged: [],
                         journey: JourneyScore(network: nil, score: percent, grade: grade, steps: journeySteps,
                                               heaviestData: [], heaviestEnergy: []),
                         ecoindex: ecoindex, steps: measures, notes: [])
    }

    /// A visit of three steps, figures chosen so sums and means are easy to state.
    static func visit(bytes home: Double = 3000, percent: Double? = 80, createdAt: Date = epoch, journey: String? = "Visit",
                      grid: String = "app-referencing", incomplete: String? = nil) -> ScoreCard {
        card(journey: journey, grid: grid, percent: percent,
             steps: [StepSpec(name: "Home", url: "http://127.0.0.1:8080/lean/", bytes: home, requests: 5, dom: 40,
                              cpuMs: 2, energyWh: 0.001, ecoindex: 94, score: 100),
                     StepSpec(name: "About", url: "http://127.0.0.1:8080/lean/about.html", bytes: 800, requests: 1, dom: 30,
                              energyWh: 0.0002, ecoindex: 96, score: 90),
                     StepSpec(name: "API", url: "http://127.0.0.1:8080/app/api", bytes: 200, requests: 1)],
             createdAt: createdAt, incomplete: incomplete)
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-history-\(UUID().uuidString)")
            .appendingPathComponent("nested/history.sqlite").path
    }
}
