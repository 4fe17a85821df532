import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Bodies that arrive too slowly, stop in the middle or end in ways HTTP allows or forbids. Each failure is
    /// recorded on its own request, with the bytes received so far; the page and its other requests complete.
    @Suite(.timeLimit(.minutes(1)))
    struct Streams {
        // MARK: drip, one byte per second

        /// The request timeout ends a transfer that never finishes; what arrived is counted.
        @Test func dripHitsTheRequestTimeout() throws {
            var options = HostileSupport.options
            options.requestTimeoutMs = 2_500
            let load = try HostileSupport.load("/hostile/drip/", options: options)
            #expect(load.run.error == nil)
            load.expectSucceeded(["/hostile/drip/", "/hostile/ok/fine.css", "/hostile/ok/fine.png", "/hostile/ok/fine.js"])
            let drip = try load.record("/hostile/drip/slow.png?bytes=60&ms=1000")
            #expect(drip.status == 200)
            #expect(drip.error?.code == "timeout")
            let message = try #require(drip.error?.message)
            #expect(message.hasPrefix("Operation timed out after ") && message.contains(" milliseconds with "), "\(message)")
            #expect(message.hasSuffix("out of 60 bytes received"), "\(message)")
            #expect((1...3).contains(drip.bodyBytes ?? 0), "one byte a second for 2.5 s")
            #expect(message.contains("with \(drip.bodyBytes ?? -1) out of"), "the message and the record agree")
            #expect(load.run.requests.count == 5)
            #expect(load.seconds < 10)
        }

        /// With a long request timeout, the page timeout ends it: `page-timeout`, bytes so far kept.
        @Test func dripHitsThePageTimeout() throws {
            var options = HostileSupport.options
            options.requestTimeoutMs = 30_000
            options.pageTimeoutMs = 3_000
            let load = try HostileSupport.load("/hostile/drip/", options: options)
            #expect(load.run.error == nil, "the document itself had loaded")
            load.expectSucceeded(["/hostile/drip/", "/hostile/ok/fine.css", "/hostile/ok/fine.png", "/hostile/ok/fine.js"])
            let drip = try load.record("/hostile/drip/slow.png?bytes=60&ms=1000")
            #expect(drip.error?.code == "page-timeout")
            #expect(drip.error?.message == "still loading when the page timeout of 3000 ms ran out")
            #expect((1...4).contains(drip.bodyBytes ?? 0), "bytes so far: \(drip.bodyBytes ?? -1)")
            #expect(drip.decodedBytes == drip.bodyBytes)
            #expect(load.run.durationMs >= 3_000 && load.run.durationMs < 5_000)
            #expect(load.seconds < 10)
        }

        /// The head itself dripped, on the navigation: the page fails with `timeout` before any status.
        @Test func drippedHeadTimesOutTheNavigation() throws {
            var options = HostileSupport.options
            options.requestTimeoutMs = 2_000
            let load = try HostileSupport.load("/hostile/drip/page.html?head=1&ms=200", options: options)
            let record = try #require(load.run.requests.first)
            #expect(load.run.requests.count == 1)
            #expect(record.error?.code == "timeout")
            #expect(record.status == nil, "no complete status line in 2 s at 5 bytes a second")
            #expect(record.bodyBytes == 0)
            #expect(load.run.error?.code == "timeout")
            #expect(load.seconds < 10)
        }

        // MARK: resets, truncations, unframed ends

        @Test func brokenBodiesFailOnTheirOwnRequests() throws {
            let load = try HostileSupport.load("/hostile/broken/")
            let run = load.run
            #expect(run.error == nil)
            #expect(run.requests.count == 9)
            load.expectSucceeded(["/hostile/broken/", "/hostile/ok/fine.css", "/hostile/ok/fine.png", "/hostile/ok/fine.js",
                                  "/hostile/chunked/whole.css", "/hostile/eof/unframed.png?bytes=5000"])

            // Reset (RST) after 20,000 of 100,000 announced bytes.
            let reset = try load.record("/hostile/reset/reset.png")
            #expect(reset.status == 200)
            #expect(reset.error?.code == "reset")
            #expect(reset.error?.message == "Recv failure: Connection reset by peer")
            #expect((reset.bodyBytes ?? .max) <= 20_000)

            // Clean close after 20,000 of 100,000 announced bytes.
            let short = try load.record("/hostile/short/short.png")
            #expect(short.error?.code == "truncated")
            #expect(short.error?.message == "transfer closed with 80000 bytes remaining to read")
            #expect(short.bodyBytes == 20_000)

            // Chunked, closed inside the fourth chunk, no last chunk.
            let chunked = try load.record("/hostile/chunked/truncated.css?truncate=1")
            #expect(chunked.error?.code == "truncated")
            #expect(chunked.error?.message == "transfer closed with outstanding read data remaining")
            #expect(chunked.decodedBytes == 3 * 4096 + 1000)

            // No Content-Length, then close: a valid end; the bytes received are the body.
            let unframed = try load.record("/hostile/eof/unframed.png?bytes=5000")
            #expect(unframed.bodyBytes == 5_000)
            #expect(unframed.decodedBytes == 5_000)

            // What arrived whole is counted exactly as the server sent it (chunk framing included).
            for target in ["/hostile/broken/", "/hostile/ok/fine.css", "/hostile/chunked/whole.css",
                           "/hostile/eof/unframed.png?bytes=5000", "/hostile/short/short.png",
                           "/hostile/chunked/truncated.css?truncate=1"] {
                let record = try load.record(target)
                let sent = try #require(load.logged(target).first)
                #expect(record.transferBytes == sent.bytesSent, "\(target)")
                #expect(record.headerBytes == sent.headerBytes, "\(target)")
                #expect(record.bodyBytes == sent.bodyBytes, "\(target)")
            }
            #expect(run.totals.failedRequests == 3)
        }

        @Test func unframedDocumentEndingWithTheConnectionLoads() throws {
            let load = try HostileSupport.load("/hostile/eof/page.html?bytes=3000")
            let record = try #require(load.run.requests.first)
            #expect(load.run.error == nil)
            #expect(record.status == 200 && record.error == nil)
            #expect(record.decodedBytes == 3_000)
            #expect(record.transferBytes == load.log.first?.bytesSent)
            #expect(load.run.title == "page.html")
            #expect(load.run.domElements == 5, "html head title link body")
        }

        @Test func resetDocumentFailsThePage() throws {
            let load = try HostileSupport.load("/hostile/reset/page.html")
            #expect(load.run.requests.count == 1)
            #expect(load.run.error?.code == "reset")
            #expect(load.run.domElements == nil)
        }
    }
}
