import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Pages that are hostile by their content or their size: bytes that are not what the page says they are,
    /// thousands of subresources, an HTTP/1.0 server.
    ///
    /// A self-signed TLS certificate is not served by the fixture server (it has no TLS): EndToEnd/ConnectionTests
    /// runs nginx with a fresh self-signed certificate — `selfSignedCertificateFailsUnlessInsecure` (error `tls`,
    /// "self-signed" and the `--insecure` advice in the message, nothing reaches the server) and
    /// `http2OverTLSMultiplexesOnOneConnection` (the same certificate with `verifyTLS = false`: every request loads).
    @Suite(.timeLimit(.minutes(2)))
    struct Content {
        // MARK: invalid UTF-8, wrong charsets

        /// Decoding never fails (invalid bytes become U+FFFD, an encoding that does not fit falls back as the
        /// HTML standard says): the DOM is counted and the resources are found as a browser would.
        @Test(arguments: [
            ("invalid-utf8.html", 13), ("latin1-declared-utf8.html", 11), ("utf8-declared-sjis.html", 11), ("bogus-charset.html", 11),
        ])
        func wrongBytesStillGiveTheDOMAndTheResources(name: String, elements: Int) throws {
            let load = try HostileSupport.load("/hostile/charset/\(name)")
            let run = load.run
            #expect(run.error == nil)
            #expect(run.domElements == elements)
            #expect(run.title?.isEmpty == false)
            var expected = ["/hostile/charset/\(name)", "/hostile/ok/s.css", "/hostile/ok/i.png", "/hostile/ok/j.js"]
            if name == "invalid-utf8.html" {
                // The invalid bytes of the image URL became U+FFFD, then UTF-8 percent-escapes, as in a browser.
                expected += ["/hostile/ok/caf%EF%BF%BD%EF%BF%BD.png", "/hostile/charset/invalid.css", "/hostile/ok/from-css.png"]
            }
            #expect(run.requests.count == expected.count, "\(run.requests.map { HostileSupport.target($0.url) })")
            load.expectSucceeded(expected)
        }

        /// The decoded title of each page: what the profile (and the report) shows for it.
        @Test func titlesAreDecodedAsABrowserWould() throws {
            let latin1 = try HostileSupport.load("/hostile/charset/latin1-declared-utf8.html")
            #expect(latin1.run.title == "Clinique Sainte-H\u{FFFD}l\u{FFFD}ne \u{FFFD} \u{FFFD}t\u{FFFD}", "declared UTF-8 wins: invalid bytes are U+FFFD")
            let bogus = try HostileSupport.load("/hostile/charset/bogus-charset.html")
            #expect(bogus.run.title == "Clinique Sainte-H\u{FFFD}l\u{FFFD}ne \u{FFFD} \u{FFFD}t\u{FFFD}",
                    "unknown header label ignored; <meta charset=utf-16> means UTF-8")
        }

        // MARK: 5,000 subresources

        @Test func fiveThousandSubresourcesAreEachRequestedAndRecorded() throws {
            var options = HostileSupport.options
            options.pageTimeoutMs = 120_000
            let load = try HostileSupport.load("/hostile/many/?n=5000", options: options)
            let run = load.run
            #expect(run.error == nil)
            #expect(run.requests.count == 5_001)
            #expect(run.totals.requests == 5_001)
            #expect(Set(run.requests.map(\.url)).count == 5_001)
            #expect(run.requests.allSatisfy { $0.status == 200 && $0.error == nil })
            #expect(run.skipped.isEmpty)
            #expect(load.log.count == 5_001)
            #expect(run.totals.transferBytes == load.log.reduce(0) { $0 + $1.bytesSent })
            #expect(run.domElements == 4 + 5_000 + 1, "html head title link body + 5,000 img")
            print("5,000 subresources: \(String(format: "%.2f", load.seconds)) s")
        }

        /// Its memory, measured as for the bomb page: `ecoscore profile` in a child process (see `MeasuredRun`).
        @Test(.enabled(if: MeasuredRun.binary != nil, "the ecoscore executable was not built"),
              .disabled(if: MeasuredRun.sanitized, "memory bounds are not measured under a sanitizer"))
        func fiveThousandSubresourcesStayWithinBoundedMemory() throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let result = try MeasuredRun.profile([server.url("/hostile/many/?n=5000").absoluteString, "--page-timeout", "120"])
            let summary = try JSONDecoder().decode(MeasuredRun.Summary.self, from: result.profile)
            let mb = Double(result.peakRSSBytes) / 1_000_000
            print("ecoscore profile /hostile/many/?n=5000: peak RSS \(String(format: "%.1f", mb)) MB (\(result.method)), \(String(format: "%.2f", result.seconds)) s")
            #expect(result.exitStatus == 0, "\(result.stderr)")
            #expect(summary.pages.first?.runs.first?.requests.count == 5_001)
            #expect(result.peakRSSBytes < 200_000_000, "peak RSS \(mb) MB")
        }

        // MARK: HTTP/1.0

        @Test func http10ServerIsProfiledExactly() throws {
            let load = try HostileSupport.load("/hostile/http10/")
            let run = load.run
            let targets = ["/hostile/http10/", "/hostile/http10/style.css", "/hostile/http10/logo.png",
                           "/hostile/http10/app.js", "/hostile/http10/bg.png"]
            #expect(run.error == nil)
            #expect(run.requests.count == targets.count)
            load.expectSucceeded(targets)
            #expect(run.requests.allSatisfy { $0.httpVersion == "HTTP/1.0" })
            #expect(run.domElements == 9, "html head title link link body h1 img script")
            for target in targets {
                let record = try load.record(target)
                let sent = try #require(load.logged(target).first)
                #expect(record.transferBytes == sent.bytesSent, "\(target)")
                #expect(record.headerBytes == sent.headerBytes, "\(target)")
                #expect(record.bodyBytes == sent.bodyBytes, "\(target)")
            }
            #expect(try load.record("/hostile/http10/logo.png").decodedBytes == 3_000, "no Content-Length: ends with the connection")
            #expect(run.totals.transferBytes == load.log.reduce(0) { $0 + $1.bytesSent })
        }
    }
}
