import Foundation
import Model

/// Checks on how responses are sent: compression, cache headers, redirects, errors, HTTP version.
extension BestPractices {
    /// Share by size (decoded bytes) of the compressible responses over `minBytes` that were content-encoded.
    /// Compressible: a successful response whose media type matches `compressibleTypes`. Offending: those sent
    /// without one of `encodings`. Saving: wire body − estimated compressed size, estimated by the actual ratio
    /// of a compressed copy of the same URL seen in the profile, else the model's ratio for the type.
    /// No compressible response: 100 %.
    func compression(_ context: PageContext) -> Finding {
        let rule = model.checks.compression
        var total = 0
        var compressed = 0
        var offenders: [OffendingRequest] = []
        for r in context.run.requests where r.isSuccessfulResponse {
            guard let type = r.essenceType, MediaTypePattern.matchesAny(rule.compressibleTypes, type) else { continue }
            let size = r.decodedBodySize
            guard size > rule.minBytes else { continue }
            total += size
            if r.contentCodings.contains(where: rule.encodings.contains) {
                compressed += size
                continue
            }
            let ratio = context.compressedRatios[r.url] ?? MediaTypePattern.ratio(in: rule.ratios, for: type) ?? 1
            let estimate = Int((Double(size) * ratio).rounded())
            let saving = max(0, r.encodedBodySize - estimate)
            let coding = r.contentEncoding.map { Bilingual(same: "Content-Encoding: \($0)") }
                ?? .say(fr: "sans Content-Encoding", en: "no Content-Encoding")
            offenders.append(context.offender(r, saving: saving, detail: Bilingual(same: "\(type), ") + coding))
        }
        let share = total == 0 ? 100 : 100 * Double(compressed) / Double(total)
        return Finding(measured: share, offenders: offenders)
    }

    /// Static resources (successful responses of `staticResourceTypes`) whose cache headers give no lifetime:
    /// none, `no-store`, `no-cache`, `max-age=0` (or not a positive number), or an `Expires` in the past or not a
    /// date, as of the run's start. A `max-age` > 0 makes the response valid whatever `Expires` says (it takes
    /// precedence); a `Cache-Control` without those directives counts as valid, as in GreenIT-Analysis.
    /// Measured: how many. Saving per repeat view: what the browser fetches again, the whole response, or about
    /// its header bytes when it can revalidate (an `ETag` or `Last-Modified` and no `no-store`: a 304); and one
    /// request each.
    func cacheHeaders(_ context: PageContext) -> Finding {
        let statics = Set(model.staticResourceTypes)
        var offenders: [OffendingRequest] = []
        for r in context.run.requests where r.isSuccessfulResponse && statics.contains(r.resourceType) {
            guard let reason = Self.invalidCacheReason(r.cache, at: context.run.startedAt) else { continue }
            let revalidates = !reason.en.contains("no-store") && (r.cache.etag != nil || r.cache.lastModified != nil)
            let saving = revalidates ? (r.headerBytes ?? 0) : r.transferBytes
            offenders.append(context.offender(r, saving: saving, detail: reason))
        }
        return Finding(measured: Double(offenders.count), offenders: offenders, savedRequests: offenders.count)
    }

    /// Why a response's cache headers give it no lifetime as of `date`, or nil when they do.
    static func invalidCacheReason(_ cache: CacheHeaders, at date: Date) -> Bilingual? {
        let directives = cache.cacheControl.map(CacheControl.directives) ?? [:]
        if directives["no-store"] != nil { return Bilingual(same: "Cache-Control: no-store") }
        if directives["no-cache"] != nil { return Bilingual(same: "Cache-Control: no-cache") }
        if let maxAge = directives["max-age"] {
            guard let seconds = maxAge.flatMap({ Int($0) }), seconds > 0 else { return Bilingual(same: "Cache-Control: max-age=0") }
            return nil
        }
        if let expires = cache.expires {
            guard let expiry = HTTPDate.parse(expires), expiry > date else {
                return .say(fr: "Expires dans le passé : ", en: "Expires in the past: ") + Bilingual(same: expires)
            }
            return nil
        }
        if !directives.isEmpty { return nil }
        return .say(fr: "ni Cache-Control ni Expires", en: "no Cache-Control, no Expires")
    }

    /// Redirect responses (`statuses`). Saving: each hop's bytes and its request (a round trip). The chains are
    /// named from the URL first asked for to the one finally served, hop by hop, even when other requests came
    /// between the hops.
    func redirects(_ context: PageContext) -> Finding {
        let statuses = Set(model.checks.redirects.statuses)
        let hops = context.run.requests.filter { r in r.status.map(statuses.contains) == true }
        let offenders = hops.map { r in
            let target = r.redirectURL.map(Bilingual.init(same:)) ?? .say(fr: "(pas de Location)", en: "(no Location)")
            return context.offender(r, saving: r.transferBytes, detail: Bilingual(same: "\(r.status ?? 0) → ") + target)
        }
        return Finding(measured: Double(hops.count), offenders: offenders, savedRequests: hops.count,
                       chains: hops.isEmpty ? nil : Self.redirectChains(hops))
    }

    /// Chains of redirect hops: each starts at a hop no other hop redirects to, and follows `redirectURL`.
    static func redirectChains(_ hops: [RequestRecord]) -> [[String]] {
        var byURL: [String: RequestRecord] = [:]
        for hop in hops where byURL[hop.url] == nil { byURL[hop.url] = hop }
        let targets = Set(hops.compactMap(\.redirectURL))
        var chains: [[String]] = []
        var visited: Set<String> = []
        // Starts first; then any hop left over (a loop) starts its own chain.
        let starts = hops.filter { !targets.contains($0.url) } + hops
        for start in starts where !visited.contains(start.url) {
            var chain = [start.url]
            visited.insert(start.url)
            var current = start
            while let next = current.redirectURL {
                chain.append(next)
                guard let hop = byURL[next], visited.insert(next).inserted else { break }
                current = hop
            }
            chains.append(chain)
        }
        return chains
    }

    /// Requests with a status of 400 or more, or that got no response (a transport error). Saving: their bytes
    /// and requests.
    func httpErrors(_ context: PageContext) -> Finding {
        let failures = context.run.requests.filter(\.isFailure)
        let offenders = failures.map { r in
            // The message is the transport's own, as it came.
            let detail = r.error.map { Bilingual.say(fr: "erreur \($0.code) : ", en: "error \($0.code): ") + Bilingual(same: $0.message) }
                ?? Self.status(r)
            return context.offender(r, saving: r.transferBytes, detail: detail)
        }
        return Finding(measured: Double(failures.count), offenders: offenders, savedRequests: failures.count)
    }

    /// Responses over HTTP/1.0 or HTTP/1.1 (requests without a response have no version and are not counted).
    /// No byte saving is estimated: HTTP/2's gains (one connection, compressed headers) are not measured here.
    func http1(_ context: PageContext) -> Finding {
        let old = context.run.requests.filter { $0.httpVersion?.uppercased().hasPrefix("HTTP/1") == true }
        let offenders = old.map { context.offender($0, saving: 0, detail: Bilingual(same: $0.httpVersion ?? "")) }
        return Finding(measured: Double(old.count), offenders: offenders, savedBytes: 0)
    }
}
