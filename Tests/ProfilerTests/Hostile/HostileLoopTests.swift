import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Loops a page cannot be allowed to drag the profiler into: redirects that never end, stylesheets that import
    /// each other, frames that contain themselves. A navigation redirected to `file:///etc/passwd` or `ftp://` and a
    /// two-URL redirect cycle are tested in EndToEnd/RedirectTests.swift (`otherSchemesAreNotFollowed`,
    /// `loopStopsAtTheLimit`); here the same guards are checked on subresources and on endless chains of new URLs.
    @Suite(.timeLimit(.minutes(1)))
    struct Loops {
        // MARK: redirects

        /// Every hop is a new URL, so "already requested" never stops it: only the hop limit (Chrome's 20) does.
        @Test(arguments: ["/hostile/redirect/loop?n=0", "/hostile/redirect/self"])
        func endlessRedirectsStopAtTheLimit(path: String) throws {
            let load = try HostileSupport.load(path)
            let run = load.run
            #expect(run.requests.count == 21, "the request and 20 hops")
            #expect(run.requests.allSatisfy { $0.status == 302 })
            #expect(run.requests.dropLast().allSatisfy { $0.error == nil })
            let last = try #require(run.requests.last)
            #expect(last.error?.code == "redirect-limit")
            #expect(last.error?.message.hasPrefix("more than 20 redirects from ") == true)
            #expect(run.error?.code == "redirect-limit")
            #expect(load.log.count == 21, "nothing requested beyond the limit")
        }

        @Test func subresourceRedirectsFailOnTheirOwnRequest() throws {
            let load = try HostileSupport.load("/hostile/redirect/")
            let run = load.run
            #expect(run.error == nil, "the page itself loaded")
            load.expectSucceeded(["/hostile/redirect/", "/hostile/ok/fine.png"])

            let file = try load.record("/hostile/redirect/to?url=file%3A%2F%2F%2Fetc%2Fpasswd")
            #expect(file.status == 302)
            #expect(file.error?.code == "protocol-not-allowed")
            #expect(file.error?.message == "redirect to file:///etc/passwd not followed: only http and https are")
            let ftp = try load.record("/hostile/redirect/to?url=ftp%3A%2F%2F127.0.0.1%2Fpub%2Fx.png")
            #expect(ftp.error?.code == "protocol-not-allowed")
            #expect(ftp.error?.message.contains("ftp://127.0.0.1/pub/x.png") == true)
            #expect(!run.requests.contains { $0.url.hasPrefix("file:") || $0.url.hasPrefix("ftp:") })

            let hops = run.requests.filter { $0.url.contains("/hostile/redirect/loop") }
            #expect(hops.count == 21)
            #expect(hops.last?.error?.code == "redirect-limit")
            #expect(hops.allSatisfy { $0.resourceType == .image })
            #expect(run.totals.failedRequests == 3, "file, ftp and the last hop of the loop")
        }

        // MARK: @import cycles

        @Test func importCyclesFetchEachStylesheetOnce() throws {
            let load = try HostileSupport.load("/hostile/css/cycle.html")
            let targets = ["/hostile/css/cycle.html", "/hostile/css/a.css", "/hostile/css/b.css", "/hostile/css/c.css",
                           "/hostile/css/bg.png"]
            #expect(load.run.error == nil)
            #expect(load.run.requests.count == targets.count)
            load.expectSucceeded(targets)
            #expect(load.log.map(\.path).sorted() == targets.sorted(), "the server saw each once")
            #expect(try load.record("/hostile/css/c.css").initiator == load.server.url("/hostile/css/b.css").absoluteString)
            #expect(try load.record("/hostile/css/c.css").depth == 3, "page → a → b → c")
        }

        // MARK: frames

        @Test func framesNestingThemselvesAreLoadedOnce() throws {
            // A frame with its own page's URL (with or without a fragment) is not loaded again, as browsers refuse
            // a frame whose URL is one of its ancestors'.
            let selfLoad = try HostileSupport.load("/hostile/frames/self.html")
            #expect(selfLoad.run.error == nil)
            #expect(selfLoad.run.requests.map { HostileSupport.target($0.url) } == ["/hostile/frames/self.html"])
            #expect(selfLoad.log.count == 1)

            let outer = try HostileSupport.load("/hostile/frames/outer.html")
            #expect(outer.run.error == nil)
            #expect(outer.run.requests.count == 3)
            outer.expectSucceeded(["/hostile/frames/outer.html", "/hostile/frames/loop.html", "/hostile/ok/in-loop.png"])

            let pair = try HostileSupport.load("/hostile/frames/x.html")
            #expect(pair.run.requests.map { HostileSupport.target($0.url) } == ["/hostile/frames/x.html", "/hostile/frames/y.html"])
        }

        @Test(arguments: [0, 1, 3])
        func everDeeperFramesStopAtMaxFrameDepth(depth: Int) throws {
            var options = HostileSupport.options
            options.maxFrameDepth = depth
            let load = try HostileSupport.load("/hostile/frames/chain?d=0", options: options)
            let run = load.run
            #expect(run.error == nil)
            let documents = run.requests.filter { $0.resourceType == .document }.map { HostileSupport.target($0.url) }
            #expect(documents == (0...depth).map { "/hostile/frames/chain?d=\($0)" })
            load.expectSucceeded((0...depth).map { "/hostile/ok/level-\($0).png" })
            #expect(run.requests.count == 2 * (depth + 1))
            let skipped = try #require(run.skipped.first)
            #expect(run.skipped.count == 1)
            #expect(skipped.url == load.server.url("/hostile/frames/chain?d=\(depth + 1)").absoluteString)
            #expect(skipped.resourceType == .document)
            #expect(skipped.initiator == load.server.url("/hostile/frames/chain?d=\(depth)").absoluteString)
            #expect(skipped.reason == "iframe nested deeper than \(depth) levels")
        }
    }
}
