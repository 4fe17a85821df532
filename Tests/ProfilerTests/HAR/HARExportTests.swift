import Foundation
import Model
import Testing
@testable import Profiler

@Suite("HAR: export")
struct HARExportTests {
    /// A live-like profile: two pages (the first with two runs), a redirect, a failure, cookies sent and set.
    static func handMadeProfile() -> Profile {
        let start = Date(timeIntervalSince1970: 1_700_000_000.25)
        let doc = RequestRecord(
            url: "https://app.example/login?next=%2Fhome&lang=fr", discovery: .navigation, resourceType: .document,
            depth: 0, status: 302, httpVersion: "HTTP/2", remoteAddress: "[2001:db8::7]:443", transferBytes: 412,
            headerBytes: 412, bodyBytes: 0, decodedBytes: 0, contentType: "text/html",
            cache: CacheHeaders(cacheControl: "no-store"), cookieBytesSent: 120, cookieBytesSet: 300,
            redirectURL: "https://app.example/home",
            timings: Timings(startMs: 0, dnsMs: 4, connectMs: 6, tlsMs: 12, firstByteMs: 40, totalMs: 41))
        let home = RequestRecord(
            url: "https://app.example/home", initiator: "https://app.example/login?next=%2Fhome&lang=fr",
            discovery: .redirect, resourceType: .document, depth: 0, status: 200, httpVersion: "HTTP/2",
            remoteAddress: "192.0.2.10:443", transferBytes: 5300, headerBytes: 300, bodyBytes: 5000,
            decodedBytes: 21000, contentType: "text/html; charset=utf-8", contentEncoding: "gzip",
            cache: CacheHeaders(cacheControl: "private", expires: "0", etag: "\"abc\"", lastModified: "Tue, 1 Oct 2024"),
            cookieBytesSent: 120, cookieBytesSet: 48,
            timings: Timings(startMs: 42, firstByteMs: 30, totalMs: 35))
        let broken = RequestRecord(
            url: "https://cdn.example/gone.js", initiator: "https://app.example/home", discovery: .html,
            resourceType: .script, depth: 1, transferBytes: 0,
            error: RequestError(code: "connect", message: "could not connect to cdn.example"))
        let requests = [doc, home, broken]
        let run = PageRun(startedAt: start, durationMs: 120, finalURL: home.url, title: "Home", domElements: 321,
                          requests: requests, totals: PageTotals(summing: requests))
        let run2 = PageRun(startedAt: start.addingTimeInterval(5), durationMs: 110, finalURL: home.url,
                           domElements: 321, requests: requests, totals: PageTotals(summing: requests))
        let other = RequestRecord(url: "http://192.0.2.1:8080/", discovery: .navigation, resourceType: .document,
                                  depth: 0, status: 200, httpVersion: "HTTP/1.1", remoteAddress: "192.0.2.1:8080",
                                  transferBytes: 100, headerBytes: 60, bodyBytes: 40, decodedBytes: 40,
                                  timings: Timings(startMs: 0, totalMs: 3))
        let otherRun = PageRun(startedAt: start.addingTimeInterval(10), durationMs: 3, finalURL: other.url,
                               domElements: 5, requests: [other], totals: PageTotals(summing: [other]))
        return Profile(
            tool: ToolInfo(name: "ecoscore", version: "1.2.3", engine: "libcurl/8.5.0"),
            createdAt: start, settings: HARTestSupport.settings,
            pages: [
                PageProfile(name: "login", url: doc.url, runs: [run, run2], summary: PageSummary(runs: [run, run2])),
                PageProfile(url: other.url, runs: [otherRun], summary: PageSummary(runs: [otherRun])),
            ])
    }

