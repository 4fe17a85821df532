import Foundation
import Model

/// A browser's HTTP cache across the steps of one journey run (RFC 9111, the parts that decide traffic):
/// a fresh response is reused without a request; a stale one with a validator is revalidated with a
/// conditional request (a 304 costs headers only); everything else is fetched again.
/// Only successful GET responses are stored; `no-store` never is. Not thread-safe: one journey run, one thread.
final class HTTPCache {
    struct Entry {
        var storedAt: Date
        var freshFor: TimeInterval
        var etag: String?
        var lastModified: String?
        var decodedBytes: Int
        var type: ResourceType
        var mediaType: String?
        var charset: String?
        /// Kept for HTML and CSS only, so that discovery can go on from a cached document or stylesheet.
        var body: [UInt8]?
    }

    enum Decision {
        case fresh(Entry)
        /// Stale but revalidatable: send these conditional headers.
        case revalidate(Entry, headers: [String])
        case miss
    }

    private var entries: [String: Entry] = [:]
    private let now: () -> Date

    init(now: @escaping () -> Date = Date.init) { self.now = now }

    func lookup(_ url: URL) -> Decision {
        guard let entry = entries[url.absoluteString] else { return .miss }
        if now().timeIntervalSince(entry.storedAt) < entry.freshFor { return .fresh(entry) }
        var headers: [String] = []
        if let etag = entry.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = entry.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        return headers.isEmpty ? .miss : .revalidate(entry, headers: headers)
    }

    func entry(for url: URL) -> Entry? { entries[url.absoluteString] }

    /// Stores a complete 200 answer to a GET, unless its headers forbid it.
    func store(_ url: URL, record: RequestRecord, response: ResponseHeaders, body: [UInt8]) {
        guard record.status == 200, record.method == "GET", record.error == nil else { return }
        let directives = Self.directives(record.cache.cacheControl)
        guard !directives.keys.contains("no-store") else {
            entries[url.absoluteString] = nil
            return
        }
        let keepsBody = record.resourceType == .document || record.resourceType == .stylesheet
        entries[url.absoluteString] = Entry(
            storedAt: now(), freshFor: freshness(record.cache, directives), etag: record.cache.etag,
            lastModified: record.cache.lastModified, decodedBytes: record.decodedBytes ?? 0,
            type: record.resourceType, mediaType: response.mediaType, charset: response.charset,
            body: keepsBody ? body : nil)
    }

    /// A 304 answer: the stored response is fresh again (with the new answer's freshness, if it gave any).
    func refresh(_ url: URL, record: RequestRecord) {
        guard var entry = entries[url.absoluteString] else { return }
        entry.storedAt = now()
        let directives = Self.directives(record.cache.cacheControl)
        if record.cache.cacheControl != nil || record.cache.expires != nil {
            entry.freshFor = freshness(record.cache, directives)
        }
        entries[url.absoluteString] = entry
    }

    /// max-age, else Expires, else 10 % of the time since Last-Modified (the heuristic RFC 9111 suggests and
    /// browsers use); `no-cache` means always revalidate.
    private func freshness(_ cache: CacheHeaders, _ directives: [String: String]) -> TimeInterval {
        if directives.keys.contains("no-cache") { return 0 }
        if let maxAge = directives["max-age"].flatMap(TimeInterval.init) { return max(0, maxAge) }
        if let expires = cache.expires {
            guard let date = HTTPDate.parse(expires) else { return 0 }  // an invalid Expires means already expired
            return max(0, date.timeIntervalSince(now()))
        }
        if let lastModified = cache.lastModified.flatMap(HTTPDate.parse) {
            return max(0, now().timeIntervalSince(lastModified) / 10)
        }
        return 0
    }

    static func directives(_ cacheControl: String?) -> [String: String] {
        var result: [String: String] = [:]
        for part in (cacheControl ?? "").split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = kv.first?.lowercased(), !name.isEmpty else { continue }
            result[name] = kv.count > 1 ? kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
        }
        return result
    }
}
