import Foundation

/// One HTTP request made while loading a page: document, redirect hop, subresource or failure.
public struct RequestRecord: Codable, Sendable, Equatable {
    public var url: String
    public var method: String
    /// URL of the document or stylesheet that referenced this one; nil for the page's navigation.
    public var initiator: String?
    public var discovery: Discovery
    public var resourceType: ResourceType
    /// Hops of references from the page document (document 0, its stylesheets 1, their fonts 2…);
    /// redirect hops keep the depth of the request they answer.
    public var depth: Int
    public var status: Int?
    /// "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3".
    public var httpVersion: String?
    public var remoteAddress: String?
    /// Header bytes + encoded body bytes: what the server sent for this response.
    public var transferBytes: Int
    /// Response header bytes as received (status line included); nil when unknown (some HAR files).
    public var headerBytes: Int?
    /// Body bytes as received on the wire, still content-encoded; nil when unknown.
    public var bodyBytes: Int?
    /// Body bytes after content decoding; nil when unknown.
    public var decodedBytes: Int?
    public var contentType: String?
    public var contentEncoding: String?
    public var cache: CacheHeaders
    /// Length of the `Cookie` request header value; the value itself is never kept.
    public var cookieBytesSent: Int
    /// Sum of the lengths of `Set-Cookie` response header values; the values are never kept.
    public var cookieBytesSet: Int
    /// Target of a 3xx `Location`, resolved against the request URL.
    public var redirectURL: String?
    public var timings: Timings
    public var error: RequestError?

    public init(
        url: String, method: String = "GET", initiator: String? = nil, discovery: Discovery,
        resourceType: ResourceType, depth: Int, status: Int? = nil, httpVersion: String? = nil,
        remoteAddress: String? = nil, transferBytes: Int = 0, headerBytes: Int? = nil, bodyBytes: Int? = nil,
        decodedBytes: Int? = nil, contentType: String? = nil, contentEncoding: String? = nil,
        cache: CacheHeaders = CacheHeaders(), cookieBytesSent: Int = 0, cookieBytesSet: Int = 0,
        redirectURL: String? = nil, timings: Timings = Timings(), error: RequestError? = nil
    ) {
        self.url = url; self.method = method; self.initiator = initiator; self.discovery = discovery
        self.resourceType = resourceType; self.depth = depth; self.status = status
        self.httpVersion = httpVersion; self.remoteAddress = remoteAddress
        self.transferBytes = transferBytes; self.headerBytes = headerBytes; self.bodyBytes = bodyBytes
        self.decodedBytes = decodedBytes; self.contentType = contentType
        self.contentEncoding = contentEncoding; self.cache = cache
        self.cookieBytesSent = cookieBytesSent; self.cookieBytesSet = cookieBytesSet
        self.redirectURL = redirectURL; self.timings = timings; self.error = error
    }
}

/// The response headers that decide whether a browser may reuse a resource.
public struct CacheHeaders: Codable, Sendable, Equatable {
    public var cacheControl: String?
    public var expires: String?
    public var etag: String?
    public var lastModified: String?

    public init(cacheControl: String? = nil, expires: String? = nil, etag: String? = nil, lastModified: String? = nil) {
        self.cacheControl = cacheControl; self.expires = expires; self.etag = etag; self.lastModified = lastModified
    }
}

/// Milliseconds. Phases are durations; `startMs` is the offset from the page's start.
public struct Timings: Codable, Sendable, Equatable {
    public var startMs: Double?
    public var dnsMs: Double?
    public var connectMs: Double?
    public var tlsMs: Double?
    /// From the start of this request to the first response byte.
    public var firstByteMs: Double?
    public var totalMs: Double?

    public init(startMs: Double? = nil, dnsMs: Double? = nil, connectMs: Double? = nil, tlsMs: Double? = nil,
                firstByteMs: Double? = nil, totalMs: Double? = nil) {
        self.startMs = startMs; self.dnsMs = dnsMs; self.connectMs = connectMs; self.tlsMs = tlsMs
        self.firstByteMs = firstByteMs; self.totalMs = totalMs
    }
}

public struct RequestError: Codable, Sendable, Equatable, Error {
    /// Stable, machine-readable: dns, connect, tls, timeout, too-large, redirect-limit,
    /// protocol-not-allowed, bad-url, http2, reset, truncated, transfer, page-timeout.
    public var code: String
    public var message: String

    public init(code: String, message: String) { self.code = code; self.message = message }
}
