import FixtureServer
import Foundation
import Model
import Profiler
import Scoring
import Testing

/// The best-practice checks on the real fixture sites, profiled in-process over HTTP: `bloated` is told about its
/// heavy images, its missing cache headers and its redirect chains; `lean` about none of those.
@Suite(.serialized) struct BestPracticeFixtureTests {
    let server: FixtureServer
    let practices: BestPractices

    init() throws {
        server = FixtureServer()
        try server.start()
        practices = try BestPractices.bundled()
    }

    private func profile(_ path: String) -> Profile {
        let profiler = PageProfiler()
        let pages = profiler.profile([server.url(path)], runs: 1, concurrency: 1)
        return Profile(tool: PageProfiler.toolInfo(version: "test"), createdAt: Date(),
                       settings: profiler.settings(runs: 1), pages: pages)
    }

    private func path(_ url: String) -> String { URL(string: url)?.path ?? url }

    @Test func bloatedIsToldAboutItsImagesCacheHeadersAndRedirects() throws {
        let profile = profile("/bloated/start")
        let recommendations = practices.recommendations(profile)
        defer { server.stop() }
        func recommendation(_ id: String) -> Recommendation? { recommendations.first { $0.id == id } }
        func offenders(_ id: String) -> Set<String> {
            Set(recommendation(id)?.offendingRequests.map { path($0.url) } ?? [])
        }

        // Images: not WebP/AVIF, and oversized.
        #expect(offenders("image-formats").isSuperset(of: [
            "/bloated/img/hero.jpg", "/bloated/img/team.png", "/bloated/img/clinic-1.jpg", "/bloated/img/clinic-2.png",
            "/bloated/img/logo.png",
        ]))
        #expect(!offenders("image-formats").contains("/bloated/img/pixel.gif"), "43 B: nothing to gain")
        #expect(offenders("big-images").isSuperset(of: ["/bloated/img/hero.jpg", "/bloated/img/team.png"]))
        let hero = recommendation("image-formats")?.offendingRequests.first { path($0.url) == "/bloated/img/hero.jpg" }
        #expect(hero?.transferBytes ?? 0 > 300_000)
        #expect(hero?.estimatedSavingBytes ?? 0 > 90_000)

        // Cache headers: every static resource lacks them.
        let cache = try #require(recommendation("cache-headers"))
        #expect(cache.level == .C)
        #expect(cache.savingBasis == .repeatView)
        #expect(offenders("cache-headers").isSuperset(of: [
            "/bloated/css/bootstrap.css", "/bloated/js/jquery.js", "/bloated/img/hero.jpg",
            "/bloated/fonts/OpenSans-Regular.woff2",
        ]))
        #expect(cache.offendingRequests.allSatisfy { $0.detail == "no Cache-Control, no Expires" })

        // Redirects: the page's own and the hero image's two-hop chain, named in full.
        let redirects = try #require(recommendation("redirects"))
        #expect(redirects.level == .C)
        let chains = (redirects.chains ?? []).map { $0.map(path) }
        #expect(chains.contains(["/bloated/start", "/bloated/index.html"]))
        #expect(chains.contains(["/bloated/img/hero-old.jpg", "/bloated/img/hero-v2.jpg", "/bloated/img/hero.jpg"]))
        #expect(redirects.estimatedSavingRequests == 3)

        // And the rest of what is wrong with it.
        #expect(offenders("compression").isSuperset(of: ["/bloated/index.html", "/bloated/css/bootstrap.css",
                                                         "/bloated/js/vendor.bundle.js"]))
        #expect(offenders("http-errors") == ["/bloated/js/missing.js", "/bloated/css/boom.css", "/favicon.ico"])
        #expect(recommendation("fonts")?.level == .C)
        #expect(recommendation("requests")?.level == .B)

        // Ranked by saving, Wh first; every recommendation names requests.
        #expect(recommendations.map(\.rank) == Array(1...recommendations.count))
        #expect(zip(recommendations, recommendations.dropFirst()).allSatisfy {
            $0.estimatedSavingWh >= $1.estimatedSavingWh
        })
        #expect(recommendations.allSatisfy { !$0.offendingRequests.isEmpty })
        #expect(recommendations.first?.estimatedSavingWh ?? 0 > 0)
    }

    @Test func leanGetsNoneOfThose() throws {
        let profile = profile("/lean/index.html")
        defer { server.stop() }
        #expect(profile.pages.first?.runs.first?.error == nil)
        let results = practices.check(profile)
        for id in ["image-formats", "big-images", "cache-headers", "redirects", "compression", "http-errors", "fonts",
                   "requests", "domains", "stylesheets", "cookie-size"] {
            let result = try #require(results.first { $0.id == id })
            #expect(result.level == .A, "\(id): \(result.offendingRequests.map(\.url))")
        }
        let ids = Set(practices.recommendations(profile).map(\.id))
        #expect(ids.isDisjoint(with: ["image-formats", "big-images", "cache-headers", "redirects", "compression",
                                      "http-errors"]))
        // What lean is still told: the fixture server speaks HTTP/1.1, and its session cookie goes with static files.
        #expect(ids.isSubset(of: ["http1", "static-cookies"]))
    }
}
