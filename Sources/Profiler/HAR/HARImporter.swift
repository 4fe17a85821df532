import Foundation
import Model

/// Turns a HAR file recorded by a browser (Chrome, Firefox, WebPageTest, Browsertime, chrome-har…) into a
/// `Profile` with `source == "har"`, so that a recording can be scored like a live measurement.
///
/// **Pages.** Entries are grouped into pages by `pageref`, in the order of `log.pages`; entries without a
/// `pageref` form one extra page at the end, and entries whose `pageref` names no page form a page of their
/// own. Each HAR page becomes one `PageProfile` with one `PageRun` (a HAR page is one load; several runs of a
/// site recorded in one file stay several pages): `name` is the page's title, `url` the first document's URL.
/// Within a page, entries are ordered by `startedDateTime` (file order breaks ties, and is kept as it is when
/// a date cannot be read).
///
/// **Times.** A run starts at the HAR page's `startedDateTime` (or its first entry's, if earlier or the page
/// has none); a request's `startMs` is its `startedDateTime` from there, and the run's duration lasts until
/// the end of the last entry (`startedDateTime + time`).
///
/// **Requests.** Every entry is a request except `data:`, `blob:` and `about:` URLs, which a browser resolves
/// without the network (so they are left out, as the profiler leaves out `data:` references).
///
/// **Sizes.** `transferBytes` is Chrome's `_transferSize` (headers + encoded body as transferred) when it is
/// present and not negative. Otherwise it is `response.headersSize + response.bodySize`, where a `-1` (the
/// HAR's "unknown") counts as 0: the sum of the parts that are known. A request whose sizes were unknown is
/// recognisable afterwards by `headerBytes == nil` or `bodyBytes == nil` (they stay nil rather than 0), so
/// nothing is silently invented: count them with `HARImporter.requestsWithUnknownSize(in:)`.
/// `decodedBytes` is `content.size` when not negative; when it is `-1` (Firefox without bodies) and the body
/// was not content-encoded, the body bytes are the decoded bytes; otherwise it stays nil.
///
/// **What a HAR cannot say.** There is no DOM (so `domElements` is nil and no EcoIndex is computed) and no
/// reference tree: the navigation chain (the first document and the redirects that lead from it) has depth 0,
/// a redirect hop keeps the depth of the request it answers, a request whose `_initiator` URL is an earlier
/// request of the page is one deeper than it (`css` discovery when that is a stylesheet), and any other
/// request has depth 1 with `html` discovery (`implicit` for an uninitiated `/favicon.ico`).
/// `resourceType` comes from Chrome's `_resourceType` when present, else from the MIME type (a redirect hop
/// takes the type of the request it leads to), so it approximates the browser's own classification.
public enum HARImporter {
    /// Reads a HAR file. Throws a `HARError` naming the file (and the line and column when the JSON is broken).
    public static func profile(from url: URL, tool: ToolInfo, settings: ProfileSettings,
                               createdAt: Date = Date()) throws(HARError) -> Profile {
        let document = try HARDocument.read(from: url)
        return profile(from: document, tool: tool, settings: settings, createdAt: createdAt)
    }

    /// Decodes HAR bytes; `name` is what errors call the input.
    public static func profile(from data: Data, name: String, tool: ToolInfo, settings: ProfileSettings,
                               createdAt: Date = Date()) throws(HARError) -> Profile {
        let document = try HARDocument.decode(data, name: name)
        return profile(from: document, tool: tool, settings: settings, createdAt: createdAt)
    }

    public static func profile(from document: HARDocument, tool: ToolInfo, settings: ProfileSettings,
                               createdAt: Date = Date()) -> Profile {
        Profile(tool: tool, createdAt: createdAt, settings: settings, source: "har", pages: pages(from: document))
    }

    /// One `PageProfile` per HAR page (see the type's documentation for the rules).
    public static func pages(from document: HARDocument) -> [PageProfile] {
        var order: [String?] = []
        var pagesByID: [String: HARDocument.Page] = [:]
        var entriesByPage: [String: [HARDocument.Entry]] = [:]
        var unassigned: [HARDocument.Entry] = []
        for page in document.log.pages ?? [] where pagesByID[page.id] == nil {
            pagesByID[page.id] = page
            order.append(page.id)
        }
        for entry in document.log.entries {
            guard let ref = entry.pageref, !ref.isEmpty else {
                unassigned.append(entry)
                continue
            }
            if entriesByPage[ref] == nil && pagesByID[ref] == nil { order.append(ref) }
            entriesByPage[ref, default: []].append(entry)
        }
        if !unassigned.isEmpty { order.append(nil) }
        return order.map { id in
            let entries = id.map { entriesByPage[$0] ?? [] } ?? unassigned
            return PageBuilder(page: id.flatMap { pagesByID[$0] }, pageref: id, entries: entries).build()
        }
    }

