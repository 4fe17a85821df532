import Foundation
import Model
import Testing
@testable import Scoring

/// Counts (requests, domains, style sheets, fonts), images and cookies, at their boundaries.
@Suite struct ContentCheckTests {
    typealias F = CheckFixtures

    // MARK: Requests: > 26 → B, > 40 → C

    @Test(arguments: [(26, CheckLevel.A, 0), (27, .B, 1), (40, .B, 14), (41, .C, 15)])
    func requestCount(count: Int, level: CheckLevel, saved: Int) {
        let r = F.result("requests", [F.document()] + F.images(count - 1))
        #expect(r.measured == Double(count))
        #expect(r.level == level)
        #expect(r.estimatedSavingRequests == saved)
        #expect(r.offendingRequests.count == (level == .A ? 0 : count), "named only when not at A")
    }

    // MARK: Domains: 4–5 → B, >= 6 → C

    @Test(arguments: [(3, CheckLevel.A), (4, .B), (5, .B), (6, .C)])
    func domains(count: Int, level: CheckLevel) {
        let requests = [F.document()] + (1..<count).map { F.request("/a.png", host: "cdn\($0).example.net") }
        let r = F.result("domains", requests)
        #expect(r.measured == Double(count))
        #expect(r.level == level)
        if level != .A {
            #expect(r.offendingRequests.first?.url == F.origin)
            #expect(r.offendingRequests.last?.url == "https://cdn\(count - 1).example.net")
            #expect(r.offendingRequests.first?.detail == "requests: 1")
        }
    }

    @Test func aPortMakesNoNewDomainButStaysInTheOrigin() {
        let r = F.result("domains", [F.request("http://127.0.0.1:8080/"), F.request("http://127.0.0.1:8080/a.png")])
        #expect(r.measured == 1)
        #expect(BestPractices.origin(of: "http://127.0.0.1:8080/a?b") == "http://127.0.0.1:8080")
    }

    // MARK: Style sheets: 8–10 → B, >= 11 → C

    @Test(arguments: [(7, CheckLevel.A, 0), (8, .B, 1), (10, .B, 3), (11, .C, 4)])
    func stylesheets(count: Int, level: CheckLevel, saved: Int) {
        let r = F.result("stylesheets", [F.document()] + (0..<count).map { F.css("/\($0).css") } + F.images(3))
        #expect(r.measured == Double(count))
        #expect(r.level == level)
        #expect(r.estimatedSavingRequests == saved)
    }

    // MARK: Custom fonts: 2 → B, > 2 → C

    private func fonts(_ sizes: [Int], type: String = "font/woff2", ext: String = "woff2") -> [RequestRecord] {
        sizes.enumerated().map { i, size in
            F.request("/fonts/f\(i).\(ext)", type: .font, body: size, header: 68, contentType: type)
        }
    }

    @Test(arguments: [(0, CheckLevel.A), (1, .A), (2, .B), (3, .C), (4, .C)])
    func fontCount(count: Int, level: CheckLevel) {
        let r = F.result("fonts", fonts(Array(repeating: 20_000, count: count)))
        #expect(r.measured == Double(count))
        #expect(r.level == level)
    }

