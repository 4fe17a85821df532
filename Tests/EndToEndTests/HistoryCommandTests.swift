import FixtureServer
import Foundation
import History
import Model
import SwiftCSV
import Testing

/// `ecoscore history record | list | show | trend` on real score cards of the fixture app's lean journey.
@Suite struct HistoryCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Ecoscore.temporaryFolder()
        db = folder.appendingPathComponent("ci/history.sqlite").path
    }

    @Test func fiveRecordedRunsListShowAndTrend() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        let scored = try HistoryCardSupport.read(card)
        for n in 1...5 {
            let r = try Ecoscore.run(["history", "record", card, "--db", db, "--label", "nightly-\(n)", n == 4 ? "--failed" : "--passed"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Recorded run #\(n) in \(db): journey:Linden Health Centre — visit, app-referencing"))
        }
        // list --json: newest first, with the card's own figures (run totals: sums of the steps' medians).
        let listed = try Ecoscore.run(["history", "list", "--db", db, "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let runs = try JSONDecoder.iso.decode([HistoryRun].self, from: Data(listed.stdout.utf8))
        #expect(runs.map(\.label) == (1...5).reversed().map { "nightly-\($0)" })
        #expect(runs.map(\.passed) == [true, false, true, true, true])
        let bytes = scored.steps.reduce(0) { $0 + $1.transferBytes.median }
        #expect(runs.allSatisfy { $0.transferBytes == bytes && $0.score == scored.total.percent && $0.grade == scored.grade })
        // show --json gives back the recorded file byte for byte: usable as a baseline.
        let shown = try Ecoscore.run(["history", "show", "3", "--db", db, "--json"])
        #expect(shown.stdout == (try String(contentsOfFile: card, encoding: .utf8)))
        let text = try Ecoscore.run(["history", "show", "4", "--db", db])
        #expect(text.stdout.contains("Run #4"))
        #expect(text.stdout.contains("label nightly-4"))
        #expect(text.stdout.contains("check FAILED"))
        for step in scored.steps { #expect(text.stdout.contains(step.name ?? step.url)) }
        // trend --csv: oldest first, one row per run.
        let csv = try Ecoscore.run(["history", "trend", "--metric", "transfer-bytes", "--db", db, "--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = try CSV<Named>(string: csv.stdout).rows
        #expect(rows.map { $0["label"] } == (1...5).map { "nightly-\($0)" })
        #expect(rows.map { $0["transfer-bytes"].flatMap(Double.init) } == Array(repeating: bytes, count: 5))
        #expect(rows.map { $0["check"] } == ["passed", "passed", "passed", "failed", "passed"])
        // On a terminal (forced here): a sparkline of five bars heads the table.
        let chart = try Ecoscore.run(["history", "trend", "--metric", "requests", "--step", "1", "--db", db, "--sparkline"])
        let lines = chart.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("requests (requests) of step 1 — journey:Linden Health Centre — visit") == true)
        #expect(lines.dropFirst().first?.hasPrefix("▄▄▄▄▄  min ") == true, "a flat series: \(chart.stdout)")
        // Not a terminal: no sparkline.
        let plain = try Ecoscore.run(["history", "trend", "--metric", "score", "--db", db])
        #expect(!plain.stdout.contains("▄"))
        #expect(plain.stdout.contains("nightly-5"))
    }

    @Test func theDefaultDatabaseIsCreatedInTheWorkingFolder() throws {
        let card = try HistoryCardSupport.leanCard(in: folder)
        let work = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let r = try Ecoscore.run(["history", "record", card], in: work, environment: ["ECOSCORE_LABEL": "from-env"])
        #expect(r.status == 0, "\(r.stderr)")
        let path = work.appendingPathComponent(".ecoscore/history.sqlite").path
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try HistoryStore(path: path, access: .read).list().map(\.label) == ["from-env"])
        let listed = try Ecoscore.run(["history", "list"], in: work)
        #expect(listed.stdout.contains("from-env"))
    }

    @Test func unusableDatabasesAndBadArgumentsExitWith2() throws {
        let missing = try Ecoscore.run(["history", "list", "--db", db])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(db): no runs recorded here yet"))
        #expect(!FileManager.default.fileExists(atPath: db), "reading creates nothing")

        let text = folder.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "meeting notes\n", count: 100).utf8).write(to: URL(fileURLWithPath: text))
        let notADatabase = try Ecoscore.run(["history", "trend", "--metric", "score", "--db", text])
        #expect(notADatabase.status == 2)
        #expect(notADatabase.stderr.contains("\(text): not an SQLite database"))

        let card = try HistoryCardSupport.leanCard(in: folder)
        #expect(try Ecoscore.run(["history", "record", card, "--db", db]).status == 0)
        let unknownRun = try Ecoscore.run(["history", "show", "42", "--db", db])
        #expect(unknownRun.status == 2)
        #expect(unknownRun.stderr.contains("no recorded run #42"))
        let badMetric = try Ecoscore.run(["history", "trend", "--metric", "weight", "--db", db])
        #expect(badMetric.status == 2)
        #expect(badMetric.stderr.contains("unknown --metric 'weight'"))
        let badStep = try Ecoscore.run(["history", "trend", "--metric", "score", "--step", "Checkout", "--db", db])
        #expect(badStep.status == 2)
        #expect(badStep.stderr.contains("no step \"Checkout\""))
        #expect(badStep.stderr.contains("1. Home, 2. About, 3. Home again"))
        let profile = folder.appendingPathComponent("not-a-card.json").path
        try Data("{\"pages\": []}".utf8).write(to: URL(fileURLWithPath: profile))
        let notACard = try Ecoscore.run(["history", "record", profile, "--db", db])
        #expect(notACard.status == 2)
        #expect(notACard.stderr.contains(profile))
        #expect(try HistoryStore(path: db, access: .read).list().count == 1, "nothing recorded by the failures")
    }

    /// A journey that sends a bearer token and a session cookie from the environment, and puts the token in a
    /// step's query string: the score card has no trace of either, and neither has the database file.
    @Test func noSecretReachesTheHistory() throws {
        let token = "tok-\(UUID().uuidString)"
        let cookie = "sess-\(UUID().uuidString)"
        let journey = folder.appendingPathComponent("secret.yaml")
        try Data("""
            name: Secret headers
            baseURL: http://127.0.0.1:8080/
            defaults:
              headers:
                Authorization: "Bearer ${HISTORY_TEST_TOKEN}"
                Cookie: "session=${HISTORY_TEST_COOKIE}"
            steps:
              - name: Home
                get: lean/?token=${HISTORY_TEST_TOKEN}
              - name: About
                get: lean/about.html
            """.utf8).write(to: journey)
        let password = "pw-\(UUID().uuidString)"
        let server = FixtureServer(appPassword: password)
        try server.start()
        defer { server.stop() }
        let card = try HistoryCardSupport.card(journey: journey.path, in: folder, server: server,
                                               environment: ["HISTORY_TEST_TOKEN": token, "HISTORY_TEST_COOKIE": cookie])
        let login = try HistoryCardSupport.card(journey: "login.yaml", in: folder, server: server,
                                                environment: ["ECOSCORE_FIXTURE_PASSWORD": password])
        for file in [card, login] {
            let r = try Ecoscore.run(["history", "record", file, "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let store = try HistoryStore(path: db, access: .read)
        // The stored row is the card as written, and the card holds no secret.
        #expect(try store.cardJSON(of: 1) + "\n" == String(contentsOfFile: card, encoding: .utf8))
        #expect(try store.cardJSON(of: 2) + "\n" == String(contentsOfFile: login, encoding: .utf8))
        #expect(try store.steps(of: 1).first?.url.contains("[redacted]") == true)
        var written = try Data(contentsOf: URL(fileURLWithPath: db))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: db + "-wal")) { written += wal }
        let outputs = try ["list", "show 1", "show 1 --json", "show 2 --json"].map {
            try Ecoscore.run(["history"] + $0.split(separator: " ").map(String.init) + ["--db", db]).stdout
        }
        for secret in [token, cookie, password] {
            #expect(written.range(of: Data(secret.utf8)) == nil)
            for text in outputs { #expect(!text.contains(secret)) }
        }
    }
}
