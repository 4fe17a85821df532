import Foundation
import Model

/// The response headers Ecoscore records, parsed line by line as libcurl delivers them. An interim
/// (1xx) response starts over, so only the final response's headers remain.
struct ResponseHeaders {
    /// Header values from a target are kept only up to this length: they land in reports.
    static let maxValueLength = 2048

    var statusLine: String?
    var contentType: String?
    var contentEncoding: String?
    var location: String?
    var cache = CacheHeaders()
    /// Sum of `Set-Cookie` value lengths; the values are never kept.
    var cookieBytesSet = 0
    /// `Transfer-Encoding: chunked`: the body on the wire carries chunk framing libcurl does not count.
    var isChunked = false
    /// The blank line that ends the head has arrived.
    var isComplete = false

    mutating func consume(line raw: String) {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            self = ResponseHeaders()
            statusLine = line
            return
        }
        if line.isEmpty {
            isComplete = statusLine != nil
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = String(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        let kept = String(value.prefix(Self.maxValueLength))
        switch name {
        case "content-type": contentType = kept
        case "content-encoding": contentEncoding = kept
        case "location": location = value
        case "cache-control": cache.cacheControl = kept
        case "expires": cache.expires = kept
        case "etag": cache.etag = kept
        case "last-modified": cache.lastModified = kept
        case "set-cookie": cookieBytesSet += value.utf8.count
        case "transfer-encoding": isChunked = value.lowercased().contains("chunked")
        default: break
        }
    }

    /// The `charset` parameter of Content-Type, if any.
    var charset: String? {
        guard let contentType else { return nil }
        for param in contentType.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    /// The media type without parameters, lowercased.
    var mediaType: String? {
        contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
