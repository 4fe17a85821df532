import Foundation
import Model
import Scoring

/// A score card with every part a CSV table reads, filled with what a report must survive: text that a
/// spreadsheet would evaluate, separators, quotes and line breaks inside fields, negative, tiny and huge
/// numbers. The inventory is the real result of Fixtures/inventories/hospital-small.csv.
enum CSVSampleCard {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let hostileTitle = #"=HYPERLINK("http://evil.example/","open")"#
    static let markup = #""><img src=x onerror=alert(1)>"#
    static let multiline = "line one\r\nline two; with \"quotes\", commas"

    static func make() throws -> ScoreCard {
        let inventory = try InventoryCalculator.bundled().evaluate(
            try InventoryReader.read(contentsOf: repository.appendingPathComponent("Fixtures/inventories/hospital-small.csv")))
        let tool = ToolInfo(name: "ecoscore", version: "test", engine: "scoring")
        let measured = CriterionScore(
            id: "data", title: Bilingual(fr: "Données échangées", en: "Data exchanged"), kind: .measured, weight: 1.5,
            status: .scored, points: 0.1 + 0.2, max: 1.5, metric: "step.transferBytes", unit: "bytes",
            measured: -3.5, threshold: "≤ 1024000 bytes → 60 / 100")
        let declared = CriterionScore(
            id: "6.3", title: Bilingual(fr: "+Compression", en: "+Compression"), kind: .declared, weight: 1,
            status: .flagged, points: 1, max: 1, declared: DeclaredAnswer(answer: "validé", comment: multiline, line: 7),
            prefilled: MeasuredAnswer(answer: "non validé", checks: [
                Evidence(metric: "compression.share", unit: "ratio", value: 0.25, threshold: "> 0.75", passed: false,
                         detail: "1 of 4 text responses compressed"),
            ]),
            answer: "validé", answerSource: "declared", note: "-declared answer contradicts the measurement")
        let unanswered = CriterionScore(id: "9.1", title: Bilingual(fr: "@Stratégie", en: "@Strategy"), kind: .declared,
                                        weight: 1.25, status: .unanswered, points: 0, max: 1.25)
        let notApplicable = CriterionScore(id: "2.10", title: Bilingual(fr: "Services tiers", en: "Third-party services"),
                                           kind: .declared, weight: 1, status: .notApplicable, points: nil, max: 0)
        let families = [
            FamilyScore(id: "measures", title: Bilingual(fr: hostileTitle, en: hostileTitle), weight: 1,
                        total: ScoreTotal(points: 0.1 + 0.2, max: 1.5, percent: 20.000000000000004), criteria: [measured]),
            FamilyScore(id: "declared", title: Bilingual(fr: "Déclarés", en: "Declared"), weight: 2,
                        total: ScoreTotal(points: 1, max: 2.25, percent: 44.44444444444444),
                        criteria: [declared, unanswered, notApplicable]),
        ]
        let steps = [step(0, name: "Home", title: "\tTabbed title", cache: "@SUM(A1)", error: nil),
                     step(1, name: nil, title: markup, cache: markup, error: "-7: \(multiline)")]
        let eco = EcoIndexResult(score: 87, grade: "A", ghg: 1.26, water: 1.89, domElements: 120, requests: 6, sizeKB: 80.5)
        let energy = EnergyEstimate(wh: 0.00012345, networkWh: 0.0001, deviceWh: 0.00002, dataCentreWh: 0.000003,
                                    serverWh: 0.00000045, transferBytes: 80_500, serverCPUms: 12.5, gCO2e: 1.5e-7,
                                    waterLitres: 2.5e-8, rating: "A+", intensity: "france")
        let display = DisplayTimeEstimate(modelledMs: 812.5, network: "4g", serverMs: 12, serverSource: "server-cpu",
                                          setupRoundTrips: 2, requestRoundTrips: 3, dependencyLevels: 2, roundTripMs: 70,
                                          transferMs: 120, byNetwork: ["4g": 812.5], measuredMs: 9.25)
        let journey = JourneyScore(
            network: NetworkProfileInfo(id: "4g", rttMs: 70, downlinkMbps: 9, source: "model"), score: 91.25, grade: "A",
            steps: [StepScore(index: 0, name: "Home", url: "http://127.0.0.1:8080/lean/", score: 91.25, axes: [],
                              transferBytes: 80_500, requests: 6, displayTime: display, energy: energy, ecoindex: eco)],
            heaviestData: [], heaviestEnergy: [])
        let recommendation = Recommendation(
            id: "compression", rank: 1, title: CheckText(fr: "Compresser les ressources texte", en: "-Compress text resources"),
            why: CheckText(fr: "Moins d'octets; moins d'énergie", en: "Fewer bytes, less energy"), level: .C, pages: [0, 1],
            estimatedSavingBytes: 40_312, estimatedSavingRequests: 0, estimatedSavingWh: 0.0120936,
            savingBasis: .everyView, offendingRequests: [
                OffendingRequest(url: "http://127.0.0.1:8080/bloated/css/bootstrap.css", page: 1, transferBytes: 50_000,
                                 estimatedSavingBytes: 40_312, detail: "=text/css sent without Content-Encoding"),
            ])
        return ScoreCard(
            tool: tool, createdAt: Date(timeIntervalSince1970: 1_750_000_000),
            grid: ScoreCardGrid(id: "sample", version: "1.0", title: Bilingual(fr: "Grille d'exemple", en: "Sample grid"),
                                source: "tests", licence: "none", official: Bilingual(fr: "aucune", en: "none"), file: nil,
                                bundled: true, grades: [GradeBound(grade: "A", min: 80)]),
            models: [], profile: nil, answers: nil, families: families,
            total: ScoreTotal(points: 1.3, max: 3.75, percent: 34.66666666666667), grade: "E",
            unanswered: ["9.1"], flagged: ["6.3"], journey: journey,
            ecoindex: [PageEcoIndex(index: 0, name: "Home", url: "http://127.0.0.1:8080/lean/", ecoindex: eco),
                       PageEcoIndex(index: 1, name: nil, url: "http://127.0.0.1:8080/api", ecoindex: nil)],
            steps: steps, footprint: nil, inventory: inventory, recommendations: [recommendation],
            notes: ["sample"])
    }

