import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

/// Journeys against the real fixture server: one session, a warm cache across steps, server-counted bytes.
@Suite(.serialized) struct JourneyRunTests {
    static var journeys: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/journeys")
    }

    @Test func warmCacheIsReusedAcrossSteps() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let journey = try Journey.load(Self.journeys.appendingPathComponent("lean.yaml"), baseURL: server.baseURL)
        server.resetAccessLog()
        let steps = JourneyProfiler().profile(journey, runs: 1, warmUp: 0)
        #expect(steps.map(\.name) == ["Home", "About", "Home again"])
        let runs = steps.map { $0.runs[0] }
        #expect(runs.allSatisfy { $0.error == nil }, "\(runs.compactMap(\.error))")
        #expect(runs.allSatisfy { $0.assertions.allSatisfy(\.passed) })
        // Everything lean serves is cacheable for a year: About only needs its own document, and the
        // third step needs nothing at all.
        #expect(runs[1].requests.map { URL(string: $0.url)!.path } == ["/lean/about.html"])
        #expect(runs[1].cacheHits.contains { $0.url.hasSuffix("/lean/styles.css") })
        #expect(runs[2].requests.isEmpty)
        #expect(runs[2].cacheHits.first?.url == server.url("/lean/").absoluteString)
        #expect(runs[2].domElements == runs[0].domElements, "the cached document is still parsed")
        let log = server.accessLog()
        #expect(log.count == runs.reduce(0) { $0 + $1.requests.count })
        #expect(log.reduce(0) { $0 + $1.bytesSent } == runs.reduce(0) { $0 + $1.totals.transferBytes })
        // One session: the cookie set by step 1 goes with step 2.
        #expect(runs[1].requests[0].cookieBytesSent > 0)
    }

    @Test func coldModeFetchesEverythingAgain() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let journey = try Journey.load(Self.journeys.appendingPathComponent("lean.yaml"), baseURL: server.baseURL)
        let steps = JourneyProfiler(cache: .cold).profile(journey, runs: 1, warmUp: 0)
        #expect(steps[2].runs[0].requests.count == steps[0].runs[0].requests.count)
        #expect(steps.allSatisfy { $0.runs[0].cacheHits.isEmpty })
    }

    @Test func runsAndWarmUpAreCountedAndSummarised() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let journey = try Journey.load(Self.journeys.appendingPathComponent("bloated.yaml"), baseURL: server.baseURL)
        server.resetAccessLog()
        let steps = JourneyProfiler().profile(journey, runs: 3, warmUp: 1)
        #expect(steps.allSatisfy { $0.runs.count == 3 })
        let perRun = steps.reduce(0) { $0 + $1.runs[0].requests.count }
        #expect(server.accessLog().count == 4 * perRun, "the warm-up run is made, then discarded")
        #expect(steps[0].summary.requests.n == 3)
        #expect(steps[0].summary.requests.cv == 0)
        // No cache headers on bloated: the second step downloads the page again.
        #expect(steps[1].runs[0].cacheHits.isEmpty)
    }

    @Test func failedExpectationIsAStepErrorAndTheJourneyGoesOn() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("j-\(UUID().uuidString).yaml")
        try Data("""
            name: J
            steps:
              - get: lean/
                expect: {text: "No such words"}
              - get: lean/about.html
                expect: {status: 200}
            """.utf8).write(to: url)
        let journey = try Journey.load(url, baseURL: server.baseURL)
        let steps = JourneyProfiler().profile(journey, runs: 1, warmUp: 0)
        let first = steps[0].runs[0]
        #expect(first.error?.code == "assertion")
        #expect(first.error?.message.contains("expected text \"No such words\" not found") == true)
        #expect(steps[1].runs[0].error == nil)
    }

    @Test func secretsInURLsAreRedacted() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("j-\(UUID().uuidString).yaml")
        try Data("name: J\nsteps:\n  - get: lean/?token=${TOKEN}\n".utf8).write(to: url)
        let journey = try Journey.load(url, baseURL: server.baseURL, environment: ["TOKEN": "tok-12345"])
        let steps = JourneyProfiler().profile(journey, runs: 1, warmUp: 0)
        let json = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        #expect(!json.contains("tok-12345"))
        #expect(json.contains("token=[redacted]"))
        #expect(server.accessLog().contains { $0.path == "/lean/?token=tok-12345" }, "the real value was sent")
    }
}
