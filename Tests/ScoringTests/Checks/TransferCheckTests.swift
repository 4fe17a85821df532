import Foundation
import Model
import Testing
@testable import Scoring

/// Compression, cache headers, redirects, errors and HTTP version, at GreenIT-Analysis' boundaries.
@Suite struct TransferCheckTests {
    typealias F = CheckFixtures

    // MARK: Compression: share by size < 95 % → B, < 90 % → C, resources over 150 B

    /// One compressed and one uncompressed style sheet of the given decoded sizes.
    private func compression(compressed: Int, uncompressed: Int) -> CheckResult {
        F.result("compression", [
            F.css("/a.css", body: compressed / 4, decoded: compressed, encoding: "gzip"),
            F.css("/b.css", body: uncompressed, encoding: nil),
        ])
    }

    @Test(arguments: [
        (9500, 500, 95.0, CheckLevel.A), (9499, 501, 94.99, .B), (9000, 1000, 90, .B), (8999, 1001, 89.99, .C),
    ])
    func compressionShareBoundaries(compressed: Int, uncompressed: Int, share: Double, level: CheckLevel) {
        let r = compression(compressed: compressed, uncompressed: uncompressed)
        #expect(abs(r.measured - share) < 1e-9)
        #expect(r.level == level)
        #expect(r.offendingRequests.map(\.url) == [F.origin + "/b.css"])
    }

    @Test func onlyCompressibleResponsesOver150BytesCount() {
        let r = F.result("compression", [
            F.css("/small.css", body: 150, encoding: nil),  // not over 150 B
            F.request("/photo.png", body: 50_000, contentType: "image/png"),  // not compressible
            F.request("/missing.css", type: .stylesheet, status: 404, body: 5000, contentType: "text/css"),
            F.css("/ok.css", body: 300, decoded: 1200, encoding: "br"),
        ])
        #expect(r.measured == 100)
        #expect(r.level == .A)
        #expect(r.offendingRequests.isEmpty)
        let over = F.result("compression", [F.css("/just-over.css", body: 151, encoding: nil)])
        #expect(over.measured == 0)
        #expect(over.level == .C)
    }

    @Test func nothingCompressibleIsFullMarks() {
        let r = F.result("compression", [F.request("/a.webp")])
        #expect(r.measured == 100)
        #expect(r.level == .A)
    }

    @Test func everyCompressingCodingCounts() {
        for coding in ["br", "gzip", "zstd", "deflate", "GZIP", "gzip, br"] {
            #expect(F.result("compression", [F.css("/a.css", encoding: coding)]).level == .A, "\(coding)")
        }
        #expect(F.result("compression", [F.css("/a.css", encoding: "identity")]).level == .C)
    }

