import Foundation
import Model
import Testing

@Suite struct ProfileCodingTests {
    static func sample() -> Profile {
        let request = RequestRecord(
            url: "http://127.0.0.1:8080/lean/", discovery: .navigation, resourceType: .document, depth: 0,
            status: 200, httpVersion: "HTTP/1.1", remoteAddress: "127.0.0.1:8080", transferBytes: 1234,
            headerBytes: 234, bodyBytes: 1000, decodedBytes: 3000, contentType: "text/html; charset=utf-8",
            contentEncoding: "br", cache: CacheHeaders(cacheControl: "max-age=60", etag: "\"x\""),
            cookieBytesSet: 20, timings: Timings(startMs: 0, dnsMs: 0.1, connectMs: 0.2, firstByteMs: 1, totalMs: 2))
        let totals = PageTotals(requests: 1, transferBytes: 1234, decodedBytes: 3000, failedRequests: 0, redirects: 0,
                                byType: ["document": Tally(requests: 1, transferBytes: 1234, decodedBytes: 3000)],
                                byDomain: ["127.0.0.1": Tally(requests: 1, transferBytes: 1234, decodedBytes: 3000)])
        let run = PageRun(startedAt: Date(timeIntervalSince1970: 1_700_000_000), durationMs: 12.5,
                          finalURL: request.url, title: "Prise de rendez-vous", domElements: 42,
                          requests: [request], totals: totals,
                          skipped: [SkippedResource(url: "https://cdn.example/x.js", resourceType: .script,
                                                    initiator: request.url, reason: "host not named")])
        let stat = Stat(median: 1, min: 1, max: 1, cv: 0, n: 1)
        let settings = ProfileSettings(
            userAgent: "UA", acceptEncoding: "gzip, br", viewportWidth: 1920, runs: 1, maxConnectionsPerHost: 6,
            httpVersion: "auto", connectTimeoutMs: 1, requestTimeoutMs: 2, pageTimeoutMs: 3, maxBodyBytes: 4,
            maxRedirects: 20, maxFrameDepth: 3, tlsVerification: true)
        return Profile(tool: ToolInfo(name: "ecoscore", version: "0", engine: "libcurl"),
                       createdAt: Date(timeIntervalSince1970: 1_700_000_000), settings: settings,
                       pages: [PageProfile(url: request.url, runs: [run],
                                           summary: PageSummary(requests: stat, transferBytes: stat, decodedBytes: stat,
                                                                domElements: stat, durationMs: stat))])
    }

    @Test func roundTripsThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let profile = Self.sample()
        let back = try decoder.decode(Profile.self, from: try encoder.encode(profile))
        #expect(back == profile)
        #expect(back.schemaVersion == Profile.currentSchemaVersion)
    }

    @Test func resourceTypesSortInDeclarationOrder() {
        #expect(ResourceType.allCases.sorted() == ResourceType.allCases)
        #expect(ResourceType.document < ResourceType.font)
    }
}
