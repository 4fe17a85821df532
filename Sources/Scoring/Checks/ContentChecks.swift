import Foundation
import Model

/// Checks on what a page asks for: how many requests, domains, style sheets and fonts; image formats and
/// sizes; cookies.
extension BestPractices {
    /// Distinct hosts among the requests made. Named: one entry per host (its origin, the bytes and requests it
    /// served). No saving is estimated: fewer domains save DNS lookups and handshakes, not bytes.
    func domains(_ context: PageContext) -> Finding {
        var order: [String] = []
        var byHost: [String: (origin: String, bytes: Int, requests: Int)] = [:]
        for r in context.run.requests {
            guard let host = r.urlHost else { continue }
            if byHost[host] == nil {
                order.append(host)
                byHost[host] = (Self.origin(of: r.url) ?? host, 0, 0)
            }
            byHost[host]!.bytes += r.transferBytes
            byHost[host]!.requests += 1
        }
        let offenders = order.map { host in
            let entry = byHost[host]!
            return OffendingRequest(url: entry.origin, page: context.index, transferBytes: entry.bytes,
                                    estimatedSavingBytes: 0, text: .say(fr: "requêtes : \(entry.requests)", en: "requests: \(entry.requests)"))
        }
        return Finding(measured: Double(order.count), offenders: offenders, savedBytes: 0, listOnlyWhenFailing: true)
    }

    /// Every request of the page (redirects and failures included, as EcoIndex counts them). Saving: the requests
    /// above the largest count at level A; no bytes (which ones to drop is a design choice).
    func requestCount(_ context: PageContext) -> Finding {
        let requests = context.run.requests
        return countFinding(requests, definition: model.checks.requests, context: context) { Bilingual(same: $0.resourceType.rawValue) }
    }

    /// Requests made as style sheets (`<link rel=stylesheet>`, `@import`, preloads as style), failed ones included.
    /// Saving: the sheets above the largest count at level A, as requests (merged, their bytes remain).
    func stylesheets(_ context: PageContext) -> Finding {
        let sheets = context.run.requests.filter { $0.resourceType == .stylesheet }
        return countFinding(sheets, definition: model.checks.stylesheets, context: context) {
            $0.essenceType.map(Bilingual.init(same:)) ?? Self.status($0)
        }
    }

    private func countFinding(_ requests: [RequestRecord], definition: BestPracticeModel.CheckDefinition,
                              context: PageContext, detail: (RequestRecord) -> Bilingual) -> Finding {
        let allowed = definition.largestCountAtA() ?? requests.count
        return Finding(measured: Double(requests.count),
                       offenders: requests.map { context.offender($0, saving: 0, detail: detail($0)) },
                       savedBytes: 0, savedRequests: max(0, requests.count - allowed), listOnlyWhenFailing: true)
    }

    /// Successful font downloads: their number (the level), their bytes and formats. Saving: the fonts beyond the
    /// largest count at level A are counted as removed (the largest ones are kept), and each kept font not in
    /// WOFF2 as converted (`woff2Savings` of its encoded body).
    func fonts(_ context: PageContext) -> Finding {
        let rule = model.checks.fonts
        let fonts = context.run.requests.filter { $0.resourceType == .font && $0.isSuccessfulResponse }
        let allowed = rule.definition.largestCountAtA() ?? fonts.count
        let kept = Set(fonts.indices.sorted { (fonts[$0].transferBytes, -$0) > (fonts[$1].transferBytes, -$1) }
            .prefix(allowed))
        var offenders: [OffendingRequest] = []
        for (i, r) in fonts.enumerated() {
            let type = Self.fontType(r)
            if kept.contains(i) {
                let ratio = MediaTypePattern.ratio(in: rule.woff2Savings, for: type) ?? 0
                let saving = Int((Double(r.encodedBodySize) * ratio).rounded())
                let detail = saving > 0 ? .say(fr: "\(type), pas en WOFF2", en: "\(type), not WOFF2") : Bilingual(same: type)
                offenders.append(context.offender(r, saving: saving, detail: detail))
            } else {
                offenders.append(context.offender(r, saving: r.transferBytes, detail: .say(
                    fr: "\(type), au-delà de \(allowed) police(s)", en: "\(type), beyond \(allowed) font(s)")))
            }
        }
        return Finding(measured: Double(fonts.count), offenders: offenders,
                       savedRequests: max(0, fonts.count - allowed), listOnlyWhenFailing: true)
    }

