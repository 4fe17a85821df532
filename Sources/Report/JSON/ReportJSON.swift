import Foundation
import Model

/// The JSON every Ecoscore artifact is written in: pretty, keys sorted (a diff between two runs shows only what
/// changed), ISO 8601 dates, slashes unescaped (URLs stay readable).
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    /// A score card as a file: its JSON and a final line feed.
    public static func scoreCard(_ card: ScoreCard) throws -> Data {
        try encode(card) + [10]
    }
}
