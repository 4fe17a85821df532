import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import Testing

/// What `ecoscore check` writes for CI (JUnit XML, Markdown) and its exit codes for bad input (2) and for a
/// target that could not be measured (3).
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "server metering is Linux-only"))
struct CheckOutputTests {
    static let leanBudget = CheckFixtureCards.budgets.appendingPathComponent("lean.yaml").path

    func attribute(_ element: XMLElement, _ name: String) -> String? { element.attribute(forName: name)?.stringValue }

    /// The usual JUnit schema: testsuites > testsuite(name, tests, failures, errors) > testcase(name, classname)
    /// > failure(message, type); the counts on each element are the elements below it.
    func validateJUnit(_ url: URL, expectedCases: Int, expectedFailures: Int) throws {
        let document = try XMLDocument(contentsOf: url, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(!suites.isEmpty)
        var cases = 0, failures = 0
        for suite in suites {
            let testcases = suite.elements(forName: "testcase")
            let suiteFailures = testcases.flatMap { $0.elements(forName: "failure") }
            #expect(attribute(suite, "name")?.isEmpty == false)
            #expect(attribute(suite, "tests") == "\(testcases.count)")
            #expect(attribute(suite, "failures") == "\(suiteFailures.count)")
            #expect(attribute(suite, "errors") == "0")
            for testcase in testcases {
                #expect(attribute(testcase, "name")?.isEmpty == false)
                #expect(attribute(testcase, "classname")?.hasPrefix("ecoscore.") == true)
                #expect(testcase.elements(forName: "failure").count <= 1)
            }
            for failure in suiteFailures {
                #expect(attribute(failure, "message")?.isEmpty == false)
                #expect(["budget", "baseline"].contains(attribute(failure, "type") ?? ""))
            }
            cases += testcases.count
            failures += suiteFailures.count
        }
        #expect(attribute(root, "tests") == "\(cases)")
        #expect(attribute(root, "failures") == "\(failures)")
        #expect(cases == expectedCases)
        #expect(failures == expectedFailures)
    }

    @Test func junitOneTestCasePerLimitOrComparedFigure() throws {
        let cards = try CheckFixtureCards.get()
        let folder = try Ecoscore.temporaryFolder()
        let junit = folder.appendingPathComponent("reports/check.xml")
        let (result, outcome) = try CheckFixtureCards.outcome([
            cards.release.path, "--budget", Self.leanBudget, "--baseline", cards.lean.path, "--junit", junit.path,
        ])
        #expect(result.status == 1)
        try validateJUnit(junit, expectedCases: outcome.results.count, expectedFailures: outcome.failures.count)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("new script /lean-release/big.js"))
    }

    @Test func markdownForAPullRequest() throws {
        let cards = try CheckFixtureCards.get()
        let markdown = try Ecoscore.temporaryFolder().appendingPathComponent("comment.md")
        let r = try Ecoscore.run(["check", cards.release.path, "--baseline", cards.lean.path, "--markdown", markdown.path])
        #expect(r.status == 1)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("### ❌ Ecoscore check: FAILED:") == true)
        #expect(lines.contains("| | Check | Metric | Step | Limit or baseline | Value | Delta |"))
        #expect(lines.contains { $0.hasPrefix("| ❌ | baseline | transferBytes | Home |") })
        #expect(lines.contains { $0.hasPrefix("- new script /lean-release/big.js ") && $0.hasSuffix(" on step Home") })
        #expect(text.contains("<details><summary>"))
    }

    @Test func stepNamesFromTheTargetAreEscaped() throws {
        let cards = try CheckFixtureCards.get()
        var card = try CheckFixtureCards.decodeCard(cards.release)
        let hostile = "<img src=x onerror=alert(1)>|\"&'\u{1B}[31m"
        card.steps[0].name = hostile
        let folder = try Ecoscore.temporaryFolder()
        let file = folder.appendingPathComponent("hostile.json")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(card).write(to: file)
        let junit = folder.appendingPathComponent("check.xml"), markdown = folder.appendingPathComponent("check.md")
        // Lighthouse budgets select by path, so the renamed step still gets its test cases.
        let budget = CheckFixtureCards.budgets.appendingPathComponent("lighthouse-budget.json").path
        let r = try Ecoscore.run(["check", file.path, "--budget", budget, "--junit", junit.path, "--markdown", markdown.path])
        #expect(r.status == 1)
        let (_, outcome) = try CheckFixtureCards.outcome([file.path, "--budget", budget])
        try validateJUnit(junit, expectedCases: outcome.results.count, expectedFailures: outcome.failures.count)
        let document = try XMLDocument(contentsOf: junit, options: [])
        let names = (document.rootElement()?.elements(forName: "testsuite") ?? [])
            .flatMap { $0.elements(forName: "testcase") }.compactMap { attribute($0, "classname") }
        #expect(names.contains { $0.contains("<img src=x onerror=alert(1)>") })   // intact once parsed: escaped in the file
        let md = try String(contentsOf: markdown, encoding: .utf8)
        #expect(!md.contains("<img"))
        #expect(md.contains("&lt;img src=x onerror=alert\\(1\\)&gt;\\|"))
        #expect(!r.stdout.contains("\u{1B}"))   // no terminal escape reaches the table
    }

    @Test func malformedBudgetIsAUsageErrorWithFileAndLine() throws {
        let cards = try CheckFixtureCards.get()
        let broken = CheckFixtureCards.budgets.appendingPathComponent("broken.yaml").path
        let r = try Ecoscore.run(["check", cards.lean.path, "--budget", broken])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(broken):9: resourceSizes: unknown resource type 'scripts'"))
    }

    @Test func usageErrors() throws {
        let cards = try CheckFixtureCards.get()
        let folder = try Ecoscore.temporaryFolder()
        #expect(try Ecoscore.run(["check", cards.lean.path]).status == 2)   // nothing to check against
        #expect(try Ecoscore.run(["check", cards.lean.path, "--baseline", folder.appendingPathComponent("none.json").path]).status == 2)
        #expect(try Ecoscore.run(["check", cards.lean.path, "--baseline", cards.lean.path, "--tolerance", "ten"]).status == 2)
        let noHistory = try Ecoscore.run(["check", cards.lean.path, "--baseline", "last", "--db", folder.appendingPathComponent("h.sqlite").path])
        #expect(noHistory.status == 2)
        #expect(noHistory.stderr.contains("no good run"))
    }

    @Test func aStepThatDidNotLoadIsExitThree() throws {
        let cards = try CheckFixtureCards.get()
        var card = try CheckFixtureCards.decodeCard(cards.lean)
        card.steps[1].error = "HTTP 503 on the page"
        card.steps[1].run = nil
        let file = try Ecoscore.temporaryFolder().appendingPathComponent("broken-card.json")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(card).write(to: file)
        let r = try Ecoscore.run(["check", file.path, "--baseline", cards.lean.path])
        #expect(r.status == 3)
        #expect(r.stdout.contains("step About could not be loaded: HTTP 503 on the page"))
        #expect(r.stdout.contains("NOT MEASURED"))
    }
}
