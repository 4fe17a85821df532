import CCurl
import Foundation
import Model

/// Loads one page as a browser would: the document (redirect hops included), then everything it and its
/// stylesheets and frames reference, many transfers at once on one connection pool. Alone it is a cold load;
/// a journey hands every step the same cookie jar (`share`) and HTTP cache.
/// Not thread-safe: one page load runs on one thread.
final class PageLoad {
    private let navigation: FetchRequest
    private var pageURL: URL { navigation.url }
    private let options: FetchOptions
    private let pageHosts: Set<String>
    private let multi: CurlMulti
    private let share: CurlShare
    private let cache: HTTPCache?
    private let clock = ContinuousClock()
    /// Set when `run` begins, so that work done around the load (metering) is not counted in its duration.
    private var start: ContinuousClock.Instant
    private var startedAt = Date()

    private var inFlight: [UnsafeMutableRawPointer: Transfer] = [:]
    private var hostQueue: HostQueue
    /// URLs already requested in this load: a browser's memory cache serves a repeated URL once.
    private var seen: Set<String> = []
    private var nextSequence = 0
    private var records: [(sequence: Int, record: RequestRecord)] = []
    private var skipped: [SkippedResource] = []
    private var cacheHits: [CacheHit] = []
    private var document: HTMLScan?
    /// The body of the navigation's final answer (bounded), for a journey step's assertions.
    private(set) var finalBody: [UInt8] = []

    convenience init(url: URL, options: FetchOptions, pageHosts: Set<String>) {
        self.init(navigation: FetchRequest(url: url, type: .document, discovery: .navigation, initiator: nil,
                                           depth: 0, frameDepth: 0),
                  options: options, pageHosts: pageHosts)
    }

    /// - Parameter navigation: the page's own request (a step may POST a form or call an API).
    init(navigation: FetchRequest, options: FetchOptions, pageHosts: Set<String>, share: CurlShare = CurlShare(),
         cache: HTTPCache? = nil) {
        self.navigation = navigation
        self.options = options
        self.pageHosts = pageHosts
        self.share = share
        self.cache = cache
        multi = CurlMulti(maxConnectionsPerHost: options.maxConnectionsPerHost)
        hostQueue = HostQueue(limit: options.maxConnectionsPerHost)
        start = clock.now
    }

    func run() -> PageRun {
        start = clock.now
        startedAt = Date()
        enqueue(navigation)
        let deadline = start.advanced(by: .milliseconds(options.pageTimeoutMs))
        while !inFlight.isEmpty {
            _ = multi.perform()
            for (easy, result) in multi.completed() { finish(easy, result) }
            if inFlight.isEmpty { break }
            if let stop = options.stop, stop.isRaised {
                abandonInFlight(code: "interrupted", because: stop.reason ?? "interrupted")
                break
            }
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero {
                abandonInFlight(code: "page-timeout", because: "the page timeout of \(options.pageTimeoutMs) ms ran out")
                break
            }
            // A short cap: libcurl 7.88 can leave a ready transfer unwoken until the poll returns.
            multi.poll(timeoutMs: min(100, max(1, Int(remaining.milliseconds.rounded(.up)))))
        }
        return makeRun()
    }

    private var elapsedMs: Double { start.duration(to: clock.now).milliseconds }

    // MARK: requests

    private func enqueue(_ request: FetchRequest) {
        var request = request
        let key = request.url.absoluteString
        if request.discovery != .redirect {
            guard seen.insert(key).inserted else { return }
        }
        seen.insert(key)
        guard let host = request.url.host, options.hosts.allows(host, pageHosts: pageHosts) else {
            skipped.append(SkippedResource(url: key, resourceType: request.type, initiator: request.initiator,
                                           reason: "host not named on the command line (allow it with --allow-host or --all-hosts)"))
            return
        }
        if request.method == "GET", let cache {
            switch cache.lookup(request.url) {
            case .fresh(let entry):
                cacheHits.append(CacheHit(url: key, resourceType: request.type, initiator: request.initiator,
                                          decodedBytes: entry.decodedBytes))
                discover(request: request, body: entry.body ?? [], mediaType: entry.mediaType, charset: entry.charset,
                         status: 200)
                return
            case .revalidate(_, let headers):
                request.headers += headers
            case .miss:
                break
            }
        }
        request.sequence = nextSequence
        nextSequence += 1
        if let admitted = hostQueue.admit(request) { start(admitted) }
    }

