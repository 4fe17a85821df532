import Foundation
import Model
import Testing
@testable import Scoring

/// Why a request offends, in French and English: media types, header names and values, statuses and URLs read
/// the same; the words around them are translated; the English stays the plain `detail`.
@Suite struct OffenderTextTests {
    typealias F = CheckFixtures

    static func texts(_ id: String, _ requests: [RequestRecord]) throws -> [Bilingual] {
        let offenders = F.result(id, requests).offendingRequests
        for o in offenders { #expect(o.detail == o.detailText?.en, "the plain detail is the English text") }
        return try offenders.map { try #require($0.detailText) }
    }

    @Test func anUncompressedStyleSheet() throws {
        let texts = try Self.texts("compression", [F.css("/b.css", body: 5000, encoding: nil)])
        #expect(texts == [Bilingual(fr: "text/css, sans Content-Encoding", en: "text/css, no Content-Encoding")])
    }

    @Test func cacheHeadersKeepTheirNamesAndValues() throws {
        let texts = try Self.texts("cache-headers", [
            F.request("/a.png", cache: CacheHeaders(cacheControl: "no-store")),
            F.request("/b.png", cache: CacheHeaders(expires: "Wed, 01 Jan 2020 00:00:00 GMT")),
            F.request("/c.png", cache: CacheHeaders()),
        ])
        #expect(texts == [
            Bilingual(same: "Cache-Control: no-store"),
            Bilingual(fr: "Expires dans le passé\u{00A0}: Wed, 01 Jan 2020 00:00:00 GMT",
                      en: "Expires in the past: Wed, 01 Jan 2020 00:00:00 GMT"),
            Bilingual(fr: "ni Cache-Control ni Expires", en: "no Cache-Control, no Expires"),
        ])
    }

    @Test func errorsAndRedirects() throws {
        let errors = try Self.texts("http-errors", [F.request("/gone.png", status: 404)])
        #expect(errors == [Bilingual(fr: "statut 404", en: "status 404")])
        let redirects = try Self.texts("redirects", [F.request("/old", status: 301, redirect: nil)])
        #expect(redirects == [Bilingual(fr: "301 → (pas de Location)", en: "301 → (no Location)")])
    }

    @Test func imagesAndCookies() throws {
        let big = try Self.texts("big-images", [F.request("/huge.png", body: 2_000_000, contentType: "image/png")])
        #expect(big == [Bilingual(fr: "image/png, 2000000 o", en: "image/png, 2000000 B")])
        let cookies = try Self.texts("static-cookies", [F.request("/a.png", cookieSent: 300)])
        #expect(cookies == [Bilingual(fr: "Cookie\u{00A0}: 300 o", en: "Cookie: 300 B")])
    }
}
