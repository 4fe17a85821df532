import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: malformed input")
struct DiscoveryRobustnessTests {
    private let url = DiscoveryTestSupport.pageURL

    @Test func randomBytesDoNotCrash() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let length = Int.random(in: 0...20_000, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 2 == 0 {
                // Bias towards markup so the tree builder is exercised, not only the tokenizer.
                let pieces = ["<", ">", "</", "<div", "<table>", "<td>", "<svg>", "<template>", "<noscript>", "<img src=",
                              "<picture>", "<source srcset=", "\"", "'", "=", "<!--", "-->", "<script>", "</script>", "&amp;",
                              "<math>", "<select>", "<frameset>", "<iframe srcdoc='", "<style>@import url(", "\u{0}"]
                bytes = (0..<(length / 4)).flatMap { _ in Array(pieces.randomElement(using: &generator)!.utf8) }
            }
            let scan = HTMLDiscovery.scan(bytes, documentURL: url, charset: round % 3 == 0 ? "utf-8" : nil)
            #expect(scan.domElements >= 3)
            for resource in scan.resources {
                #expect(["http", "https"].contains(resource.url.scheme))
                #expect(resource.url.fragment == nil)
            }
        }
    }

    @Test func truncatedTagsDoNotCrash() {
        let document = """
        <!doctype html><html><head><title>T</title><link rel="stylesheet" href="a.css"><script src="b.js"></script>
        </head><body><picture><source srcset="c.webp 1x" type="image/webp"><img src="c.jpg"></picture>
        <svg><use href="s.svg#i"/></svg><video poster="p.jpg"><source src="v.mp4"></video></body></html>
        """
        let bytes = Array(document.utf8)
        for end in 0...bytes.count {
            let scan = HTMLDiscovery.scan(Array(bytes[0..<end]), documentURL: url, charset: nil)
            #expect(scan.domElements >= 3)
        }
        // The complete document finds everything.
        #expect(HTMLDiscovery.scan(bytes, documentURL: url, charset: nil).resources.count == 6)
    }

    @Test func oneMegabyteOfDivs() {
        // Siblings and shallow nesting (deep unclosed nesting is quadratic in gumbo: see below).
        let html = String(repeating: "<div><div>x</div></div>", count: 25_000) + String(repeating: "<div>y</div>", count: 40_000)
            + String(repeating: "<div>", count: 2_000)
        #expect(html.utf8.count > 1_000_000)
        let start = ContinuousClock.now
        let scan = DiscoveryTestSupport.scan(html)
        #expect(scan.domElements == 3 + 50_000 + 40_000 + 2_000)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func deepUnclosedNestingDoesNotOverflowTheStack() async {
        // gumbo's own recursive free crashes here on a small thread stack; the arena does not recurse.
        let html = String(repeating: "<div>", count: 15_000) + "<img src=deep.png>"
        let scan = await Task.detached { DiscoveryTestSupport.scan(html) }.value
        #expect(scan.domElements == 3 + 15_000 + 1)
        #expect(DiscoveryTestSupport.listing(scan.resources) == ["image https://example.com/dir/deep.png"])
    }

    @Test func hostileAttributesDoNotCrash() {
        let parens = String(repeating: "(", count: 50_000)
        let html = """
        <img srcset="\(String(repeating: "a.png 1x,", count: 10_000))" sizes="\(parens)">
        <picture><source media="\(parens)" srcset="x.png"><img src="y.png"></picture>
        <div style="background:url(\(String(repeating: "x", count: 100_000)).png)"></div>
        <iframe srcdoc="<iframe srcdoc='<iframe srcdoc=&quot;<img src=n.png>&quot;></iframe>'></iframe>"></iframe>
        """
        let scan = DiscoveryTestSupport.scan(html)
        #expect(scan.resources.count == 4)
    }
}