    @Test func fontSavingKeepsTheLargestAndCountsTheOthersRemoved() {
        let r = F.result("fonts", fonts([24_000, 31_000, 25_000]))
        #expect(r.level == .C)
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [24_068, 0, 25_068])
        #expect(r.offendingRequests.map(\.detail) == ["font/woff2, beyond 1 font(s)", "font/woff2",
                                                      "font/woff2, beyond 1 font(s)"])
        #expect(r.estimatedSavingRequests == 2)
    }

    @Test func fontsNotInWOFF2AreConverted() {
        // Kept TrueType: 50 % of its body; kept WOFF: 30 %. Type from the URL when the server says octet-stream.
        let ttf = F.result("fonts", fonts([40_000, 10_000], type: "application/octet-stream", ext: "ttf"))
        #expect(ttf.offendingRequests.map(\.estimatedSavingBytes) == [20_000, 10_068])
        #expect(ttf.offendingRequests.first?.detail == "font/ttf, not WOFF2")
        let woff = F.result("fonts", fonts([40_000, 10_000], type: "font/woff", ext: "woff"))
        #expect(woff.offendingRequests.map(\.estimatedSavingBytes) == [12_000, 10_068])
    }

    // MARK: Image formats (ours): saving > 500 B counted; total >= 1 B → B, >= 50 kB → C

    @Test func rasterImagesNotInWebPOrAVIF() {
        let r = F.result("image-formats", [
            F.request("/a.jpg", body: 100_000, contentType: "image/jpeg"),  // 30 %
            F.request("/b.png", body: 10_000, contentType: "image/png"),  // 26 %
            F.request("/c.gif", body: 10_000, contentType: "image/gif"),  // 19 %
            F.request("/d.webp", body: 100_000, contentType: "image/webp"),
            F.request("/e.avif", body: 100_000, contentType: "image/avif"),
            F.request("/f.svg", body: 100_000, contentType: "image/svg+xml"),
            F.request("/pixel.gif", body: 43, contentType: "image/gif"),  // saves 8 B: under the 500 B floor
            F.request("/g.jpg", status: 404, body: 100_000, contentType: "image/jpeg"),
        ])
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [30_000, 2600, 1900])
        #expect(r.measured == 34_500)
        #expect(r.level == .B)
        #expect(r.offendingRequests.first?.detail == "image/jpeg, not WebP/AVIF")
    }

    @Test(arguments: [(1666, 0.0, CheckLevel.A), (2632, 790, .B), (166_663, 49_999, .B), (166_667, 50_000, .C)])
    func imageFormatBoundaries(jpegBytes: Int, measured: Double, level: CheckLevel) {
        // × 0.30: 499.8 → 500, not over the 500 B floor; 789.6 → 790; 49 998.9 → 49 999; 50 000.1 → 50 000.
        let r = F.result("image-formats", [F.request("/a.jpg", body: jpegBytes, contentType: "image/jpeg")])
        #expect(r.measured == measured)
        #expect(r.level == level)
    }

    @Test func minimumSavingIsStrict() {
        // 1924 × 0.26 = 500.24 → 500: not over 500 B; 1926 × 0.26 = 500.76 → 501: counted.
        #expect(F.result("image-formats", [F.request("/a.png", body: 1924, contentType: "image/png")]).level == .A)
        #expect(F.result("image-formats", [F.request("/a.png", body: 1926, contentType: "image/png")]).level == .B)
    }

    // MARK: Big images (ours): over 100 kB → C

    @Test func bigImagesOverTheLimit() {
        let at = F.result("big-images", [F.request("/a.webp", body: 100_000)])
        #expect(at.level == .A)
        let r = F.result("big-images", [
            F.request("/a.webp", body: 100_001),
            F.request("/hero.jpg", body: 300_000, contentType: "image/jpeg"),
            F.request("/clinic.jpg", body: 130_000, contentType: "image/jpeg"),
            F.request("/doc.pdf", body: 500_000, contentType: "application/pdf"),
        ])
        #expect(r.measured == 3)
        #expect(r.level == .C)
        // After the format check's conversion: 300 000 × 0.7 − 100 000; 130 000 × 0.7 is under the limit.
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [1, 110_000, 0])
        #expect(r.offendingRequests[1].detail == "image/jpeg, 300000 B")
    }

    @Test func compressedSVGSavingIsOnTheWire() {
        let r = F.result("big-images", [F.request("/map.svg", body: 50_000, decoded: 200_000,
                                                  contentType: "image/svg+xml", encoding: "br")])
        #expect(r.level == .C)
        #expect(r.offendingRequests.map(\.estimatedSavingBytes) == [25_000])
    }

    // MARK: Cookies: largest header > 512 B → B, > 1024 B → C; static resources any → B, > 2000 B → C

    @Test(arguments: [(512, CheckLevel.A), (513, .B), (1024, .B), (1025, .C)])
    func largestCookieHeader(size: Int, level: CheckLevel) {
        let r = F.result("cookie-size", [F.document(), F.request("/a.png", cookieSent: size),
                                         F.request("/b.png", cookieSent: 100)])
        #expect(r.measured == Double(size))
        #expect(r.level == level)
        #expect(r.estimatedSavingBytes == max(0, size - 512))
    }

    @Test(arguments: [(0, CheckLevel.A), (1, .B), (2000, .B), (2001, .C)])
    func cookiesWithStaticResources(total: Int, level: CheckLevel) {
        var document = F.document()
        document.cookieBytesSent = 5000  // documents are not static
        let requests = [document, F.request("/a.png", cookieSent: total / 2),
                        F.request("/b.js", type: .script, contentType: "text/javascript", encoding: "br",
                                  cookieSent: total - total / 2),
                        F.request("/api", type: .fetch, contentType: "application/json", cookieSent: 3000)]
        let r = F.result("static-cookies", requests)
        #expect(r.measured == Double(total))
        #expect(r.level == level)
        #expect(r.estimatedSavingBytes == total)
    }
}