    /// Requests whose wire size the HAR did not record completely (`headersSize` or `bodySize` was `-1`):
    /// their `transferBytes` is `_transferSize` or the sum of the known parts.
    public static func requestsWithUnknownSize(in run: PageRun) -> Int {
        run.requests.count { $0.headerBytes == nil || $0.bodyBytes == nil }
    }

    // MARK: mappings

    /// "h2", "HTTP/2.0", "http/2.0" → "HTTP/2"; "http/1.1", "1.1" → "HTTP/1.1"; "h3", "h3-29" → "HTTP/3";
    /// "" and "unknown" → nil; anything else (e.g. "SPDY/3.1") uppercased as it is.
    public static func normalizedHTTPVersion(_ raw: String) -> String? {
        let v = raw.trimmingCharacters(in: .whitespaces).lowercased()
        switch v {
        case "", "unknown": return nil
        case "h2", "h2c", "http/2", "http/2.0", "2", "2.0": return "HTTP/2"
        case "h3", "http/3", "http/3.0", "3", "quic": return "HTTP/3"
        case "http/1.1", "1.1", "h1", "http/1": return "HTTP/1.1"
        case "http/1.0", "1.0": return "HTTP/1.0"
        case "http/0.9", "0.9": return "HTTP/0.9"
        default: return v.hasPrefix("h3-") ? "HTTP/3" : raw.trimmingCharacters(in: .whitespaces).uppercased()
        }
    }

    /// Chrome's `_resourceType` as a `ResourceType`; nil for a value this version does not know (the MIME
    /// type decides then).
    public static func resourceType(chromeResourceType value: String) -> ResourceType? {
        switch value.lowercased() {
        case "document": .document
        case "stylesheet": .stylesheet
        case "script": .script
        case "image": .image
        case "font": .font
        case "media": .media
        case "xhr", "fetch", "eventsource", "websocket", "ping", "beacon", "preflight", "cspviolationreport": .fetch
        case "manifest", "texttrack", "other", "signedexchange", "webbundle", "prefetch": .other
        default: nil
        }
    }

    /// The resource type a MIME type suggests, for recordings without `_resourceType`: HTML → document,
    /// CSS → stylesheet, JavaScript → script, images (SVG and icons included) → image, fonts → font (also an
    /// untyped `.woff`, `.woff2`, `.ttf`, `.otf` or `.eot`), audio and video → media, JSON and event streams →
    /// fetch, anything else → other.
    public static func resourceType(mimeType: String?, url: String) -> ResourceType {
        let media = (mimeType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        if media == "text/html" || media == "application/xhtml+xml" { return .document }
        if media == "text/css" { return .stylesheet }
        if media.contains("javascript") || media.contains("ecmascript") { return .script }
        if media.hasPrefix("image/") { return .image }
        if media.hasPrefix("font/") || (media.hasPrefix("application/") && media.contains("font"))
            || media == "application/vnd.ms-fontobject" { return .font }
        if media.hasPrefix("audio/") || media.hasPrefix("video/") || media == "application/vnd.apple.mpegurl"
            || media == "application/x-mpegurl" || media == "application/dash+xml" { return .media }
        if media == "application/json" || media.hasSuffix("+json") || media == "text/event-stream" { return .fetch }
        let path = (URLComponents(string: url)?.path ?? url).lowercased()
        if [".woff", ".woff2", ".ttf", ".otf", ".eot"].contains(where: { path.hasSuffix($0) }) { return .font }
        return .other
    }
}

// MARK: - one page

/// Builds the run of one HAR page.
private struct PageBuilder {
    var page: HARDocument.Page?
    var pageref: String?
    var entries: [HARDocument.Entry]

    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]
    private static let notRequests = ["data:", "blob:", "about:"]

    private struct Item {
        var entry: HARDocument.Entry
        var date: Date?
        /// The URL for matching redirects and initiators: no fragment, "/" for an empty path.
        var key: String
        /// Where a 3xx sends the browser, resolved and normalised like `key`.
        var redirectTarget: String?
    }

