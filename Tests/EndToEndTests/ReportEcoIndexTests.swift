import FixtureServer
import Foundation
import Model
import Testing

/// Issue 5: the report's own EcoIndex is A when profiled by `ecoscore profile`. The demo's pages are served over
/// HTTP on 127.0.0.1 (EcoIndex is a page-load measure) and profiled as any target would be.
@Suite struct ReportEcoIndexTests {
    @Test func everyDemoPageScoresEcoIndexA() throws {
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo")
        let demo = try Ecoscore.run(["demo", "--runs", "1", "--out", out.path])
        try #require(demo.status == 0, "\(demo.stderr)")

        // The fixture server serves any folder given as its root; the demo output has no `_site.json`.
        let server = FixtureServer(root: out)
        try server.start()
        defer { server.stop() }

        let pages = ["index.html"] + DemoCommandTests.audits.map { "\($0)/report.html" }
        for page in pages {
            let file = out.appendingPathComponent(page)
            let bytes = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
            let run = try Ecoscore.run(["profile", server.url("/" + page).absoluteString, "--json"])
            #expect(run.status == 0, "\(page): \(run.stderr)")
            let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(run.stdout.utf8))
            let eco = try #require(profile.pages.first?.summary.ecoindex, "\(page): no EcoIndex")
            print("\(page): \(eco.domElements) DOM elements, \(eco.requests) request(s), \(bytes) bytes on disk, "
                  + "\(eco.sizeKB) kB transferred → EcoIndex \(eco.score) \(eco.grade)")
            // Self-contained: the file is the only request, and what crossed the wire is that file plus headers.
            #expect(eco.requests == 1, "\(page)")
            #expect(eco.sizeKB * 1000 >= Double(bytes) && eco.sizeKB * 1000 < Double(bytes + 1000), "\(page)")
            // Grade A is a score strictly above 80 (EcoIndex grade table).
            #expect(eco.score > 80 && eco.grade == "A", "\(page): EcoIndex \(eco.score) \(eco.grade), \(eco.domElements) DOM elements")
            // The profiler reads the markup; a browser builds the same tree from it (no element added or lost).
            if Chromium.executable != nil {
                let browser = Self.elementCount(try Chromium.render(file, in: folder).dom)
                #expect(browser == eco.domElements, "\(page): Chromium's DOM has \(browser) elements")
            }
        }
    }

    /// The elements of a serialised DOM, the descendants of `<svg>` left out, as EcoIndex counts them.
    static func elementCount(_ html: String) -> Int {
        var count = 0, svgDepth = 0
        for tag in html.matches(of: /<(\/?)([A-Za-z][A-Za-z0-9-]*)/) {
            let closing = !tag.output.1.isEmpty, name = tag.output.2.lowercased()
            if name == "svg" {
                if !closing && svgDepth == 0 { count += 1 }
                svgDepth += closing ? -1 : 1
            } else if !closing && svgDepth == 0 {
                count += 1
            }
        }
        return count
    }

    @Test func theElementCountLeavesOutWhatIsInsideSVG() {
        #expect(Self.elementCount("<html><body><p>a &lt;b&gt;</p><svg><g><rect/></g></svg><br></body></html>") == 5)
    }
}
