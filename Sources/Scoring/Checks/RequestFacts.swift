import Foundation
import Model

extension BestPractices {
    /// Media-type patterns as written in `best-practices.yaml`: `type/subtype` exact, `type/*` any subtype,
    /// `*+suffix` a structured suffix, `*` anything. Compared case-insensitively against a type's essence.
    enum MediaTypePattern {
        static func matches(_ pattern: String, _ essence: String) -> Bool {
            let pattern = pattern.lowercased()
            if pattern == "*" { return true }
            if pattern.hasSuffix("/*") { return essence.hasPrefix(String(pattern.dropLast())) }
            if pattern.hasPrefix("*") { return essence.hasSuffix(String(pattern.dropFirst())) }
            return essence == pattern
        }

        static func matchesAny(_ patterns: [String], _ essence: String) -> Bool {
            patterns.contains { matches($0, essence) }
        }

        /// The ratio of the first entry whose pattern matches.
        static func ratio(in list: [BestPracticeModel.TypeRatio], for essence: String) -> Double? {
            list.first { matches($0.type, essence) }?.ratio
        }
    }

    /// Cache-Control directives, lowercased: `public, max-age=600` → ["public": nil, "max-age": "600"].
    enum CacheControl {
        static func directives(_ header: String) -> [String: String?] {
            var result: [String: String?] = [:]
            for part in header.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
                guard let name = pair.first?.lowercased(), !name.isEmpty else { continue }
                if result[name] == nil { result[name] = pair.count > 1 ? pair[1] : String?.none }
            }
            return result
        }
    }
}

extension RequestRecord {
    /// `text/css; charset=utf-8` → `text/css`; nil when the response had no Content-Type.
    var essenceType: String? {
        guard let contentType else { return nil }
        let essence = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return essence.isEmpty ? nil : essence
    }

    /// A response with a 2xx status and no transport error.
    var isSuccessfulResponse: Bool {
        error == nil && status.map { (200..<300).contains($0) } == true
    }

    /// Status 400 or more, or no usable response at all (a transport error).
    var isFailure: Bool {
        error != nil || (status ?? 0) >= 400
    }

    /// Body size after content decoding: the decoded bytes when known, else the wire body, else what the
    /// transfer held beyond its headers.
    var decodedBodySize: Int {
        decodedBytes ?? bodyBytes ?? max(0, transferBytes - (headerBytes ?? 0))
    }

    /// Body bytes on the wire (still encoded).
    var encodedBodySize: Int {
        bodyBytes ?? max(0, transferBytes - (headerBytes ?? 0))
    }

    /// Content-Encoding tokens, lowercased (`gzip, br` → ["gzip", "br"]); `identity` is no encoding.
    var contentCodings: [String] {
        (contentEncoding ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
    }

    /// The URL's host, lowercased; nil for a URL without one.
    var urlHost: String? {
        URL(string: url)?.host?.lowercased()
    }

    /// The last path segment's extension, lowercased (`/f/a.WOFF2?v=1` → `woff2`).
    var urlPathExtension: String {
        (URL(string: url)?.pathExtension ?? "").lowercased()
    }
}