    @Test func savingUsesTheTypeRatio() {
        // text/css 0.25, text/javascript 0.35, image/svg+xml 0.45, application/json 0.25 (best-practices.yaml).
        let r = F.result("compression", [
            F.css("/a.css", body: 10_000, encoding: nil),
            F.request("/a.js", type: .script, body: 10_000, contentType: "text/javascript"),
            F.request("/a.svg", body: 10_000, contentType: "image/svg+xml; charset=utf-8"),
            F.request("/a.json", type: .fetch, body: 10_000, contentType: "application/vnd.api+json"),
        ])
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [7500, 6500, 5500, 7500])
        #expect(r.estimatedSavingBytes == 27_000)
        #expect(r.offendingRequests[0].detail == "text/css, no Content-Encoding")
    }

    @Test func savingUsesTheActualRatioOfACompressedSiblingSeenElsewhere() {
        let compressedCopy = F.page([F.css("/shared.css", body: 200, decoded: 1000, encoding: "br")])
        let plain = F.page([F.css("/shared.css", body: 1000, encoding: nil)], url: F.origin + "/other")
        let r = F.result("compression", F.profile([compressedCopy, plain]), page: 1)
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [800])
        #expect(r.offendingRequests.first?.page == 1)
    }

    // MARK: Cache headers on static resources: any invalid → C

    @Test(arguments: [
        (CacheHeaders(), "no Cache-Control, no Expires"),
        (CacheHeaders(cacheControl: "no-cache"), "Cache-Control: no-cache"),
        (CacheHeaders(cacheControl: "private, no-store"), "Cache-Control: no-store"),
        (CacheHeaders(cacheControl: "max-age=0"), "Cache-Control: max-age=0"),
        (CacheHeaders(cacheControl: "public, max-age=0, must-revalidate"), "Cache-Control: max-age=0"),
        (CacheHeaders(expires: "Wed, 21 Oct 2015 07:28:00 GMT"), "Expires in the past: Wed, 21 Oct 2015 07:28:00 GMT"),
        (CacheHeaders(expires: "0"), "Expires in the past: 0"),
        (CacheHeaders(cacheControl: "max-age=0", expires: "Wed, 21 Oct 2099 07:28:00 GMT"), "Cache-Control: max-age=0"),
    ])
    func invalidCacheHeaders(cache: CacheHeaders, reason: String) {
        let r = F.result("cache-headers", [F.request("/a.png", contentType: "image/png", cache: cache)])
        #expect(r.level == .C)
        #expect(r.measured == 1)
        #expect(r.offendingRequests.map(\.detail) == [reason])
    }

    @Test(arguments: [
        CacheHeaders(cacheControl: "public, max-age=31536000"),
        CacheHeaders(cacheControl: "max-age=60", expires: "Wed, 21 Oct 2015 07:28:00 GMT"),  // max-age wins
        CacheHeaders(expires: "Wed, 21 Oct 2099 07:28:00 GMT"),
        CacheHeaders(expires: "Thursday, 01-Jan-26 00:00:00 GMT"),  // RFC 850 form
        CacheHeaders(expires: "Thu Jan  1 00:00:00 2026"),  // asctime form
        CacheHeaders(cacheControl: "public"),  // no forbidding directive: valid, as GreenIT-Analysis
        CacheHeaders(cacheControl: "immutable, max-age=600"),
    ])
    func validCacheHeaders(cache: CacheHeaders) {
        let r = F.result("cache-headers", [F.request("/a.png", contentType: "image/png", cache: cache)])
        #expect(r.level == .A, "\(cache)")
        #expect(r.measured == 0)
    }

    @Test func expiresIsJudgedAgainstTheRunStart() {
        let cache = CacheHeaders(expires: "Wed, 01 Jan 2025 00:00:01 GMT")
        let requests = [F.request("/a.png", cache: cache)]
        #expect(F.result("cache-headers", requests).level == .A)
        let later = F.profile([F.page(runs: [F.run(requests, startedAt: F.start.addingTimeInterval(1))])])
        #expect(F.result("cache-headers", later).level == .C)
    }

    @Test func onlySuccessfulStaticResourcesAreJudged() {
        let none = CacheHeaders()
        let r = F.result("cache-headers", [
            F.document(),  // a document, not static
            F.request("/api", type: .fetch, contentType: "application/json", cache: none),
            F.request("/gone.png", status: 404, cache: none),
            F.request("/moved.png", status: 301, cache: none, redirect: "/a.png"),
            F.request("/a.png", cache: none),
            F.request("/s.js", type: .script, contentType: "text/javascript", encoding: "br", cache: none),
            F.request("/f.woff2", type: .font, contentType: "font/woff2", cache: none),
            F.css("/c.css").withCache(none),
        ])
        #expect(r.offendingRequests.map(\.url).map { $0.replacingOccurrences(of: F.origin, with: "") }
            == ["/a.png", "/s.js", "/f.woff2", "/c.css"])
    }

    @Test func savingIsWhatARepeatViewFetchesAgain() {
        let r = F.result("cache-headers", [
            F.request("/full.png", body: 5000, header: 200, cache: CacheHeaders()),
            F.request("/revalidated.png", body: 5000, header: 200, cache: CacheHeaders(etag: "\"x\"")),
            F.request("/lm.png", body: 5000, header: 150, cache: CacheHeaders(lastModified: "Mon, 01 Jan 2024 00:00:00 GMT")),
            F.request("/nostore.png", body: 5000, header: 200, cache: CacheHeaders(cacheControl: "no-store", etag: "\"x\"")),
        ])
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [5200, 200, 150, 5200])
        #expect(r.estimatedSavingRequests == 4)
        let recommendation = F.practices.recommendations(F.profile([F.page([
            F.request("/full.png", cache: CacheHeaders()),
        ])])).first { $0.id == "cache-headers" }
        #expect(recommendation?.savingBasis == .repeatView)
    }

    // MARK: Redirects: > 1 → C

    @Test func oneRedirectIsTolerated() {
        let r = F.result("redirects", [
            F.request("/start", type: .document, status: 301, body: 0, contentType: nil, redirect: "/"),
            F.document(),
        ])
        #expect(r.measured == 1)
        #expect(r.level == .A)
        #expect(r.chains == [[F.origin + "/start", F.origin + "/"]])
    }

    @Test func chainsAreNamedHopByHopEvenWhenInterleaved() {
        let r = F.result("redirects", [
            F.request("/start", type: .document, status: 301, body: 0, header: 80, contentType: nil, redirect: "/"),
            F.document(),
            F.request("/img/old.jpg", status: 301, body: 0, header: 90, contentType: nil, redirect: "/img/v2.jpg"),
            F.request("/a.png"),
            F.request("/img/v2.jpg", status: 302, body: 0, header: 70, contentType: nil, redirect: "/img/hero.jpg"),
            F.request("/img/hero.jpg", contentType: "image/jpeg"),
            F.request("/x", status: 307, body: 0, header: 60, contentType: nil, redirect: "https://cdn.example.net/x"),
        ])
        #expect(r.measured == 4)
        #expect(r.level == .C)
        let o = F.origin
        #expect(r.chains == [[o + "/start", o + "/"], [o + "/img/old.jpg", o + "/img/v2.jpg", o + "/img/hero.jpg"],
                             [o + "/x", "https://cdn.example.net/x"]])
        #expect(r.estimatedSavingBytes == 80 + 90 + 70 + 60)
        #expect(r.estimatedSavingRequests == 4)
        #expect(r.offendingRequests.map(\.detail) == ["301 → \(o)/", "301 → \(o)/img/v2.jpg",
                                                      "302 → \(o)/img/hero.jpg", "307 → https://cdn.example.net/x"])
    }

    @Test func aRedirectLoopEndsTheChain() {
        let chains = BestPractices.redirectChains([
            F.request("/a", status: 302, redirect: "/b"), F.request("/b", status: 302, redirect: "/a"),
        ])
        #expect(chains == [[F.origin + "/a", F.origin + "/b", F.origin + "/a"]])
    }

    // MARK: HTTP errors: any → C

    @Test func errorsAndTransportFailures() {
        #expect(F.result("http-errors", [F.document(), F.request("/a.png")]).level == .A)
        let r = F.result("http-errors", [
            F.document(),
            F.request("/missing.js", type: .script, status: 404, body: 14, header: 87, contentType: "text/plain"),
            F.request("/boom.css", type: .stylesheet, status: 500, body: 26, header: 99, contentType: "text/plain"),
            F.request("/slow.png", status: nil, version: nil, body: 0, header: 0, contentType: nil,
                      error: RequestError(code: "timeout", message: "Timeout was reached")),
            F.request("/teapot", status: 399),
        ])
        #expect(r.measured == 3)
        #expect(r.level == .C)
        #expect(r.offendingRequests.map(\.detail) == ["status 404", "status 500", "error timeout: Timeout was reached"])
        #expect(r.estimatedSavingBytes == 101 + 125)
        #expect(r.estimatedSavingRequests == 3)
    }

    // MARK: HTTP/1.x: any → C

    @Test func http1() {
        #expect(F.result("http1", [F.document(), F.request("/a.png", version: "HTTP/3")]).level == .A)
        let r = F.result("http1", [F.document(), F.request("/a.png", version: "HTTP/1.1"),
                                   F.request("/b.png", version: "HTTP/1.0"),
                                   F.request("/c.png", status: nil, version: nil,
                                             error: RequestError(code: "connect", message: "refused"))])
        #expect(r.measured == 2)
        #expect(r.level == .C)
        #expect(r.offendingRequests.map(\.detail) == ["HTTP/1.1", "HTTP/1.0"])
        #expect(r.estimatedSavingBytes == 0)
    }
}

extension RequestRecord {
    func withCache(_ cache: CacheHeaders) -> RequestRecord {
        var copy = self
        copy.cache = cache
        return copy
    }
}
