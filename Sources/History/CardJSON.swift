import Foundation
import Model

/// The score card as the history stores it: the same JSON `ecoscore score --output` writes (sorted keys, ISO 8601
/// dates), so `history show --json` gives back a file any command reads as a baseline.
enum CardJSON {
    static func encode(_ card: ScoreCard) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(card), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> ScoreCard {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ScoreCard.self, from: Data(json.utf8))
    }
}
