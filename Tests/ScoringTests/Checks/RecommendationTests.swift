import Foundation
import Model
import Testing
@testable import Scoring

/// From check results to ranked recommendations: which run, which checks, how savings add up and rank.
@Suite struct RecommendationTests {
    typealias F = CheckFixtures

    /// A page with one problem of each kind, savings chosen to rank clearly.
    private var messyPage: [RequestRecord] {
        [
            F.request("/start", type: .document, status: 301, body: 0, header: 84, contentType: nil, redirect: "/a"),
            F.request("/a", type: .document, status: 302, body: 0, header: 16, contentType: nil, redirect: "/"),
            F.document(body: 40_000, encoding: nil),  // 40 000 B of HTML, 0.30 → saves 28 000
            F.request("/hero.jpg", body: 300_000, header: 100, contentType: "image/jpeg",
                      cache: CacheHeaders()),  // format 90 000; big 110 000; cache 300 100 (repeat view)
            F.request("/missing.js", type: .script, status: 404, body: 14, header: 86, contentType: "text/plain"),
        ]
    }

    @Test func rankedByWhThenBytes() {
        let recommendations = F.practices.recommendations(F.profile(messyPage))
        #expect(F.practices.recommendations(from: F.practices.check(F.profile(messyPage))) == recommendations)
        #expect(recommendations.map(\.id) == ["cache-headers", "big-images", "image-formats", "compression",
                                              "redirects", "http-errors"])
        #expect(recommendations.map(\.rank) == Array(1...6))
        #expect(recommendations.map(\.estimatedSavingBytes) == [300_100, 110_000, 90_000, 28_000, 100, 100])
        #expect(recommendations.map(\.estimatedSavingRequests) == [1, 0, 0, 0, 2, 1])
        for r in recommendations {
            #expect(abs(r.estimatedSavingWh - Double(r.estimatedSavingBytes) * 0.3 / 1_000_000) < 1e-12)
        }
        let redirects = recommendations.first { $0.id == "redirects" }
        #expect(redirects?.chains == [[F.origin + "/start", F.origin + "/a", F.origin + "/"]])
        #expect(redirects?.level == .C)
        #expect(redirects?.title.en == "Remove redirects: link to the final URL directly")
        #expect(redirects?.why.fr.isEmpty == false)
    }

    @Test func equalSavingsRankByRequestsThenLevelThenModelOrder() {
        // Errors and redirects both save 100 B; redirects save 2 requests. HTTP/1 and domains save nothing:
        // HTTP/1 (C) before the domains (B).
        var requests = messyPage.map { r -> RequestRecord in
            var r = r
            r.httpVersion = "HTTP/1.1"
            return r
        }
        requests += (1...3).map { F.request("/p.png", version: "HTTP/1.1", host: "h\($0).example.net") }
        let ids = F.practices.recommendations(F.profile(requests)).map(\.id)
        #expect(ids.suffix(4) == ["redirects", "http-errors", "http1", "domains"])
    }

    @Test func levelAMakesNoRecommendation() {
        // One redirect (A), 96 % compressed (A): no recommendation for either, though each has an offender.
        let requests = [
            F.request("/start", type: .document, status: 301, body: 0, contentType: nil, redirect: "/"),
            F.css("/big.css", body: 2400, decoded: 9600, encoding: "br"),
            F.css("/small.css", body: 400, encoding: nil),
        ]
        let results = F.practices.check(F.profile(requests))
        #expect(results.first { $0.id == "compression" }?.offendingRequests.count == 1)
        #expect(results.allSatisfy { $0.level == .A })
        #expect(F.practices.recommendations(F.profile(requests)).isEmpty)
    }

    @Test func aCleanPageHasNoRecommendation() {
        let clean = [F.document(), F.css("/s.css"), F.request("/a.webp"),
                     F.request("/app.js", type: .script, contentType: "text/javascript", encoding: "br")]
        let profile = F.profile(clean)
        #expect(F.practices.check(profile).count == 13)
        #expect(F.practices.recommendations(profile).isEmpty)
    }

    @Test func savingsAddUpOverPagesAndNameEachPage() {
        let step1 = F.page([F.document(), F.request("/a.png", cache: CacheHeaders())], url: F.origin + "/1", name: "home")
        let step2 = F.page([F.document()], url: F.origin + "/2", name: "search")
        let step3 = F.page([F.document(), F.request("/b.png", body: 2000, cache: CacheHeaders(cacheControl: "no-store"))],
                           url: F.origin + "/3", name: "book")
        let profile = F.profile([step1, step2, step3])
        let results = F.practices.check(profile)
        #expect(results.count == 3 * 13)
        #expect(results.filter { $0.id == "cache-headers" }.map(\.level) == [.C, .A, .C])
        #expect(results.filter { $0.id == "cache-headers" }.map(\.pageName) == ["home", "search", "book"])
        let cache = F.practices.recommendations(profile).first { $0.id == "cache-headers" }
        #expect(cache?.pages == [0, 2])
        #expect(cache?.estimatedSavingBytes == 1100 + 2100)
        #expect(cache?.estimatedSavingRequests == 2)
        #expect(cache?.offendingRequests.map(\.page) == [0, 2])
        #expect(cache?.offendingRequests.map(\.url) == [F.origin + "/a.png", F.origin + "/b.png"])
    }

    @Test func theMedianRunIsChecked() {
        func run(_ bytes: Int) -> PageRun { F.run([F.request("/a.png", body: bytes)]) }
        #expect(BestPractices.representativeRun(of: F.page(runs: [run(300), run(100), run(200)])) == 2)
        #expect(BestPractices.representativeRun(of: F.page(runs: [run(200), run(100)])) == 1)
        #expect(BestPractices.representativeRun(of: F.page(runs: [run(100), run(100), run(100)])) == 1)
        #expect(BestPractices.representativeRun(of: F.page(runs: [run(5)])) == 0)
        #expect(BestPractices.representativeRun(of: F.page(runs: [])) == nil)

        // The median run has the error; the others do not.
        let clean = F.run([F.document(body: 1000)])
        let failing = F.run([F.document(body: 2000), F.request("/x.js", status: 404, body: 0, header: 50)])
        let heavy = F.run([F.document(body: 9000)])
        let profile = F.profile([F.page(runs: [heavy, clean, failing])])
        let errors = F.result("http-errors", profile)
        #expect(errors.run == 2)
        #expect(errors.level == .C)
        #expect(F.practices.check(F.profile([F.page(runs: [])])).isEmpty)
    }

    @Test func resultsAndRecommendationsRoundTripThroughJSON() throws {
        let profile = F.profile(messyPage)
        let results = F.practices.check(profile)
        let recommendations = F.practices.recommendations(profile)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try JSONDecoder().decode([CheckResult].self, from: encoder.encode(results)) == results)
        #expect(try JSONDecoder().decode([Recommendation].self, from: encoder.encode(recommendations))
            == recommendations)
        let json = String(decoding: try encoder.encode(recommendations.first), as: UTF8.self)
        #expect(json.contains("\"savingBasis\":\"repeatView\""))
        #expect(json.contains("\"level\":\"C\""))
    }
}
