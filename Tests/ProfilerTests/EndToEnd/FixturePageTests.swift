import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

/// Profiles each fixture page with real libcurl against the real fixture server and checks the profile
/// against what the server says it sent (its access log) and what the files on disk hold.
@Suite(.serialized) struct FixturePageTests {
    static let pages = ["/lean/", "/lean/about.html", "/bloated/start", "/edge/"]

    /// Loads `path` once with a fresh access log; returns the run and the log of exactly that load.
    static func load(_ path: String, options: FetchOptions = FetchOptions()) throws -> (PageRun, [AccessLogEntry], FixtureServer) {
        let server = FixtureServer()
        try server.start()
        server.resetAccessLog()
        let page = PageProfiler(options: options).profile([server.url(path)], runs: 1, concurrency: 1)[0]
        return (page.runs[0], server.accessLog(), server)
    }

    @Test(arguments: pages)
    func requestCountAndTransferBytesEqualWhatTheServerSent(path: String) throws {
        let (run, log, server) = try Self.load(path)
        defer { server.stop() }
        #expect(run.error == nil, "\(run.error?.message ?? "")")
        #expect(run.totals.requests == log.count)
        #expect(run.totals.transferBytes == log.reduce(0) { $0 + $1.bytesSent })
        // Request by request, matched on the request-target the server received.
        var unmatched = log
        for record in run.requests {
            let target = Self.requestTarget(record.url)
            guard let i = unmatched.firstIndex(where: { $0.path == target }) else {
                Issue.record("\(record.url) is not in the server's log")
                continue
            }
            let entry = unmatched.remove(at: i)
            #expect(record.transferBytes == entry.bytesSent, "\(target)")
            #expect(record.headerBytes == entry.headerBytes, "\(target)")
            #expect(record.bodyBytes == entry.bodyBytes, "\(target)")
            #expect(record.status == entry.status, "\(target)")
            #expect(record.contentEncoding == entry.contentEncoding, "\(target)")
        }
        #expect(unmatched.isEmpty, "the server sent responses the profile does not show: \(unmatched.map(\.path))")
    }

    @Test(arguments: pages)
    func decodedBytesEqualTheFilesSizes(path: String) throws {
        let (run, _, server) = try Self.load(path)
        defer { server.stop() }
        for record in run.requests where record.status == 200 {
            let file = Self.file(for: record.url, in: server.root)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
            #expect(record.decodedBytes == size, "\(record.url) → \(file.path)")
        }
        #expect(run.totals.decodedBytes == run.requests.reduce(0) { $0 + ($1.decodedBytes ?? 0) })
    }

    /// Figures headless Chromium produced for the same pages (1920 px, DPR 1): requests the server received and
    /// `document.getElementsByTagName('*')` minus the descendants of `<svg>`. See Fixtures/sites/edge/EXPECTED.md.
    @Test(arguments: [("/lean/", 5, 58), ("/bloated/start", 28, 948), ("/edge/", 26, 58)])
    func matchesWhatABrowserDid(path: String, requests: Int, dom: Int) throws {
        let (run, _, server) = try Self.load(path)
        defer { server.stop() }
        #expect(run.totals.requests == requests)
        #expect(run.domElements == dom)
    }

    @Test func edgeRequestsAreExactlyTheExpectedList() throws {
        let expectedFile = FixtureServer.bundledSites.appendingPathComponent("edge/EXPECTED.md")
        let text = try String(contentsOf: expectedFile, encoding: .utf8)
        // The first fenced block of EXPECTED.md lists the request targets, one per line.
        let block = try #require(text.components(separatedBy: "```").dropFirst().first)
        let expected = block.split(separator: "\n").map(String.init).filter { $0.hasPrefix("/") }
        #expect(expected.count == 26)
        let (run, _, server) = try Self.load("/edge/")
        defer { server.stop() }
        #expect(Set(run.requests.map { Self.requestTarget($0.url) }) == Set(expected))
        #expect(run.requests.count == expected.count, "each URL once")
    }

    @Test func leanIsCompressedCachedAndKeepsItsCookie() throws {
        let (run, _, server) = try Self.load("/lean/")
        defer { server.stop() }
        let document = try #require(run.requests.first)
        #expect(document.resourceType == .document)
        #expect(document.contentEncoding == "br")
        #expect((document.decodedBytes ?? 0) > (document.bodyBytes ?? 0))
        #expect(document.cookieBytesSet > 0)
        #expect(document.cookieBytesSent == 0)
        let subresources = run.requests.dropFirst()
        #expect(!subresources.isEmpty)
        #expect(subresources.allSatisfy { $0.cookieBytesSent > 0 }, "the session cookie goes with every later request")
        #expect(run.requests.allSatisfy { $0.cache.cacheControl?.contains("max-age") == true })
        #expect(run.requests.allSatisfy { $0.httpVersion == "HTTP/1.1" && $0.remoteAddress?.hasPrefix("127.0.0.1:") == true })
    }