    private func json(_ profile: Profile) throws -> [String: Any] {
        let data = try HARExporter.data(profile)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func roundTripOfARealRecording() throws {
        let original = try HARTestSupport.importShared("size--allSizes.har")
        let data = try HARExporter.data(original)
        let again = try HARTestSupport.importJSON(String(decoding: data, as: UTF8.self), name: "exported.har")
        #expect(again.pages.count == original.pages.count)
        for (a, b) in zip(original.pages, again.pages) {
            let ra = a.runs[0], rb = b.runs[0]
            #expect(rb.totals == ra.totals)
            #expect(rb.requests.map(\.url) == ra.requests.map(\.url))
            #expect(rb.requests.map(\.transferBytes) == ra.requests.map(\.transferBytes))
            #expect(rb.requests.map(\.headerBytes) == ra.requests.map(\.headerBytes))
            #expect(rb.requests.map(\.bodyBytes) == ra.requests.map(\.bodyBytes))
            #expect(rb.requests.map(\.decodedBytes) == ra.requests.map(\.decodedBytes))
            #expect(rb.requests.map(\.status) == ra.requests.map(\.status))
            #expect(rb.requests.map(\.resourceType) == ra.requests.map(\.resourceType))
            #expect(rb.requests.map(\.httpVersion) == ra.requests.map(\.httpVersion))
            #expect(rb.requests.map(\.contentType) == ra.requests.map(\.contentType))
            #expect(rb.requests.map(\.cache) == ra.requests.map(\.cache))
            #expect(rb.finalURL == ra.finalURL)
            #expect(rb.startedAt == ra.startedAt)
            #expect(abs(rb.durationMs - ra.durationMs) < 0.01)
            for (x, y) in zip(ra.requests, rb.requests) {
                #expect(abs((y.timings.startMs ?? -1) - (x.timings.startMs ?? -1)) < 0.01)
                #expect(abs((y.timings.totalMs ?? -1) - (x.timings.totalMs ?? -1)) < 0.01)
                #expect(abs((y.timings.firstByteMs ?? -1) - (x.timings.firstByteMs ?? -1)) < 0.01)
            }
        }
    }

    @Test func roundTripOfAHandMadeProfile() throws {
        let profile = Self.handMadeProfile()
        let again = try HARTestSupport.importJSON(String(decoding: try HARExporter.data(profile), as: UTF8.self))
        // Every run is a HAR page: login run 1, login run 2, the second page.
        #expect(again.pages.count == 3)
        #expect(again.pages.map(\.name) == ["login", "login", "http://192.0.2.1:8080/"])
        let run = again.pages[0].runs[0]
        let original = profile.pages[0].runs[0]
        #expect(run.totals == original.totals)
        #expect(run.requests.map(\.status) == original.requests.map(\.status))
        #expect(run.requests.map(\.discovery) == original.requests.map(\.discovery))
        #expect(run.requests.map(\.depth) == original.requests.map(\.depth))
        #expect(run.requests.map(\.initiator) == original.requests.map(\.initiator))
        #expect(run.requests.map(\.redirectURL) == original.requests.map(\.redirectURL))
        #expect(run.requests.map(\.error) == original.requests.map(\.error))
        #expect(run.requests.map(\.remoteAddress) == ["2001:db8::7", "192.0.2.10", nil])
        #expect(run.requests.map(\.cookieBytesSent) == [0, 0, 0])  // lengths are not in a HAR without values
        let t = run.requests[0].timings
        let o = original.requests[0].timings
        #expect(t.dnsMs == o.dnsMs && t.connectMs == o.connectMs && t.tlsMs == o.tlsMs)
        #expect(t.firstByteMs == o.firstByteMs && t.totalMs == o.totalMs)
        #expect(run.startedAt == original.startedAt)
        #expect(again.pages[1].runs[0].startedAt == profile.pages[0].runs[1].startedAt)
    }

    /// Every field HAR 1.2 requires, with its JSON type.
    @Test(arguments: ["hand-made", "size--allSizes.har", "redirect--arcelormittal.com.har"])
    func everyRequiredFieldIsWritten(_ source: String) throws {
        let profile = source == "hand-made" ? Self.handMadeProfile() : try HARTestSupport.importShared(source)
        let root = try json(profile)
        let log = try #require(root["log"] as? [String: Any])
        #expect(log["version"] as? String == "1.2")
        let creator = try #require(log["creator"] as? [String: Any])
        #expect(creator["name"] as? String == "ecoscore")
        #expect(creator["version"] is String)
        let pages = try #require(log["pages"] as? [[String: Any]])
        #expect(pages.count == profile.pages.reduce(0) { $0 + $1.runs.count })
        for page in pages {
            #expect(HARDate.parse(try #require(page["startedDateTime"] as? String)) != nil)
            #expect(page["id"] is String)
            #expect(page["title"] is String)
            #expect(page["pageTimings"] is [String: Any])
        }
        let pageIDs = Set(pages.compactMap { $0["id"] as? String })
        #expect(pageIDs.count == pages.count)
        let entries = try #require(log["entries"] as? [[String: Any]])
        #expect(entries.count == profile.pages.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.requests.count } })
        for entry in entries {
            #expect(pageIDs.contains(try #require(entry["pageref"] as? String)))
            let started = try #require(entry["startedDateTime"] as? String)
            #expect(started.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
            let time = try #require(entry["time"] as? Double)
            #expect(time >= 0)
            #expect(entry["cache"] is [String: Any])
            #expect(entry["_resourceType"] is String)

            let request = try #require(entry["request"] as? [String: Any])
            for key in ["method", "url", "httpVersion"] { #expect(request[key] is String, "request.\(key)") }
            for key in ["cookies", "headers", "queryString"] { #expect(request[key] is [Any], "request.\(key)") }
            for key in ["headersSize", "bodySize"] { #expect(request[key] is Int, "request.\(key)") }

            let response = try #require(entry["response"] as? [String: Any])
            for key in ["statusText", "httpVersion", "redirectURL"] { #expect(response[key] is String, "response.\(key)") }
            for key in ["status", "headersSize", "bodySize", "_transferSize"] {
                #expect(response[key] is Int, "response.\(key)")
            }
            for key in ["cookies", "headers"] { #expect(response[key] is [Any], "response.\(key)") }
            let content = try #require(response["content"] as? [String: Any])
            #expect(content["size"] is Int)
            #expect(content["mimeType"] is String)

            let timings = try #require(entry["timings"] as? [String: Double])
            for key in ["blocked", "dns", "connect", "send", "wait", "receive", "ssl"] {
                let value = try #require(timings[key], "timings.\(key)")
                #expect(value >= 0 || value == -1)
            }
            for key in ["send", "wait", "receive"] { #expect(timings[key]! >= 0) }
            // time is the sum of the phases (ssl is inside connect).
            let sum = ["blocked", "dns", "connect", "send", "wait", "receive"].reduce(0.0) { $0 + max(0, timings[$1]!) }
            #expect(abs(sum - time) < 0.01)
        }
    }

    @Test func noSecretsAreExported() throws {
        let data = try HARExporter.data(Self.handMadeProfile())
        let text = String(decoding: data, as: UTF8.self).lowercased()
        #expect(!text.contains("authorization"))
        #expect(!text.contains("set-cookie"))
        #expect(!text.contains("\"cookie\""))
        let allowed: Set<String> = ["content-type", "content-encoding", "cache-control", "expires", "etag",
                                    "last-modified", "location"]
        let document = try JSONDecoder().decode(HARDocument.self, from: data)
        for entry in document.log.entries {
            #expect(entry.request.headers.isEmpty)
            #expect(entry.request.cookies.isEmpty && entry.response.cookies.isEmpty)
            #expect(entry.request.postData == nil)
            for header in entry.response.headers { #expect(allowed.contains(header.name.lowercased()), "\(header.name)") }
        }
        // The login redirect's headers: only what the profile holds.
        let login = document.log.entries[0]
        #expect(login.response.headers.map(\.name) == ["Content-Type", "Cache-Control", "Location"])
        #expect(login.request.queryString.map(\.name) == ["next", "lang"])
        #expect(login.serverIPAddress == "2001:db8::7")
    }

    @Test func secretsInAnImportedRecordingDoNotReachTheExport() throws {
        let profile = try HARTestSupport.importJSON(HARImportRulesTests.har)
        let text = String(decoding: try HARExporter.data(profile), as: UTF8.self)
        #expect(!text.contains("s3cr3t"))
        #expect(!text.contains("t0k3n"))
        #expect(!text.lowercased().contains("authorization"))
        #expect(!text.contains("HttpOnly"))
    }

    @Test func timingsAreSplitIntoPhases() {
        let (phases, total) = HARExporter.harTimings(Timings(startMs: 5, dnsMs: 4, connectMs: 6, tlsMs: 12,
                                                             firstByteMs: 40, totalMs: 41))
        #expect(phases == HARDocument.Timings(blocked: -1, dns: 4, connect: 18, send: 0, wait: 18, receive: 1, ssl: 12))
        #expect(total == 41)
        let (unknown, zero) = HARExporter.harTimings(Timings())
        #expect(unknown == HARDocument.Timings(blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1))
        #expect(zero == 0)
    }

    @Test func exportIsDeterministic() throws {
        let profile = Self.handMadeProfile()
        #expect(try HARExporter.data(profile) == HARExporter.data(profile))
    }
}
