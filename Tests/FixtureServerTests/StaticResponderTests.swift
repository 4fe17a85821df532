import Foundation
import Testing
@testable import FixtureServer

@Suite("Files, compression, site rules")
struct StaticResponderTests {
    @Test("br is chosen for `gzip, br` when a .br sibling exists; the body is the sibling")
    func brotliPreferred() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/styles.css", extra: ["Accept-Encoding: gzip, br"])
            let response = try http.readResponse()
            #expect(response.headers["content-encoding"] == "br")
            #expect(response.headers["vary"] == "Accept-Encoding")
            #expect(response.body == (try siteFile("lean/styles.css.br")))
            #expect(response.headers["content-length"] == String(try siteFile("lean/styles.css.br").count))
            #expect(server.accessLog().last?.contentEncoding == "br")
        }
    }

    @Test("gzip when br is refused or not offered", arguments: ["gzip", "br;q=0, gzip;q=0.8", "gzip, deflate"])
    func gzipFallback(acceptEncoding: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/app.js", extra: ["Accept-Encoding: \(acceptEncoding)"])
            let response = try http.readResponse()
            #expect(response.headers["content-encoding"] == "gzip")
            #expect(response.body == (try siteFile("lean/app.js.gz")))
        }
    }

    @Test("identity without Accept-Encoding: the body is the file itself")
    func identityWithoutAcceptEncoding() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/index.html")
            let response = try http.readResponse()
            #expect(response.headers["content-encoding"] == nil)
            #expect(response.headers["vary"] == "Accept-Encoding")
            #expect(response.body == (try siteFile("lean/index.html")))
            #expect(server.accessLog().last?.contentEncoding == nil)
        }
    }

    @Test("a site with \"encodings\": [] never compresses and sends no cache headers")
    func bloatedIsUncompressedAndUncached() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/bloated/js/jquery.js", extra: ["Accept-Encoding: gzip, deflate, br, zstd"])
            let response = try http.readResponse()
            #expect(response.status == 200)
            #expect(response.headers["content-encoding"] == nil)
            #expect(response.headers["vary"] == nil)
            #expect(response.headers["cache-control"] == nil)
            #expect(response.headers["etag"] == nil)
            #expect(response.headers["last-modified"] == nil)
            #expect(response.body == (try siteFile("bloated/js/jquery.js")))
        }
    }

    @Test("the header set is fixed: no Date, no Server; caching headers per site")
    func headerSet() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/logo.svg", extra: ["Accept-Encoding: br"])
            let response = try http.readResponse()
            #expect(Set(response.headers.keys) == [
                "content-type", "content-length", "content-encoding", "vary", "cache-control", "etag", "last-modified",
            ])
            #expect(response.headers["cache-control"] == "public, max-age=31536000")
            #expect(response.headers["last-modified"] == "Mon, 01 Jan 2024 00:00:00 GMT")
            // Same request, same bytes: sizes are deterministic.
            try http.request("/lean/logo.svg", extra: ["Accept-Encoding: br"])
            let again = try http.readResponse()
            #expect(again.headers == response.headers)
            #expect(again.totalBytes == response.totalBytes)
        }
    }

    @Test("If-None-Match with the current ETag gives 304 without a body")
    func notModified() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/styles.css")
            let etag = try #require(try http.readResponse().headers["etag"])
            try http.request("/lean/styles.css", extra: ["If-None-Match: \(etag)"])
            let response = try http.readResponse()
            #expect(response.status == 304)
            #expect(response.body.isEmpty)
            #expect(server.accessLog().last?.bodyBytes == 0)
        }
    }

    @Test("HEAD: headers of the GET, no body; Content-Length is the file size")
    func head() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/bloated/img/hero.jpg", method: "HEAD", extra: ["Connection: close"])
            let response = try http.readResponse(bodyless: true)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "image/jpeg")
            #expect(response.headers["content-length"] == String(try siteFile("bloated/img/hero.jpg").count))
            #expect(try http.readToEnd().isEmpty)
            let entry = try #require(server.accessLog().last)
            #expect(entry.method == "HEAD")
            #expect(entry.bodyBytes == 0)
            #expect(entry.bytesSent == response.headBytes)
        }
    }

    @Test("404 for a missing file and for /favicon.ico when the root has none")
    func notFound() throws {
        try withServer { server in
            let http = try client(server)
            for target in ["/lean/nothing.css", "/favicon.ico", "/nosuchsite/"] {
                try http.request(target)
                let response = try http.readResponse()
                #expect(response.status == 404, "\(target)")
                #expect(String(decoding: response.body, as: UTF8.self) == "404 Not Found\n")
            }
        }
    }

    @Test("configured redirects: status and Location", arguments: [
        ("/bloated/img/hero-old.jpg", 301, "/bloated/img/hero-v2.jpg"),
        ("/bloated/img/hero-v2.jpg", 302, "/bloated/img/hero.jpg"),
        ("/bloated/start", 301, "/bloated/index.html"),
        ("/lean", 301, "/lean/"),
    ])
    func redirects(target: String, status: Int, location: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request(target)
            let response = try http.readResponse()
            #expect(response.status == status)
            #expect(response.headers["location"] == location)
            #expect(response.body.isEmpty)
            #expect(server.accessLog().last?.status == status)
        }
    }

    @Test("configured errors win over files", arguments: [("/bloated/js/missing.js", 404), ("/bloated/css/boom.css", 500)])
    func configuredErrors(target: String, status: Int) throws {
        try withServer { server in
            let http = try client(server)
            try http.request(target)
            #expect(try http.readResponse().status == status)
        }
    }

    @Test("path traversal is refused, raw or percent-encoded", arguments: [
        "/lean/../bloated/index.html", "/lean/%2e%2e/bloated/index.html", "/%2E%2E/%2E%2E/etc/passwd", "/lean/./index.html",
    ])
    func traversal(target: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request(target)
            let response = try http.readResponse()
            #expect(response.status == 403)
            #expect(!String(decoding: response.body, as: UTF8.self).contains("<html"))
        }
    }

    @Test("_site.json and precompressed siblings are never served as URLs", arguments: [
        "/lean/_site.json", "/bloated/_site.json", "/_site.json", "/lean/styles.css.br", "/lean/styles.css.gz",
    ])
    func hiddenFiles(target: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request(target)
            #expect(try http.readResponse().status == 404)
        }
    }

    @Test("Set-Cookie on the lean index (both URL forms), not on other pages")
    func setCookie() throws {
        try withServer { server in
            let http = try client(server)
            for target in ["/lean/", "/lean/index.html"] {
                try http.request(target)
                #expect(try http.readResponse().headers["set-cookie"] == "session=abc123; Path=/; HttpOnly")
            }
            try http.request("/lean/about.html")
            #expect(try http.readResponse().headers["set-cookie"] == nil)
        }
    }

    @Test("raw UTF-8 and percent-encoded names map to the same file; the query is ignored")
    func unicodeAndQuery() throws {
        try withServer { server in
            let expected = try siteFile("edge/sub/img/café-ü.png")
            let http = try client(server)
            try http.request("/edge/sub/img/caf%C3%A9-%C3%BC.png")
            #expect(try http.readResponse().body == expected)
            try http.send(Array("GET /edge/sub/img/café-ü.png HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            #expect(try http.readResponse().body == expected)
            try http.request("/bloated/img/pixel.gif?uid=4711&ev=pageview")
            let pixel = try http.readResponse()
            #expect(pixel.body == (try siteFile("bloated/img/pixel.gif")))
            #expect(server.accessLog().last?.path == "/bloated/img/pixel.gif?uid=4711&ev=pageview")
        }
    }

    @Test("Content-Type by extension; text types carry charset", arguments: [
        ("/edge/sub/site.webmanifest", "application/manifest+json; charset=utf-8"),
        ("/edge/sub/js/main.mjs", "text/javascript; charset=utf-8"),
        ("/edge/sub/media/intro.en.vtt", "text/vtt; charset=utf-8"),
        ("/edge/sub/img/clinic.avif", "image/avif"),
        ("/edge/sub/css/fonts/linden-sans.woff2", "font/woff2"),
        ("/edge/sub/media/intro.mp4", "video/mp4"),
        ("/edge/", "text/html; charset=utf-8"),
    ])
    func contentTypes(target: String, type: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request(target)
            #expect(try http.readResponse().headers["content-type"] == type)
        }
    }
}
