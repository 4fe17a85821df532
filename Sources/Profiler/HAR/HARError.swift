import Foundation

/// A HAR file that cannot be read: which file, where in it when that is known, and what is wrong.
/// Its description reads like a compiler's: `recording.har:12:5: unexpected end of file: …`.
public struct HARError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's path (or the name given to `HARDocument.decode`).
    public var file: String
    /// 1-based line and column (in characters) of the problem, when known.
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column): \(reason)"
        case let (line?, nil): "\(file):\(line): \(reason)"
        default: "\(file): \(reason)"
        }
    }
}

extension HARError {
    /// Explains a `JSONDecoder` failure. Foundation does not say where a syntax error is (on Linux it only
    /// says "not valid JSON"), so the text is scanned again here to find the first error's offset; for a
    /// document that is valid JSON but not a HAR, the decoder's coding path is followed in the text to the
    /// offending value.
    init(decoding error: DecodingError, in data: Data, file: String) {
        let bytes = [UInt8](data)
        func at(_ offset: Int?, _ reason: String) -> HARError {
            guard let offset else { return HARError(file: file, reason: reason) }
            let (line, column) = JSONScanner.lineAndColumn(of: offset, in: bytes)
            return HARError(file: file, line: line, column: column, reason: reason)
        }
        func locate(_ path: [any CodingKey]) -> (offset: Int, kind: String)? {
            var scanner = JSONScanner(bytes)
            return scanner.locate(path)
        }
        let notHAR = "not a HAR file: "

        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            var scanner = JSONScanner(bytes)
            if let failure = scanner.validate() {
                self = at(failure.offset, "invalid JSON: \(failure.message)")
            } else {
                self = HARError(file: file, reason: "invalid JSON: \(context.debugDescription)")
            }
        case .dataCorrupted(let context):
            self = at(locate(context.codingPath)?.offset,
                      notHAR + "\(Self.describe(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            let container = context.codingPath.isEmpty ? "the top-level object" : Self.describe(context.codingPath)
            let hint = context.codingPath.isEmpty && key.stringValue == "log"
                ? " (a HAR file is an object {\"log\": {\"entries\": […]}})" : ""
            self = at(locate(context.codingPath)?.offset,
                      notHAR + "\"\(key.stringValue)\" is missing in \(container)\(hint)")
        case .typeMismatch(let type, let context):
            let found = locate(context.codingPath)
            let expected = Self.describe(type)
            let what = context.codingPath.isEmpty ? "the top level" : Self.describe(context.codingPath)
            self = at(found?.offset, notHAR + "\(what) should be \(expected) but is \(found?.kind ?? "something else")")
        case .valueNotFound(let type, let context):
            self = at(locate(context.codingPath)?.offset,
                      notHAR + "\(Self.describe(context.codingPath)) is null where \(Self.describe(type)) is required")
        @unknown default:
            self = HARError(file: file, reason: "cannot be decoded: \(error)")
        }
    }

    /// `log.entries[3].request`.
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    static func describe(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Bool.self { return "true or false" }
        if type == Int.self || type == Double.self { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        return "an object"
    }
}

/// A JSON scanner that only checks syntax and finds places: the first syntax error with its offset and
/// a plain explanation, or the offset of the value at a coding path.
struct JSONScanner {
    struct Failure { var offset: Int; var message: String }

    private let bytes: [UInt8]
    private var i = 0
    /// Open containers, for "not closed" messages at end of file.
    private var open: [(byte: UInt8, offset: Int)] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The first syntax error, or nil when the text is one valid JSON value.
    mutating func validate() -> Failure? {
        i = 0
        open = []
        do throws(Failure) {
            skipSpace()
            try value()
            skipSpace()
            if i < bytes.count { throw fail("unexpected \(describeByte(at: i)) after the end of the JSON value") }
            return nil
        } catch {
            return error
        }
    }

    /// Offset and kind ("an object", "an array", "a string", …) of the value at `path`; when a key or index
    /// is missing, the container that lacks it. Nil when the text is not valid JSON.
    mutating func locate(_ path: [any CodingKey]) -> (offset: Int, kind: String)? {
        i = 0
        open = []
        skipSpace()
        do throws(Failure) {
            for key in path {
                guard i < bytes.count else { return nil }
                let containerStart = i
                if let index = key.intValue, bytes[i] == UInt8(ascii: "[") {
                    guard try seekElement(index) else { return (containerStart, kind(at: containerStart)) }
                } else if bytes[i] == UInt8(ascii: "{") {
                    guard try seekMember(key.stringValue) else { return (containerStart, kind(at: containerStart)) }
                } else {
                    return (i, kind(at: i))
                }
            }
            return i < bytes.count ? (i, kind(at: i)) : nil
        } catch {
            return nil
        }
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: navigation

    /// Moves to the value of member `name` of the object at `i`; false when it has none.
    private mutating func seekMember(_ name: String) throws(Failure) -> Bool {
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "}") { return false }
        while true {
            let keyStart = i
            try string()
            let key = String(decoding: bytes[(keyStart + 1)..<(i - 1)], as: UTF8.self)
            skipSpace()
            try expect(UInt8(ascii: ":"), "a ':' after an object key")
            skipSpace()
            if key == name { return true }
            try value()
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            return false
        }
    }