    static func step(_ index: Int, name: String?, title: String, cache: String, error: String?) -> StepMeasures {
        func stat(_ x: Double) -> Stat { Stat(median: x, min: x * 0.9, max: x * 1.1, cv: 0.05, n: 3) }
        let requests = [
            RequestBrief(url: "http://127.0.0.1:8080/q\"uote<d>.css", resourceType: .stylesheet, status: 200,
                         transferBytes: 50_000, decodedBytes: 200_000, contentType: "text/css; charset=\"utf-8\"",
                         contentEncoding: nil, httpVersion: "1.1", cacheControl: cache, error: nil),
            RequestBrief(url: "http://127.0.0.1:8080/", resourceType: .document, status: nil, transferBytes: 0,
                         decodedBytes: nil, contentType: nil, contentEncoding: "br", httpVersion: nil, cacheControl: nil,
                         error: error),
        ]
        return StepMeasures(
            index: index, name: name, url: "http://127.0.0.1:8080/step\(index)", finalURL: "http://127.0.0.1:8080/final\(index)",
            title: title, run: 1, requests: stat(2), transferBytes: stat(50_000.5), decodedBytes: stat(200_000),
            domElements: index == 0 ? stat(120) : nil, durationMs: stat(9.25),
            serverCPUms: index == 0 ? Stat(median: -0.5, min: -1.25, max: 0.75, cv: 1.5, n: 3) : nil,
            failedRequests: error == nil ? 0 : 1, redirects: 0, skipped: 2,
            byType: [Breakdown(key: "stylesheet", requests: 1, transferBytes: 50_000, decodedBytes: 200_000)],
            byDomain: [Breakdown(key: "127.0.0.1", requests: 2, transferBytes: 50_000, decodedBytes: 200_000)],
            requestList: requests, error: error)
    }
}
