import Foundation
import Model

/// Reads a Profile JSON written by `ecoscore profile`, refusing one from a newer schema: its fields may mean
/// something this version does not know, and scoring it silently would be wrong.
public enum ProfileFile {
    public static func read(_ url: URL) throws -> Profile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataFileError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    public static func decode(_ data: Data, file: String) throws -> Profile {
        struct Envelope: Decodable { var schemaVersion: Int? }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let envelope = try? decoder.decode(Envelope.self, from: data) else {
            throw DataFileError(file: file, message: "not a profile (expected the JSON written by `ecoscore profile --output`)")
        }
        if let version = envelope.schemaVersion, version > Profile.currentSchemaVersion {
            throw DataFileError(file: file, message: "profile schema version \(version) is newer than this ecoscore reads (\(Profile.currentSchemaVersion)): upgrade ecoscore to score it")
        }
        do {
            return try decoder.decode(Profile.self, from: data)
        } catch let error as DecodingError {
            throw DataFileError(file: file, message: "not a valid profile: \(error.readableDescription)")
        }
    }
}
