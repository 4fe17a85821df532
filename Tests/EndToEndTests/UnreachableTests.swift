import FixtureServer
import Foundation
import Model
import Testing

/// A page that cannot be loaded: one line naming the URL and the cause, exit code 3, profile still written.
@Suite struct UnreachableTests {
    @Test func refusedConnection() throws {
        let url = "http://127.0.0.1:\(try closedLoopbackPort())/"
        let folder = try Ecoscore.temporaryFolder()
        let output = folder.appendingPathComponent("p.json").path
        let r = try Ecoscore.run(["profile", url, "--output", output])
        #expect(r.status == 3)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("cannot load \(url)") == true)
        #expect(lines.first?.contains("connect") == true)
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(profile.pages.first?.runs.first?.error?.code == "connect")
        #expect(profile.pages.first?.runs.first?.requests.count == 1)
    }

    @Test func requestTimeout() throws {
        let silent = try SilentListener()
        let url = "http://127.0.0.1:\(silent.port)/slow"
        let r = try Ecoscore.run(["profile", url, "--request-timeout", "0.5"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot load \(url)"))
        #expect(r.stderr.lowercased().contains("timeout") || r.stderr.lowercased().contains("timed out"))
    }

    @Test func tlsFailureAgainstAPlainHTTPServer() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/lean/"
        let r = try Ecoscore.run(["profile", url])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot load \(url)"))
        #expect(r.stderr.contains("SSL") || r.stderr.contains("TLS"))
    }

    @Test func httpErrorOnThePageItself() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/lean/no-such-page.html"
        let r = try Ecoscore.run(["profile", url])
        #expect(r.status == 3)
        #expect(r.stderr.contains("HTTP 404"))
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
