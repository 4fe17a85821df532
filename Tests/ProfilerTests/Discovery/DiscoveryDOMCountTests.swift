import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: DOM element count")
struct DiscoveryDOMCountTests {
    private func count(_ html: String) -> Int { DiscoveryTestSupport.scan(html).domElements }

    @Test func impliedElementsCount() {
        // html, head, body are implied.
        #expect(count("") == 3)
        #expect(count("<p>hi") == 4)
        #expect(count("<!doctype html><title>x</title><p>a<p>b") == 6)  // html head title body p p
    }

    @Test func impliedTbodyCounts() {
        // table, tbody, tr, td + html head body.
        #expect(count("<table><tr><td>x</td></tr></table>") == 3 + 4)
    }

    @Test func svgDescendantsAreExcluded() {
        let html = """
        <body><div><svg viewBox="0 0 10 10"><g><path d="M0"/><circle r="1"/></g>
        <foreignObject><div><p>x</p></div></foreignObject><svg><rect/></svg></svg></div></body>
        """
        // html head body div svg.
        #expect(count(html) == 5)
    }

    @Test func mathCountsNormally() {
        #expect(count("<math><mi>x</mi><mo>+</mo></math>") == 3 + 3)
    }

    @Test func noscriptChildrenAreText() {
        // A scripting browser parses noscript content as text: html head body noscript div = 5.
        #expect(count("<body><noscript><div><p>a</p><img src=x.png></div></noscript><div></div></body>") == 5)
        // In head, gumbo (scripting off) would move the img to body; a browser keeps it as text.
        #expect(count("<head><noscript><img src=pixel.gif></noscript></head><body></body>") == 4)
    }

    @Test func templateContentIsNotCounted() {
        #expect(count("<body><template><div><p>a</p><span>b</span></div></template><p>c</p></body>") == 5)
    }

    @Test func manyElementsAreCountedLinearly() {
        let html = String(repeating: "<div><span>a</span></div>", count: 5000)
        #expect(count(html) == 3 + 10_000)
    }
}
