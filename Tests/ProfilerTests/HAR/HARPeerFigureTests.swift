import Foundation
import Model
import Testing
@testable import Profiler

/// The figures sitespeed.io's pagexray asserts on the same HAR files (`shared/data/har/README.md`), as the
/// importer reproduces them — or, where Ecoscore's definition differs, what it gives instead and why.
@Suite("HAR: the peer's figures on real browser recordings")
struct HARPeerFigureTests {
    private func firstRun(_ file: String) throws -> PageRun {
        let profile = try HARTestSupport.importShared(file)
        let page = try #require(profile.pages.first)
        return try #require(page.runs.first)
    }

    /// Document redirects: the redirect hops of the navigation chain (depth 0).
    private func documentRedirects(_ run: PageRun) -> Int {
        run.requests.count { $0.depth == 0 && $0.resourceType == .document && $0.redirectURL != nil }
    }

    @Test func requestsPerPage() throws {
        let profile = try HARTestSupport.importShared("requests--expressen.har")
        #expect(profile.source == "har")
        #expect(profile.pages.map { $0.runs.count } == [1, 1, 1])
        #expect(profile.pages.map { $0.runs[0].totals.requests } == [202, 203, 202])
        #expect(profile.pages.map { Int($0.summary.requests.median) } == [202, 203, 202])
    }

    @Test func allSizes() throws {
        let run = try firstRun("size--allSizes.har")
        // The peer's "transfer size" is the sum of response.bodySize (Chrome's encoded body).
        #expect(run.requests.reduce(0) { $0 + ($1.bodyBytes ?? 0) } == 102_069)
        // Its "content size": content.size (all known here).
        #expect(run.requests.reduce(0) { $0 + ($1.decodedBytes ?? 0) } == 102_069)
        #expect(run.totals.decodedBytes == 102_069)
        // Its "header size": the sum of max(headersSize, 0).
        #expect(run.requests.reduce(0) { $0 + ($1.headerBytes ?? 0) } == 6480)
        // Ecoscore's transfer bytes are headers + body (what the server sent): 6480 + 102069. This recording
        // has no `_transferSize`, and every size is known.
        #expect(run.totals.transferBytes == 108_549)
        #expect(HARImporter.requestsWithUnknownSize(in: run) == 0)
    }

    @Test func firefoxMinusOneContentSize() throws {
        let run = try firstRun("size--minusSizeForContentFirefox.har")
        // Firefox wrote content.size = -1 for every response. The peer then takes bodySize as the content size
        // (44502 in all), even for gzip bodies. Ecoscore only does so when the body was not content-encoded,
        // since then the body is the decoded content: the five unencoded bodies (11820 + 416 + 592 + 923 + 35);
        // the five gzip ones stay unknown (nil) rather than reporting compressed bytes as decoded bytes.
        #expect(run.totals.decodedBytes > 0)
        #expect(run.totals.decodedBytes == 13_786)
        #expect(run.requests.count { $0.decodedBytes == nil } == 5)
        #expect(run.requests.allSatisfy { $0.decodedBytes != nil || $0.contentEncoding == "gzip" })
        #expect(run.requests.reduce(0) { $0 + ($1.bodyBytes ?? 0) } == 44_502)
    }

    @Test func contentTypesLinkedIn() throws {
        let counts = HARTestSupport.peerContentTypeCounts(try firstRun("contentTypes--linkedin.har"))
        #expect(counts["html"] == 1)
        #expect(counts["javascript"] == 8)
        #expect(counts["css"] == 2)
        #expect(counts["image"] == 5)
        #expect(counts["xml"] == 1)
        #expect(counts["favicon", default: 0] == 0)
    }

