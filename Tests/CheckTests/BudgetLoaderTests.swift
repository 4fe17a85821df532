import Foundation
import Testing
import Model
@testable import Check

struct BudgetLoaderTests {
    func parse(_ text: String) throws(BudgetError) -> Budget { try BudgetLoader.parse(text, file: "budget.yaml") }

    func error(_ text: String) -> BudgetError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func ecoscoreYAML() throws {
        let budget = try parse("""
            version: 1
            tolerance: 15%
            noiseFactor: 2
            journey:
              transferBytes: 1 MB
              minGrade: B
              resourceSizes:
                script: 300 KiB
            steps:
              - name: Home
                transferBytes: 200 kB
                requests: 10
              - path: /lean/*
                firstPartyHosts: [cdn.example.com]
                resourceCounts: {third-party: 0}
            """)
        #expect(budget.format == .ecoscore)
        #expect(budget.tolerance == 0.15)
        #expect(budget.noiseFactor == 2)
        #expect(budget.journey == [
            BudgetLimit(figure: .metric(.transferBytes), bound: .atMost(1_000_000), line: 5),
            BudgetLimit(figure: .metric(.minGrade), bound: .gradeAtLeast("B"), line: 6),
            BudgetLimit(figure: .resourceSize(.types("script", [.script])), bound: .atMost(307_200), line: 8),
        ])
        #expect(budget.steps.count == 2)
        #expect(budget.steps[0].selector == StepSelector(name: NamePattern("Home")))
        #expect(budget.steps[0].limits.map(\.bound) == [.atMost(200_000), .atMost(10)])
        #expect(budget.steps[0].line == 10)
        #expect(budget.steps[1].selector.path == PathPattern("/lean/*"))
        #expect(budget.steps[1].firstPartyHosts == ["cdn.example.com"])
        #expect(budget.steps[1].limits == [BudgetLimit(figure: .resourceCount(.thirdParty), bound: .atMost(0), line: 15)])
        #expect(!budget.lastMatchOnly)
    }

    @Test func ecoscoreJSONIsTheSameFormat() throws {
        let budget = try parse("""
            {"journey": {"requests": 40, "energyWh": 0.5},
             "steps": [{"name": "About", "domElements": 800}]}
            """)
        #expect(budget.journey.map(\.bound) == [.atMost(40), .atMost(0.5)])
        #expect(budget.steps[0].limits.map(\.figure) == [.metric(.domElements)])
    }

    @Test func errorsNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("journey:\n  transferBytes: 200 kB\n  trasnferBytes: 1\n", 3, "unknown key 'trasnferBytes'"),
            ("steps:\n  - name: Home\n    transferBytes: lots\n", 3, "'lots' is not a size"),
            ("steps:\n  - name: Home\n    minGrade: B\n", 3, "minGrade is a figure of the whole journey"),
            ("steps:\n  - path: lean/\n    requests: 3\n", 2, "must start with '/'"),
            ("journey:\n  requests: 3\n  requests: 4\n", 3, "'requests' is given twice"),
            ("journey:\n  minEcoindex: 120\n", 2, "from 0 to 100"),
            ("journey:\n  resourceSizes:\n    scripts: 10 kB\n", 3, "unknown resource type 'scripts'"),
            ("journey:\n  requests: [3\n", 3, "malformed YAML"),
            ("tolerance: ten\njourney: {requests: 1}\n", 1, "tolerance"),
            ("version: 2\njourney: {requests: 1}\n", 1, "version 1"),
            ("steps:\n  - name: Home\n", 2, "sets no limit"),
            ("\"just text\"\n", 1, "a budget is a mapping"),
        ]
        for (text, line, message) in cases {
            let e = error(text)
            #expect(e?.line == line, "\(text) → \(String(describing: e))")
            #expect(e?.message.contains(message) == true, "\(text) → \(String(describing: e))")
            #expect(e?.description.hasPrefix("budget.yaml:\(line): ") == true)
        }
    }

    @Test func emptyFile() {
        #expect(error("")?.message.contains("empty") == true)
        #expect(error("# only a comment\n")?.message.contains("empty") == true)
    }

    @Test func lighthouseBudgetAsIs() throws {
        let budget = try parse("""
            [
              {
                "path": "/*",
                "options": {"firstPartyHostnames": ["*.example.com"]},
                "timings": [{"metric": "interactive", "budget": 5000}],
                "resourceSizes": [
                  {"resourceType": "script", "budget": 125},
                  {"resourceType": "total", "budget": 300}
                ],
                "resourceCounts": [{"resourceType": "other", "budget": 2}]
              },
              {"path": "/checkout$", "resourceSizes": [{"resourceType": "image", "budget": 50}]}
            ]
            """)
        #expect(budget.format == .lighthouse)
        #expect(budget.lastMatchOnly)
        #expect(budget.steps.count == 2)
        let first = budget.steps[0]
        #expect(first.selector.path == PathPattern("/*"))
        #expect(first.firstPartyHosts == ["*.example.com"])
        // KiB of transfer size; Lighthouse's "other" covers fetch too.
        #expect(first.limits.map(\.figure) == [.resourceSize(.types("script", [.script])), .resourceSize(.total),
                                               .resourceCount(.types("other", [.other, .fetch]))])
        #expect(first.limits.map(\.bound) == [.atMost(128_000), .atMost(307_200), .atMost(2)])
        #expect(budget.notes.count == 1)
        #expect(budget.notes[0].contains("budget.yaml:5") && budget.notes[0].contains("timing"))
        #expect(budget.steps[1].selector.path == PathPattern("/checkout$"))
    }

    @Test func lighthousePathDefaultsToEveryPage() throws {
        let budget = try parse(#"[{"resourceCounts": [{"resourceType": "total", "budget": 10}]}]"#)
        #expect(budget.steps[0].selector.matches(name: nil, url: "http://x.test/any/where"))
    }

    @Test func lighthouseValidation() {
        let cases: [(String, Int, String)] = [
            (#"[{"path": "/a*b*"}]"#, 1, "only contain one '*'"),
            (#"[{"path": "/a$b"}]"#, 1, "'$' character should only occur at end"),
            (#"[{"path": "shop"}]"#, 1, "should start with '/'"),
            ("[\n {\"pth\": \"/\"}\n]", 2, "unknown key 'pth'"),
            ("[\n {\"resourceSizes\": [\n  {\"resourceType\": \"script\", \"budget\": 1},\n  {\"resourceType\": \"script\", \"budget\": 2}\n ]}\n]", 4, "duplicate entry of type 'script'"),
            ("[\n {\"resourceSizes\": [\n  {\"resourceType\": \"fetch\", \"budget\": 1}\n ]}\n]", 3, "invalid resource type 'fetch'"),
            ("[\n {\"resourceSizes\": [\n  {\"resourceType\": \"script\", \"budget\": \"big\"}\n ]}\n]", 3, "'big' is not a number"),
            ("[\n {\"options\": {\"firstPartyHostnames\": [\"a.com/x\"]}}\n]", 2, "not a valid hostname"),
            ("[]", 1, "empty"),
        ]
        for (text, line, message) in cases {
            let e = error(text)
            #expect(e?.line == line, "\(text) → \(String(describing: e))")
            #expect(e?.message.contains(message) == true, "\(text) → \(String(describing: e))")
        }
    }
}

/// The documented examples are budgets this loader reads: docs/budgets.md's two blocks and Fixtures/budgets.
struct DocumentedBudgetTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func block(_ language: String, in text: String) -> String? {
        guard let start = text.range(of: "```\(language)\n"),
              let end = text.range(of: "```", range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test func docsExamples() throws {
        let doc = try String(contentsOf: Self.repository.appendingPathComponent("docs/budgets.md"), encoding: .utf8)
        let yaml = try BudgetLoader.parse(try #require(block("yaml", in: doc)), file: "docs/budgets.md")
        #expect(yaml.format == .ecoscore && yaml.journey.count == 12 && yaml.steps.count == 2)
        let json = try BudgetLoader.parse(try #require(block("json", in: doc)), file: "docs/budgets.md")
        #expect(json.format == .lighthouse && json.steps[0].limits.count == 3)
    }

    @Test func fixtureBudgets() throws {
        let folder = Self.repository.appendingPathComponent("Fixtures/budgets")
        #expect(try BudgetLoader.load(contentsOf: folder.appendingPathComponent("lean.yaml")).format == .ecoscore)
        #expect(try BudgetLoader.load(contentsOf: folder.appendingPathComponent("lighthouse-budget.json")).format == .lighthouse)
        #expect(throws: BudgetError(file: "broken.yaml", line: 9,
                                    message: "resourceSizes: unknown resource type 'scripts' (known: document, stylesheet, script, image, font, media, fetch, other, third-party, total)")) {
            try BudgetLoader.load(contentsOf: folder.appendingPathComponent("broken.yaml"), displayPath: "broken.yaml")
        }
    }
}
