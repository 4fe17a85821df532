import Foundation
import Testing
@testable import FixtureServer

@Suite("Site configs and bundled sites")
struct SiteTests {
    @Test("SiteConfig defaults, and null cacheControl meaning no header")
    func configDecoding() throws {
        let empty = try JSONDecoder().decode(SiteConfig.self, from: Data("{}".utf8))
        #expect(empty == SiteConfig())
        #expect(empty.encodings == ["br", "gzip"])
        #expect(empty.cacheControl == "public, max-age=31536000")
        let none = try JSONDecoder().decode(SiteConfig.self, from: Data(#"{"cacheControl": null, "encodings": []}"#.utf8))
        #expect(none.cacheControl == nil)
        #expect(none.encodings.isEmpty)
        let redirect = try JSONDecoder().decode(SiteConfig.self, from: Data(#"{"redirects": {"/a": {"to": "/b"}}}"#.utf8))
        #expect(redirect.redirects["/a"] == SiteConfig.Redirect(to: "/b", status: 301))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SiteConfig.self, from: Data(#"{"encodings": ["lzma"]}"#.utf8))
        }
    }

    @Test("an invalid _site.json makes start() fail with the file's path")
    func invalidConfig() throws {
        let root = try temporarySites(["broken/_site.json": #"{"errors": {"/broken/x": 200}}"#, "broken/index.html": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let server = FixtureServer(root: root)
        do {
            try server.start()
            Issue.record("start() should have thrown")
        } catch let error as FixtureServerError {
            guard case .invalidSiteConfig(let path, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path.hasSuffix("broken/_site.json"))
        }
    }

    @Test("a custom root: per-site config applies, a slash path serves index.html")
    func customRoot() throws {
        let root = try temporarySites([
            "shop/_site.json": #"{"encodings": [], "cacheControl": "no-store", "etag": false, "lastModified": false}"#,
            "shop/index.html": "<!doctype html><title>Shop</title>",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try withServer(root: root) { server in
            let http = try client(server)
            try http.request("/shop/")
            let response = try http.readResponse()
            #expect(response.status == 200)
            #expect(response.body == Array("<!doctype html><title>Shop</title>".utf8))
            #expect(response.headers["cache-control"] == "no-store")
            #expect(response.headers["etag"] == nil)
        }
    }

    @Test("every URL listed in edge/EXPECTED.md is served with 200")
    func edgeExpectedURLsExist() throws {
        let expected = String(decoding: try siteFile("edge/EXPECTED.md"), as: UTF8.self)
        let block = try #require(expected.components(separatedBy: "```").dropFirst().first)
        let urls = block.split(separator: "\n").map(String.init).filter { $0.hasPrefix("/") }
        #expect(urls.count == 26)
        try withServer { server in
            let http = try client(server)
            for url in urls {
                try http.request(url, extra: ["Accept-Encoding: gzip, deflate, br, zstd"])
                #expect(try http.readResponse().status == 200, "\(url)")
            }
        }
    }

    @Test("precompressed siblings sit next to an existing original and are smaller or equal to it")
    func siblingsAreFresh() throws {
        let root = FixtureServer.bundledSites
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var siblings = 0
        for case let url as URL in enumerator where ["br", "gz"].contains(url.pathExtension) {
            siblings += 1
            let original = url.deletingPathExtension()
            #expect(FileManager.default.fileExists(atPath: original.path), "stale sibling \(url.path)")
        }
        #expect(siblings >= 20)
    }
}
