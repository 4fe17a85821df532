import Foundation
import Model
import Testing
@testable import Scoring

@Suite struct ScoreCardTests {
    @Test func aProfileFromAFutureSchemaIsRefused() throws {
        let json = #"{"schemaVersion": 2, "pages": []}"#
        #expect {
            _ = try ProfileFile.decode(Data(json.utf8), file: "future.json")
        } throws: { error in
            (error as? DataFileError)?.description
                == "future.json: profile schema version 2 is newer than this ecoscore reads (1): upgrade ecoscore to score it"
        }
    }

    @Test func notAProfile() throws {
        #expect(throws: DataFileError.self) { try ProfileFile.decode(Data("[1, 2]".utf8), file: "x.json") }
        #expect {
            _ = try ProfileFile.decode(Data(#"{"schemaVersion": 1}"#.utf8), file: "x.json")
        } throws: { error in
            (error as? DataFileError)?.message.hasPrefix("not a valid profile: missing field") == true
        }
    }

    @Test func aCurrentProfileRoundTrips() throws {
        let p = ProfileBuilder.profile([AppReferencingScoreTests.home()])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        #expect(try ProfileFile.decode(try encoder.encode(p), file: "p.json") == p)
    }

    @Test func scoreCardIsVersionedAndRoundTripsThroughJSON() throws {
        let card = try AppReferencingScoreTests.card()
        #expect(card.schemaVersion == ScoreCard.currentSchemaVersion)
        #expect(card.grid.id == "app-referencing" && card.grid.bundled && card.grid.file == nil)
        #expect(card.profile?.journeyName == "Book")
        #expect(card.profile?.steps.map(\.name) == ["Home", "Appointments"])
        #expect(card.footprint != nil)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var rounded = card
        rounded.createdAt = Date(timeIntervalSince1970: 1_750_000_000)
        let back = try decoder.decode(ScoreCard.self, from: try encoder.encode(rounded))
        #expect(back == rounded)
    }

    /// A grid of one's own replaces the bundled one and is named in the score card.
    @Test func aGridFileOfOnesOwn() throws {
        let url = try GridValidationTests.file([:])
        let scorer = try Scorer.bundled(try GridLoader.load(url))
        let profile = ProfileBuilder.profile([AppReferencingScoreTests.home()])
        let card = try scorer.score(profile, answers: nil, tool: ProfileBuilder.tool)
        #expect(card.grid.id == "test-grid" && !card.grid.bundled && card.grid.file == url.path)
        // 250 000 B is above the test grid's 5000 B band: 0 of 100; the question is unanswered: 0 of 2.
        #expect(card.total.points == 0 && card.total.max == 102)
        #expect(card.unanswered == ["question"])
    }

    /// Answers for another grid are refused by the scorer too.
    @Test func answersMustMatchTheGrid() throws {
        let scorer = try ProfileBuilder.bundledScorer("rgesn-2024")
        #expect {
            _ = try scorer.score(nil, answers: Answers(grid: "app-referencing", file: "a.yaml", entries: [:]), tool: ProfileBuilder.tool)
        } throws: { error in
            (error as? DataFileError)?.message == "these answers are for grid 'app-referencing', not for grid 'rgesn-2024'"
        }
    }
}
