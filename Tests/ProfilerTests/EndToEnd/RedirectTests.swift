import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

/// Redirects are followed hop by hop, each hop a request, only to http(s), at most `maxRedirects` times.
@Suite struct RedirectTests {
    /// A throwaway site `t` whose `_site.json` holds `redirects`.
    static func site(_ redirects: [String: String]) throws -> (FixtureServer, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-redirects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("t"), withIntermediateDirectories: true)
        let rules = redirects.map { "\"\($0.key)\": {\"to\": \"\($0.value)\", \"status\": 302}" }
        try Data("{\"redirects\": {\(rules.joined(separator: ", "))}}".utf8)
            .write(to: root.appendingPathComponent("t/_site.json"))
        try Data("<!doctype html><title>ok</title><link rel=icon href=data:,>".utf8)
            .write(to: root.appendingPathComponent("t/end.html"))
        let server = FixtureServer(root: root)
        try server.start()
        return (server, root)
    }

    @Test func everyHopIsARequest() throws {
        let (server, root) = try Self.site(["/t/a": "/t/b", "/t/b": "/t/end.html"])
        defer { server.stop(); try? FileManager.default.removeItem(at: root) }
        let run = PageProfiler().profile([server.url("/t/a")], runs: 1, concurrency: 1)[0].runs[0]
        #expect(run.requests.map(\.status) == [302, 302, 200])
        #expect(run.requests.map(\.discovery) == [.navigation, .redirect, .redirect])
        #expect(run.requests[1].initiator == server.url("/t/a").absoluteString)
        #expect(run.finalURL == server.url("/t/end.html").absoluteString)
        #expect(run.title == "ok")
        #expect(run.totals.redirects == 2)
        #expect(run.error == nil)
        #expect(server.accessLog().count == 3)
    }

    @Test func loopStopsAtTheLimit() throws {
        let (server, root) = try Self.site(["/t/a": "/t/b", "/t/b": "/t/a"])
        defer { server.stop(); try? FileManager.default.removeItem(at: root) }
        var options = FetchOptions()
        options.maxRedirects = 5
        let run = PageProfiler(options: options).profile([server.url("/t/a")], runs: 1, concurrency: 1)[0].runs[0]
        #expect(run.requests.count == 6)
        #expect(run.requests.last?.error?.code == "redirect-limit")
        #expect(run.error?.code == "redirect-limit")
        #expect(server.accessLog().count == 6)
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x"])
    func otherSchemesAreNotFollowed(target: String) throws {
        let (server, root) = try Self.site(["/t/a": target])
        defer { server.stop(); try? FileManager.default.removeItem(at: root) }
        let run = PageProfiler().profile([server.url("/t/a")], runs: 1, concurrency: 1)[0].runs[0]
        #expect(run.requests.count == 1)
        #expect(run.requests[0].status == 302)
        #expect(run.requests[0].error?.code == "protocol-not-allowed")
        #expect(run.requests[0].error?.message.contains(target) == true)
        #expect(run.error?.code == "protocol-not-allowed")
    }
}
