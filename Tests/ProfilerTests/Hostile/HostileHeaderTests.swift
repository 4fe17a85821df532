import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Response heads far larger than any real server sends. libcurl 7.88 (Debian 12) accepts a header line up
    /// to 100 kB (`CURL_MAX_HTTP_HEADER`) and a response head up to 300 kB in all (the CVE-2023-38039 limit,
    /// backported); 64 kB passes either way. What the profile keeps of header values is capped at
    /// `ResponseHeaders.maxValueLength` characters, so a hostile header cannot bloat profiles and reports.
    @Suite(.timeLimit(.minutes(1)))
    struct Headers {
        @Test func sixtyFourKilobytesOfHeaderLinesAreFine() throws {
            let load = try HostileSupport.load("/hostile/headers/page.html")
            #expect(load.run.error == nil)
            load.expectSucceeded(["/hostile/headers/page.html", "/hostile/ok/fine.png"])
            let record = try load.record("/hostile/headers/page.html")
            let sent = try #require(load.logged("/hostile/headers/page.html").first)
            #expect(sent.headerBytes > 64 * 1024)
            #expect(record.headerBytes == sent.headerBytes)
            #expect(record.transferBytes == sent.bytesSent)
        }

        /// One 64 kB header line: accepted, and only `maxValueLength` characters of it are kept.
        @Test(arguments: ["X-Filler", "Cache-Control", "Content-Type", "ETag", "Expires", "Last-Modified", "Set-Cookie", "Content-Encoding"])
        func aSixtyFourKilobyteHeaderValueIsKeptBounded(name: String) throws {
            let path = "/hostile/headers/page.html?shape=one&name=\(name)"
            let load = try HostileSupport.load(path)
            let record = try load.record(path)
            let cap = ResponseHeaders.maxValueLength
            #expect(record.headerBytes == load.logged(path).first?.headerBytes)
            #expect(record.headerBytes ?? 0 > 64 * 1024)
            let kept = [record.contentType, record.contentEncoding, record.cache.cacheControl, record.cache.expires,
                        record.cache.etag, record.cache.lastModified].compactMap { $0 }
            #expect(kept.allSatisfy { $0.count <= cap }, "\(kept.map(\.count))")
            // The whole run, as it lands in a profile, stays small.
            let json = try JSONEncoder().encode(load.run)
            #expect(json.count < 4 * cap + 4_000, "\(json.count) bytes of JSON")
            switch name {
            case "Content-Encoding":
                // "aaaa…" is no coding libcurl knows: it refuses the body, and says so.
                #expect(record.error?.code == "bad-encoding")
                #expect(load.run.error?.code == "bad-encoding")
            case "Set-Cookie":
                #expect(record.cookieBytesSet > 64 * 1000, "counted, never kept")
                #expect(load.run.error == nil)
            default:
                #expect(load.run.error == nil)
                #expect(record.error == nil)
                // Still an HTML page (the real type leads the long Content-Type): its image is found.
                load.expectSucceeded(["/hostile/ok/fine.png"])
            }
            if name == "Content-Type" {
                #expect(record.contentType?.count == cap)
                #expect(record.contentType?.hasPrefix("text/html; charset=utf-8; x=aaa") == true)
            }
            if name == "Cache-Control" { #expect(record.cache.cacheControl?.count == cap) }
        }

        /// Past libcurl's limits the request fails cleanly, on that request, with a reason that says so.
        @Test func headersPastLibcurlsLimitsFailTheirOwnRequest() throws {
            let load = try HostileSupport.load("/hostile/headers/")
            #expect(load.run.error == nil)
            #expect(load.run.requests.count == 4, "\(load.run.requests.map { "\($0.url) \($0.status ?? 0) \($0.error?.code ?? "")" })")
            load.expectSucceeded(["/hostile/headers/", "/hostile/ok/fine.png"])
            for target in ["/hostile/headers/big.png?kb=200&shape=one", "/hostile/headers/big.png?kb=400"] {
                let record = try load.record(target)
                #expect(record.error?.code == "headers-too-large", "\(target): \(record.error?.code ?? "-"): \(record.error?.message ?? "")")
                #expect(record.error?.message.contains("response headers") == true, "\(record.error?.message ?? "")")
            }
        }

        @Test func headersPastLibcurlsLimitsOnTheDocumentFailThePage() throws {
            let load = try HostileSupport.load("/hostile/headers/page.html?kb=400")
            #expect(load.run.requests.count == 1)
            #expect(load.run.error?.code == "headers-too-large")
        }
    }
}
