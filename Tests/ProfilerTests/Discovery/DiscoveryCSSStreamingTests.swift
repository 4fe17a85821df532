import Foundation
import Testing
@testable import Profiler

/// The streaming CSS scan: preprocessing done without copies (§3.3), names cut, and blocks matched as
/// tokens arrive, each checked against what CSS Syntax defines.
@Suite("Discovery: CSS in one pass")
struct DiscoveryCSSStreamingTests {
    private func css(_ text: String) -> [String] { DiscoveryTestSupport.css(text) }

    /// §3.3: NUL is U+FFFD, CR, CRLF and FF are LF, so a sheet tokenizes as its preprocessed text does.
    @Test(arguments: [
        "a\u{0}b { c: url(x\u{0}.png) \"s\u{0}\" \\\u{0} #\u{0} @\u{0}k -\u{0} 1\u{0} }",
        "\u{0}", "\\\u{0}", "url(\u{0})", "'\u{0}", "a\r\nb\rc\u{0C}d", "'a\\\r\nb'", "'a\r\nb'", "url(a\r\n)", "\r\n\r\n\r",
        "/* \r\n */ \u{0}/**/\u{0}",
    ])
    func preprocessingIsTheSpecs(text: String) {
        let preprocessed = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0C}", with: "\n").replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        #expect(CSSTokenizer.tokenize(text) == CSSTokenizer.tokenize(preprocessed))
        #expect(CSSTokenizer.tokenize(text).contains(.delim(0)) == false)
    }

    @Test func nulInAURLIsReplacementCharacter() {
        #expect(css("a { background: url(x\u{0}y.png) }") == ["image https://cdn.example.com/css/x%EF%BF%BDy.png"])
        #expect(css("a { background: url(\"x\u{0}y.png\") }") == ["image https://cdn.example.com/css/x%EF%BF%BDy.png"])
    }

    @Test func longNamesAreCutAndMatchNoKeyword() {
        let long = String(repeating: "a", count: 10_000)
        #expect(CSSTokenizer.tokenize(long) == [.ident(String(repeating: "a", count: CSSTokenizer.maximumNameLength))])
        #expect(CSSTokenizer.tokenize("@\(long) x") == [.atKeyword(String(long.prefix(256))), .whitespace, .ident("x")])
        // A name is compared whole: "src" followed by 300 letters is not `src`, "url" + 300 letters not `url(`.
        let padding = String(repeating: "x", count: 300)
        #expect(css("@font-face { src\(padding): url(a.woff) } @font-face { src: url(b.woff) }")
            == ["font https://cdn.example.com/css/b.woff"])
        #expect(css("a { b: url\(padding)(\"c.png\") url(\"d.png\") }") == ["image https://cdn.example.com/css/d.png"])
        // Strings and URLs are not names: kept whole.
        let path = String(repeating: "p", count: 5_000)
        #expect(css("a { b: url(\(path).png) }") == ["image https://cdn.example.com/css/\(path).png"])
    }

    /// CSS Syntax §5.4: inside `(…)` only `)` closes, so a `}` there does not end the rule; an unmatched
    /// closer is an ordinary token; a block left open runs to the end of the sheet.
    @Test func blocksAreMatchedByTheirOwnCloser() {
        #expect(css("a { b: ( } url(in.png) ) } c { d: url(next.png) }") == [
            "image https://cdn.example.com/css/in.png", "image https://cdn.example.com/css/next.png",
        ])
        #expect(css("@media screen { ) ] a { b: url(m.png) } } e { f: url(e.png) }") == [
            "image https://cdn.example.com/css/m.png", "image https://cdn.example.com/css/e.png",
        ])
        #expect(css("a[x='}'] { b: url(s.png) } @import 'late.css';") == ["image https://cdn.example.com/css/s.png"])
        #expect(css("@font-face { src: url(f.woff) format(woff") == ["font https://cdn.example.com/css/f.woff"])
        #expect(css("a { b: image-set(url(one.png) 1x, url(two.png) 2x") == ["image https://cdn.example.com/css/one.png"])
    }

    @Test func stylesheetBytesWithLineBreaksAndInvalidUTF8() {
        let base = URL(string: "https://example.com/css/s.css")!
        let bytes: [UInt8] = Array("@import 'a.css';\r\na {\u{0C} b: url('x\\\r\ny.png');\r c: url(z".utf8) + [0xFF] + Array(".png) }".utf8)
        #expect(DiscoveryTestSupport.listing(CSSDiscovery.scan(bytes, baseURL: base, charset: nil)) == [
            "stylesheet https://example.com/css/a.css",
            "image https://example.com/css/xy.png",
            "image https://example.com/css/z%EF%BF%BD.png",
        ])
    }
}