    @Test func bloatedRecordsEveryRedirectHopAndError() throws {
        let (run, _, server) = try Self.load("/bloated/start")
        defer { server.stop() }
        let first = try #require(run.requests.first)
        #expect(first.status == 301)
        #expect(first.redirectURL == server.url("/bloated/index.html").absoluteString)
        #expect(run.finalURL == server.url("/bloated/index.html").absoluteString)
        #expect(run.error == nil)
        #expect(run.requests.contains { $0.status == 404 })
        #expect(run.requests.contains { $0.status == 500 })
        #expect(run.requests.contains { $0.url.hasSuffix("/favicon.ico") && $0.discovery == .implicit })
        #expect(run.totals.redirects == run.requests.count { $0.status.map { (300..<400).contains($0) } ?? false })
        #expect(run.totals.failedRequests == run.requests.count { ($0.status ?? 0) >= 400 || $0.error != nil })
        #expect(run.requests.allSatisfy { $0.contentEncoding == nil && $0.cache.cacheControl == nil })
        #expect(run.requests.contains { $0.resourceType == .font })
    }

    @Test func typeAndDomainTotalsAddUp() throws {
        let (run, _, server) = try Self.load("/bloated/start")
        defer { server.stop() }
        let byType = run.totals.byType.values.reduce(Tally()) { Tally(requests: $0.requests + $1.requests, transferBytes: $0.transferBytes + $1.transferBytes) }
        #expect(byType.requests == run.totals.requests)
        #expect(byType.transferBytes == run.totals.transferBytes)
        #expect(run.totals.byDomain.keys.sorted() == ["127.0.0.1"])
        #expect(run.totals.byDomain["127.0.0.1"]?.transferBytes == run.totals.transferBytes)
    }

    @Test func repeatedRunsAreEachCold() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        server.resetAccessLog()
        let page = PageProfiler().profile([server.url("/lean/")], runs: 3, concurrency: 1)[0]
        #expect(page.runs.count == 3)
        let perRun = page.runs[0].totals.requests
        #expect(server.accessLog().count == 3 * perRun)
        #expect(page.summary.requests == Stat(median: Double(perRun), min: Double(perRun), max: Double(perRun), cv: 0, n: 3))
        #expect(page.runs.allSatisfy { $0.requests.first?.cookieBytesSent == 0 }, "each run starts with an empty cookie jar")
    }

    @Test func decodedBytesCapAbandonsTheResponse() throws {
        var options = FetchOptions()
        options.maxBodyBytes = 1000
        let (run, _, server) = try Self.load("/bloated/index.html", options: options)
        defer { server.stop() }
        let big = run.requests.filter { $0.error?.code == "too-large" }
        #expect(!big.isEmpty)
        #expect(big.allSatisfy { ($0.decodedBytes ?? 0) > 1000 && $0.error!.message.contains("limit") })
    }

    @Test func hostsNotNamedAreSkippedNotFetched() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-hosts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("t"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let server = FixtureServer(root: root)
        try server.start()
        defer { server.stop() }
        // The same server under another name: the page's host is 127.0.0.1, "localhost" was not named.
        let other = "http://localhost:\(server.port)/t/other.css"
        try Data("<!doctype html><link rel=icon href=i.png><link rel=stylesheet href=\"\(other)\">".utf8)
            .write(to: root.appendingPathComponent("t/index.html"))
        try Data("body{}".utf8).write(to: root.appendingPathComponent("t/other.css"))
        try Data([0x89]).write(to: root.appendingPathComponent("t/i.png"))

        server.resetAccessLog()
        let strict = PageProfiler().profile([server.url("/t/")], runs: 1, concurrency: 1)[0].runs[0]
        #expect(strict.skipped.map(\.url) == [other])
        #expect(strict.skipped.first?.reason.contains("--allow-host") == true)
        #expect(!strict.requests.contains { $0.url == other })
        #expect(server.accessLog().map(\.path).sorted() == ["/t/", "/t/i.png"])

        var options = FetchOptions()
        options.hosts = .allowList(["localhost"])
        let allowed = PageProfiler(options: options).profile([server.url("/t/")], runs: 1, concurrency: 1)[0].runs[0]
        #expect(allowed.skipped.isEmpty)
        #expect(allowed.requests.contains { $0.url == other && $0.status == 200 })
    }

    // MARK: helpers

    /// The request-target libcurl sends for a URL: its path (escapes kept) and query.
    static func requestTarget(_ url: String) -> String {
        let c = URLComponents(string: url)!
        return c.percentEncodedPath + (c.percentEncodedQuery.map { "?\($0)" } ?? "")
    }

    static func file(for url: String, in root: URL) -> URL {
        var path = URLComponents(string: url)!.path  // percent-decoded
        if path.hasSuffix("/") { path += "index.html" }
        return root.appendingPathComponent(String(path.dropFirst()))
    }
}
