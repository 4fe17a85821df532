import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Gzip bombs (`/hostile/bomb/`): 4 GiB of zeros in ~4 MB (one gzip layer) or ~26 kB (two layers). The
    /// decoded-size cap (`maxBodyBytes`, `--max-body-mb`, default 100 MB) abandons the transfer; the page and its
    /// other requests are unaffected, and memory stays bounded.
    @Suite(.timeLimit(.minutes(2)))
    struct GzipBombs {
        /// The hand-made streams are valid gzip: libcurl (zlib) decodes them to exactly the announced size, CRC
        /// and length checked, when the cap allows it.
        /// (The 4 GiB streams are built the same way; `gzip -t` accepts them.)
        @Test(arguments: [1, 2])
        func bombStreamIsValidGzip(layers: Int) throws {
            let path = "/hostile/bomb/zeros.png?mib=64&layers=\(layers)"
            var options = HostileSupport.options
            options.maxBodyBytes = 1 << 30
            let load = try HostileSupport.load(path, options: options)
            let record = try #require(load.run.requests.first)
            #expect(record.error == nil, "\(record.error?.message ?? "")")
            #expect(record.decodedBytes == 64 << 20)
            #expect(record.contentEncoding == (layers == 1 ? "gzip" : "gzip, gzip"))
            #expect((record.bodyBytes ?? 0) < (layers == 1 ? 70_000 : 1_000), "tiny on the wire")
            #expect(record.transferBytes == load.logged(path).first?.bytesSent)
        }

        @Test func bombSubresourcesAreAbandonedAndThePageCompletes() throws {
            let load = try HostileSupport.load("/hostile/bomb/")
            let run = load.run
            #expect(run.error == nil)
            #expect(run.domElements != nil)
            #expect(run.requests.count == 5)
            load.expectSucceeded(["/hostile/bomb/", "/hostile/ok/fine.png", "/hostile/ok/fine.js"])
            let limit = HostileSupport.options.maxBodyBytes
            for target in ["/hostile/bomb/boom.css?layers=2", "/hostile/bomb/boom.png"] {
                let bomb = try load.record(target)
                #expect(bomb.status == 200)
                #expect(bomb.error?.code == "too-large", "\(target)")
                #expect(bomb.error?.message == "decoded body exceeded the limit of 100 MB (--max-body-mb); transfer abandoned")
                // Stopped right after the limit, a few zlib output buffers over it at most.
                #expect((bomb.decodedBytes ?? 0) > limit && (bomb.decodedBytes ?? 0) < limit + 1_000_000, "\(target)")
                // Tiny on the wire: ~100 kB of a one-layer stream, a few kB of a two-layer one; never more
                // than the server could write.
                #expect((bomb.bodyBytes ?? .max) < 200_000, "\(target)")
                let sent = try #require(load.logged(target).first)
                #expect(bomb.transferBytes <= sent.bytesSent)
            }
            #expect(run.totals.decodedBytes >= 2 * limit)
            #expect(load.seconds < 60)
        }

        @Test func bombDocumentFailsThePageWithTooLarge() throws {
            let load = try HostileSupport.load("/hostile/bomb/page.html")
            #expect(load.run.requests.count == 1)
            #expect(load.run.error?.code == "too-large")
            #expect(load.run.error?.message.contains("100 MB") == true)
            #expect(load.run.domElements == nil, "nothing of a bomb is parsed as HTML")
        }

        @Test func aSmallerCapStopsSooner() throws {
            var options = HostileSupport.options
            options.maxBodyBytes = 5_000_000
            let load = try HostileSupport.load("/hostile/bomb/", options: options)
            let bomb = try load.record("/hostile/bomb/boom.png")
            #expect(bomb.error?.code == "too-large")
            #expect(bomb.error?.message.contains("limit of 5 MB") == true)
            #expect((bomb.decodedBytes ?? 0) < 6_000_000)
        }

        /// Issue 7: "Peak memory of profiling the gzip-bomb page stays under 100 MB (measured)". The `ecoscore`
        /// binary profiles each page in a child process with the default cap (100 MB); its own peak RSS is measured
        /// as `MeasuredRun` explains (GNU time's `%M`, else `VmHWM` sampling). A plain page gives the baseline.
        @Test(.enabled(if: MeasuredRun.binary != nil, "the ecoscore executable was not built"),
              .disabled(if: MeasuredRun.sanitized, "memory bounds are not measured under a sanitizer"),
              arguments: ["/hostile/ok/plain.html", "/hostile/bomb/", "/hostile/bomb/page.html"])
        func peakMemoryOfProfilingABombStaysUnder100MB(path: String) throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let result = try MeasuredRun.profile([server.url(path).absoluteString, "--request-timeout", "30", "--page-timeout", "60"])
            let summary = try JSONDecoder().decode(MeasuredRun.Summary.self, from: result.profile)
            let run = try #require(summary.pages.first?.runs.first)
            let mb = Double(result.peakRSSBytes) / 1_000_000
            print("ecoscore profile \(path): peak RSS \(String(format: "%.1f", mb)) MB (\(result.method)), \(String(format: "%.2f", result.seconds)) s, exit \(result.exitStatus)")
            #expect(result.peakRSSBytes < 100_000_000, "peak RSS \(mb) MB")
            if path == "/hostile/bomb/" {
                #expect(result.exitStatus == 0, "\(result.stderr)")
                #expect(run.requests.filter { $0.error?.code == "too-large" }.count == 2)
            } else if path == "/hostile/bomb/page.html" {
                #expect(result.exitStatus == 3, "the page could not be loaded")
                #expect(run.error?.code == "too-large")
            } else {
                #expect(result.exitStatus == 0, "\(result.stderr)")
            }
        }

        /// A bomb sized just under the cap (90 MiB of zeros, 94 MB < 100 MB) is decoded whole, and a stylesheet's
        /// first 16 MiB (`maxRetainedBytes`) are kept and scanned for URLs: the worst case of CSS discovery. The
        /// scan walks tokens as they are produced and its input is the only buffer (`CSSTokenizer`), so the page
        /// stays under issue 7's 100 MB like the other bombs (it peaked near 250 MB when the scan held every token
        /// and three copies of the sheet: 16 MiB of NUL bytes are one 48 MiB ident).
        @Test(.enabled(if: MeasuredRun.binary != nil, "the ecoscore executable was not built"),
              .disabled(if: MeasuredRun.sanitized, "memory bounds are not measured under a sanitizer"))
        func bombStylesheetJustUnderTheCapIsScanned() throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let result = try MeasuredRun.profile([server.url("/hostile/bomb/?mib=90").absoluteString])
            let summary = try JSONDecoder().decode(MeasuredRun.Summary.self, from: result.profile)
            let run = try #require(summary.pages.first?.runs.first)
            let mb = Double(result.peakRSSBytes) / 1_000_000
            print("ecoscore profile /hostile/bomb/?mib=90: peak RSS \(String(format: "%.1f", mb)) MB (\(result.method)), \(String(format: "%.2f", result.seconds)) s")
            #expect(result.exitStatus == 0, "\(result.stderr)")
            #expect(run.requests.count == 5)
            #expect(run.requests.allSatisfy { $0.error == nil })
            #expect(run.requests.filter { $0.decodedBytes == 90 << 20 }.count == 2, "both bombs decoded whole")
            #expect(result.peakRSSBytes < 100_000_000, "peak RSS \(mb) MB")
        }
    }
}