    /// Moves to element `index` of the array at `i`; false when it is shorter.
    private mutating func seekElement(_ index: Int) throws(Failure) -> Bool {
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "]") { return false }
        var n = 0
        while true {
            if n == index { return true }
            try value()
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; skipSpace(); n += 1; continue }
            return false
        }
    }

    private func kind(at offset: Int) -> String {
        guard offset < bytes.count else { return "missing" }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    // MARK: syntax

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? i, message: message)
    }

    /// "unexpected end of file (the array opened at line 3, column 14 is not closed)".
    private func endOfFile(_ what: String) -> Failure {
        var message = "unexpected end of file \(what)"
        if let last = open.last {
            let (line, column) = Self.lineAndColumn(of: last.offset, in: bytes)
            let name = last.byte == UInt8(ascii: "{") ? "object" : "array"
            message += " (the \(name) opened at line \(line), column \(column) is not closed; the file looks truncated)"
        }
        return fail(message, at: bytes.count)
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return "byte 0x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard let b = peek else { throw endOfFile("where \(what) was expected") }
        guard b == byte else { throw fail("expected \(what), found \(describeByte(at: i))") }
        i += 1
    }

    private mutating func value() throws(Failure) {
        guard let b = peek else { throw endOfFile("where a value was expected") }
        switch b {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("expected a value, found \(describeByte(at: i))")
        }
    }

    private mutating func object() throws(Failure) {
        open.append((UInt8(ascii: "{"), i))
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; open.removeLast(); return }
        while true {
            guard let b = peek else { throw endOfFile("where an object key was expected") }
            guard b == UInt8(ascii: "\"") else {
                throw fail("expected an object key in double quotes, found \(describeByte(at: i))")
            }
            try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "a ':' after an object key")
            skipSpace()
            try value()
            skipSpace()
            guard let next = peek else { throw endOfFile("where ',' or '}' was expected") }
            i += 1
            if next == UInt8(ascii: "}") { open.removeLast(); return }
            guard next == UInt8(ascii: ",") else {
                throw fail("expected ',' or '}' in an object, found \(describeByte(at: i - 1))", at: i - 1)
            }
            skipSpace()
        }
    }

    private mutating func array() throws(Failure) {
        open.append((UInt8(ascii: "["), i))
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "]") { i += 1; open.removeLast(); return }
        while true {
            try value()
            skipSpace()
            guard let next = peek else { throw endOfFile("where ',' or ']' was expected") }
            i += 1
            if next == UInt8(ascii: "]") { open.removeLast(); return }
            guard next == UInt8(ascii: ",") else {
                throw fail("expected ',' or ']' in an array, found \(describeByte(at: i - 1))", at: i - 1)
            }
            skipSpace()
        }
    }

    private mutating func string() throws(Failure) {
        let start = i
        i += 1
        while let b = peek {
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return
            case UInt8(ascii: "\\"):
                i += 1
                guard let e = peek else { break }
                if e == UInt8(ascii: "u") {
                    for k in 1...4 {
                        guard i + k < bytes.count else { i = bytes.count; break }
                        guard isHexDigit(bytes[i + k]) else { throw fail("invalid \\u escape in a string", at: i - 1) }
                    }
                    i += 5
                } else if Array(#""\/bfnrt"#.utf8).contains(e) {
                    i += 1
                } else {
                    throw fail("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string", at: i - 1)
                }
            case 0x00..<0x20:
                throw fail("control character (byte 0x\(String(b, radix: 16))) inside a string; it must be escaped")
            default:
                i += 1
            }
        }
        let (line, column) = Self.lineAndColumn(of: start, in: bytes)
        throw fail("unexpected end of file in the string that starts at line \(line), column \(column)"
                   + " (the file looks truncated)", at: bytes.count)
    }

    private func isHexDigit(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.utf8 {
            guard let b = peek else { throw endOfFile("inside '\(word)'") }
            guard b == expected else { throw fail("invalid literal: expected '\(word)'") }
            i += 1
        }
    }

    private mutating func number() throws(Failure) {
        let start = i
        func digits() -> Int {
            let from = i
            while let b = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) { i += 1 }
            return i - from
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        if peek == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            throw peek == nil ? endOfFile("inside a number") : fail("invalid number", at: start)
        }
        if peek == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw peek == nil ? endOfFile("inside a number") : fail("invalid number", at: start) }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw peek == nil ? endOfFile("inside a number") : fail("invalid number", at: start) }
        }
    }
}

extension JSONScanner.Failure: Error {}
