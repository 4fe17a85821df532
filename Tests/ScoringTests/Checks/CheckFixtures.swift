import Foundation
import Model
@testable import Scoring

/// Hand-made profiles for the best-practice checks. A request built with the defaults is clean for every check:
/// HTTP/2, 200, a year of cache, no cookie, a WebP image of 1 000 B.
enum CheckFixtures {
    static let practices = try! BestPractices.bundled()
    static let origin = "https://example.org"
    /// 1 January 2025, 00:00 UTC: the runs' start, against which `Expires` is judged.
    static let start = Date(timeIntervalSince1970: 1_735_689_600)

    static func request(
        _ path: String, type: ResourceType = .image, status: Int? = 200, version: String? = "HTTP/2",
        body: Int = 1000, header: Int = 100, decoded: Int? = nil, contentType: String? = "image/webp",
        encoding: String? = nil, cache: CacheHeaders = CacheHeaders(cacheControl: "public, max-age=31536000"),
        cookieSent: Int = 0, redirect: String? = nil, error: RequestError? = nil, host: String? = nil
    ) -> RequestRecord {
        let url = path.hasPrefix("http") ? path : (host.map { "https://\($0)" } ?? origin) + path
        return RequestRecord(
            url: url, discovery: .html, resourceType: type, depth: 1, status: status, httpVersion: version,
            transferBytes: header + body, headerBytes: header, bodyBytes: body, decodedBytes: decoded ?? body,
            contentType: contentType, contentEncoding: encoding, cache: cache, cookieBytesSent: cookieSent,
            redirectURL: redirect.map { $0.hasPrefix("http") ? $0 : origin + $0 }, error: error)
    }

    static func css(_ path: String, body: Int = 1000, decoded: Int? = nil, encoding: String? = "br") -> RequestRecord {
        request(path, type: .stylesheet, body: body, decoded: decoded, contentType: "text/css; charset=utf-8",
                encoding: encoding)
    }

    static func document(_ path: String = "/", body: Int = 3000, encoding: String? = "br") -> RequestRecord {
        var r = request(path, type: .document, body: body, decoded: encoding == nil ? body : body * 4,
                        contentType: "text/html; charset=utf-8", encoding: encoding,
                        cache: CacheHeaders(cacheControl: "no-cache"))
        r.discovery = .navigation
        r.depth = 0
        return r
    }

    static func images(_ n: Int) -> [RequestRecord] {
        (0..<n).map { request("/img/\($0).webp") }
    }

    static func run(_ requests: [RequestRecord], startedAt: Date = start) -> PageRun {
        let transfer = requests.reduce(0) { $0 + $1.transferBytes }
        return PageRun(
            startedAt: startedAt, durationMs: 100, finalURL: requests.first?.url ?? origin, domElements: 100,
            requests: requests,
            totals: PageTotals(requests: requests.count, transferBytes: transfer,
                               decodedBytes: requests.reduce(0) { $0 + ($1.decodedBytes ?? 0) },
                               failedRequests: 0, redirects: 0, byType: [:], byDomain: [:]))
    }

    static func page(_ requests: [RequestRecord], url: String = origin + "/", name: String? = nil) -> PageProfile {
        page(runs: [run(requests)], url: url, name: name)
    }

    static func page(runs: [PageRun], url: String = origin + "/", name: String? = nil) -> PageProfile {
        func stat(_ values: [Double]) -> Stat {
            let sorted = values.sorted()
            return Stat(median: sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2], min: sorted.first ?? 0,
                        max: sorted.last ?? 0, cv: 0, n: values.count)
        }
        let summary = PageSummary(
            requests: stat(runs.map { Double($0.totals.requests) }),
            transferBytes: stat(runs.map { Double($0.totals.transferBytes) }),
            decodedBytes: stat(runs.map { Double($0.totals.decodedBytes) }), domElements: nil,
            durationMs: stat(runs.map(\.durationMs)))
        return PageProfile(name: name, url: url, runs: runs, summary: summary)
    }

    static func profile(_ pages: [PageProfile]) -> Profile {
        Profile(
            tool: ToolInfo(name: "ecoscore", version: "test", engine: "none"), createdAt: start,
            settings: ProfileSettings(
                userAgent: "test", acceptEncoding: "gzip, deflate, br, zstd", viewportWidth: 1920, runs: 1,
                maxConnectionsPerHost: 6, httpVersion: "auto", connectTimeoutMs: 1, requestTimeoutMs: 1,
                pageTimeoutMs: 1, maxBodyBytes: 1, maxRedirects: 20, maxFrameDepth: 3, tlsVerification: true),
            pages: pages)
    }

    static func profile(_ requests: [RequestRecord]) -> Profile {
        profile([page(requests)])
    }

    /// The result of check `id` on the first page of a profile made of `requests`.
    static func result(_ id: String, _ requests: [RequestRecord]) -> CheckResult {
        result(id, profile(requests))
    }

    static func result(_ id: String, _ profile: Profile, page: Int = 0) -> CheckResult {
        practices.check(profile).first { $0.id == id && $0.page == page }!
    }
}
