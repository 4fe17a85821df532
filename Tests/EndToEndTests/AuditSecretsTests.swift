import FixtureServer
import Foundation
import Testing

/// Issue 7: a bearer token, a session cookie and a form password given to a journey (from the environment) reach
/// none of the files an audit writes — profile, score card, HTML, every CSV table, the history database and its
/// write-ahead log — nor what it prints, written as is or percent-encoded.
@Suite struct AuditSecretsTests {
    @Test func noSecretInAnyOutputOfAnAudit() throws {
        let token = "tok-\(UUID().uuidString)", cookie = "sess-\(UUID().uuidString)", password = "pw&\(UUID().uuidString)"
        let server = FixtureServer(appPassword: password)
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journey = folder.appendingPathComponent("secret.yaml")
        try Data("""
            name: Secrets
            defaults:
              headers:
                Authorization: "Bearer ${AUDIT_TOKEN}"
                Cookie: "session=${AUDIT_COOKIE}"
            steps:
              - name: Home ${AUDIT_TOKEN}
                get: lean/?token=${AUDIT_TOKEN}
              - name: Log in
                post: app/login
                form: {user: demo, password: "${AUDIT_PASSWORD}"}
                secret: [password]
                expect: {status: 200, text: "Welcome, demo"}
            """.utf8).write(to: journey)
        let out = folder.appendingPathComponent("audit"), db = folder.appendingPathComponent("h.sqlite")
        let r = try Ecoscore.run(["audit", journey.path, "--base-url", server.baseURL.absoluteString, "--runs", "1",
                                  "--warmup", "0", "--out", out.path, "--db", db.path, "--lang", "en"],
                                 environment: ["AUDIT_TOKEN": token, "AUDIT_COOKIE": cookie, "AUDIT_PASSWORD": password])
        #expect(r.status == 0, "\(r.stderr)")
        // The fixture app saw the secrets: they were sent, so their absence from the outputs means something.
        #expect(server.accessLog().contains { $0.path.contains(token) })

        var outputs: [(String, Data)] = [("stdout", Data(r.stdout.utf8)), ("stderr", Data(r.stderr.utf8))]
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        for name in files where !name.hasSuffix("/") {
            let url = out.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                outputs.append((name, try Data(contentsOf: url)))
            }
        }
        for suffix in ["", "-wal"] {
            if let data = try? Data(contentsOf: URL(fileURLWithPath: db.path + suffix)) { outputs.append(("h.sqlite" + suffix, data)) }
        }
        let names = outputs.map(\.0)
        for expected in ["profile.json", "scorecard.json", "report.html", "csv/requests.csv", "csv/steps.csv", "h.sqlite"] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        let forms = [token, cookie, password, password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                     password.replacingOccurrences(of: "&", with: "&amp;")]
        for (name, data) in outputs {
            for secret in forms { #expect(data.range(of: Data(secret.utf8)) == nil, "a secret in \(name)") }
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("[redacted]"), "the report shows where a secret was")
    }
}
