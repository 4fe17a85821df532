import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

/// Connection behaviour against a real nginx: at most 6 connections per host on HTTP/1.1, one multiplexed
/// connection on HTTP/2, and transfer bytes equal to nginx's `$bytes_sent` on HTTP/1.1.
@Suite(.serialized, .enabled(if: NginxServer.binary != nil, "nginx is not installed (scripts/test installs nginx-light)"))
struct ConnectionTests {
    @Test func http11UsesAtMostSixConnectionsPerHost() throws {
        let nginx = try NginxServer(root: FixtureServer.bundledSites)
        let run = PageProfiler().profile([nginx.baseURL.appendingPathComponent("bloated/index.html")], runs: 1,
                                         concurrency: 1)[0].runs[0]
        let log = try nginx.accessLog()
        #expect(run.requests.count == log.count)
        #expect(run.totals.transferBytes == log.reduce(0) { $0 + $1.bytesSent })
        let connections = Set(log.map(\.connection))
        #expect(connections.count <= 6)
        // Not asserted: that more than one connection was used. On a loaded 2-core machine the full suite once in a
        // few runs saw every request on one connection (and a 10 s load) — under investigation, see the session note.
        #expect(run.requests.allSatisfy { $0.httpVersion == "HTTP/1.1" })
    }

    @Test func http2OverTLSMultiplexesOnOneConnection() throws {
        let nginx = try NginxServer(root: FixtureServer.bundledSites, listen: "http2", tls: true)
        var options = FetchOptions()
        options.verifyTLS = false
        let run = PageProfiler(options: options).profile([nginx.baseURL.appendingPathComponent("bloated/index.html")],
                                                         runs: 1, concurrency: 1)[0].runs[0]
        let log = try nginx.accessLog()
        #expect(run.error == nil)
        #expect(run.requests.count == log.count)
        #expect(run.requests.allSatisfy { $0.httpVersion == "HTTP/2" && $0.error == nil })
        #expect(Set(log.map(\.connection)).count == 1, "every request multiplexed on one connection")
        #expect(run.requests.first.map { ($0.timings.tlsMs ?? 0) > 0 } == true)
    }

    @Test func selfSignedCertificateFailsUnlessInsecure() throws {
        let nginx = try NginxServer(root: FixtureServer.bundledSites, tls: true)
        let run = PageProfiler().profile([nginx.baseURL.appendingPathComponent("lean/index.html")], runs: 1,
                                         concurrency: 1)[0].runs[0]
        #expect(run.error?.code == "tls")
        #expect(run.error?.message.contains("self-signed") == true)
        #expect(run.error?.message.contains("--insecure") == true)
        #expect(try nginx.accessLog().isEmpty)
    }

    @Test func http2PriorKnowledge() throws {
        let nginx = try NginxServer(root: FixtureServer.bundledSites, listen: "http2")
        var options = FetchOptions()
        options.httpVersion = .http2PriorKnowledge
        let run = PageProfiler(options: options).profile([nginx.baseURL.appendingPathComponent("bloated/index.html")],
                                                         runs: 1, concurrency: 1)[0].runs[0]
        let log = try nginx.accessLog()
        #expect(run.requests.count == log.count)
        #expect(run.requests.allSatisfy { $0.httpVersion == "HTTP/2" && $0.error == nil })
        let connections = Set(log.map(\.connection)).count
        if Curl.priorKnowledgeReuseBroken {
            #expect(connections == log.count, "this libcurl cannot reuse h2c connections: one per request")
        } else {
            #expect(connections == 1)
        }
    }
}
