import Foundation
import Model
import PropertyBased
import Testing
import Check
import Report
@testable import Profiler
@testable import Scoring

/// Every parser of untrusted input, fed random bytes and random edits of valid files: none may crash or hang,
/// and every error a file can cause names that file (the CLI turns those errors into exit 2).
@Suite struct ParserPropertyTests {
    static let page = URL(string: "http://127.0.0.1:8080/site/page.html")!
    static let randomBytes = Gen<UInt8>.value(in: 0...255).array(of: 0...2048)

    /// Runs `parse` and, when it throws, checks the error names `file`.
    static func expectNamedError(_ file: String, _ parse: () throws -> Void) {
        do { try parse() } catch {
            #expect("\(error)".contains(file), "an error that does not name its file: \(error)")
        }
    }

    static func mutated(_ seeds: [[UInt8]], _ index: Int, _ seed: UInt64) -> [UInt8] {
        var m = Mutation(seed: seed)
        return m.apply(to: seeds[index % seeds.count])
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: HTML and CSS discovery

    static func checkHTML(_ bytes: [UInt8]) {
        let scan = HTMLDiscovery.scan(bytes, documentURL: page, charset: nil)
        #expect(scan.domElements >= 0)
        for r in scan.resources {
            #expect(["http", "https"].contains(r.url.scheme ?? ""), "discovered a non-http URL: \(r.url)")
        }
    }

    @Test func htmlDiscoverySurvivesRandomBytes() async {
        await propertyCheck(count: 150, input: Self.randomBytes) { Self.checkHTML($0) }
    }

    @Test func htmlDiscoverySurvivesMutatedPages() async {
        #expect(Seeds.html.count >= 3)
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.checkHTML(Self.mutated(Seeds.html, i, seed))
        }
    }

    static func checkCSS(_ bytes: [UInt8]) {
        for r in CSSDiscovery.scan(bytes, baseURL: page, charset: nil) {
            #expect(["http", "https"].contains(r.url.scheme ?? ""), "discovered a non-http URL: \(r.url)")
        }
    }

