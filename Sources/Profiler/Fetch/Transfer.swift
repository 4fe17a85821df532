import CCurl
import Foundation
import Model

/// One request in flight: its easy handle, what its callbacks have seen so far, and the body kept for
/// discovery (HTML and CSS only, bounded). Everything else is counted and dropped as it streams in.
final class Transfer {
    let request: FetchRequest
    let easy = CurlEasy()
    let startedAt: Double
    private let keepBody: Bool
    private let retainLimit: Int
    let decodedLimit: Int

    private(set) var body: [UInt8] = []
    private(set) var decodedBytes = 0
    private(set) var exceededDecodedLimit = false
    private(set) var response = ResponseHeaders()
    private(set) var cookieBytesSent = 0
    /// Body bytes as they came off the connection, before de-chunking (libcurl's `CURLINFO_DATA_IN`).
    private(set) var wireBodyBytes = 0
    /// libcurl writes the detailed reason of a failure here ("SSL certificate problem: self-signed …").
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

    init(request: FetchRequest, startedAt: Double, options: FetchOptions, share: CurlShare) throws {
        self.request = request
        self.startedAt = startedAt
        keepBody = request.keepBody || request.type == .document || request.type == .stylesheet
        retainLimit = options.maxRetainedBytes
        decodedLimit = options.maxBodyBytes
        errorBuffer.initialize(to: 0)
        try configure(options: options, share: share)
    }

    deinit { errorBuffer.deallocate() }

    /// libcurl's detailed message for the last failure, if it gave one.
    var errorDetail: String? {
        let text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private func configure(options: FetchOptions, share: CurlShare) throws {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_URL, request.url.absoluteString)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Redirects are followed here, hop by hop, so that each hop is a recorded request.
        try easy.set(CURLOPT_FOLLOWLOCATION, false)
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_ACCEPT_ENCODING, FetchOptions.acceptEncoding)
        try easy.set(CURLOPT_USERAGENT, options.userAgent)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs)
        try easy.set(CURLOPT_TIMEOUT_MS, options.requestTimeoutMs)
        try easy.set(CURLOPT_SSL_VERIFYPEER, options.verifyTLS)
        try easy.set(CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        // Wait for a connection that may multiplex only where HTTP/2 is possible: over TLS (ALPN) or by prior
        // knowledge. On plain http libcurl 7.88 sometimes keeps waiting for the one HTTP/1.1 connection instead
        // of opening the others a browser would.
        if request.url.scheme == "https" || options.httpVersion == .http2PriorKnowledge {
            try easy.set(CURLOPT_PIPEWAIT, true)
        }
        try easy.set(CURLOPT_HTTP_VERSION, Self.curlHTTPVersion(options.httpVersion))
        if options.httpVersion == .http2PriorKnowledge && Curl.priorKnowledgeReuseBroken {
            try easy.set(CURLOPT_FRESH_CONNECT, true)
            try easy.set(CURLOPT_FORBID_REUSE, true)
        }
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try easy.set(CURLOPT_COOKIEFILE, "")  // cookie engine on, jar shared across the page load
        try easy.setShare(share)
        var headers = ["Accept: \(request.accept)", "Accept-Language: \(options.acceptLanguage)"]
        if let referer = Self.referer(for: request) { headers.append("Referer: \(referer)") }
        try easy.setHeaders(headers + options.extraHeaders + request.headers)
        try configureMethod()
        try easy.set(CURLOPT_WRITEFUNCTION, callback: transferWriteBody)
        try easy.set(CURLOPT_WRITEDATA, pointer: me)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: transferWriteHeader)
        try easy.set(CURLOPT_HEADERDATA, pointer: me)
        // The debug stream is the only place libcurl shows the request headers it built, Cookie included.
        try easy.setDebug(callback: transferDebug)
        try easy.set(CURLOPT_DEBUGDATA, pointer: me)
        try easy.set(CURLOPT_VERBOSE, true)
    }

    private func configureMethod() throws {
        if let body = request.body {
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
            try body.withUnsafeBytes { raw in
                // COPYPOSTFIELDS: libcurl keeps its own copy, so the Data may go away.
                try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
        }
        switch request.method {
        case "GET": break
        case "POST" where request.body != nil: break
        case "POST": try easy.set(CURLOPT_POST, true); try easy.set(CURLOPT_POSTFIELDSIZE, 0)
        case "HEAD": try easy.set(CURLOPT_NOBODY, true)
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    private static func curlHTTPVersion(_ v: FetchOptions.HTTPVersion) -> Int {
        switch v {
        case .auto: return CURL_HTTP_VERSION_2TLS
        case .http1_1: return CURL_HTTP_VERSION_1_1
        case .http2PriorKnowledge: return CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE
        }
    }

    /// strict-origin-when-cross-origin, the browsers' default referrer policy.
    private static func referer(for request: FetchRequest) -> String? {
        guard let initiator = request.initiator, let from = URL(string: initiator) else { return nil }
        if from.scheme == "https" && request.url.scheme == "http" { return nil }
        if from.scheme == request.url.scheme && from.host == request.url.host && from.port == request.url.port {
            var c = URLComponents(url: from, resolvingAgainstBaseURL: false)
            c?.fragment = nil
            return c?.string
        }
        return from.scheme.flatMap { s in from.host.map { "\(s)://\($0)\(from.port.map { ":\($0)" } ?? "")/" } }
    }

    fileprivate func receiveBody(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        decodedBytes += count
        if decodedBytes > decodedLimit {
            exceededDecodedLimit = true
            return 0  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
        }
        if keepBody && body.count < retainLimit {
            let n = min(count, retainLimit - body.count)
            data.withMemoryRebound(to: UInt8.self, capacity: n) { body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
        }
        return count
    }

    fileprivate func receiveHeader(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
        response.consume(line: line)
        return count
    }

    fileprivate func receivedWire(_ count: Int) { wireBodyBytes += count }

    fileprivate func sentHeaders(_ data: UnsafeMutablePointer<CChar>, _ count: Int) {
        let text = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
        for line in text.split(separator: "\r\n") where line.lowercased().hasPrefix("cookie:") {
            cookieBytesSent += line.dropFirst("cookie:".count).trimmingCharacters(in: .whitespaces).utf8.count
        }
    }
}

private let transferWriteBody: curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
}

private let transferWriteHeader: curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receiveHeader(data, size * count)
}

private let transferDebug: curl_debug_callback = { _, type, data, size, context in
    if type == CURLINFO_HEADER_OUT, let data, let context {
        Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().sentHeaders(data, size)
    } else if type == CURLINFO_DATA_IN, let context {
        Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().receivedWire(size)
    }
    return 0
}
