import FixtureServer
import Foundation
import Model
import Testing

/// `ecoscore profile journey.yaml` against the fixture app: a login that works, one that fails, and the
/// password nowhere in what Ecoscore writes.
@Suite struct JourneyCommandTests {
    static let journeys = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/journeys")

    /// Profiles the login journey (also exported as HAR, then scored); returns every text Ecoscore produced.
    func login(password: String, serverPassword: String) throws -> (CommandResult, String, FixtureServer, [String]) {
        let server = FixtureServer(appPassword: serverPassword)
        try server.start()
        let folder = try Ecoscore.temporaryFolder()
        let output = folder.appendingPathComponent("login.json").path
        let har = folder.appendingPathComponent("login.har").path
        let r = try Ecoscore.run(["profile", Self.journeys.appendingPathComponent("login.yaml").path,
                                  "--base-url", server.baseURL.absoluteString, "--runs", "1", "--warmup", "0",
                                  "--output", output, "--har", har],
                                 environment: ["ECOSCORE_FIXTURE_PASSWORD": password])
        let card = folder.appendingPathComponent("card.json").path
        let scored = try Ecoscore.run(["score", output, "--grid", "app-referencing", "--output", card])
        let outputs = try [output, har, card].map { try String(contentsOfFile: $0, encoding: .utf8) }
            + [r.stdout, r.stderr, scored.stdout, scored.stderr]
        return (r, outputs[0], server, outputs)
    }

    @Test func loginReachesTheAuthenticatedPage() throws {
        let secret = "Tr0ub4dor&3-\(UUID().uuidString.prefix(6))"
        let (r, json, server, outputs) = try login(password: secret, serverPassword: secret)
        defer { server.stop() }
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(json.utf8))
        #expect(profile.journey?.name == "Fixture app — log in and list appointments")
        #expect(profile.pages.map(\.name) == ["Login form", "Log in", "Appointments (API)"])
        let loggedIn = try #require(profile.pages[1].runs.first)
        #expect(loggedIn.finalURL.hasSuffix("/app/account"))
        #expect(loggedIn.assertions.allSatisfy { $0.passed })
        #expect(loggedIn.requests.first?.method == "POST")
        #expect(loggedIn.requests.first?.status == 303)
        #expect(profile.pages[2].runs.first?.requests.first?.status == 200, "the session cookie opened the API")
        // Profile, HAR export, score card, and everything printed: the password is in none of them.
        #expect(outputs.count == 7)
        for text in outputs {
            #expect(!text.contains(secret))
            #expect(!text.contains(secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        }
    }

    @Test func wrongPasswordFailsTheStepWithExitCode3() throws {
        let secret = "wrong-\(UUID().uuidString.prefix(8))"
        let (r, _, server, outputs) = try login(password: secret, serverPassword: "the right one")
        defer { server.stop() }
        #expect(r.status == 3)
        #expect(r.stderr.contains("step failed"))
        #expect(r.stderr.contains("step 'Log in': expected text \"Welcome, demo\" not found"))
        for text in outputs {
            #expect(!text.contains(secret))
        }
    }

    @Test func journeyFileErrorsAreUsageErrorsWithTheLine() throws {
        let file = try Ecoscore.temporaryFolder().appendingPathComponent("bad.yaml")
        try Data("name: J\nsteps:\n  - get: [oops\n".utf8).write(to: file)
        let r = try Ecoscore.run(["profile", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(file.path):"))
        #expect(r.stderr.contains("malformed YAML"))
    }
}
