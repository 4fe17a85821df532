import Foundation
import Model

/// Score cards built in code, with exactly the figures a test states.
enum CardFactory {
    struct Request {
        var path: String
        var type: ResourceType
        var bytes: Int
        var host = "127.0.0.1:8080"
    }

    struct Step {
        var name: String?
        var path: String
        var requests: [Request]
        var host = "127.0.0.1:8080"
        /// Spread of the transfer bytes and server CPU over runs, as (min, median, max).
        var bytesRange: (Double, Double, Double)? = nil
        var cpu: (Double, Double, Double)? = nil
        var dom: Double = 60
        var score: Double? = 90
        var ecoindex: Int? = 85
        var error: String? = nil
    }

    static func stat(_ range: (Double, Double, Double)) -> Stat {
        Stat(median: range.1, min: range.0, max: range.2, cv: 0, n: 3)
    }

    static func measures(_ s: Step, index: Int) -> StepMeasures {
        let list = s.requests.sorted { $0.bytes > $1.bytes }.map { r in
            RequestBrief(url: "http://\(r.host)\(r.path)", resourceType: r.type, status: 200, transferBytes: r.bytes,
                         decodedBytes: r.bytes, contentType: nil, contentEncoding: nil, httpVersion: "1.1",
                         cacheControl: nil, error: nil)
        }
        let total = Double(s.requests.reduce(0) { $0 + $1.bytes })
        let byType = Dictionary(grouping: s.requests, by: \.type).map { type, rs in
            Breakdown(key: type.rawValue, requests: rs.count, transferBytes: rs.reduce(0) { $0 + $1.bytes },
                      decodedBytes: rs.reduce(0) { $0 + $1.bytes })
        }.sorted { $0.transferBytes > $1.transferBytes }
        let count = Double(s.requests.count)
        return StepMeasures(
            index: index, name: s.name, url: "http://\(s.host)\(s.path)", finalURL: "http://\(s.host)\(s.path)",
            title: nil, run: s.error == nil ? 0 : nil, requests: stat((count, count, count)),
            transferBytes: stat(s.bytesRange ?? (total, total, total)), decodedBytes: stat((total, total, total)),
            domElements: stat((s.dom, s.dom, s.dom)), durationMs: stat((10, 10, 10)), serverCPUms: s.cpu.map(stat),
            failedRequests: 0, redirects: 0, skipped: 0, byType: byType, byDomain: [], requestList: list, error: s.error)
    }

    /// Energy per view: 1e-6 Wh per byte plus 0.001 Wh per server CPU ms (made-up constants, linear like the model).
    static func card(_ steps: [Step], grade: String? = "A", percent: Double? = 85, journeyScore: Double? = 88,
                     grid: String = "app-referencing", incomplete: String? = nil) -> ScoreCard {
        let all = steps.enumerated().map { measures($1, index: $0) }
        let scores = zip(steps, all).map { s, m in
            let cpu = m.serverCPUms?.median
            let bytesWh = m.transferBytes.median * 1e-6
            let serverWh = (cpu ?? 0) * 0.001
            return StepScore(index: m.index, name: m.name, url: m.url, score: s.score, axes: [],
                             transferBytes: m.transferBytes.median, requests: m.requests.median, displayTime: nil,
                             energy: EnergyEstimate(wh: bytesWh + serverWh, networkWh: bytesWh, deviceWh: 0, dataCentreWh: 0,
                                                    serverWh: serverWh, transferBytes: m.transferBytes.median,
                                                    serverCPUms: cpu, gCO2e: 0, waterLitres: 0, rating: "A", intensity: "world"),
                             ecoindex: nil)
        }
        let eco = zip(steps, all).map { s, m in
            PageEcoIndex(index: m.index, name: m.name, url: m.url,
                         ecoindex: s.ecoindex.map { EcoIndexResult(score: $0, grade: "A", ghg: 1, water: 1, domElements: 60, requests: 5, sizeKB: 5) })
        }
        let tool = ToolInfo(name: "ecoscore", version: "test", engine: "test")
        return ScoreCard(
            tool: tool, createdAt: Date(timeIntervalSince1970: 1_700_000_000),
            grid: ScoreCardGrid(id: grid, version: "1", title: Bilingual(fr: "t", en: "t"), source: "", licence: "",
                                official: Bilingual(fr: "", en: ""), file: nil, bundled: true,
                                grades: ["A", "B", "C", "D", "E"].enumerated().map { GradeBound(grade: $1, min: Double(80 - 20 * $0)) }),
            models: [],
            profile: ProfileDigest(schemaVersion: 1, tool: tool, createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                                   source: "live", journeyName: "visit", runs: 3,
                                   steps: all.map { StepRef(index: $0.index, name: $0.name, url: $0.url) }, meter: nil,
                                   incomplete: incomplete),
            answers: nil, families: [], total: ScoreTotal(points: 0, max: 0, percent: percent), grade: grade,
            unanswered: [], flagged: [],
            journey: JourneyScore(network: nil, score: journeyScore, grade: nil, steps: scores, heaviestData: [], heaviestEnergy: []),
            ecoindex: eco, steps: all, notes: [])
    }

    /// The lean clinic journey in brief: five small requests on Home, four on About.
    static var leanSteps: [Step] {
        [Step(name: "Home", path: "/lean/", requests: [
            Request(path: "/lean/", type: .document, bytes: 1200), Request(path: "/lean/styles.css", type: .stylesheet, bytes: 800),
            Request(path: "/lean/app.js", type: .script, bytes: 600), Request(path: "/lean/logo.svg", type: .image, bytes: 400),
            Request(path: "/lean/favicon.svg", type: .image, bytes: 300),
         ]),
         Step(name: "About", path: "/lean/about.html", requests: [
            Request(path: "/lean/about.html", type: .document, bytes: 900), Request(path: "/lean/styles.css", type: .stylesheet, bytes: 800),
            Request(path: "/lean/app.js", type: .script, bytes: 600), Request(path: "/lean/logo.svg", type: .image, bytes: 400),
         ])]
    }
}