    @Test func contentTypesAftonbladet() throws {
        let run = try firstRun("contentTypes--aftonbladet.se.har")
        let counts = HARTestSupport.peerContentTypeCounts(run)
        #expect(counts == [
            "html": 8, "javascript": 31, "css": 4, "image": 94, "font": 3, "json": 3, "svg": 2, "plain": 2,
            "favicon": 1, "xml": 1, "other": 21,
        ])
        // And Ecoscore's own resource types, from the MIME type (a WebPageTest HAR has no `_resourceType`).
        #expect(run.totals.requests == 175)
        #expect(run.totals.byType["stylesheet"]?.requests == 4)
        #expect(run.totals.byType["script"]?.requests == 31)
    }

    @Test func redirectToHTTPS() throws {
        let profile = try HARTestSupport.importShared("redirect--www.sitespeed.io-redirecting-to-https.har")
        let run = try #require(profile.pages.first?.runs.first)
        #expect(run.finalURL == "https://www.sitespeed.io/")
        #expect(documentRedirects(run) == 1)
        #expect(profile.pages.first?.url == "http://www.sitespeed.io/")
        #expect(run.requests[1].discovery == .redirect)
        #expect(run.requests[1].initiator == "http://www.sitespeed.io/")
        // WebPageTest's repeat view is a second HAR page.
        #expect(profile.pages.count == 2)
        #expect(profile.pages[1].name == "Run 1, Repeat View for http://www.sitespeed.io")
    }

    @Test func redirectChainArcelorMittal() throws {
        let run = try firstRun("redirect--arcelormittal.com.har")
        #expect(run.finalURL == "http://m.corporate.arcelormittal.com/")
        #expect(documentRedirects(run) == 4)
        // The chain goes through a redirect to the same URL, and a Location without a path.
        let chain = run.requests.filter { $0.depth == 0 }.map(\.url)
        #expect(chain == [
            "http://www.arcelormittal.com/", "https://www.arcelormittal.com/", "http://corporate.arcelormittal.com/",
            "http://corporate.arcelormittal.com/", "http://m.corporate.arcelormittal.com/",
        ])
        #expect(run.requests.first?.discovery == .navigation)
        #expect(run.totals.requests == 40)
        // chrome-har wrote `_transferSize`: it is the transfer size.
        #expect(run.totals.transferBytes == 1_080_682)
    }

    @Test func redirectChainEtatLu() throws {
        let run = try firstRun("redirect--www.etat.lu.har")
        #expect(run.finalURL == "http://www.etat.public.lu/fr/index.php")
        #expect(documentRedirects(run) == 2)
        #expect(run.requests[0].redirectURL == "http://www.etat.public.lu/")
        #expect(run.error == nil)
    }

    @Test func requestsPerDomain() throws {
        let run = try firstRun("domains--run.sitespeed.io.har")
        #expect(run.totals.byDomain["run.sitespeed.io"]?.requests == 8)
        #expect(run.totals.byDomain["www.google-analytics.com"]?.requests == 2)
        #expect(run.totals.byDomain.count == 2)
        // WebInspector wrote -1 for every headersSize and bodySize, and `_transferSize`.
        #expect(run.totals.transferBytes == 49_340)
        #expect(HARImporter.requestsWithUnknownSize(in: run) == 10)
        #expect(run.requests.allSatisfy { $0.headerBytes == nil && $0.bodyBytes == nil && $0.httpVersion == nil })
    }

    @Test func httpVersions() throws {
        // The peer says "HTTP/2.0"; Ecoscore's profile spells HTTP/2 "HTTP/2", as libcurl's figures are spelt.
        let h2 = try firstRun("http--http2-chrome.har")
        #expect(h2.requests.first { $0.url == h2.finalURL }?.httpVersion == "HTTP/2")
        #expect(h2.requests.allSatisfy { $0.httpVersion == "HTTP/2" })
        let h1 = try firstRun("http--http1.1-firefox.har")
        #expect(h1.requests.first { $0.url == h1.finalURL }?.httpVersion == "HTTP/1.1")
    }

    @Test func everyFileImportsWithoutPageErrors() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HARTestSupport.sharedHAR.path)
            .filter { $0.hasSuffix(".har") }.sorted()
        #expect(files.count == 11)
        for file in files {
            let profile = try HARTestSupport.importShared(file)
            for page in profile.pages {
                let run = page.runs[0]
                #expect(run.error == nil, "\(file) \(page.name ?? page.url)")
                #expect(run.domElements == nil && run.ecoindex == nil)
                #expect(run.requests.filter { $0.discovery == .navigation }.count == 1, "\(file)")
                #expect(run.requests.allSatisfy { ($0.timings.startMs ?? 0) >= 0 }, "\(file)")
                #expect(run.durationMs > 0, "\(file)")
            }
        }
    }
}
