/// Maps a raw request-target to a file-system-safe absolute path.
enum RequestPath {
    enum Resolution: Equatable {
        /// Decoded absolute path (UTF-8), query dropped, repeated slashes merged, trailing slash kept.
        /// `rawPath` is the undecoded path part, for building redirects.
        case path(String, rawPath: String)
        /// Not an origin-form or absolute-form target, bad percent-escape, invalid UTF-8 or NUL (400).
        case badRequest
        /// A `.` or `..` segment, raw or percent-encoded (403).
        case forbidden
    }

    static func resolve(_ target: [UInt8]) -> Resolution {
        var bytes = target[...]
        // absolute-form (`GET http://host/path`): keep the path.
        let lowered = String(decoding: target.prefix(8), as: UTF8.self).lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            let afterScheme = bytes.dropFirst(lowered.hasPrefix("http://") ? 7 : 8)
            if let slash = afterScheme.firstIndex(of: UInt8(ascii: "/")) {
                bytes = target[slash...]
            } else {
                bytes = Array("/".utf8)[...]
            }
        }
        guard bytes.first == UInt8(ascii: "/") else { return .badRequest }
        if let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            bytes = bytes[..<end]
        }
        let rawPath = String(decoding: bytes, as: UTF8.self)
        guard let decodedBytes = percentDecode(bytes), !decodedBytes.contains(0),
              let decoded = String(validating: decodedBytes, as: UTF8.self)
        else { return .badRequest }

        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .forbidden }
        var path = "/" + segments.joined(separator: "/")
        if decoded.hasSuffix("/") && !segments.isEmpty { path += "/" }
        return .path(path, rawPath: rawPath)
    }

    /// `%XX` → byte; any other byte (including raw UTF-8) as is. Nil on a malformed escape.
    static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
