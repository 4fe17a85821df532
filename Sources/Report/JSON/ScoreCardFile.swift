import Foundation
import Model

/// A score card file that cannot be read, phrased for the person who gave it.
public struct ScoreCardFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var message: String

    public init(file: String, message: String) { self.file = file; self.message = message }

    public var description: String { "\(file): \(message)" }
}

/// Reads a ScoreCard JSON written by `ecoscore score` or `audit`, refusing one from a newer schema: its fields
/// may mean something this version does not know, and reporting it silently would be wrong.
public enum ScoreCardFile {
    public static func read(_ url: URL) throws -> ScoreCard {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ScoreCardFileError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    public static func decode(_ data: Data, file: String) throws -> ScoreCard {
        struct Envelope: Decodable { var schemaVersion: Int? }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let envelope: Envelope
        do { envelope = try decoder.decode(Envelope.self, from: data) } catch {
            throw ScoreCardFileError(file: file, message: "not a score card (expected the JSON written by `ecoscore score --output` or `ecoscore audit`): \(Self.reason(error))")
        }
        if let version = envelope.schemaVersion, version > ScoreCard.currentSchemaVersion {
            throw ScoreCardFileError(file: file, message: "score card schema version \(version) is newer than this ecoscore reads (\(ScoreCard.currentSchemaVersion)): upgrade ecoscore to report it")
        }
        do {
            return try decoder.decode(ScoreCard.self, from: data)
        } catch {
            throw ScoreCardFileError(file: file, message: "not a valid score card: \(Self.reason(error))")
        }
    }

    static func reason(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return error.localizedDescription }
        // A syntax error has no field path; the underlying error, when there is one, says where.
        if case .dataCorrupted(let context) = decoding, context.codingPath.isEmpty {
            let detail = context.underlyingError.flatMap { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String }
            return "malformed JSON" + (detail.map { ": \($0)" } ?? "")
        }
        return decoding.readableDescription
    }
}
