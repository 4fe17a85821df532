import Foundation

/// Resolves the URL references found in HTML and CSS the way a browser's URL parser (WHATWG URL
/// Standard) would, for the only schemes that make network requests here: `http` and `https`.
public enum URLResolver {
    /// Resolves `reference` against `base`, HTML-spec-like.
    ///
    /// Rules (each mirrors the WHATWG URL parser for special schemes):
    /// - leading and trailing C0 control or space characters are stripped; tab, CR and LF anywhere
    ///   inside are removed;
    /// - the fragment (from the first `#`) is dropped; a reference that is empty or fragment-only
    ///   (`#icon`) names the document itself and yields nil (no request);
    /// - `\` counts as `/` before the query;
    /// - `http:foo` with an `http` base is relative (as in browsers); `https:foo` with another scheme
    ///   is `https://foo`;
    /// - non-ASCII characters and characters invalid in URLs (space, `"`, `<`, `>`, `` ` ``, `{`, `}`,
    ///   `|`, `^`, and `'` in the query) are percent-encoded as UTF-8 (browsers use the document
    ///   encoding for the query of a non-UTF-8 page; Ecoscore always uses UTF-8); a `%` not followed
    ///   by two hex digits is encoded as `%25` (browsers keep it raw);
    /// - the host is lowercased (IDNA via Foundation), a default port is dropped, an empty path
    ///   becomes `/`, and `.` / `..` segments (also `%2e`) are removed;
    /// - any scheme other than `http(s)` gives nil: `data:`, `javascript:`, `about:`, `mailto:`,
    ///   `blob:`, `tel:`, `file:`… — none of them is a network request.
    public static func resolve(_ reference: String, against base: URL) -> URL? {
        guard var ref = clean(reference) else { return nil }
        if let hash = ref.firstIndex(of: "#") { ref = String(ref[..<hash]) }
        if ref.isEmpty { return nil }

        let baseScheme = base.scheme?.lowercased()
        if let scheme = leadingScheme(of: ref) {
            let lowered = scheme.lowercased()
            guard lowered == "http" || lowered == "https" else { return nil }
            var rest = Substring(ref.dropFirst(scheme.count + 1))
            let startsWithSlash = rest.first == "/" || rest.first == "\\"
            if lowered == baseScheme, !startsWithSlash {
                ref = String(rest)  // "http:foo" against an http base is a relative reference
                if ref.isEmpty { return nil }
            } else {
                while rest.first == "/" || rest.first == "\\" { rest = rest.dropFirst() }
                ref = lowered + "://" + rest
            }
        }
        guard let encoded = percentEncode(ref) else { return nil }
        guard let absolute = URL(string: encoded, relativeTo: base)?.absoluteURL else { return nil }
        return normalize(absolute)
    }

    /// Whether a reference, once cleaned, is a `data:` URL (used where a browser would use the
    /// inline data and stop looking further, e.g. the first supported `@font-face` source).
    static func isDataURL(_ reference: String) -> Bool {
        guard let ref = clean(reference), let scheme = leadingScheme(of: ref) else { return false }
        return scheme.lowercased() == "data"
    }

    /// Normalizes an absolute http(s) URL: lowercase scheme and host, no default port, no fragment,
    /// non-empty path without dot segments. Nil for other schemes or without host.
    static func normalize(_ url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.percentEncodedHost, !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.percentEncodedHost = host.lowercased()
        if let port = components.port, (scheme == "http" && port == 80) || (scheme == "https" && port == 443) {
            components.port = nil
        }
        components.percentEncodedFragment = nil
        components.percentEncodedPath = removeDotSegments(components.percentEncodedPath)
        guard let string = components.string else { return nil }
        return URL(string: string)
    }

    // MARK: - Steps

    /// Strips leading/trailing C0 controls and spaces, removes tab/CR/LF inside. Nil when empty.
    static func clean(_ reference: String) -> String? {
        var scalars = Substring(reference).unicodeScalars[...]
        while let first = scalars.first, first.value <= 0x20 { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars = scalars.dropLast() }
        if scalars.isEmpty { return nil }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            result.append(scalar)
        }
        return String(result)
    }

    /// `scheme:` at the start of a reference (ASCII alpha, then alnum / `+` / `-` / `.`).
    private static func leadingScheme(of reference: String) -> String? {
        var scheme = ""
        for scalar in reference.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isAlpha = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            if scheme.isEmpty ? !isAlpha : !(isAlpha || isOther) { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Percent-encodes what a URL may not hold literally, outside the authority, and turns `\` into
    /// `/` before the query. The authority (after a leading `//` or `scheme://`) is left to Foundation
    /// (IDNA for non-ASCII hosts).
    private static func percentEncode(_ reference: String) -> String? {
        let bytes = Array(reference.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        // Copy an authority verbatim.
        var authorityStart: Int?
        if let schemeEnd = findSchemeSeparator(bytes), schemeEnd + 2 < bytes.count + 1,
           bytes.count >= schemeEnd + 3, bytes[schemeEnd + 1] == 0x2F, bytes[schemeEnd + 2] == 0x2F {
            authorityStart = schemeEnd + 3
        } else if bytes.count >= 2, isSlash(bytes[0]), isSlash(bytes[1]) {
            authorityStart = 2
        }
        if let start = authorityStart {
            while index < start { output.append(isSlash(bytes[index]) ? 0x2F : bytes[index]); index += 1 }
            while index < bytes.count, !isSlash(bytes[index]), bytes[index] != 0x3F {
                output.append(bytes[index])
                index += 1
            }
        }
        var inQuery = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3F { inQuery = true }
            if byte == 0x5C, !inQuery {
                output.append(0x2F)
            } else if byte == 0x25 {
                let hex1 = index + 1 < bytes.count && isHex(bytes[index + 1])
                let hex2 = index + 2 < bytes.count && isHex(bytes[index + 2])
                if hex1 && hex2 { output.append(byte) } else { output.append(contentsOf: Array("%25".utf8)) }
            } else if mustEncode(byte, inQuery: inQuery) {
                output.append(0x25)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func findSchemeSeparator(_ bytes: [UInt8]) -> Int? {
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x3A { return offset == 0 ? nil : offset }
            let isAlnum = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !(isAlnum || byte == 0x2B || byte == 0x2D || byte == 0x2E) { return nil }
        }
        return nil
    }

    private static func isSlash(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x5C }
    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x41 + value - 10 }

    private static func mustEncode(_ byte: UInt8, inQuery: Bool) -> Bool {
        if byte <= 0x20 || byte >= 0x7F { return true }
        switch byte {
        case 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7C, 0x5E, 0x5B, 0x5D: return true  // " < > ` { } | ^ [ ]
        case 0x27: return inQuery  // ' in the query of a special URL
        default: return false
        }
    }

    /// RFC 3986 §5.2.4, with `%2e` counted as `.` as the WHATWG parser does.
    static func removeDotSegments(_ path: String) -> String {
        if path.isEmpty { return "/" }
        guard path.contains(".") || path.lowercased().contains("%2e") else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var output: [Substring] = []
        var trailingSlash = false
        for segment in segments {
            let lowered = segment.lowercased()
            if lowered == "." || lowered == "%2e" {
                trailingSlash = true
            } else if lowered == ".." || lowered == ".%2e" || lowered == "%2e." || lowered == "%2e%2e" {
                if !output.isEmpty { output.removeLast() }
                trailingSlash = true
            } else {
                output.append(segment)
                trailingSlash = false
            }
        }
        var result = "/" + output.joined(separator: "/")
        if trailingSlash, !result.hasSuffix("/") { result += "/" }
        return result
    }
}
