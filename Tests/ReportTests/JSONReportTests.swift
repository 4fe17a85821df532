import Foundation
import Model
import Testing
@testable import Report

/// The JSON report is the ScoreCard itself; reading one back refuses what it cannot read, naming the file.
@Suite struct JSONReportTests {
    @Test func aScoreCardRoundTripsThroughItsJSON() throws {
        let card = try CSVSampleCard.make()
        let data = try ReportJSON.scoreCard(card)
        #expect(data.last == 10)
        #expect(try ScoreCardFile.decode(data, file: "card.json") == card)
    }

    @Test func theJSONIsPrettySortedWithISODatesAndReadableURLs() throws {
        let text = String(decoding: try ReportJSON.scoreCard(try CSVSampleCard.make()), as: UTF8.self)
        // Top-level keys are the lines indented by exactly two spaces; sorted means a diff shows only changes.
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys.count > 15)
        #expect(keys == keys.sorted())
        #expect(text.contains(#""createdAt" : "2025-06-15T15:06:40Z""#))
        #expect(text.contains("http://127.0.0.1:8080/lean/"), "slashes are not escaped")
    }

    @Test func aFutureSchemaVersionIsRefusedNamingTheFile() throws {
        var card = try CSVSampleCard.make()
        card.schemaVersion = ScoreCard.currentSchemaVersion + 1
        let error = try #require(throws: ScoreCardFileError.self) {
            try ScoreCardFile.decode(try ReportJSON.scoreCard(card), file: "future.json")
        }
        #expect(error.description.hasPrefix("future.json: "))
        #expect(error.description.contains("schema version \(ScoreCard.currentSchemaVersion + 1) is newer"))
    }

    @Test(arguments: [
        ("{ \"schemaVersion\": 1, ", "malformed JSON"),
        ("[1, 2]", "not a score card"),
        ("{\"schemaVersion\": 1}", "missing field"),
        ("", "not a score card"),
    ])
    func aMalformedScoreCardIsAClearError(_ text: String, _ expected: String) throws {
        let error = try #require(throws: ScoreCardFileError.self) {
            try ScoreCardFile.decode(Data(text.utf8), file: "/tmp/bad.json")
        }
        #expect(error.file == "/tmp/bad.json")
        #expect(error.description.contains(expected), "\(error)")
        #expect(!error.description.contains("CodingKeys"), "a readable path, not Swift's debug dump: \(error)")
    }

    @Test func aMissingFileIsAClearError() throws {
        let error = try #require(throws: ScoreCardFileError.self) {
            try ScoreCardFile.read(URL(fileURLWithPath: "/nonexistent/card.json"))
        }
        #expect(error.description.hasPrefix("/nonexistent/card.json: cannot read"))
    }
}
