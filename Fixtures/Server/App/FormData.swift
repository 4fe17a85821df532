/// Form fields from a query string, an `application/x-www-form-urlencoded` body or a `multipart/form-data` body.
/// Repeated names keep their first value; file parts are read like any other field (as UTF-8 text).
enum FormData {
    /// The query of a request-target (`?a=1&b=2`), decoded like a urlencoded body.
    static func query(of target: [UInt8]) -> [String: String] {
        guard let mark = target.firstIndex(of: UInt8(ascii: "?")) else { return [:] }
        var query = target[(mark + 1)...]
        if let hash = query.firstIndex(of: UInt8(ascii: "#")) { query = query[..<hash] }
        return urlencoded(query)
    }

    /// The fields of a POST body by its `Content-Type`; nil when the type is neither form encoding
    /// (or multipart without a boundary).
    static func fields(of request: HTTPRequest) -> [String: String]? {
        let contentType = request.header("content-type") ?? ""
        let parameters = contentType.split(separator: ";").map { $0.trimmingSpaces() }
        switch parameters.first?.lowercased() {
        case "application/x-www-form-urlencoded":
            return urlencoded(request.body[...])
        case "multipart/form-data":
            guard let boundary = parameter("boundary", in: parameters.dropFirst()), !boundary.isEmpty else { return nil }
            return multipart(request.body, boundary: boundary)
        default:
            return nil
        }
    }

    /// `a=1&b=x+y%21` → ["a": "1", "b": "x y!"]. A malformed escape is kept as written.
    static func urlencoded(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decodeComponent(parts[0])
            let value = parts.count > 1 ? decodeComponent(parts[1]) : ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    private static func decodeComponent(_ bytes: ArraySlice<UInt8>) -> String {
        let plusAsSpace = bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        let decoded = RequestPath.percentDecode(plusAsSpace[...]) ?? plusAsSpace
        return String(decoding: decoded, as: UTF8.self)
    }

    /// A `name=value` or `name="quoted value"` parameter of a header value already split on `;`.
    static func parameter(_ name: String, in parameters: ArraySlice<String>) -> String? {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingBackslashEscapes()
            }
            return value
        }
        return nil
    }

    /// RFC 7578: parts separated by `--boundary`, each with headers, a blank line and its content; the last
    /// delimiter is `--boundary--`. The field name is the `name` parameter of `Content-Disposition: form-data`.
    static func multipart(_ body: [UInt8], boundary: String) -> [String: String] {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        var fields: [String: String] = [:]
        guard var cursor = find(delimiter, in: body, from: 0) else { return fields }
        while true {
            cursor += delimiter.count
            // `--` after a delimiter ends the body.
            if body.count >= cursor + 2, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            // Skip transport padding and the line break after the delimiter.
            while cursor < body.count, body[cursor] == UInt8(ascii: " ") || body[cursor] == UInt8(ascii: "\t") { cursor += 1 }
            guard body.count >= cursor + 2, Array(body[cursor..<cursor + 2]) == crlf else { break }
            cursor += 2
            let headText: String
            let contentStart: Int
            if body[cursor...].starts(with: crlf) {
                // A part without headers: it has no name and is skipped below.
                headText = ""
                contentStart = cursor + 2
            } else {
                guard let headEnd = find(crlf + crlf, in: body, from: cursor) else { break }
                headText = String(decoding: body[cursor..<headEnd], as: UTF8.self)
                contentStart = headEnd + 4
            }
            guard let next = find(crlf + delimiter, in: body, from: contentStart) else { break }
            if let name = dispositionName(headText) {
                let value = String(decoding: body[contentStart..<next], as: UTF8.self)
                if fields[name] == nil { fields[name] = value }
            }
            cursor = next + 2
        }
        return fields
    }

    private static func dispositionName(_ head: String) -> String? {
        for line in head.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingSpaces().lowercased() == "content-disposition"
            else { continue }
            let parameters = line[line.index(after: colon)...].split(separator: ";").map { $0.trimmingSpaces() }
            guard parameters.first?.lowercased() == "form-data" else { return nil }
            return parameter("name", in: parameters.dropFirst())
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    /// `\"` → `"`, `\\` → `\` (quoted-string).
    fileprivate func replacingBackslashEscapes() -> String {
        var out = ""
        var escaping = false
        for character in self {
            if escaping {
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
