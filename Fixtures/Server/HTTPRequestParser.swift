/// A parsed HTTP/1.x request head.
struct HTTPRequest: Sendable, Equatable {
    var method: String
    /// The request-target as received, byte for byte.
    var targetBytes: [UInt8]
    var versionMajor: Int
    var versionMinor: Int
    var headers: [HTTPHeader]
    /// The body, when the connection read one for a handler that wants it (the fixture app); else empty.
    var body: [UInt8] = []

    /// The request-target for logs (invalid UTF-8 shown as U+FFFD).
    var target: String { String(decoding: targetBytes, as: UTF8.self) }

    /// All values of a header, joined by ", " as RFC 9110 allows; nil when absent.
    func header(_ name: String) -> String? {
        let values = headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Comma-separated tokens of a header, lowercased.
    func tokens(_ name: String) -> [String] {
        guard let value = header(name) else { return [] }
        return value.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
    }

    /// HTTP/1.1 keeps the connection unless told `Connection: close`; HTTP/1.0 always closes.
    var wantsKeepAlive: Bool {
        guard versionMajor == 1, versionMinor >= 1 else { return false }
        return !tokens("connection").contains("close")
    }
}

struct HTTPHeader: Sendable, Equatable {
    var name: String
    var value: String
}

/// Incremental parser for a request head: call it with everything buffered so far.
enum HTTPRequestParser {
    /// Largest accepted request head (request line + headers); larger gets 431.
    static let maxHeadBytes = 64 * 1024

    enum Result: Equatable {
        /// No blank line yet and still under the limit: read more.
        case incomplete
        /// The head is larger than `maxHeadBytes` (431). Method and target as far as they could be read.
        case tooLarge(method: String, target: String)
        /// Malformed request line or header (400). Method and target as far as they could be read.
        case bad(method: String, target: String)
        /// A complete head; `headLength` bytes of the buffer were consumed.
        case request(HTTPRequest, headLength: Int)
    }

    static func parse(_ buffer: [UInt8]) -> Result {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                var line = buffer[lineStart..<index]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                lineStart = index + 1
                if line.isEmpty {
                    // Blank lines before the request line are ignored (RFC 9112 §2.2).
                    if !lines.isEmpty {
                        if lineStart > maxHeadBytes { return tooLarge(buffer) }
                        return build(lines, headLength: lineStart)
                    }
                } else {
                    lines.append(line)
                }
            }
            index += 1
        }
        return buffer.count > maxHeadBytes ? tooLarge(buffer) : .incomplete
    }

    /// The first two words of the request line, for the access log of a request that is not served.
    private static func tooLarge(_ buffer: [UInt8]) -> Result {
        let firstLine = buffer.prefix(8 * 1024).split(separator: UInt8(ascii: "\n")).first ?? []
        let words = firstLine.split(separator: UInt8(ascii: " "), maxSplits: 2)
        let method = words.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let target = words.count > 1 ? String(decoding: words[1], as: UTF8.self) : ""
        return .tooLarge(method: method, target: target)
    }

    private static func build(_ lines: [ArraySlice<UInt8>], headLength: Int) -> Result {
        let requestLine = lines[0]
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        let method = parts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let target = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
        guard parts.count == 3,
              !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 != 0x7F }),
              let version = parseVersion(parts[2])
        else {
            return .bad(method: method, target: target)
        }
        var headers: [HTTPHeader] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .bad(method: method, target: target)
            }
            let name = line[line.startIndex..<colon]
            // No whitespace before the colon, no obsolete line folding (RFC 9112 §5).
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
                return .bad(method: method, target: target)
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
            headers.append(HTTPHeader(name: String(decoding: name, as: UTF8.self), value: value))
        }
        let request = HTTPRequest(
            method: method, targetBytes: Array(parts[1]),
            versionMajor: version.major, versionMinor: version.minor, headers: headers
        )
        return .request(request, headLength: headLength)
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) -> (major: Int, minor: Int)? {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[6] == UInt8(ascii: "."),
              let major = digit(text[5]), let minor = digit(text[7]), major == 1
        else { return nil }
        return (major, minor)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension StringProtocol {
    /// Trims spaces and horizontal tabs (HTTP optional whitespace).
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
