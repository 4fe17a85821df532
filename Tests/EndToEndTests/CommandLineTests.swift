import FixtureServer
import Foundation
import Model
import Testing

@Suite struct CommandLineTests {
    @Test func ecoindexFromThreeNumbers() throws {
        let r = try Ecoscore.run(["ecoindex", "--dom", "100", "--requests", "100", "--size-kb", "100", "--json"])
        #expect(r.status == 0)
        let result = try JSONDecoder().decode(EcoIndexResult.self, from: Data(r.stdout.utf8))
        #expect(result.score == 72)
        #expect(result.grade == "B")
        #expect(result.ghg == 1.56)
        #expect(result.water == 2.34)
    }

    @Test func ecoindexRoundsHalfToEven() throws {
        let r = try Ecoscore.run(["ecoindex", "--dom", "159", "--requests", "0", "--size-kb", "0"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("EcoIndex 92 (A)"))
    }

    @Test func unknownFlagIsAUsageError() throws {
        let r = try Ecoscore.run(["profile", "--no-such-flag", "http://127.0.0.1/"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--no-such-flag"))
    }

    @Test func badURLIsAUsageErrorNamingIt() throws {
        let r = try Ecoscore.run(["profile", "ftp://127.0.0.1/file"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad URL 'ftp://127.0.0.1/file'"))
    }

    @Test func negativeRunsIsAUsageError() throws {
        let r = try Ecoscore.run(["profile", "--runs", "0", "http://127.0.0.1/"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--runs"))
    }

    @Test func helpDocumentsExitCodes() throws {
        let r = try Ecoscore.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("3  a page could not be loaded"))
        #expect(r.stdout.contains("130  interrupted"))
        let p = try Ecoscore.run(["profile", "--help"])
        #expect(p.status == 0)
        #expect(p.stdout.contains("--insecure"))
        #expect(p.stdout.contains("--max-body-mb"))
    }
}

@Suite struct ProfileOutputTests {
    @Test func profileJSONMatchesWhatTheServerSent() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        let output = folder.appendingPathComponent("profile.json").path
        server.resetAccessLog()
        let r = try Ecoscore.run(["profile", server.url("/lean/").absoluteString, server.url("/edge/").absoluteString,
                                  "--runs", "2", "--output", output])
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(profile.schemaVersion == Profile.currentSchemaVersion)
        #expect(profile.pages.map(\.runs.count) == [2, 2])
        let log = server.accessLog()
        #expect(profile.pages.flatMap(\.runs).reduce(0) { $0 + $1.totals.transferBytes } == log.reduce(0) { $0 + $1.bytesSent })
        #expect(profile.pages.allSatisfy { $0.summary.ecoindex?.grade == "A" })
        #expect(r.stdout.contains("Profile written to \(output)"))
        // Nothing but the profile is left in the folder: no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["profile.json"])
    }

    @Test func unwritableOutputIsAClearErrorAndKeepsNothing() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let r = try Ecoscore.run(["profile", server.url("/lean/").absoluteString, "--output", "/proc/ecoscore/p.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write /proc/ecoscore/p.json"))
    }

    @Test func jsonOnStdoutDecodes() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let r = try Ecoscore.run(["profile", server.url("/bloated/start").absoluteString, "--json"])
        #expect(r.status == 0)
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(r.stdout.utf8))
        #expect(profile.pages.first?.runs.first?.totals.redirects == 3)
    }
}

@Suite struct HARCommandTests {
    /// `--max-parsed-html-mib`: a 2 MiB document parsed up to 1 MiB lists its own unparsed rest as skipped; the
    /// default (4 MiB) parses it whole.
    @Test func theHTMLParseLimitIsAFlag() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let page = server.url("/hostile/big/page.html?mib=2").absoluteString
        func skipped(_ extra: [String]) throws -> [SkippedResource] {
            let r = try Ecoscore.run(["profile", page, "--json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(r.stdout.utf8))
            return try #require(profile.pages.first?.runs.first).skipped
        }
        let cut = try skipped(["--max-parsed-html-mib", "1"]).filter { $0.resourceType == .document }
        #expect(cut.count == 1)
        #expect(cut.first?.reason.contains("only the first 1 MiB") == true, "\(cut)")
        #expect(try skipped([]).filter { $0.resourceType == .document }.isEmpty)
        let bad = try Ecoscore.run(["profile", page, "--max-parsed-html-mib", "0"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-parsed-html-mib must be between 1 and 16"))
    }

    @Test func exportedHARReimportsToTheSameFigures() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        let har = folder.appendingPathComponent("bloated.har").path
        let first = try Ecoscore.run(["profile", server.url("/bloated/start").absoluteString, "--har", har, "--json"])
        #expect(first.status == 0)
        let measured = try JSONDecoder.iso.decode(Profile.self, from: Data(first.stdout.utf8))
        let again = try Ecoscore.run(["profile", har, "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let imported = try JSONDecoder.iso.decode(Profile.self, from: Data(again.stdout.utf8))
        #expect(imported.source == "har")
        let a = try #require(measured.pages.first?.runs.first), b = try #require(imported.pages.first?.runs.first)
        #expect(b.totals.requests == a.totals.requests)
        #expect(b.totals.transferBytes == a.totals.transferBytes)
        #expect(b.totals.redirects == a.totals.redirects)
        #expect(b.requests.map(\.status) == a.requests.map(\.status))
    }

    @Test func malformedHARIsAUsageErrorNamingTheFile() throws {
        let file = try Ecoscore.temporaryFolder().appendingPathComponent("broken.har")
        try Data("{\"log\": {\"entries\": [".utf8).write(to: file)
        let r = try Ecoscore.run(["profile", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(file.path))
    }
}
