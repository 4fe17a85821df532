import Foundation
import Model

/// Encodes a Profile page by page: encoding the whole document at once holds an intermediate tree several
/// times the size of the output, which made peak memory grow with the number of pages.
enum ProfileJSON {
    private static let marker = "\u{1}ecoscore-pages\u{1}"

    /// Calls `write` with consecutive pieces of the profile's JSON (a valid document once concatenated).
    static func encode(_ profile: Profile, _ write: (Data) throws -> Void) throws {
        var envelope = profile
        envelope.pages = []
        // The envelope is encoded with an empty page list, which is then replaced by the pages one by one.
        let head = String(decoding: try encodeJSON(envelope), as: UTF8.self)
        guard let range = head.range(of: #""pages" : \[\s*\]"#, options: .regularExpression) else {
            try write(try encodeJSON(profile))  // unexpected encoder layout: fall back to one piece
            return
        }
        try write(Data((head[..<range.lowerBound] + "\"pages\" : [\n").utf8))
        for (i, page) in profile.pages.enumerated() {
            if i > 0 { try write(Data(",\n".utf8)) }
            try write(try encodeJSON(page))
        }
        try write(Data(("\n]" + head[range.upperBound...]).utf8))
    }

    static func write(_ profile: Profile, to path: String) throws {
        try writeAtomically(to: path) { handle in try encode(profile) { handle.write($0) } }
    }

    static func print(_ profile: Profile) throws {
        try encode(profile) { FileHandle.standardOutput.write($0) }
        FileHandle.standardOutput.write(Data([10]))
    }
}
