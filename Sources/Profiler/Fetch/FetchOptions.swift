import Foundation

/// How pages are fetched. Defaults behave like a current desktop browser with a cold cache.
public struct FetchOptions: Sendable {
    public enum HTTPVersion: String, Sendable, CaseIterable {
        /// HTTP/2 over TLS when the server offers it (ALPN), HTTP/1.1 otherwise — what browsers do.
        case auto
        case http1_1 = "http1.1"
        /// HTTP/2 without TLS and without upgrade (h2c prior knowledge), for servers that expect it.
        case http2PriorKnowledge = "http2-prior-knowledge"
    }

    public static let defaultUserAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Ecoscore/0.1"

    public var userAgent = FetchOptions.defaultUserAgent
    public var acceptLanguage = "fr-FR,fr;q=0.9,en;q=0.8"
    public var httpVersion = HTTPVersion.auto
    public var maxConnectionsPerHost = 6
    public var connectTimeoutMs = 10_000
    public var requestTimeoutMs = 30_000
    /// The whole page, its subresources included; what is still in flight then is recorded as timed out.
    public var pageTimeoutMs = 60_000
    /// Decoded bytes one response may produce before it is abandoned (protects against decompression bombs).
    public var maxBodyBytes = 100_000_000
    /// How much of an HTML or CSS body is kept in memory for discovery; the rest is counted, not kept.
    public var maxRetainedBytes = 16 * 1024 * 1024
    /// How much of an HTML document (as UTF-8) is parsed for discovery and the DOM count; past it, the page lists
    /// its document as skipped and its DOM count is a lower bound (gumbo's tree costs 30 to 110 times the bytes).
    public var maxParsedHTMLBytes = HTMLDiscovery.defaultMaxParsedBytes
    /// Redirect hops followed from one request, as Chrome's limit.
    public var maxRedirects = 20
    /// Nested iframe documents followed below the page.
    public var maxFrameDepth = 3
    public var verifyTLS = true
    public var viewport = Viewport.desktop
    /// Which hosts may be contacted besides the page's own.
    public var hosts = HostPolicy.pageHostsOnly
    /// Header lines sent with every request ("Name: value"), e.g. a journey's default headers.
    public var extraHeaders: [String] = []
    /// When raised, the loads stop: in-flight requests are abandoned (error `interrupted`), no new load starts.
    public var stop: StopSignal?

    public init() {}

    /// The value sent as `Accept-Encoding`: every coding this libcurl decodes, in browser order.
    public static var acceptEncoding: String { Curl.acceptEncoding }

    /// The fetch library and its version, for the profile's `tool.engine`.
    public static var engine: String { Curl.versionString }
}

/// Ecoscore only talks to hosts the user named: the hosts of the URLs given on the command line, plus
/// any allowed explicitly. Resources on other hosts are listed as skipped, never fetched silently.
public enum HostPolicy: Sendable, Equatable {
    case pageHostsOnly
    case allowList(Set<String>)
    case any

    func allows(_ host: String, pageHosts: Set<String>) -> Bool {
        let h = host.lowercased()
        switch self {
        case .any: return true
        case .pageHostsOnly: return pageHosts.contains(h)
        case .allowList(let extra): return pageHosts.contains(h) || extra.contains(h)
        }
    }
}
