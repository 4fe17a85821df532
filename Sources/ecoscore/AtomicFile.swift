import Foundation

/// Writes a file so that a reader sees either the old content or the new, never half of it (Foundation's
/// `.atomic` writes a temporary file beside the target and renames it over).
func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    } catch {
        throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)", exitCode: .usage)
    }
}

func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return try encoder.encode(value)
}