    func build() -> PageProfile {
        let items = orderedItems()
        let n = items.count
        let pageDate = page.flatMap { HARDate.parse($0.startedDateTime) }
        let firstEntryDate = items.compactMap(\.date).min()
        let start = [pageDate, firstEntryDate].compactMap { $0 }.min() ?? Date(timeIntervalSince1970: 0)

        // Redirect links: a 3xx leads to the next unclaimed request of the page for its target.
        var successor = [Int?](repeating: nil, count: n)
        var predecessor = [Int?](repeating: nil, count: n)
        for i in 0..<n {
            guard let target = items[i].redirectTarget else { continue }
            if let k = ((i + 1)..<n).first(where: { predecessor[$0] == nil && items[$0].key == target }) {
                successor[i] = k
                predecessor[k] = i
            }
        }

        // The navigation: the first document (by `_resourceType` when the recorder writes it, else the first
        // request, as other HAR tools take it), traced back through any redirect that led to it.
        var chain: [Int] = []
        if n > 0 {
            let hasTypes = items.contains { $0.entry.resourceType != nil }
            var nav = hasTypes
                ? items.firstIndex { $0.entry.resourceType?.lowercased() == "document" } ?? 0
                : 0
            while let p = predecessor[nav] { nav = p }
            var current: Int? = nav
            while let c = current, !chain.contains(c) {
                chain.append(c)
                current = successor[c]
            }
        }
        let inChain = Set(chain)

        // Types, last to first so that a redirect hop can take the type of the request it leads to.
        var types = [ResourceType](repeating: .other, count: n)
        for i in (0..<n).reversed() {
            let entry = items[i].entry
            if inChain.contains(i) {
                types[i] = .document
            } else if let chrome = entry.resourceType, let type = HARImporter.resourceType(chromeResourceType: chrome) {
                types[i] = type
            } else if let next = successor[i] {
                types[i] = types[next]
            } else if items[i].redirectTarget != nil {
                types[i] = .other
            } else {
                let mime = entry.response.content.mimeType.isEmpty
                    ? header("content-type", in: entry.response.headers) : entry.response.content.mimeType
                types[i] = HARImporter.resourceType(mimeType: mime, url: entry.request.url)
            }
        }

        // Discovery, depth and initiator, first to last.
        var records: [RequestRecord] = []
        var depthByKey: [String: Int] = [:]
        var typeByKey: [String: ResourceType] = [:]
        var depths = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let item = items[i]
            var discovery = Discovery.html
            var initiator: String?
            var depth = 1
            if i == chain.first {
                discovery = .navigation
                depth = 0
            } else if let p = predecessor[i] {
                discovery = .redirect
                initiator = items[p].entry.request.url
                depth = depths[p]
            } else if let url = item.entry.initiator?.url {
                initiator = url
                let key = Self.normalize(url)
                if key != item.key, let d = depthByKey[key] {
                    depth = d + 1
                    if typeByKey[key] == .stylesheet { discovery = .css }
                }
            } else if URLComponents(string: item.entry.request.url)?.path == "/favicon.ico" {
                discovery = .implicit
            }
            depths[i] = depth
            if depthByKey[item.key] == nil {
                depthByKey[item.key] = depth
                typeByKey[item.key] = types[i]
            }
            records.append(record(for: item, type: types[i], discovery: discovery, depth: depth,
                                  initiator: initiator, pageStart: start))
        }

