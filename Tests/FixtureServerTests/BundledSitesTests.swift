import Foundation
import Testing
@testable import FixtureServer

@Suite struct BundledSitesTests {
    @Test(arguments: ["lean", "bloated", "edge"])
    func siteIsBundledWithAnIndexPage(site: String) {
        let index = FixtureServer.bundledSites.appendingPathComponent(site).appendingPathComponent("index.html")
        #expect(FileManager.default.fileExists(atPath: index.path), "missing \(index.path)")
    }
}
