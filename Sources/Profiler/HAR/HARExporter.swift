import Foundation
import Model

/// Writes any `Profile` (live, journey or imported) as a HAR 1.2 document, for browsers' HAR viewers and
/// other tools.
///
/// - Every run of every page becomes a HAR page of its own, so nothing is lost: id `page_N_run_K`
///   (page or journey step N, run K, both from 1), title the page's name or else its URL.
/// - Every required HAR field is written; what the profile does not know is the HAR's "unknown" (`-1` for
///   sizes and timings, `""` for strings). Chrome's `_transferSize` (header + body bytes as transferred) and
///   `_resourceType` are added, so that a re-import gives the same figures.
/// - **Secrets.** A profile holds no cookie or credential values (only their lengths), and the export adds
///   none: request `headers` and every `cookies` list are empty, and the only response headers written are
///   the ones the profile keeps — Content-Type, Content-Encoding, Cache-Control, Expires, ETag,
///   Last-Modified and Location. URLs are written as they are in the profile (journeys redact `${ENV}`
///   values before they reach a profile).
public enum HARExporter {
    public static func export(_ profile: Profile) -> HARDocument {
        var pages: [HARDocument.Page] = []
        var entries: [HARDocument.Entry] = []
        for (p, page) in profile.pages.enumerated() {
            for (k, run) in page.runs.enumerated() {
                let id = "page_\(p + 1)_run_\(k + 1)"
                pages.append(HARDocument.Page(
                    startedDateTime: HARDate.format(run.startedAt), id: id, title: page.name ?? page.url,
                    pageTimings: HARDocument.PageTimings(onContentLoad: -1, onLoad: -1)))
                // A request without a start time (one that failed before it began) is put at the start of the
                // one before it, so that readers, which order entries by time, keep the profile's order.
                var lastStartMs = 0.0
                for request in run.requests {
                    let startMs = request.timings.startMs ?? lastStartMs
                    lastStartMs = startMs
                    entries.append(entry(for: request, pageref: id,
                                         startedDateTime: run.startedAt.addingTimeInterval(startMs / 1000)))
                }
            }
        }
        let creator = HARDocument.Creator(name: profile.tool.name.isEmpty ? "ecoscore" : profile.tool.name,
                                          version: profile.tool.version,
                                          comment: profile.tool.engine.isEmpty ? nil : profile.tool.engine)
        return HARDocument(log: HARDocument.Log(version: "1.2", creator: creator, pages: pages, entries: entries))
    }

    /// The HAR as JSON (pretty-printed, keys sorted, slashes unescaped).
    public static func data(_ profile: Profile) throws -> Data {
        try export(profile).encoded()
    }

    // MARK: entries

    static func entry(for r: RequestRecord, pageref: String, startedDateTime: Date) -> HARDocument.Entry {
        let timings = harTimings(r.timings)
        var responseHeaders: [HARDocument.NameValue] = []
        func add(_ name: String, _ value: String?) {
            if let value { responseHeaders.append(HARDocument.NameValue(name: name, value: value)) }
        }
        add("Content-Type", r.contentType)
        add("Content-Encoding", r.contentEncoding)
        add("Cache-Control", r.cache.cacheControl)
        add("Expires", r.cache.expires)
        add("ETag", r.cache.etag)
        add("Last-Modified", r.cache.lastModified)
        add("Location", r.redirectURL)

        let compression: Int? = if let decoded = r.decodedBytes, let body = r.bodyBytes, decoded >= body {
            decoded - body
        } else {
            nil
        }
        let status = r.status ?? 0
        let method = r.method.isEmpty ? "GET" : r.method
        let request = HARDocument.Request(
            method: method, url: r.url, httpVersion: r.httpVersion ?? "", cookies: [], headers: [],
            queryString: queryString(of: r.url), postData: nil, headersSize: -1,
            // Ecoscore sends no body with GET or HEAD; of a form login's POST only the URL is kept.
            bodySize: ["GET", "HEAD"].contains(method.uppercased()) ? 0 : -1)
        let response = HARDocument.Response(
            status: status, statusText: statusText(status), httpVersion: r.httpVersion ?? "", cookies: [],
            headers: responseHeaders,
            content: HARDocument.Content(size: r.decodedBytes ?? -1, compression: compression,
                                         mimeType: r.contentType ?? ""),
            redirectURL: r.redirectURL ?? "",
            headersSize: r.headerBytes ?? -1, bodySize: r.bodyBytes ?? -1, transferSize: r.transferBytes,
            error: r.error.map { "\($0.code): \($0.message)" })
        return HARDocument.Entry(
            pageref: pageref,
            startedDateTime: HARDate.format(startedDateTime),
            time: timings.total,
            request: request,
            response: response,
            cache: HARDocument.Cache(),
            timings: timings.phases,
            serverIPAddress: ipAddress(r.remoteAddress),
            resourceType: r.resourceType.rawValue,
            initiator: r.initiator.map {
                HARDocument.Initiator(type: r.discovery == .redirect ? "redirect" : "parser", url: $0)
            })
    }

    /// Profile timings → HAR phases whose sum (ssl aside, as it is inside connect) is the entry's time.
    /// The profile keeps DNS, TCP connect, TLS, time to first byte and total; what is between the connection
    /// and the first byte is `wait` (HAR's `blocked` and `send` are not measured separately: -1 and 0).
    static func harTimings(_ t: Model.Timings) -> (phases: HARDocument.Timings, total: Double) {
        func ms(_ x: Double?) -> Double? { x.map { (max(0, $0) * 1000).rounded() / 1000 } }
        let dns = ms(t.dnsMs)
        let tls = ms(t.tlsMs)
        let connect = ms(t.connectMs).map { $0 + (tls ?? 0) }
        let setup = (dns ?? 0) + (connect ?? 0)
        let wait = ms(t.firstByteMs).map { max(0, $0 - setup) } ?? 0
        let receive = ms(t.totalMs).map { max(0, $0 - setup - wait) } ?? 0
        let phases = HARDocument.Timings(blocked: -1, dns: dns ?? -1, connect: connect ?? -1, send: 0,
                                         wait: ms(wait) ?? 0, receive: ms(receive) ?? 0, ssl: tls ?? -1)
        let total = ms(setup + wait + receive) ?? 0
        return (phases, total)
    }

    private static func queryString(of url: String) -> [HARDocument.NameValue] {
        (URLComponents(string: url)?.queryItems ?? []).map { HARDocument.NameValue(name: $0.name, value: $0.value ?? "") }
    }

    /// `1.2.3.4:443` → `1.2.3.4`, `[::1]:8080` → `::1`: HAR's `serverIPAddress` has no port.
    static func ipAddress(_ address: String?) -> String? {
        guard let address, !address.isEmpty else { return nil }
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<close])
        }
        let colons = address.count { $0 == ":" }
        if colons == 1, let colon = address.firstIndex(of: ":") { return String(address[..<colon]) }
        return address
    }

    private static func statusText(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
