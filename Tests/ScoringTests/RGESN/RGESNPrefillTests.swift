import Foundation
import Model
import Testing
@testable import Scoring

/// Criteria a profile can evidence are pre-filled from the measurement; a declared answer that contradicts it is
/// kept, counted, and flagged.
@Suite struct RGESNPrefillTests {
    /// One step over plain HTTP/1.1 on one host:
    /// - document, text/html, 3 000 B, brotli, no cache headers (documents are not static resources);
    /// - style.css, text/css, 10 000 B decoded, sent WITHOUT compression, `max-age=3600`;
    /// - photo.png, 40 000 B, `no-store`; hero.webp, 20 000 B, `max-age=86400`;
    /// - no font.
    /// So: https.share 0 (3.3 non validé); fonts 0 B, 0 files (4.8 validé); raster images 1 WebP of 2 = 0.5
    /// (5.1 non validé); 4 requests, 73 000 B (6.1 validé); cache: 10 000 + 20 000 of 70 000 static bytes
    /// = 0.4286 (6.2 non validé); compression: the document's 9 000 decoded bytes compressed, the stylesheet's
    /// 10 000 not → 9 000 / 19 000 = 0.4737 (6.3 non validé); HTTP/1.1 (6.7 non validé).
    static func profile() -> Profile {
        typealias B = ProfileBuilder
        let run = B.run([
            B.request("http://clinic.test/", depth: 0, bytes: 3_000, type: .document, discovery: .navigation,
                      contentType: "text/html; charset=utf-8", encoding: "br", decoded: 9_000),
            B.request("http://clinic.test/style.css", depth: 1, bytes: 10_000, type: .stylesheet,
                      contentType: "text/css", cacheControl: "public, max-age=3600"),
            B.request("http://clinic.test/photo.png", depth: 1, bytes: 40_000, contentType: "image/png", cacheControl: "no-store"),
            B.request("http://clinic.test/hero.webp", depth: 1, bytes: 20_000, contentType: "image/webp", cacheControl: "max-age=86400"),
        ])
        return B.profile([B.page("Home", "http://clinic.test/", run)])
    }

    static func card(answers text: String?) throws -> ScoreCard {
        let scorer = try ProfileBuilder.bundledScorer("rgesn-2024")
        let answers = try text.map { try Answers.parse($0, file: "answers.yaml", for: scorer.loaded.grid) }
        return try scorer.score(profile(), answers: answers, tool: ProfileBuilder.tool)
    }

    static func criteria(_ card: ScoreCard) -> [String: CriterionScore] {
        Dictionary(uniqueKeysWithValues: card.families.flatMap(\.criteria).map { ($0.id, $0) })
    }

    @Test func measurementsPreFillTheCriteriaTheyEvidence() throws {
        let c = Self.criteria(try Self.card(answers: nil))
        let expected = ["3.3": "non validé", "4.8": "validé", "5.1": "non validé", "6.1": "validé",
                        "6.2": "non validé", "6.3": "non validé", "6.7": "non validé"]
        for (id, answer) in expected {
            #expect(c[id]?.answer == answer, "\(id)")
            #expect(c[id]?.answerSource == "measured", "\(id)")
            #expect(c[id]?.status == .scored, "\(id)")
        }
        let compression = try #require(c["6.3"]?.prefilled?.checks.first)
        #expect(compression.metric == "compression.share")
        #expect(abs(compression.value! - 9_000.0 / 19_000) < 1e-12)
        #expect(compression.threshold == "≥ 0.95")
        #expect(compression.passed == false)
        #expect(compression.requests.map(\.url) == ["http://clinic.test/style.css"])
        let cache = try #require(c["6.2"]?.prefilled?.checks.first)
        #expect(abs(cache.value! - 30_000.0 / 70_000) < 1e-12)
        #expect(cache.requests.map(\.url) == ["http://clinic.test/photo.png"])
        #expect(cache.requests.first?.detail.contains("no-store") == true)
        #expect(c["5.1"]?.prefilled?.checks.first?.value == 0.5)
        #expect(c["6.1"]?.prefilled?.checks.map(\.value) == [73_000, 4])
        #expect(c["3.3"]?.prefilled?.note?.contains("TLS 1.3") == true)
        // Only the seven evidenced criteria are answered: 4.8 (M 1) and 6.1 (R 1.25) validated.
        let card = try Self.card(answers: nil)
        #expect(card.total.points == 2.25)
        #expect(card.unanswered.count == 71)
    }

    @Test func aContradictingDeclaredAnswerIsKeptAndFlagged() throws {
        let card = try Self.card(answers: """
            grid: rgesn-2024
            answers:
              "6.3": {status: validé, comment: "We compress everything"}
              "6.2": {status: non validé}
              "5.1": {status: à évaluer}
              "4.8": {status: non applicable}
              "1.1": {status: validé}
            """)
        let c = Self.criteria(card)
        // 6.3: declared validé, measured non validé → kept (1 point counted) and flagged.
        #expect(c["6.3"]?.status == .flagged)
        #expect(c["6.3"]?.answer == "validé")
        #expect(c["6.3"]?.answerSource == "declared")
        #expect(c["6.3"]?.points == 1)
        #expect(c["6.3"]?.prefilled?.answer == "non validé")
        #expect(c["6.3"]?.note?.contains("declared 'validé' but the measurement supports 'non validé'") == true)
        // 6.2: declared non validé agrees with the measurement.
        #expect(c["6.2"]?.status == .scored && c["6.2"]?.answerSource == "declared")
        // 5.1: "à évaluer" leaves the decision to the measurement.
        #expect(c["5.1"]?.answer == "non validé" && c["5.1"]?.answerSource == "measured" && c["5.1"]?.status == .scored)
        // 4.8: declared not applicable, measured validé → flagged, left out of the maximum as declared.
        #expect(c["4.8"]?.status == .flagged && c["4.8"]?.max == 0 && c["4.8"]?.points == nil)
        #expect(card.flagged.sorted() == ["4.8", "6.3"])
        // Counted: 1.1 (P 1.5) + 6.3 (M 1, declared) + 6.1 (R 1.25, measured) = 3.75 of 100.25 − 1 (4.8 N/A).
        #expect(card.total.points == 3.75)
        #expect(card.total.max == 99.25)
    }

    @Test func noRasterImageMeansNotApplicableFor5_1() throws {
        typealias B = ProfileBuilder
        let run = B.run([B.request("https://clinic.test/", depth: 0, bytes: 1_000, type: .document, discovery: .navigation,
                                   http: "HTTP/2", contentType: "text/html", encoding: "gzip", decoded: 3_000),
                         B.request("https://clinic.test/logo.svg", depth: 1, bytes: 500, http: "HTTP/2",
                                   contentType: "image/svg+xml", encoding: "gzip", decoded: 1_200, cacheControl: "max-age=600")])
        let scorer = try ProfileBuilder.bundledScorer("rgesn-2024")
        let card = try scorer.score(B.profile([B.page("Home", "https://clinic.test/", run)]), answers: nil, tool: B.tool)
        let c = Self.criteria(card)
        #expect(c["5.1"]?.status == .notApplicable && c["5.1"]?.answerSource == "measured")
        // Everything else this profile evidences passes: HTTPS, HTTP/2 on one host, compressed, cacheable.
        #expect(c["3.3"]?.status == .unanswered, "passing 3.3's HTTPS check does not decide it")
        #expect(c["3.3"]?.prefilled?.checks.first?.passed == true)
        for id in ["4.8", "6.1", "6.2", "6.3", "6.7"] { #expect(c[id]?.answer == "validé", "\(id)") }
    }
}