    private func start(_ request: FetchRequest) {
        let key = request.url.absoluteString
        do {
            let transfer = try Transfer(request: request, startedAt: elapsedMs, options: options, share: share)
            inFlight[transfer.easy.handle] = transfer
            multi.add(transfer.easy)
        } catch {
            records.append((request.sequence, RequestRecord(
                url: key, initiator: request.initiator, discovery: request.discovery, resourceType: request.type,
                depth: request.depth, error: RequestError(code: "setup", message: "\(error)"))))
            for next in hostQueue.finished(request.url, multiplexing: false) { start(next) }
        }
    }

    private func finish(_ easy: UnsafeMutableRawPointer, _ result: CURLcode) {
        guard let transfer = inFlight.removeValue(forKey: easy) else { return }
        multi.remove(transfer.easy)
        var record = transfer.record(result: result)
        let request = transfer.request
        for next in hostQueue.finished(request.url, multiplexing: record.httpVersion == "HTTP/2") { start(next) }
        if result == CURLE_OK, let target = transfer.redirectTarget {
            followRedirect(from: request, to: target, record: &record)
        } else if result == CURLE_OK, record.status == 304, let entry = cache?.entry(for: request.url) {
            cache?.refresh(request.url, record: record)
            finishNavigation(request, body: entry.body ?? [])
            discover(request: request, body: entry.body ?? [], mediaType: entry.mediaType, charset: entry.charset,
                     status: 200)
        } else if result == CURLE_OK {
            cache?.store(request.url, record: record, response: transfer.response, body: transfer.body)
            finishNavigation(request, body: transfer.body)
            discover(request: request, body: transfer.body, mediaType: transfer.response.mediaType,
                     charset: transfer.response.charset, status: record.status ?? 0)
        }
        records.append((request.sequence, record))
    }