        let durationMs = records.compactMap { r in r.timings.startMs.map { $0 + (r.timings.totalMs ?? 0) } }.max() ?? 0
        let final = chain.last.map { records[$0] }
        let title = page.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
        let run = PageRun(
            startedAt: start,
            durationMs: max(0, durationMs),
            finalURL: final?.url ?? title ?? pageref ?? "",
            title: title,
            domElements: nil,
            requests: records,
            totals: PageTotals(summing: records),
            error: pageError(final)
        )
        let url = chain.first.map { records[$0].url } ?? title ?? pageref ?? ""
        return PageProfile(name: title, url: url, runs: [run], summary: PageSummary(runs: [run]))
    }

    /// The page's requests in time order.
    private func orderedItems() -> [Item] {
        var items: [Item] = []
        for entry in entries {
            let url = entry.request.url
            let lower = url.lowercased()
            if Self.notRequests.contains(where: { lower.hasPrefix($0) }) { continue }
            var target: String?
            let status = entry.response.status
            if (300..<400).contains(status) && status != 304 {
                let raw = entry.response.redirectURL.isEmpty
                    ? header("location", in: entry.response.headers) ?? "" : entry.response.redirectURL
                if !raw.isEmpty { target = Self.resolve(raw, against: url) }
            }
            items.append(Item(entry: entry, date: HARDate.parse(entry.startedDateTime), key: Self.normalize(url),
                              redirectTarget: target))
        }
        guard items.allSatisfy({ $0.date != nil }) else { return items }
        return items.enumerated()
            .sorted { a, b in a.element.date! != b.element.date! ? a.element.date! < b.element.date! : a.offset < b.offset }
            .map(\.element)
    }

    private func record(for item: Item, type: ResourceType, discovery: Discovery, depth: Int, initiator: String?,
                        pageStart: Date) -> RequestRecord {
        let entry = item.entry
        let request = entry.request
        let response = entry.response
        let status = response.status > 0 ? response.status : nil
        let headerBytes = response.headersSize >= 0 ? response.headersSize : nil
        let bodyBytes = response.bodySize >= 0 ? response.bodySize : nil
        let transferBytes = response.transferSize.flatMap { $0 >= 0 ? $0 : nil }
            ?? (headerBytes ?? 0) + (bodyBytes ?? 0)
        let contentEncoding = header("content-encoding", in: response.headers)
        let decodedBytes: Int?
        if response.content.size >= 0 {
            decodedBytes = response.content.size
        } else if let bodyBytes, Self.isIdentity(contentEncoding) {
            decodedBytes = bodyBytes
        } else {
            decodedBytes = nil
        }
        let contentType = header("content-type", in: response.headers)
            ?? (response.content.mimeType.isEmpty ? nil : response.content.mimeType)

        var record = RequestRecord(
            url: request.url,
            method: request.method.isEmpty ? "GET" : request.method,
            initiator: initiator,
            discovery: discovery,
            resourceType: type,
            depth: depth,
            status: status,
            httpVersion: HARImporter.normalizedHTTPVersion(response.httpVersion)
                ?? HARImporter.normalizedHTTPVersion(request.httpVersion),
            remoteAddress: Self.ipAddress(entry.serverIPAddress ?? entry.wptIPAddress),
            transferBytes: transferBytes,
            headerBytes: headerBytes,
            bodyBytes: bodyBytes,
            decodedBytes: decodedBytes,
            contentType: contentType.map(Self.kept),
            contentEncoding: contentEncoding.map(Self.kept),
            cache: CacheHeaders(
                cacheControl: header("cache-control", in: response.headers).map(Self.kept),
                expires: header("expires", in: response.headers).map(Self.kept),
                etag: header("etag", in: response.headers).map(Self.kept),
                lastModified: header("last-modified", in: response.headers).map(Self.kept)),
            cookieBytesSent: Self.cookieBytesSent(request),
            cookieBytesSet: Self.cookieBytesSet(response),
            redirectURL: Self.redirectStatuses.contains(response.status) ? item.redirectTarget : nil,
            timings: Self.timings(entry, date: item.date, pageStart: pageStart)
        )
        let browserError = response.error.flatMap { $0.isEmpty ? nil : $0 }
        if let exported = browserError.flatMap(Self.ecoscoreError) {
            record.error = exported
        } else if status == nil {
            record.error = RequestError(
                code: "no-response",
                message: browserError.map { "no response: \($0)" }
                    ?? "no response (the browser recorded status 0: blocked, cancelled or failed)")
        } else if let browserError {
            record.error = RequestError(code: "transfer", message: browserError)
        }
        return record
    }

    /// `_error` as `HARExporter` writes it, `code: message` with one of Ecoscore's lowercase codes
    /// (Chrome's `net::ERR_…` does not match).
    private static func ecoscoreError(_ text: String) -> RequestError? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let code = text[..<colon]
        let rest = text[text.index(after: colon)...]
        guard let first = code.first, first.isLowercase, rest.hasPrefix(" "),
              code.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" })
        else { return nil }
        return RequestError(code: String(code), message: String(rest.dropFirst()))
    }

    private func pageError(_ final: RequestRecord?) -> RequestError? {
        guard let final else { return RequestError(code: "no-request", message: "the HAR page has no requests") }
        if let error = final.error { return RequestError(code: error.code, message: "\(final.url): \(error.message)") }
        if let status = final.status, status >= 400 {
            return RequestError(code: "http-status", message: "\(final.url): the server answered HTTP \(status)")
        }
        return nil
    }

    // MARK: helpers

    private func header(_ name: String, in headers: [HARDocument.NameValue]) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }

    /// Header values land in reports: kept up to the profiler's limit.
    private static func kept(_ value: String) -> String { String(value.prefix(ResponseHeaders.maxValueLength)) }

    private static func isIdentity(_ encoding: String?) -> Bool {
        guard let encoding else { return true }
        let e = encoding.trimmingCharacters(in: .whitespaces).lowercased()
        return e.isEmpty || e == "identity"
    }

    /// Length of the `Cookie` header value(s) — HTTP/2 may send several; when a recorder lists only the parsed
    /// `cookies`, the length of the header they make (`a=1; b=2`). Values are never kept.
    private static func cookieBytesSent(_ request: HARDocument.Request) -> Int {
        let headers = request.headers.filter { $0.name.lowercased() == "cookie" }
        if !headers.isEmpty { return headers.reduce(0) { $0 + $1.value.utf8.count } }
        guard !request.cookies.isEmpty else { return 0 }
        return request.cookies.reduce(0) { $0 + $1.name.utf8.count + 1 + $1.value.utf8.count }
            + 2 * (request.cookies.count - 1)
    }

    /// Sum of the lengths of the `Set-Cookie` values; when a recorder lists only parsed `cookies`, their
    /// `name=value` lengths (attributes unknown). Values are never kept.
    private static func cookieBytesSet(_ response: HARDocument.Response) -> Int {
        let headers = response.headers.filter { $0.name.lowercased() == "set-cookie" }
        if !headers.isEmpty { return headers.reduce(0) { $0 + $1.value.utf8.count } }
        return response.cookies.reduce(0) { $0 + $1.name.utf8.count + 1 + $1.value.utf8.count }
    }

    /// The server's IP without brackets (Chrome writes `[2a00:…]` for IPv6); the port is not in a HAR.
    private static func ipAddress(_ raw: String?) -> String? {
        guard var ip = raw?.trimmingCharacters(in: .whitespaces), !ip.isEmpty else { return nil }
        if ip.hasPrefix("["), let close = ip.firstIndex(of: "]") { ip = String(ip[ip.index(after: ip.startIndex)..<close]) }
        return ip.isEmpty ? nil : ip
    }

    /// HAR phases → profile timings. `connect` includes `ssl` in HAR 1.2, so the TCP connect is
    /// `connect − ssl`; the first byte comes after blocked + dns + connect + send + wait (`-1`s left out).
    private static func timings(_ entry: HARDocument.Entry, date: Date?, pageStart: Date) -> Model.Timings {
        func known(_ x: Double) -> Double? { x >= 0 ? x : nil }
        let t = entry.timings
        let ssl = known(t.ssl)
        let connect = known(t.connect)
        let beforeFirstByte = [t.blocked, t.dns, t.connect, t.send, t.wait].compactMap(known)
        let phases = [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive].compactMap(known)
        return Model.Timings(
            startMs: date.map { $0.timeIntervalSince(pageStart) * 1000 },
            dnsMs: known(t.dns),
            connectMs: connect.map { c in ssl.map { s in c >= s ? c - s : c } ?? c },
            tlsMs: ssl,
            firstByteMs: beforeFirstByte.isEmpty ? nil : beforeFirstByte.reduce(0, +),
            totalMs: known(entry.time) ?? (phases.isEmpty ? nil : phases.reduce(0, +))
        )
    }

    /// `target` resolved against `base`, normalised for matching.
    static func resolve(_ target: String, against base: String) -> String {
        if let baseURL = URL(string: base), let url = URL(string: target, relativeTo: baseURL) {
            return normalize(url.absoluteString)
        }
        return normalize(target)
    }

    /// Without fragment (Chrome strips it from request URLs, Firefox keeps it), with "/" for an empty path
    /// (`http://example.com` is a request for `http://example.com/`), scheme lowercased.
    static func normalize(_ url: String) -> String {
        guard var c = URLComponents(string: url), c.host != nil else { return url }
        c.fragment = nil
        if c.percentEncodedPath.isEmpty { c.percentEncodedPath = "/" }
        c.scheme = c.scheme?.lowercased()
        return c.string ?? url
    }
}
