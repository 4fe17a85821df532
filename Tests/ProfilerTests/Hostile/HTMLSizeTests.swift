import Foundation
import Model
import Testing
@testable import FixtureServer
@testable import Profiler

extension HostileTests {
    /// A document of `/hostile/big/page.html?mib=M` (M MiB of `<div><span>x</span></div>` between two images):
    /// gumbo's tree costs 30 to 110 times the bytes it parses, so only the first `maxParsedHTMLBytes` (4 MiB) are
    /// parsed (`HTMLParsedPrefix`); the page lists its document as skipped for that, and the rest of the profile is
    /// unaffected.
    @Suite(.timeLimit(.minutes(2)))
    struct HTMLSize {
        /// The definition of what is parsed: the page's bytes up to the last `<` at or before the limit. Its DOM
        /// count: html, head, title, link, body and the first image, plus every `<div>` and `<span>` in it.
        private static func expectedPrefix(mib: Int, limit: Int) -> (parsed: Int, domElements: Int) {
            let page = Hostile.BigMarkup.page(bytes: mib << 20)
            guard page.count > limit else { return (page.count, -1) }
            let parsed = page[...limit].lastIndex(of: UInt8(ascii: "<"))!
            let text = String(decoding: page[..<parsed], as: UTF8.self)
            return (parsed, 6 + text.components(separatedBy: "<div>").count - 1 + text.components(separatedBy: "<span>").count - 1)
        }

        @Test func aSmallerLimitParsesAPrefixAndRecordsIt() throws {
            var options = HostileSupport.options
            options.maxParsedHTMLBytes = 100_000
            let load = try HostileSupport.load("/hostile/big/page.html?mib=1", options: options)
            let run = load.run
            let expected = Self.expectedPrefix(mib: 1, limit: 100_000)
            #expect(run.error == nil)
            #expect(run.domElements == expected.domElements)
            load.expectSucceeded(["/hostile/big/page.html?mib=1", "/hostile/ok/first.png"])
            #expect(run.requests.count == 2, "the image past the limit is not discovered")
            let skipped = try #require(run.skipped.first)
            #expect(run.skipped.count == 1)
            #expect(HostileSupport.target(skipped.url) == "/hostile/big/page.html?mib=1")
            #expect(skipped.resourceType == .document)
            #expect(skipped.reason == "the last \((1 << 20) - expected.parsed) bytes of the HTML were not parsed (only the first "
                + "100000 bytes and 750,000 tags are): what they reference is not requested and the DOM count "
                + "(\(expected.domElements)) is a lower bound")
        }

        @Test func aDocumentUnderTheLimitIsParsedWhole() throws {
            let load = try HostileSupport.load("/hostile/big/page.html?mib=1")
            #expect(load.run.skipped.isEmpty)
            load.expectSucceeded(["/hostile/big/page.html?mib=1", "/hostile/ok/first.png", "/hostile/ok/last.png"])
            // 1 MiB: every unit, plus the last image.
            let units = ((1 << 20) - Hostile.BigMarkup.head.utf8.count - Hostile.BigMarkup.tail.utf8.count) / 25
            #expect(load.run.domElements == 6 + 2 * units + 1)
        }

        /// The retained-bytes cap's worth of dense markup (16 MiB, 1.3 million elements) peaked at 644 MB parsed
        /// whole. Parsed to 4 MiB it stays under 250 MB: the bound `HTMLParsedPrefix` gives the densest markup
        /// (its 750,000 tags at 200 to 300 bytes each, over a 45 MB baseline), which this page nearly reaches with
        /// 671,000 tags in its prefix.
        @Test(.enabled(if: MeasuredRun.binary != nil, "the ecoscore executable was not built"),
              .disabled(if: MeasuredRun.sanitized, "memory bounds are not measured under a sanitizer"))
        func peakMemoryOfSixteenMiBOfMarkupStaysUnder250MB() throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let path = "/hostile/big/page.html"
            let result = try MeasuredRun.profile([server.url(path).absoluteString, "--request-timeout", "30", "--page-timeout", "60"])
            let summary = try JSONDecoder().decode(MeasuredRun.Summary.self, from: result.profile)
            let run = try #require(summary.pages.first?.runs.first)
            let mb = Double(result.peakRSSBytes) / 1_000_000
            print("ecoscore profile \(path): peak RSS \(String(format: "%.1f", mb)) MB (\(result.method)), \(String(format: "%.2f", result.seconds)) s")
            #expect(result.exitStatus == 0, "\(result.stderr)")
            #expect(result.peakRSSBytes < 250_000_000, "peak RSS \(mb) MB")
            #expect(run.requests.map { HostileSupport.target($0.url) } == [path, "/hostile/ok/first.png"])
            #expect(run.requests.first?.decodedBytes == 16 << 20, "the whole document is still fetched and counted")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let profile = try decoder.decode(Profile.self, from: result.profile)
            let page = try #require(profile.pages.first?.runs.first)
            let expected = Self.expectedPrefix(mib: 16, limit: 4 << 20)
            #expect(page.domElements == expected.domElements)
            #expect(page.skipped.count == 1)
            #expect(page.skipped.first?.reason.hasPrefix("the last \((16 << 20) - expected.parsed) bytes of the HTML were not parsed") == true)
        }
    }
}