    @Test func cssScannerSurvivesRandomBytesAndMutatedSheets() async {
        #expect(!Seeds.css.isEmpty)
        await propertyCheck(count: 150, input: Self.randomBytes) { Self.checkCSS($0) }
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.checkCSS(Self.mutated(Seeds.css, i, seed))
        }
    }

    // MARK: YAML files: grids, answers, journeys, inventories

    @Test func gridLoaderNamesTheFileOfEveryError() async {
        #expect(Seeds.grids.count >= 3)
        await propertyCheck(count: 200, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated-grid.yaml") {
                _ = try GridLoader.parse(Self.text(Self.mutated(Seeds.grids, i, seed)), file: "mutated-grid.yaml")
            }
        }
        await propertyCheck(count: 100, input: Self.randomBytes) { bytes in
            Self.expectNamedError("random-grid.yaml") { _ = try GridLoader.parse(Self.text(bytes), file: "random-grid.yaml") }
        }
    }

    @Test func answersParserNamesTheFileOfEveryError() async throws {
        let grid = try GridLibrary.bundled("rgesn-2024").grid
        await propertyCheck(count: 200, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated-answers.yaml") {
                _ = try Answers.parse(Self.text(Self.mutated(Seeds.answers, i, seed)), file: "mutated-answers.yaml", for: grid)
            }
        }
    }

    @Test func journeyLoaderNamesTheFileOfEveryError() async throws {
        #expect(Seeds.journeys.count >= 3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-prop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mutated-journey.yaml")
        // Every ${NAME} a journey may use resolves, so the errors left are the file's own.
        let environment = ["ECOSCORE_FIXTURE_PASSWORD": "p"]
        await propertyCheck(count: 200, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError(file.path) {
                try Data(Self.mutated(Seeds.journeys, i, seed)).write(to: file)
                _ = try Journey.load(file, environment: environment)
            }
        }
    }

    @Test func inventoryReadersNameTheFileOfEveryError() async {
        #expect(!Seeds.inventoryCSV.isEmpty && !Seeds.inventoryYAML.isEmpty)
        await propertyCheck(count: 200, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated.csv") {
                _ = try InventoryReader.parseCSV(Self.text(Self.mutated(Seeds.inventoryCSV, i, seed)), file: "mutated.csv")
            }
            Self.expectNamedError("mutated.yaml") {
                _ = try InventoryReader.parseYAML(Self.text(Self.mutated(Seeds.inventoryYAML, i, seed)), file: "mutated.yaml")
            }
        }
        await propertyCheck(count: 100, input: Self.randomBytes) { bytes in
            Self.expectNamedError("random.csv") { _ = try CSVParser.parse(Self.text(bytes), file: "random.csv") }
        }
    }

    // MARK: JSON files: HAR recordings and profiles

    @Test func harReaderNamesTheFileOfEveryError() async throws {
        try #require(!Seeds.har.isEmpty, "the tests read HAR recordings from ../shared/data/har")
        await propertyCheck(count: 150, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated.har") {
                let document = try HARDocument.decode(Data(Self.mutated(Seeds.har, i, seed)), name: "mutated.har")
                _ = HARImporter.profile(from: document, tool: Self.tool, settings: Self.settings, createdAt: Date())
            }
        }
        await propertyCheck(count: 100, input: Self.randomBytes) { bytes in
            Self.expectNamedError("random.har") { _ = try HARDocument.decode(Data(bytes), name: "random.har") }
        }
    }

    @Test func profileReaderNamesTheFileOfEveryError() async throws {
        try #require(!Seeds.har.isEmpty, "the profile seeds are imported from ../shared/data/har")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let profiles = try Seeds.har.map { bytes in
            let document = try HARDocument.decode(Data(bytes), name: "seed.har")
            let profile = HARImporter.profile(from: document, tool: Self.tool, settings: Self.settings, createdAt: Date())
            return [UInt8](try encoder.encode(profile))
        }
        await propertyCheck(count: 150, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated.profile.json") {
                _ = try ProfileFile.decode(Data(Self.mutated(profiles, i, seed)), file: "mutated.profile.json")
            }
        }
    }

    // MARK: budgets and score cards (check, report)

    @Test func budgetLoaderNamesTheFileOfEveryError() async {
        #expect(Seeds.budgets.count >= 2)
        await propertyCheck(count: 200, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated-budget.yaml") {
                _ = try BudgetLoader.parse(Self.text(Self.mutated(Seeds.budgets, i, seed)), file: "mutated-budget.yaml")
            }
        }
        await propertyCheck(count: 100, input: Self.randomBytes) { bytes in
            Self.expectNamedError("random-budget.json") { _ = try BudgetLoader.parse(Self.text(bytes), file: "random-budget.json") }
        }
    }

    @Test func scoreCardReaderNamesTheFileOfEveryError() async throws {
        let grid = try GridLibrary.bundled("app-referencing")
        let scorer = try Scorer.bundled(grid)
        try #require(!Seeds.har.isEmpty, "the score card seeds come from ../shared/data/har")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let cards = try Seeds.har.prefix(2).map { bytes in
            let document = try HARDocument.decode(Data(bytes), name: "seed.har")
            let profile = HARImporter.profile(from: document, tool: Self.tool, settings: Self.settings, createdAt: Date())
            return [UInt8](try encoder.encode(try scorer.score(profile, answers: nil, tool: Self.tool)))
        }
        await propertyCheck(count: 150, input: Gen.int(in: 0...1000), Gen<UInt64>.value()) { i, seed in
            Self.expectNamedError("mutated.scorecard.json") {
                _ = try ScoreCardFile.decode(Data(Self.mutated(cards, i, seed)), file: "mutated.scorecard.json")
            }
        }
    }

    static let tool = ToolInfo(name: "ecoscore", version: "test", engine: "")
    static let settings = ProfileSettings(
        userAgent: "HAR", acceptEncoding: "", viewportWidth: 1920, runs: 1, maxConnectionsPerHost: 6,
        httpVersion: "", connectTimeoutMs: 0, requestTimeoutMs: 0, pageTimeoutMs: 0, maxBodyBytes: 0,
        maxRedirects: 20, maxFrameDepth: 3, tlsVerification: true)
}
