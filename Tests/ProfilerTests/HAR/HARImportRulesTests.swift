import Foundation
import Model
import Testing
@testable import Profiler

/// The importer's rules on a small hand-made recording that has what the real files lack: Chrome's
/// `_resourceType`, `_initiator` objects, status 0, `data:` entries, entries without a page, cookies,
/// IPv6 addresses, floats where integers belong.
@Suite("HAR: import rules")
struct HARImportRulesTests {
    static let har = #"""
    {
      "log": {
        "version": "1.2",
        "creator": {"name": "WebInspector", "version": "537.36"},
        "pages": [{"startedDateTime": "2024-03-01T10:00:00.000Z", "id": "page_1", "title": "Shop",
                   "pageTimings": {"onContentLoad": 120.5, "onLoad": 300}}],
        "entries": [
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.050Z", "time": 100,
           "_resourceType": "document",
           "request": {"method": "GET", "url": "https://shop.example/", "httpVersion": "h2",
                       "headers": [{"name": "Cookie", "value": "session=s3cr3t-session-value"},
                                   {"name": "Authorization", "value": "Bearer t0k3n"}],
                       "cookies": [{"name": "session", "value": "s3cr3t-session-value"}],
                       "queryString": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 301, "statusText": "", "httpVersion": "h2",
                        "headers": [{"name": "location", "value": "/home#top"},
                                    {"name": "set-cookie", "value": "a=1; Path=/"},
                                    {"name": "Set-Cookie", "value": "b=22; HttpOnly"}],
                        "cookies": [], "content": {"size": 0, "mimeType": "text/html"},
                        "redirectURL": "", "headersSize": -1, "bodySize": 0, "_transferSize": 180.0},
           "cache": {}, "serverIPAddress": "[2001:db8::1]", "connection": 4711,
           "timings": {"blocked": 1.5, "dns": 10, "connect": 30, "ssl": 20, "send": 0.5, "wait": 40, "receive": 18}},
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.160Z", "time": 200,
           "_resourceType": "document",
           "request": {"method": "GET", "url": "https://shop.example/home", "httpVersion": "h2",
                       "headers": [], "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "statusText": "", "httpVersion": "h2",
                        "headers": [{"name": "content-type", "value": "text/html; charset=utf-8"},
                                    {"name": "content-encoding", "value": "br"},
                                    {"name": "cache-control", "value": "no-cache"}],
                        "cookies": [], "content": {"size": 30000, "mimeType": "text/html"},
                        "redirectURL": "", "headersSize": -1, "bodySize": 8000, "_transferSize": 8200},
           "cache": {}, "serverIPAddress": "2001:db8::1",
           "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": 150, "receive": 50}},
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.400Z", "time": 30,
           "_resourceType": "stylesheet", "_initiator": {"type": "parser", "url": "https://shop.example/home"},
           "request": {"method": "GET", "url": "https://cdn.example/site.css", "headers": [], "cookies": [],
                       "queryString": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "httpVersion": "http/1.1",
                        "headers": [{"name": "Content-Type", "value": "text/css"}],
                        "content": {"size": 5000, "mimeType": "text/css"},
                        "redirectURL": "", "headersSize": 250, "bodySize": 5000},
           "timings": {"send": 0, "wait": 20, "receive": 10}},
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.450Z", "time": 25,
           "_resourceType": "font", "_initiator": {"type": "parser", "url": "https://cdn.example/site.css"},
           "request": {"method": "GET", "url": "https://cdn.example/f.woff2", "headers": [], "cookies": [],
                       "queryString": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "httpVersion": "h3",
                        "headers": [], "content": {"size": 12000, "mimeType": "font/woff2"},
                        "redirectURL": "", "headersSize": -1, "bodySize": -1},
           "timings": {"send": 0, "wait": 20, "receive": 5}},
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.500Z", "time": 5,
           "_resourceType": "xhr", "_initiator": {"type": "script", "stack": {"callFrames": [],
              "parent": {"callFrames": [{"url": "https://shop.example/app.js", "lineNumber": 3}]}}},
           "request": {"method": "POST", "url": "https://api.example/track", "headers": [], "cookies": [],
                       "queryString": [], "headersSize": -1, "bodySize": 20},
           "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [],
                        "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "",
                        "headersSize": -1, "bodySize": -1, "_transferSize": 0, "_error": "net::ERR_BLOCKED_BY_CLIENT"},
           "timings": {"blocked": 5, "dns": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0}},
          {"pageref": "page_1", "startedDateTime": "2024-03-01T10:00:00.510Z", "time": 0,
           "request": {"method": "GET", "url": "data:image/png;base64,iVBORw0KGgo=", "headers": [], "cookies": []},
           "response": {"status": 200, "content": {"size": 8, "mimeType": "image/png"}},
           "timings": {"send": 0, "wait": 0, "receive": 0}},
          {"startedDateTime": "2024-03-01T10:01:00.000+01:00", "time": 12.25,
           "request": {"method": "GET", "url": "http://other.example/favicon.ico"},
           "response": {"status": "404", "httpVersion": "HTTP/1.1",
                        "headers": [{"name": "Content-Type", "value": "text/html"}],
                        "content": {"size": 100, "mimeType": "text/html"},
                        "headersSize": 100, "bodySize": 100},
           "timings": {"send": 0, "wait": 10, "receive": 2.25}, "unknownField": {"x": [1, 2]}}
        ]
      }
    }
    """#

    private func profile() throws -> Profile { try HARTestSupport.importJSON(Self.har) }

    @Test func pagesAndRequests() throws {
        let profile = try profile()
        #expect(profile.source == "har")
        #expect(profile.pages.count == 2)
        let page = profile.pages[0]
        #expect(page.name == "Shop")
        #expect(page.url == "https://shop.example/")
        let run = page.runs[0]
        // The data: entry is not a request.
        #expect(run.requests.map(\.url) == [
            "https://shop.example/", "https://shop.example/home", "https://cdn.example/site.css",
            "https://cdn.example/f.woff2", "https://api.example/track",
        ])
        #expect(run.finalURL == "https://shop.example/home")
        #expect(run.title == "Shop")
        #expect(run.startedAt == HARDate.parse("2024-03-01T10:00:00.000Z"))
        #expect(abs(run.durationMs - 505) < 0.001)
        #expect(run.error == nil)
        // Entries without pageref: one more page, named by nothing, at its first document's URL.
        let extra = profile.pages[1]
        #expect(extra.name == nil)
        #expect(extra.url == "http://other.example/favicon.ico")
        #expect(extra.runs[0].error?.code == "http-status")
    }

    @Test func discoveryDepthAndTypes() throws {
        let r = try profile().pages[0].runs[0].requests
        #expect(r.map(\.resourceType) == [.document, .document, .stylesheet, .font, .fetch])
        #expect(r.map(\.discovery) == [.navigation, .redirect, .html, .css, .html])
        #expect(r.map(\.depth) == [0, 0, 1, 2, 1])
        #expect(r.map(\.initiator) == [nil, "https://shop.example/", "https://shop.example/home",
                                       "https://cdn.example/site.css", "https://shop.example/app.js"])
        #expect(r[0].redirectURL == "https://shop.example/home")
        #expect(r.map(\.httpVersion) == ["HTTP/2", "HTTP/2", "HTTP/1.1", "HTTP/3", nil])
        #expect(r[4].method == "POST")
    }

    @Test func sizes() throws {
        let r = try profile().pages[0].runs[0].requests
        #expect(r.map(\.transferBytes) == [180, 8200, 5250, 0, 0])
        #expect(r.map(\.headerBytes) == [nil, nil, 250, nil, nil])
        #expect(r.map(\.bodyBytes) == [0, 8000, 5000, nil, nil])
        #expect(r.map(\.decodedBytes) == [0, 30000, 5000, 12000, 0])
        #expect(r[1].contentType == "text/html; charset=utf-8")
        #expect(r[1].contentEncoding == "br")
        #expect(r[1].cache.cacheControl == "no-cache")
        #expect(r[3].contentType == "font/woff2")
    }

    @Test func statusZeroIsAFailureWithoutStatus() throws {
        let r = try profile().pages[0].runs[0].requests[4]
        #expect(r.status == nil)
        #expect(r.error?.code == "no-response")
        #expect(r.error?.message.contains("net::ERR_BLOCKED_BY_CLIENT") == true)
        let totals = try profile().pages[0].runs[0].totals
        #expect(totals.failedRequests == 1)
        #expect(totals.redirects == 1)
        // A status written as a string still reads.
        #expect(try profile().pages[1].runs[0].requests[0].status == 404)
    }

    @Test func cookiesAreCountedNotKept() throws {
        let r = try profile().pages[0].runs[0].requests[0]
        #expect(r.cookieBytesSent == "session=s3cr3t-session-value".utf8.count)
        #expect(r.cookieBytesSet == "a=1; Path=/".utf8.count + "b=22; HttpOnly".utf8.count)
        let json = String(decoding: try JSONEncoder().encode(try profile()), as: UTF8.self)
        #expect(!json.contains("s3cr3t"))
        #expect(!json.contains("t0k3n"))
    }

    @Test func addressAndTimings() throws {
        let r = try profile().pages[0].runs[0].requests
        #expect(r[0].remoteAddress == "2001:db8::1")
        #expect(r[1].remoteAddress == "2001:db8::1")
        let t = r[0].timings
        #expect(t.startMs.map { abs($0 - 50) < 0.001 } == true)
        #expect(t.dnsMs == 10)
        #expect(t.tlsMs == 20)
        #expect(t.connectMs == 10)  // connect 30 includes ssl 20
        #expect(t.firstByteMs == 1.5 + 10 + 30 + 0.5 + 40)
        #expect(t.totalMs == 100)
        #expect(r[1].timings.dnsMs == nil && r[1].timings.connectMs == nil && r[1].timings.tlsMs == nil)
        #expect(r[1].timings.firstByteMs == 150)
        // The page without pageref starts at its first entry (+01:00 is 09:01 UTC).
        let extra = try profile().pages[1].runs[0]
        #expect(extra.startedAt == HARDate.parse("2024-03-01T09:01:00Z"))
        #expect(extra.requests[0].timings.startMs == 0)
        #expect(extra.durationMs == 12.25)
    }

    @Test func httpVersionNormalisation() {
        let cases: [(String, String?)] = [
            ("h2", "HTTP/2"), ("HTTP/2.0", "HTTP/2"), ("http/2.0", "HTTP/2"), ("http/1.1", "HTTP/1.1"),
            ("HTTP/1.1", "HTTP/1.1"), ("1.1", "HTTP/1.1"), ("HTTP/1.0", "HTTP/1.0"), ("h3", "HTTP/3"),
            ("h3-29", "HTTP/3"), ("", nil), ("unknown", nil), ("spdy/3.1", "SPDY/3.1"),
        ]
        for (raw, expected) in cases { #expect(HARImporter.normalizedHTTPVersion(raw) == expected, "\(raw)") }
    }

    @Test func typesFromMIMEWithoutResourceType() {
        func type(_ mime: String, _ url: String = "https://x.example/a") -> ResourceType {
            HARImporter.resourceType(mimeType: mime, url: url)
        }
        #expect(type("text/html; charset=utf-8") == .document)
        #expect(type("text/css") == .stylesheet)
        #expect(type("application/x-javascript") == .script)
        #expect(type("image/svg+xml") == .image)
        #expect(type("image/x-icon") == .image)
        #expect(type("application/font-woff") == .font)
        #expect(type("application/octet-stream", "https://x.example/f.woff2?v=1") == .font)
        #expect(type("video/mp4") == .media)
        #expect(type("application/json") == .fetch)
        #expect(type("text/plain") == .other)
        #expect(HARImporter.resourceType(chromeResourceType: "xhr") == .fetch)
        #expect(HARImporter.resourceType(chromeResourceType: "Fetch") == .fetch)
        #expect(HARImporter.resourceType(chromeResourceType: "manifest") == .other)
        #expect(HARImporter.resourceType(chromeResourceType: "texttrack") == .other)
        #expect(HARImporter.resourceType(chromeResourceType: "newthing") == nil)
    }

    @Test func dates() {
        #expect(HARDate.parse("2016-01-25T22:21:09.452+01:00") == Date(timeIntervalSince1970: 1_453_756_869.452))
        #expect(HARDate.parse("2016-01-25T21:21:09.452Z") == HARDate.parse("2016-01-25T22:21:09.452+0100"))
        #expect(HARDate.parse("2015-08-29T19:47:08.000+00:00") == Date(timeIntervalSince1970: 1_440_877_628))
        #expect(HARDate.parse("2015-08-29T19:47:08Z") == Date(timeIntervalSince1970: 1_440_877_628))
        #expect(HARDate.parse("yesterday") == nil)
        #expect(HARDate.parse("") == nil)
        #expect(HARDate.format(Date(timeIntervalSince1970: 1_453_756_869.452)) == "2016-01-25T21:21:09.452Z")
        #expect(HARDate.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(HARDate.format(Date(timeIntervalSince1970: 951_782_400.9996)) == "2000-02-29T00:00:01.000Z")
    }

    @Test func entriesReferringToAnUnknownPageFormTheirOwnPage() throws {
        let profile = try HARTestSupport.importJSON(#"""
        {"log": {"entries": [
          {"pageref": "p9", "startedDateTime": "2024-01-01T00:00:00Z", "time": 1,
           "request": {"url": "https://a.example/"}, "response": {"status": 200}}
        ]}}
        """#)
        #expect(profile.pages.count == 1)
        #expect(profile.pages[0].url == "https://a.example/")
        #expect(profile.pages[0].runs[0].totals.requests == 1)
    }
}
