import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: CSS")
struct DiscoveryCSSTests {
    private func css(_ text: String) -> [String] { DiscoveryTestSupport.css(text) }

    @Test func commentsHideURLs() {
        #expect(css("/* background: url(commented.png); @import 'c.css'; */ a { color: red } /* unterminated url(x.png)").isEmpty)
        #expect(css("a { background: /* url(no.png) */ url(yes.png) }") == ["image https://cdn.example.com/css/yes.png"])
    }

    @Test func quotedAndUnquotedURLs() {
        let text = """
        .a { background: url(plain.png) }
        .b { background: url( "double.png" ) }
        .c { background: url('single.png') }
        .d { background: URL(  spaced.png  ) }
        .e { background: url(../img/up.png) }
        .f { background: url(/root.png) }
        .g { background: url(//other.example/p.png) }
        .h { background: url(with space.png) }
        .i { background: url(paren\\).png) }
        """
        #expect(css(text) == [
            "image https://cdn.example.com/css/plain.png",
            "image https://cdn.example.com/css/double.png",
            "image https://cdn.example.com/css/single.png",
            "image https://cdn.example.com/css/spaced.png",
            "image https://cdn.example.com/img/up.png",
            "image https://cdn.example.com/root.png",
            "image https://other.example/p.png",
            "image https://cdn.example.com/css/paren).png",
        ])
    }

    @Test func escapedQuotesInStrings() {
        let text = #"""
        .a { background: url("quo\"te.png") }
        .b { background: url('it\'s.png') }
        .c { content: "url(not-a-url.png)"; background: url("\66 ile.png") }
        """#
        #expect(css(text) == [
            "image https://cdn.example.com/css/quo%22te.png",
            "image https://cdn.example.com/css/it's.png",
            "image https://cdn.example.com/css/file.png",
        ])
    }

    @Test func importBothForms() {
        let text = """
        @charset "utf-8";
        @import "a.css";
        @import url(b.css) screen;
        @import url("c.css") layer(base) supports(display: grid) print;
        @import 'd.css' (min-width: 800px);
        @layer reset;
        @import "e.css";
        body { margin: 0 }
        @import "too-late.css";
        @media screen { @import "nested.css"; }
        """
        #expect(css(text) == [
            "stylesheet https://cdn.example.com/css/a.css",
            "stylesheet https://cdn.example.com/css/b.css",
            "stylesheet https://cdn.example.com/css/c.css",
            "stylesheet https://cdn.example.com/css/d.css",
            "stylesheet https://cdn.example.com/css/e.css",
        ])
    }

    @Test func fontFaceFirstSupportedFormat() {
        let text = """
        @font-face {
          font-family: "Legacy";
          src: url(legacy.eot);
          src: local("Legacy Sans"), url('legacy.eot?#iefix') format('embedded-opentype'),
               url(legacy.svg#font) format("svg"), url(legacy.woff2) format("woff2"), url(legacy.woff) format("woff");
        }
        @font-face { font-family: B; src: url(b.woff) format(woff), url(b.ttf) format("truetype") }
        @font-face { font-family: C; src: url(c.otf) }
        @font-face { font-family: D; src: url(data:font/woff2;base64,AAAA) format("woff2"), url(d.woff) format("woff") }
        @font-face { font-family: E; src: url(e.woff2) format("woff2") tech(color-svg), url(e.ttf) format("truetype") }
        """
        #expect(css(text) == [
            "font https://cdn.example.com/css/legacy.woff2",
            "font https://cdn.example.com/css/b.woff",
            "font https://cdn.example.com/css/c.otf",
            "font https://cdn.example.com/css/e.ttf",
        ])
    }

    @Test func nestedRulesAndOtherAtRules() {
        let text = """
        @namespace svg url(http://www.w3.org/2000/svg);
        @media (min-width: 600px) { .hero { background-image: url(hero-wide.jpg) } }
        @supports (display: grid) { @media print { .p { background: url(print.png) } } }
        @keyframes spin { from { background: url(frame1.png) } }
        .card { &:hover { background: url(hover.png) } }
        .x { cursor: url(cursor.cur), auto; filter: url(#blur); mask: url(masks.svg#m) }
        """
        #expect(css(text) == [
            "image https://cdn.example.com/css/hero-wide.jpg",
            "image https://cdn.example.com/css/print.png",
            "image https://cdn.example.com/css/frame1.png",
            "image https://cdn.example.com/css/hover.png",
            "image https://cdn.example.com/css/cursor.cur",
            "image https://cdn.example.com/css/masks.svg",
        ])
    }

    @Test func imageSetPicksOneOption() {
        let text = """
        .a { background-image: image-set("a-1x.png" 1x, "a-2x.png" 2x) }
        .b { background-image: -webkit-image-set(url(b-2x.png) 2x, url(b-1x.png) 1x) }
        .c { background-image: image-set("c.avif" type("image/avif"), "c.jxl" type("image/jxl") 0.5x) }
        .d { background-image: image-set(url(d-2x.png) 2x) }
        """
        #expect(css(text) == [
            "image https://cdn.example.com/css/a-1x.png",
            "image https://cdn.example.com/css/b-1x.png",
            "image https://cdn.example.com/css/c.avif",
            "image https://cdn.example.com/css/d-2x.png",
        ])
    }

    @Test func dataURIsAndBadURLsAreSkipped() {
        let text = """
        .a { background: url(data:image/png;base64,iVBOR) }
        .b { background: url("data:image/svg+xml,%3Csvg%3E") }
        .c { background: url(bad"url.png) }
        .d { background: url() }
        """
        #expect(css(text).isEmpty)
    }

    @Test func declarationsOfAStyleAttribute() {
        let found = CSSDiscovery.scanDeclarations("background: url(a.png); --x: url('b.png')",
                                                  baseURL: DiscoveryTestSupport.pageURL)
        #expect(DiscoveryTestSupport.listing(found) == [
            "image https://example.com/dir/a.png",
            "image https://example.com/dir/b.png",
        ])
    }

    @Test func stylesheetBytesAreDecodedPerCSSRules() {
        let base = URL(string: "https://example.com/css/s.css")!
        let latin1: [UInt8] = Array("@charset \"iso-8859-1\";\na { background: url(caf".utf8) + [0xE9] + Array(".png) }".utf8)
        #expect(DiscoveryTestSupport.listing(CSSDiscovery.scan(latin1, baseURL: base, charset: nil))
            == ["image https://example.com/css/caf%C3%A9.png"])
        let utf8: [UInt8] = Array("a { background: url(café.png) }".utf8)
        #expect(DiscoveryTestSupport.listing(CSSDiscovery.scan(utf8, baseURL: base, charset: nil))
            == ["image https://example.com/css/caf%C3%A9.png"])
        // Content-Type wins over @charset.
        let declared: [UInt8] = Array("@charset \"utf-8\"; a { background: url(x".utf8) + [0xE9] + Array(".png) }".utf8)
        #expect(DiscoveryTestSupport.listing(CSSDiscovery.scan(declared, baseURL: base, charset: "windows-1252"))
            == ["image https://example.com/css/x%C3%A9.png"])
    }

    @Test func tokenizerTokens() {
        let tokens = CSSTokenizer.tokenize("@import url( x.css );a{b:-1.5e2px 50% #id 'q\\'s'}<!-- -->")
        #expect(tokens == [
            .atKeyword("import"), .whitespace, .url("x.css"), .semicolon, .ident("a"), .openCurly, .ident("b"), .colon,
            .dimension(-150, unit: "px"), .whitespace, .percentage(50), .whitespace, .hash("id"), .whitespace,
            .string("q's"), .closeCurly, .cdo, .whitespace, .cdc,
        ])
    }

    @Test func hostileCSSDoesNotCrash() {
        let deep = String(repeating: "a{", count: 20_000) + "background:url(deep.png)" + String(repeating: "(", count: 20_000)
        #expect(css(deep).count <= 1)
        let deepMedia = String(repeating: "@media screen{", count: 20_000) + "a{background:url(m.png)}"
        #expect(css(deepMedia) == ["image https://cdn.example.com/css/m.png"])
        let unterminated = "a { background: url(\"never-closed.png"
        #expect(css(unterminated) == ["image https://cdn.example.com/css/never-closed.png"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4000).map { _ in UInt8.random(in: 0...127, using: &generator) }
            _ = CSSDiscovery.scan(String(decoding: bytes, as: UTF8.self), baseURL: DiscoveryTestSupport.pageURL)
        }
    }
}
