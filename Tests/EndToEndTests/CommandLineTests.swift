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
        let p = try Ecoscore.run(["profile", "--help"])
        #expect(p.status == 0)
        #expect(p.stdout.contains("--insecure"))
        #expect(p.stdout.contains("--max-body-mb"))
    }
}
