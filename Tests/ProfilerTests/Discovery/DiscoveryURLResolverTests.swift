import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: URL resolution")
struct DiscoveryURLResolverTests {
    private func resolve(_ reference: String, _ base: String = "https://example.com/dir/page.html") -> String? {
        DiscoveryTestSupport.resolve(reference, base)
    }

    @Test func relativeForms() {
        #expect(resolve("a.png") == "https://example.com/dir/a.png")
        #expect(resolve("../a.png") == "https://example.com/a.png")
        #expect(resolve("/a/./b/../c.png") == "https://example.com/a/c.png")
        #expect(resolve("//cdn.example.org/x.js") == "https://cdn.example.org/x.js")
        #expect(resolve("?v=2") == "https://example.com/dir/page.html?v=2")
        #expect(resolve("https://EXAMPLE.com:443") == "https://example.com/")
        #expect(resolve("http://example.com:80/x") == "http://example.com/x")
        #expect(resolve("http://example.com:8080/x") == "http://example.com:8080/x")
        #expect(resolve("HTTPS://Example.COM/Path") == "https://example.com/Path")
    }

    @Test func whitespaceIsCleaned() {
        #expect(resolve("  \n a.png \t ") == "https://example.com/dir/a.png")
        #expect(resolve("im\nage\t.png") == "https://example.com/dir/image.png")
        #expect(resolve("a b.png") == "https://example.com/dir/a%20b.png")
    }

    @Test func fragmentsAreDropped() {
        #expect(resolve("sprite.svg#icon") == "https://example.com/dir/sprite.svg")
        #expect(resolve("#icon") == nil)
        #expect(resolve("#") == nil)
        #expect(resolve("") == nil)
        #expect(resolve("   ") == nil)
    }

    @Test func unicodeIsPercentEncodedAsUTF8() {
        #expect(resolve("/images/été.png") == "https://example.com/images/%C3%A9t%C3%A9.png")
        #expect(resolve("日本.jpg?q=ü") == "https://example.com/dir/%E6%97%A5%E6%9C%AC.jpg?q=%C3%BC")
        #expect(resolve("/already%20encoded.png") == "https://example.com/already%20encoded.png")
        #expect(resolve("/a|b{c}.png") == "https://example.com/a%7Cb%7Bc%7D.png")
    }

    @Test func otherSchemesGiveNil() {
        for reference in ["data:image/png;base64,AA", "javascript:void(0)", "about:blank", "mailto:a@example.com",
                          "blob:https://example.com/uuid", "tel:+331", "ftp://example.com/f", "file:///etc/passwd",
                          " DATA:,x", "chrome://settings"] {
            #expect(resolve(reference) == nil, "\(reference)")
        }
    }

    @Test func backslashesAndSchemeQuirks() {
        #expect(resolve("\\\\cdn.example.org\\x.js") == "https://cdn.example.org/x.js")
        #expect(resolve("img\\a.png") == "https://example.com/dir/img/a.png")
        #expect(resolve("https:foo.png") == "https://example.com/dir/foo.png")  // same scheme: relative
        #expect(resolve("http:other.example/x") == "http://other.example/x")
    }

    @Test func internationalDomainNames() {
        #expect(resolve("https://bücher.example/x") == "https://xn--bcher-kva.example/x")
    }
}
