import Foundation
import Model
@testable import Scoring

/// Hand-made profiles for scoring tests: every figure is chosen so that a test can recompute it by hand.
enum ProfileBuilder {
    static let date = Date(timeIntervalSince1970: 1_750_000_000)

    static func request(_ url: String, depth: Int, bytes: Int, type: ResourceType = .image,
                        discovery: Discovery = .html, status: Int = 200, http: String = "HTTP/1.1",
                        contentType: String? = nil, encoding: String? = nil, decoded: Int? = nil,
                        cacheControl: String? = nil, redirectTo: String? = nil, timings: Timings = Timings()) -> RequestRecord {
        RequestRecord(url: url, discovery: discovery, resourceType: type, depth: depth, status: status, httpVersion: http,
                      transferBytes: bytes, decodedBytes: decoded ?? bytes, contentType: contentType,
                      contentEncoding: encoding, cache: CacheHeaders(cacheControl: cacheControl),
                      redirectURL: redirectTo, timings: timings)
    }

    static func run(_ requests: [RequestRecord], durationMs: Double = 30, dom: Int? = 100, serverCPUms: Double? = nil) -> PageRun {
        let totals = PageTotals(requests: requests.count, transferBytes: requests.reduce(0) { $0 + $1.transferBytes },
                                decodedBytes: requests.reduce(0) { $0 + ($1.decodedBytes ?? 0) },
                                failedRequests: requests.filter { ($0.status ?? 0) >= 400 }.count,
                                redirects: requests.filter { (300..<400).contains($0.status ?? 0) }.count,
                                byType: [:], byDomain: [:])
        return PageRun(startedAt: date, durationMs: durationMs, finalURL: requests.first?.url ?? "", domElements: dom,
                       requests: requests, totals: totals,
                       server: serverCPUms.map { ServerUsage(cpuMs: $0, baselineMs: 0, netCPUms: $0, peakRSSBytes: nil) })
    }

    static func stat(_ x: Double) -> Stat { Stat(median: x, min: x, max: x, cv: 0, n: 1) }

    /// A step with one run; its summary is that run's figures.
    static func page(_ name: String, _ url: String, _ run: PageRun) -> PageProfile {
        PageProfile(name: name, url: url, runs: [run], summary: PageSummary(
            requests: stat(Double(run.totals.requests)), transferBytes: stat(Double(run.totals.transferBytes)),
            decodedBytes: stat(Double(run.totals.decodedBytes)), domElements: run.domElements.map { stat(Double($0)) },
            durationMs: stat(run.durationMs), serverCPUms: run.server.map { stat($0.netCPUms) }))
    }

    static func profile(_ pages: [PageProfile], journey: String? = "Hand-made journey") -> Profile {
        let settings = ProfileSettings(
            userAgent: "test", acceptEncoding: "gzip, br", viewportWidth: 1920, runs: 1, maxConnectionsPerHost: 6,
            httpVersion: "auto", connectTimeoutMs: 1, requestTimeoutMs: 1, pageTimeoutMs: 1, maxBodyBytes: 1,
            maxRedirects: 20, maxFrameDepth: 3, tlsVerification: true)
        return Profile(tool: ToolInfo(name: "ecoscore", version: "test", engine: "hand"), createdAt: date,
                       settings: settings, journey: journey.map { JourneyInfo(name: $0, cache: "warm", runs: 1, warmUpRuns: 0) },
                       pages: pages)
    }

    static let tool = ToolInfo(name: "ecoscore", version: "test", engine: "scoring")

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func bundledScorer(_ id: String) throws -> Scorer {
        try Scorer.bundled(try GridLibrary.bundled(id))
    }
}
