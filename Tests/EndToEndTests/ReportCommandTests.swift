import FixtureServer
import Foundation
import Model
import Scoring
import SwiftCSV
import Testing

/// `ecoscore report`: a score card file in, the reports asked for out; bad cards refused with exit 2.
@Suite(.serialized) struct ReportCommandTests {
    /// The lean journey profiled in-process and scored: a real card, written as `score --output` writes it.
    static func cardFile() throws -> (card: ScoreCard, file: URL, folder: URL) {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let profile = try ScoreLeanBloatedTests.profile("lean.yaml", server: server)
        let card = try ScoreLeanBloatedTests.score(profile, "app-referencing")
        let folder = try Ecoscore.temporaryFolder()
        let file = folder.appendingPathComponent("card.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try (encoder.encode(card) + [10]).write(to: file)
        return (try JSONDecoder.iso.decode(ScoreCard.self, from: Data(contentsOf: file)), file, folder)
    }

    @Test func writesHTMLCSVAndJSON() throws {
        let (card, file, folder) = try Self.cardFile()
        let html = folder.appendingPathComponent("out/r.html"), csv = folder.appendingPathComponent("out/csv")
        let json = folder.appendingPathComponent("out/copy.json")
        let r = try Ecoscore.run(["report", file.path, "--html", html.path, "--csv", csv.path, "--json", json.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(html.path) && r.stdout.contains(json.path) && r.stdout.contains(csv.path))
        // The JSON report is the card itself, byte for byte as `score` writes it.
        #expect(try Data(contentsOf: json) == Data(contentsOf: file))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("lang=\"en\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted()
        #expect(files == AuditCommandTests.tables.map { "\($0).csv" })
        let criteria = try NamedCSV(url: csv.appendingPathComponent("criteria.csv"), delimiter: .comma, loadColumns: false)
        #expect(criteria.rows.count == card.families.reduce(0) { $0 + $1.criteria.count })
        #expect(criteria.rows.map { AuditOutput.text($0["criterion_title"]) } == card.families.flatMap { $0.criteria.map(\.title.en) })
        #expect(criteria.rows.map { Double($0["points"] ?? "") } == card.families.flatMap { $0.criteria.map(\.points) })
    }

    /// With a history holding runs of the card's grid and target, the HTML shows their trend; without, it has none.
    @Test func theHTMLShowsTheHistorysTrend() throws {
        let (_, file, folder) = try Self.cardFile()
        let db = folder.appendingPathComponent("h.sqlite").path
        let without = folder.appendingPathComponent("without.html"), with = folder.appendingPathComponent("with.html")
        #expect(try Ecoscore.run(["report", file.path, "--html", without.path, "--db", db]).status == 0)
        for label in ["build-1", "build-2"] {
            let r = try Ecoscore.run(["history", "record", file.path, "--db", db, "--label", label])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let r = try Ecoscore.run(["report", file.path, "--html", with.path, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!(try String(contentsOf: without, encoding: .utf8)).contains("<section id=\"trend\""))
        let page = try String(contentsOf: with, encoding: .utf8)
        #expect(page.contains("<section id=\"trend\""))
        #expect(page.contains("build-1") && page.contains("build-2"), "the recorded runs are listed by label")
    }

    @Test func oneTableIntoOneFile() throws {
        let (card, file, folder) = try Self.cardFile()
        let target = folder.appendingPathComponent("requests.csv")
        let r = try Ecoscore.run(["report", file.path, "--csv", target.path, "--csv-table", "requests", "--csv-dialect", "excel-fr"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: target)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let table = try NamedCSV(string: text, delimiter: .semicolon, loadColumns: false)
        #expect(table.rows.count == card.steps.reduce(0) { $0 + $1.requestList.count })
        #expect(table.header.prefix(4) == ["step", "step_name", "position", "url"])
        // Into a folder with --csv-table: FOLDER/NAME.csv.
        let folderTarget = folder.appendingPathComponent("only")
        #expect(try Ecoscore.run(["report", file.path, "--csv", folderTarget.path, "--csv-table", "steps"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folderTarget.path) == ["steps.csv"])
    }

    @Test func usageErrors() throws {
        let (_, file, folder) = try Self.cardFile()
        let nothing = try Ecoscore.run(["report", file.path])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("--html") && nothing.stderr.contains("--csv") && nothing.stderr.contains("--json"))
        let oneFile = try Ecoscore.run(["report", file.path, "--csv", folder.appendingPathComponent("x.csv").path])
        #expect(oneFile.status == 2)
        #expect(oneFile.stderr.contains("--csv-table"))
        let unknown = try Ecoscore.run(["report", file.path, "--csv", folder.path, "--csv-table", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("nope") && unknown.stderr.contains("criteria"))
        let lang = try Ecoscore.run(["report", file.path, "--json", folder.appendingPathComponent("j.json").path, "--lang", "de"])
        #expect(lang.status == 2)
    }

    @Test func aMalformedScoreCardExits2NamingTheFile() throws {
        let folder = try Ecoscore.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"schemaVersion\": 1, \"grid\": ".utf8).write(to: broken)
        let out = folder.appendingPathComponent("r.html")
        let r = try Ecoscore.run(["report", broken.path, "--html", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(broken.path))
        #expect(r.stderr.contains("malformed JSON"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let profile = folder.appendingPathComponent("profile.json")
        try Data("{\"schemaVersion\": 1, \"pages\": []}".utf8).write(to: profile)
        let wrong = try Ecoscore.run(["report", profile.path, "--html", out.path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains(profile.path) && wrong.stderr.contains("missing field"))

        let missing = try Ecoscore.run(["report", folder.appendingPathComponent("none.json").path, "--html", out.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json: cannot read"))
    }

    @Test func aScoreCardFromANewerEcoscoreIsRefused() throws {
        let (_, file, folder) = try Self.cardFile()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        object["schemaVersion"] = ScoreCard.currentSchemaVersion + 1
        let future = folder.appendingPathComponent("future.json")
        try JSONSerialization.data(withJSONObject: object).write(to: future)
        let r = try Ecoscore.run(["report", future.path, "--json", folder.appendingPathComponent("j.json").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(future.path) && r.stderr.contains("newer"))
    }

    /// A folder that cannot be made is a clear error, and no temporary file is left behind.
    @Test func aCSVFolderThatIsAFileIsAClearError() throws {
        let (_, file, folder) = try Self.cardFile()
        let blocked = folder.appendingPathComponent("keep/csv")
        try FileManager.default.createDirectory(at: blocked.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("a file where the CSV folder should be".utf8).write(to: blocked)
        let r = try Ecoscore.run(["report", file.path, "--csv", blocked.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write \(blocked.path)/"))
        #expect(try String(contentsOf: blocked, encoding: .utf8) == "a file where the CSV folder should be")
        #expect(try FileManager.default.contentsOfDirectory(atPath: blocked.deletingLastPathComponent().path) == ["csv"])
    }
}
