import FixtureServer
import Foundation
import Model
import Testing

/// A target that writes markup and formulas into everything a report shows (Fixtures/Server/Hostile/
/// ReportInjection.swift): audited, then the HTML must show it as text and the CSV must not let a spreadsheet
/// evaluate it.
@Suite struct HostileReportTests {
    static let markup = #""><img src=x onerror=alert(1)>"#
    static let script = "<script>alert(1)</script>"
    static let formulaTitle = #"=HYPERLINK("http://evil.example/","open")"#

    @Test func injectedTextIsEscapedInTheHTMLAndNeutralisedInTheCSV() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("hostile")
        let r = try Ecoscore.run(["audit", server.url("hostile/inject/").absoluteString,
                                  server.url("hostile/inject/formula.html").absoluteString, "--lang", "en", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let audit = AuditOutput(folder: out)
        let card = try audit.card()

        // The fixture did deliver the hostile text: the card holds it raw, as the target sent it.
        let requests = card.steps.flatMap(\.requestList)
        #expect(card.steps.first?.title == Self.script)
        #expect(card.steps.last?.title == Self.formulaTitle)
        #expect(requests.contains { $0.cacheControl == Self.markup })
        #expect(requests.contains { $0.url.contains("%22") }, "a quote in a URL")
        #expect(requests.contains { $0.url.contains("%3C") && $0.url.contains("%3E") }, "angle brackets in a URL")
        #expect(requests.contains { $0.error != nil }, "the redirect to ftp:// failed")

        // HTML: no markup from the target is live; the title is shown as text.
        let html = try audit.html()
        #expect(!html.lowercased().contains("<script"), "the report has no script at all")
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(!html.contains(Self.markup))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title, escaped")
        #expect(!html.contains("href=\"http://evil.example/"), "a title is never a link")

        // CSV: every cell a spreadsheet would evaluate starts with an apostrophe; the markup is kept as text.
        let steps = try audit.table("steps")
        #expect(steps.rows.map { $0["title"] } == [Self.script, "'" + Self.formulaTitle])
        let table = try audit.table("requests")
        let cache = table.rows.compactMap { $0["cache_control"] }.filter { !$0.isEmpty }
        for formula in ["=1+1", "+1+1", "-1+1", "@SUM(1+1)"] {
            #expect(cache.contains("'" + formula), "\(formula) neutralised")
            #expect(!cache.contains(formula))
        }
        #expect(cache.contains(Self.markup), "quoted and doubled, read back whole")
        #expect(table.rows.count == requests.count)
        for name in try audit.csvFiles() {
            let text = try String(contentsOf: audit.url("csv/\(name)"), encoding: .utf8)
            for row in try audit.table(String(name.dropLast(4))).rows {
                for (column, field) in row where !field.isEmpty && Double(field) == nil {
                    let first = field.unicodeScalars.first!
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(name) \(column): \(field)")
                }
            }
            #expect(!text.contains("\n=") && !text.contains(",=") && !text.contains("\",=\""), "\(name)")
        }
    }
}
