import Foundation
import Model
import ScoringData
import Yams

/// A data file that could not be read or understood, named with its path and, when known, the line.
public struct DataFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

enum DataFile {
    /// Decodes a YAML (or JSON, which is YAML) file, turning Yams' errors into a `DataFileError` with a line.
    static func decodeYAML<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        do {
            // Composing first surfaces syntax errors as YamlError, with their position (the decoder wraps them).
            _ = try Yams.compose(yaml: text)
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw DataFileError(file: url.path, line: error.line, message: "malformed YAML: \(error)")
        } catch let error as DecodingError {
            throw DataFileError(file: url.path, message: error.readableDescription)
        }
    }

    static func bundled(_ name: String) throws -> URL {
        guard let url = ScoringData.url(forResource: name) else {
            throw DataFileError(file: name, message: "missing from the installed Scoring data bundle")
        }
        return url
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line  // Yams' error marks count from 1 (node marks from 0)
        default:
            return nil
        }
    }
}
