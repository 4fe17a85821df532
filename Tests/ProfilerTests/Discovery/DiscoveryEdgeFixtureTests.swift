import Foundation
import Model
import Testing
@testable import Profiler

/// Scans `Fixtures/sites/edge/index.html` from disk the way the profiler crawls a page (document,
/// then stylesheets and frames recursively, then `/favicon.ico` if no icon is declared) and compares
/// with the hand-derived, Chromium-checked `Fixtures/sites/edge/EXPECTED.md`.
@Suite("Discovery: edge fixture")
struct DiscoveryEdgeFixtureTests {
    static let siteRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites")
    static let edge = siteRoot.appendingPathComponent("edge")
    static let available = FileManager.default.fileExists(atPath: edge.appendingPathComponent("index.html").path)
        && FileManager.default.fileExists(atPath: edge.appendingPathComponent("EXPECTED.md").path)

    private let origin = "http://127.0.0.1:8080"

    /// The file a fixture URL maps to (`/edge/` → `edge/index.html`).
    private func file(for url: URL) -> URL {
        // `URL.path` drops a trailing slash: decode the components' path instead.
        let encoded = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
        var path = encoded.removingPercentEncoding ?? encoded
        if path.hasSuffix("/") { path += "index.html" }
        return DiscoveryEdgeFixtureTests.siteRoot.appendingPathComponent(String(path.dropFirst()))
    }

    private func crawl() throws -> (requests: [URL], domElements: Int) {
        let documentURL = URL(string: origin + "/edge/")!
        var requests: [URL] = [documentURL]
        var seen: Set<URL> = [documentURL]
        var pending: [(URL, ResourceType, Int)] = []
        func enqueue(_ resources: [DiscoveredResource], depth: Int) {
            for resource in resources where seen.insert(resource.url).inserted {
                requests.append(resource.url)
                pending.append((resource.url, resource.type, depth))
            }
        }
        let top = HTMLDiscovery.scan(Array(try Data(contentsOf: file(for: documentURL))), documentURL: documentURL, charset: nil)
        enqueue(top.resources, depth: 0)
        if !top.declaresIcon { enqueue([DiscoveredResource(url: URL(string: origin + "/favicon.ico")!, type: .image)], depth: 0) }
        while !pending.isEmpty {
            let (url, type, depth) = pending.removeFirst()
            switch type {
            case .stylesheet:
                let text = String(decoding: try Data(contentsOf: file(for: url)), as: UTF8.self)
                enqueue(CSSDiscovery.scan(text, baseURL: url), depth: depth)
            case .document where depth < 3:
                let frame = HTMLDiscovery.scan(Array(try Data(contentsOf: file(for: url))), documentURL: url, charset: nil)
                enqueue(frame.resources, depth: depth + 1)
            default:
                break
            }
        }
        return (requests, top.domElements)
    }

    /// The request paths of EXPECTED.md's summary block, and its DOM count.
    private func expected() throws -> (paths: [String], domElements: Int?) {
        let text = try String(contentsOf: DiscoveryEdgeFixtureTests.edge.appendingPathComponent("EXPECTED.md"), encoding: .utf8)
        var paths: [String] = []
        var inBlock = false
        var afterSummary = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## Summary") { afterSummary = true; continue }
            guard afterSummary else { continue }
            if line.hasPrefix("```") {
                if inBlock { break }
                inBlock = true
                continue
            }
            if inBlock, line.hasPrefix("/") { paths.append(line.trimmingCharacters(in: .whitespaces)) }
        }
        var domElements: Int?
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("DOM elements") }),
           let start = line.range(of: "**") {
            domElements = Int(line[start.upperBound...].prefix { $0.isNumber })
        }
        return (paths, domElements)
    }

    @Test(.enabled(if: DiscoveryEdgeFixtureTests.available, "Fixtures/sites/edge is not there yet"))
    func requestsMatchExpected() throws {
        let (requests, _) = try crawl()
        let found = requests.map { URLComponents(url: $0, resolvingAgainstBaseURL: false)!.percentEncodedPath }
        let (paths, _) = try expected()
        #expect(!paths.isEmpty)
        #expect(Set(found).subtracting(paths).sorted() == [], "found but not expected")
        #expect(Set(paths).subtracting(found).sorted() == [], "expected but not found")
        #expect(found.count == paths.count)
    }

    @Test(.enabled(if: DiscoveryEdgeFixtureTests.available, "Fixtures/sites/edge is not there yet"))
    func domCountMatchesExpected() throws {
        let (_, domElements) = try crawl()
        let expectedCount = try #require(try expected().domElements)
        #expect(domElements == expectedCount)
    }

    @Test(.enabled(if: DiscoveryEdgeFixtureTests.available, "Fixtures/sites/edge is not there yet"))
    func documentLevelFacts() throws {
        let url = URL(string: origin + "/edge/")!
        let scan = HTMLDiscovery.scan(Array(try Data(contentsOf: file(for: url))), documentURL: url, charset: nil)
        #expect(scan.title == "Edge cases · Linden Health Centre")
        #expect(scan.baseURL.absoluteString == origin + "/edge/sub/")
        #expect(scan.declaresIcon)
        let types = Dictionary(scan.resources.map { ($0.url.lastPathComponent, $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(types["linden-sans.woff2"] == .font)
        #expect(types["util.mjs"] == .script)
        #expect(types["site.webmanifest"] == .other)
        #expect(types["frame.html"] == .document)
        #expect(types["intro.mp4"] == .media)
        #expect(types["intro.en.vtt"] == .other)
        #expect(types["a.css"] == .stylesheet)
    }
}