    private func followRedirect(from request: FetchRequest, to target: URL, record: inout RequestRecord) {
        guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            record.error = RequestError(code: "protocol-not-allowed",
                                        message: "redirect to \(target.absoluteString) not followed: only http and https are")
            return
        }
        guard request.redirectHops < options.maxRedirects else {
            record.error = RequestError(code: "redirect-limit",
                                        message: "more than \(options.maxRedirects) redirects from \(request.url.absoluteString)")
            return
        }
        enqueue(request.following(target, status: record.status ?? 302))
    }

    private func finishNavigation(_ request: FetchRequest, body: [UInt8]) {
        if request.depth == 0 && request.frameDepth == 0 { finalBody = body }
    }

    /// Reads what an HTML or CSS body (fetched, revalidated or cached) references and requests it.
    private func discover(request: FetchRequest, body: [UInt8], mediaType: String?, charset: String?, status: Int) {
        let here = request.url
        switch request.type {
        case .document where ResponseHeaders.isHTML(mediaType):
            let scan = HTMLDiscovery.scan(body, documentURL: here, charset: charset, viewport: options.viewport,
                                          maxParsedBytes: options.maxParsedHTMLBytes)
            let isPage = request.frameDepth == 0
            if isPage { document = scan }
            if scan.unparsedBytes > 0 {
                skipped.append(SkippedResource.unparsedHTML(here, scan, limit: options.maxParsedHTMLBytes))
            }
            for resource in scan.resources {
                if resource.type == .document && request.frameDepth >= options.maxFrameDepth {
                    skipped.append(SkippedResource(url: resource.url.absoluteString, resourceType: .document,
                                                   initiator: here.absoluteString,
                                                   reason: "iframe nested deeper than \(options.maxFrameDepth) levels"))
                    continue
                }
                enqueue(FetchRequest(url: resource.url, type: resource.type, discovery: .html,
                                     initiator: here.absoluteString, depth: request.depth + 1,
                                     frameDepth: request.frameDepth + (resource.type == .document ? 1 : 0)))
            }
            if isPage && !scan.declaresIcon, let favicon = URL(string: "/favicon.ico", relativeTo: here)?.absoluteURL {
                enqueue(FetchRequest(url: favicon, type: .image, discovery: .implicit, initiator: here.absoluteString,
                                     depth: request.depth + 1, frameDepth: 0))
            }
        case .stylesheet where status < 400:
            for resource in StylesheetCache.shared.resources(of: body, url: here, charset: charset,
                                                             viewport: options.viewport) {
                enqueue(FetchRequest(url: resource.url, type: resource.type, discovery: .css,
                                     initiator: here.absoluteString, depth: request.depth + 1,
                                     frameDepth: request.frameDepth))
            }
        default:
            break
        }
    }

    /// Ends the requests in flight with `code` and lists the queued ones as skipped, e.g. when the page
    /// timeout runs out ("page-timeout") or the profile is stopped ("interrupted").
    private func abandonInFlight(code: String, because reason: String) {
        for (_, transfer) in inFlight {
            multi.remove(transfer.easy)
            var record = transfer.record(result: CURLE_OK)
            record.error = RequestError(code: code, message: "still loading when \(reason)")
            records.append((transfer.request.sequence, record))
        }
        inFlight.removeAll()
        for request in hostQueue.drain() {
            skipped.append(SkippedResource(url: request.url.absoluteString, resourceType: request.type,
                                           initiator: request.initiator, reason: "not started before \(reason)"))
        }
    }

    // MARK: result

    private func makeRun() -> PageRun {
        let ordered = records.sorted { $0.sequence < $1.sequence }.map(\.record)
        let final = finalDocument(in: ordered)
        return PageRun(
            startedAt: startedAt,
            durationMs: elapsedMs,
            finalURL: final?.url ?? pageURL.absoluteString,
            title: document?.title,
            domElements: document?.domElements,
            requests: ordered,
            totals: PageTotals(summing: ordered),
            skipped: skipped,
            cacheHits: cacheHits,
            error: pageError(final)
        )
    }

    /// The last hop of the navigation chain (the only requests at depth 0): what the page actually is.
    private func finalDocument(in records: [RequestRecord]) -> RequestRecord? {
        records.last { $0.depth == 0 }
    }

    private func pageError(_ final: RequestRecord?) -> RequestError? {
        guard let final else {
            // A journey step whose page a browser takes from its cache makes no request at all.
            if cacheHits.first?.url == pageURL.absoluteString { return nil }
            return RequestError(code: "no-request", message: "nothing was requested")
        }
        // After redirects, say which hop failed.
        let via = final.url == pageURL.absoluteString ? "" : "\(final.url): "
        if let error = final.error { return RequestError(code: error.code, message: via + error.message) }
        if let status = final.status, status >= 400 {
            return RequestError(code: "http-status", message: "\(via)the server answered HTTP \(status)")
        }
        if document == nil && navigation.type == .document {
            return RequestError(code: "not-html",
                                message: "\(via)the response is \(final.contentType ?? "untyped"), not an HTML page")
        }
        return nil
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

extension ResponseHeaders {
    /// HTML, or no type at all (browsers sniff; an untyped document is most often HTML).
    static func isHTML(_ mediaType: String?) -> Bool {
        guard let type = mediaType else { return true }
        return type == "text/html" || type == "application/xhtml+xml"
    }
}
