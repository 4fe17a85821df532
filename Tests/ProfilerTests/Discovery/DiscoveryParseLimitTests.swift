import Foundation
import Testing
@testable import Profiler

/// Only a prefix of a very large document is parsed (`HTMLParsedPrefix`): at most `maxParsedBytes`, at most
/// `maximumTags` tags, cut before a `<`.
@Suite("Discovery: parse limit")
struct DiscoveryParseLimitTests {
    private let url = DiscoveryTestSupport.pageURL

    /// `<img src=NNN.png>` for N in 0..<count, 17 bytes each.
    private func images(_ count: Int) -> String {
        (0..<count).map { "<img src=\(String(format: "%03d", $0)).png>" }.joined()
    }

    @Test func aDocumentWithinTheLimitIsParsedWhole() {
        let html = Array(("<title>t</title>" + images(10)).utf8)
        let scan = HTMLDiscovery.scan(html, documentURL: url, charset: "utf-8", maxParsedBytes: html.count)
        #expect(scan.unparsedBytes == 0)
        #expect(scan.resources.count == 10)
        #expect(scan.domElements == 4 + 10)  // html, head, title, body
    }

    @Test func pastTheLimitOnlyWholeTagsBeforeItAreParsed() {
        let prefix = "<title>t</title>"  // 16 bytes
        let html = Array((prefix + images(10)).utf8)
        // The fourth image is bytes 67..<84: a limit of 67 falls on its `<`, 70 and 83 inside it (cut before
        // it), 84 on the next `<` (the fourth is whole).
        for (limit, parsedImages) in [(67, 3), (70, 3), (83, 3), (84, 4)] {
            let scan = HTMLDiscovery.scan(html, documentURL: url, charset: "utf-8", maxParsedBytes: limit)
            #expect(scan.resources.map(\.url.lastPathComponent) == (0..<parsedImages).map { String(format: "%03d.png", $0) })
            #expect(scan.unparsedBytes == html.count - (16 + 17 * parsedImages), "limit \(limit)")
            #expect(scan.domElements == 4 + parsedImages)
            #expect(scan.title == "t")
        }
    }

    @Test func aLongTextIsCutOnACharacterBoundary() {
        let text = String(repeating: "é", count: 1_000)  // 2 bytes each, no `<`
        let html = Array(text.utf8)
        #expect(HTMLParsedPrefix.length(of: html, maxBytes: 101) == 100)
        #expect(HTMLParsedPrefix.length(of: html, maxBytes: 102) == 102)
        #expect(HTMLDiscovery.scan(html, documentURL: url, charset: "utf-8", maxParsedBytes: 101).unparsedBytes == 2_000 - 100)
    }

    @Test func theTagBudgetCutsBeforeTheFirstTagOverIt() {
        let html = Array(("<p>" + String(repeating: "<br>", count: 100) + "a < b").utf8)
        // Tags: <p, then 100 <br; "< b" opens no tag.
        #expect(HTMLParsedPrefix.length(of: html, maxBytes: 10_000, maximumTags: 101) == html.count)
        #expect(HTMLParsedPrefix.length(of: html, maxBytes: 10_000, maximumTags: 100) == 3 + 99 * 4)
        #expect(HTMLParsedPrefix.length(of: html, maxBytes: 10_000, maximumTags: 1) == 3)
        #expect(HTMLParsedPrefix.length(of: Array("</a><!--x--><?x>".utf8), maxBytes: 100, maximumTags: 2) == 12)
    }

    @Test func theDefaultLimitIsFourMiB() {
        #expect(HTMLDiscovery.defaultMaxParsedBytes == 4 << 20)
        #expect(FetchOptions().maxParsedHTMLBytes == 4 << 20)
        // The first image ends at 4 MiB, the second starts there.
        let html = Array((String(repeating: " ", count: (4 << 20) - 17) + images(2)).utf8)
        let scan = HTMLDiscovery.scan(html, documentURL: url, charset: "utf-8")
        #expect(scan.resources.map(\.url.lastPathComponent) == ["000.png"])
        #expect(scan.unparsedBytes == 17)
    }
}
