import Testing
@testable import Check

/// Lighthouse's four path cases (budget.js `urlMatchesPattern`) and the step-name glob.
struct PathPatternTests {
    func matches(_ pattern: String, _ path: String) -> Bool { PathPattern(pattern)!.matches(path) }

    @Test func noSpecialCharacterIsAPrefix() {
        #expect(matches("/", "/anything/at/all"))
        #expect(matches("/lean", "/lean-release/index.html"))
        #expect(!matches("/lean/", "/bloated/"))
    }

    @Test func dollarMakesItExact() {
        #expect(matches("/lean/$", "/lean/"))
        #expect(!matches("/lean/$", "/lean/about.html"))
    }

    @Test func starIsAnyRunAfterThePrefix() {
        #expect(matches("/lean*.html", "/lean/about.html"))
        #expect(matches("/lean*.html", "/lean/about.html?x=1"))   // prefix match: whatever follows
        #expect(!matches("/lean*.html", "/bloated/about.html"))
        #expect(matches("/vendor*chunk", "/vendorXchunkY"))
        // The part after `*` is looked for after the part before it, never overlapping.
        #expect(!matches("/ab*b", "/ab"))
    }

    @Test func starAndDollarAnchorTheEnd() {
        #expect(matches("/lean/*.js$", "/lean/app.js"))
        #expect(!matches("/lean/*.js$", "/lean/app.js?v=2"))
        #expect(!matches("/a*a$", "/a"))
    }

    @Test func severalStarsInEcoscoreBudgets() {
        #expect(matches("/*/img/*.png$", "/lean/img/logo.png"))
        #expect(!matches("/*/img/*.png$", "/lean/css/logo.png"))
    }

    @Test func invalidPatterns() {
        #expect(PathPattern("lean/") == nil)
        #expect(PathPattern("/a$b") == nil)
    }

    @Test func pathAndQueryAsLighthouseReadsThem() {
        #expect(PathPattern.pathAndQuery(of: "http://127.0.0.1:8080/lean/about.html?x=1#top") == "/lean/about.html?x=1")
        #expect(PathPattern.pathAndQuery(of: "https://example.com") == "/")
        #expect(PathPattern.pathAndQuery(of: "https://example.com?q") == "/?q")
        #expect(PathPattern.pathAndQuery(of: "lean/") == nil)
    }

    @Test func nameGlob() {
        #expect(NamePattern("Home").matches("Home"))
        #expect(!NamePattern("Home").matches("Home again"))
        #expect(NamePattern("Home*").matches("Home again"))
        #expect(NamePattern("?bout").matches("About"))
        #expect(NamePattern("*a*b*c*").matches("xxaxxbxxcxx"))
        #expect(!NamePattern("*a*b*c*").matches("xxcxxbxxaxx"))
        #expect(NamePattern("*").matches(""))
    }
}