    /// A font's media type, from its URL's extension when the server sent none or a generic one.
    static func fontType(_ r: RequestRecord) -> String {
        if let type = r.essenceType, type.hasPrefix("font/") || type.contains("font") { return type }
        switch r.urlPathExtension {
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "eot": return "application/vnd.ms-fontobject"
        default: return r.essenceType ?? "unknown"
        }
    }

    /// Successful raster images (a media type listed in `ratios`, not in `modernTypes`) whose conversion to
    /// WebP/AVIF would save more than `minSavingBytes`. Measured: the total saving in bytes.
    func imageFormats(_ context: PageContext) -> Finding {
        var offenders: [OffendingRequest] = []
        for r in context.run.requests where r.isSuccessfulResponse {
            guard let type = r.essenceType, let ratio = modernFormatSaving(type) else { continue }
            let saving = Int((Double(r.encodedBodySize) * ratio).rounded())
            guard saving > model.checks.imageFormats.minSavingBytes else { continue }
            offenders.append(context.offender(r, saving: saving, detail: .say(fr: "\(type), ni WebP ni AVIF", en: "\(type), not WebP/AVIF")))
        }
        let total = offenders.reduce(0) { $0 + $1.estimatedSavingBytes }
        return Finding(measured: Double(total), offenders: offenders)
    }

    /// Share of an image's bytes WebP/AVIF would save; nil for a modern format or a type that is not raster.
    private func modernFormatSaving(_ type: String) -> Double? {
        let rule = model.checks.imageFormats
        if MediaTypePattern.matchesAny(rule.modernTypes, type) { return nil }
        return MediaTypePattern.ratio(in: rule.ratios, for: type)
    }

    /// Successful images (`image/*`) whose decoded body is over `maxBytes`. Measured: how many. Saving: what
    /// would still be over the limit once the image-format check's conversion is applied (so the two add up),
    /// on the wire.
    func bigImages(_ context: PageContext) -> Finding {
        let limit = model.checks.bigImages.maxBytes
        var offenders: [OffendingRequest] = []
        for r in context.run.requests where r.isSuccessfulResponse {
            guard let type = r.essenceType, type.hasPrefix("image/") else { continue }
            let size = r.decodedBodySize
            guard size > limit else { continue }
            let converted = Double(size) * (1 - (modernFormatSaving(type) ?? 0))
            let excess = max(0, converted - Double(limit))
            // Decoded bytes to wire bytes (an SVG may be compressed; raster images are not).
            let saving = Int((excess * Double(r.encodedBodySize) / Double(size)).rounded())
            offenders.append(context.offender(r, saving: saving, detail: .say(fr: "\(type), \(size) o", en: "\(type), \(size) B")))
        }
        return Finding(measured: Double(offenders.count), offenders: offenders)
    }

    /// The largest `Cookie` request header of the page. Named: the requests whose header is over `b` (else `c`).
    /// Saving: the bytes above that bound in each of them.
    func cookieSize(_ context: PageContext) -> Finding {
        let definition = model.checks.cookieSize
        let bound = Int(definition.levels.b ?? definition.levels.c)
        let largest = context.run.requests.map(\.cookieBytesSent).max() ?? 0
        let offenders = context.run.requests.filter { $0.cookieBytesSent > bound }.map {
            context.offender($0, saving: $0.cookieBytesSent - bound, detail: Self.cookie($0))
        }
        return Finding(measured: Double(largest), offenders: offenders)
    }

    /// `Cookie` header bytes sent with static resources (successful responses of `staticResourceTypes`).
    /// Measured and saved: their total (a cookie-free origin for static files sends none).
    func staticCookies(_ context: PageContext) -> Finding {
        let statics = Set(model.staticResourceTypes)
        let offenders = context.run.requests
            .filter { $0.isSuccessfulResponse && statics.contains($0.resourceType) && $0.cookieBytesSent > 0 }
            .map { context.offender($0, saving: $0.cookieBytesSent, detail: Self.cookie($0)) }
        return Finding(measured: Double(offenders.reduce(0) { $0 + $1.estimatedSavingBytes }), offenders: offenders)
    }

    /// `scheme://host[:port]` of a URL.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              let host = components.host else { return nil }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")"
    }
}
