import FixtureServer
import Foundation
import Model
import SwiftCSV
import Testing

/// What an audit folder holds, read back as a user's tools would: JSON decoders and a CSV parser.
struct AuditOutput {
    let folder: URL

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    func card() throws -> ScoreCard { try JSONDecoder.iso.decode(ScoreCard.self, from: Data(contentsOf: url("scorecard.json"))) }
    func profile() throws -> Profile { try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: url("profile.json"))) }
    func html() throws -> String { try String(contentsOf: url("report.html"), encoding: .utf8) }

    func csvFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url("csv").path).sorted()
    }

    /// A CSV table's rows by column name (the excel-fr byte-order mark and separator when `excelFR`).
    func table(_ name: String, excelFR: Bool = false) throws -> (header: [String], rows: [[String: String]]) {
        // Bytes, not String(contentsOf:), which drops a byte-order mark silently.
        var data = try Data(contentsOf: url("csv/\(name).csv"))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Array(data.prefix(3)) == bom || !excelFR, "excel-fr starts with a UTF-8 byte-order mark")
        #expect(Array(data.prefix(3)) != bom || excelFR, "rfc4180 has no byte-order mark")
        if excelFR { data = data.dropFirst(3) }
        let text = String(decoding: data, as: UTF8.self)
        let csv = try NamedCSV(string: text, delimiter: excelFR ? .semicolon : .comma, loadColumns: false)
        return (csv.header, csv.rows)
    }

    /// A text field with the anti-formula apostrophe taken off.
    static func text(_ field: String?) -> String? {
        guard let field, field.hasPrefix("'"), let next = field.unicodeScalars.dropFirst().first,
              ["=", "+", "-", "@", "\t", "\r"].contains(next) else { return field }
        return String(field.dropFirst())
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

/// `ecoscore audit`: profile + score + every report, against the fixture server.
@Suite(.serialized) struct AuditCommandTests {
    static let tables = ["breakdowns", "criteria", "ecoindex", "families", "recommendation_requests", "recommendations",
                         "requests", "steps", "summary"]

    @Test func auditOfTheLeanJourneyWritesEveryFileAndTheCSVMatchesTheCard() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("audit")
        let journey = AuditOutput.repository.appendingPathComponent("Fixtures/journeys/lean.yaml").path
        let r = try Ecoscore.run(["audit", journey, "--base-url", server.baseURL.absoluteString, "--runs", "2",
                                  "--warmup", "0", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        // Not a terminal: no progress on stderr.
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let audit = AuditOutput(folder: out)
        for name in ["profile.json", "scorecard.json", "report.html"] {
            #expect(audit.exists(name), "\(name)")
            #expect(r.stdout.contains(out.appendingPathComponent(name).path), "the path of \(name) is printed")
        }
        #expect(try audit.csvFiles() == Self.tables.map { "\($0).csv" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.hasSuffix(".tmp") })

        let card = try audit.card()
        let profile = try audit.profile()
        #expect(card.grid.id == "app-referencing", "the default grid")
        #expect(card.profile?.journeyName == profile.journey?.name)
        #expect(card.steps.count == 3 && profile.pages.count == 3)
        #expect(card.profile?.runs == 2)
        #expect(r.stdout.contains("Score: \(String(format: "%.1f", card.total.percent ?? -1)) %"))

        let criteria = try audit.table("criteria")
        #expect(criteria.rows.count == card.families.reduce(0) { $0 + $1.criteria.count })
        #expect(criteria.rows.map { $0["criterion_id"] } == card.families.flatMap { $0.criteria.map(\.id) })
        // French by default for a bundled grid.
        #expect(criteria.rows.map { AuditOutput.text($0["criterion_title"]) } == card.families.flatMap { $0.criteria.map(\.title.fr) })
        let steps = try audit.table("steps")
        #expect(steps.rows.count == card.steps.count)
        for (row, step) in zip(steps.rows, card.steps) {
            #expect(row["url"] == step.url)
            #expect(Double(row["transfer_bytes_median"] ?? "") == step.transferBytes.median)
            #expect(Double(row["requests_median"] ?? "") == step.requests.median)
            #expect(row["ecoindex_grade"] == card.ecoindex[step.index].ecoindex?.grade)
        }
        let requests = try audit.table("requests")
        #expect(requests.rows.count == card.steps.reduce(0) { $0 + $1.requestList.count })
        #expect(requests.rows.map { $0["url"] } == card.steps.flatMap { $0.requestList.map(\.url) })
        #expect(requests.rows.map { Int($0["transfer_bytes"] ?? "") } == card.steps.flatMap { $0.requestList.map(\.transferBytes) })
        let summary = try audit.table("summary")
        #expect(summary.rows.count == 1)
        #expect(Double(summary.rows[0]["score_percent"] ?? "") == card.total.percent)
        #expect(summary.rows[0]["grade"] == card.grade)
        #expect(try audit.table("recommendations").rows.count == card.recommendations.count)

        let html = try audit.html()
        #expect(html.contains("<html"))
        #expect(html.contains(card.grid.id) || html.contains(card.grid.title.fr))
    }

    @Test func auditWithAnswersInEnglishAndTheFrenchExcelDialect() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("rgesn")
        let r = try Ecoscore.run(["audit", server.url("lean/").absoluteString, "--grid", "rgesn-2024",
                                  "--answers", AuditOutput.repository.appendingPathComponent("Fixtures/answers/rgesn-example.yaml").path,
                                  "--lang", "en", "--csv-dialect", "excel-fr", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let audit = AuditOutput(folder: out)
        let card = try audit.card()
        #expect(card.grid.id == "rgesn-2024")
        #expect((card.answers?.answered ?? 0) > 10)
        let criteria = try audit.table("criteria", excelFR: true)
        #expect(criteria.rows.count == 78)
        #expect(criteria.rows.map { AuditOutput.text($0["criterion_title"]) } == card.families.flatMap { $0.criteria.map(\.title.en) })
        for (row, criterion) in zip(criteria.rows, card.families.flatMap(\.criteria)) {
            let points = row["points"].flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
            #expect(points == criterion.points, "\(criterion.id)")
            #expect(row["weight"]?.contains(".") == false)
        }
        let families = try audit.table("families", excelFR: true)
        #expect(families.rows.map { $0["family_id"] } == card.families.map(\.id))
    }

    @Test func aChosenTableOnly() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("one")
        let r = try Ecoscore.run(["audit", server.url("lean/").absoluteString, "--csv-table", "steps", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try AuditOutput(folder: out).csvFiles() == ["steps.csv"])
    }

    @Test func badInputsFailBeforeAnythingIsMeasured() throws {
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("never")
        let url = "http://127.0.0.1:\(try closedLoopbackPort())/"
        let grid = try Ecoscore.run(["audit", url, "--grid", "no-such-grid", "--out", out.path])
        #expect(grid.status == 2)
        #expect(grid.stderr.contains("no-such-grid"))
        let answers = try Ecoscore.run(["audit", url, "--grid", "rgesn-2024", "--answers", "/nonexistent/answers.yaml", "--out", out.path])
        #expect(answers.status == 2)
        #expect(answers.stderr.contains("/nonexistent/answers.yaml"))
        let inventory = try Ecoscore.run(["audit", url, "--grid", "maturin-sih", "--out", out.path])
        #expect(inventory.status == 2)
        #expect(inventory.stderr.contains("--inventory"))
        let dialect = try Ecoscore.run(["audit", url, "--csv-dialect", "excel", "--out", out.path])
        #expect(dialect.status == 2)
        let broken = AuditOutput.repository.appendingPathComponent("Fixtures/budgets/broken.yaml").path
        let budget = try Ecoscore.run(["audit", url, "--budget", broken, "--out", out.path])
        #expect(budget.status == 2)
        #expect(budget.stderr.contains("\(broken):"), "\(budget.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing measured, nothing written")
    }

    @Test func anUnreachablePageExits3AndStillWritesEveryReport() throws {
        let url = "http://127.0.0.1:\(try closedLoopbackPort())/"
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("down")
        let r = try Ecoscore.run(["audit", url, "--out", out.path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot load \(url)"))
        let audit = AuditOutput(folder: out)
        let card = try audit.card()
        #expect(card.steps.first?.error?.contains("connect") == true)
        let steps = try audit.table("steps")
        #expect(steps.rows.first?["error"] == card.steps.first?.error)
        #expect(audit.exists("report.html"))
    }

    /// The check and the history are wired in: a regression against a baseline exits 1 once every file is
    /// written, and a recorded history gives the HTML its trend.
    @Test func aRegressionExits1AndTheHistoryFeedsTheTrend() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        let db = folder.appendingPathComponent("history.sqlite").path
        func journey(_ name: String) -> String { AuditOutput.repository.appendingPathComponent("Fixtures/journeys/\(name).yaml").path }
        let base = ["--base-url", server.baseURL.absoluteString, "--runs", "1", "--warmup", "0", "--db", db]
        let lean = try Ecoscore.run(["audit", journey("lean")] + base + ["--out", folder.appendingPathComponent("lean").path])
        #expect(lean.status == 0, "\(lean.stderr)")
        let bloated = try Ecoscore.run(["audit", journey("bloated")] + base
                                       + ["--baseline", folder.appendingPathComponent("lean/scorecard.json").path,
                                          "--out", folder.appendingPathComponent("bloated").path])
        #expect(bloated.status == 1, "\(bloated.stderr)")
        let audit = AuditOutput(folder: folder.appendingPathComponent("bloated"))
        #expect(audit.exists("report.html") && audit.exists("scorecard.json"))
        #expect(try audit.csvFiles().count == Self.tables.count)
        #expect(FileManager.default.fileExists(atPath: db))
        let again = try Ecoscore.run(["audit", journey("lean")] + base + ["--out", folder.appendingPathComponent("lean2").path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try AuditOutput(folder: folder.appendingPathComponent("lean2")).html().contains("<section id=\"trend\""))
    }

    /// A HAR recording is audited like a live target: nothing fetched, every report written.
    @Test func auditOfAHARFile() throws {
        let folder = try Ecoscore.temporaryFolder()
        let har = folder.appendingPathComponent("lean.har").path
        do {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            #expect(try Ecoscore.run(["profile", server.url("lean/").absoluteString, "--har", har]).status == 0)
        }
        let out = folder.appendingPathComponent("har")
        let r = try Ecoscore.run(["audit", har, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let audit = AuditOutput(folder: out)
        let card = try audit.card()
        #expect(card.profile?.source == "har")
        #expect(try audit.table("requests").rows.count == card.steps.reduce(0) { $0 + $1.requestList.count })
        #expect(card.steps.first?.requestList.isEmpty == false)
    }
}
