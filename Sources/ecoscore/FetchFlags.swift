import ArgumentParser
import Foundation
import Profiler

/// The flags that decide how pages are fetched, shared by every command that profiles.
struct FetchFlags: ParsableArguments {
    @Option(name: .customLong("user-agent"), help: "User-Agent header (default: desktop Chrome, tagged Ecoscore).")
    var userAgent: String?

    @Option(help: ArgumentHelp("HTTP version: auto (HTTP/2 over TLS when offered), http1.1, or http2-prior-knowledge (h2c).",
                               valueName: "version"))
    var http: String = FetchOptions.HTTPVersion.auto.rawValue

    @Option(name: .customLong("connections-per-host"), help: "Parallel connections per host on HTTP/1.1.")
    var connectionsPerHost = 6

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for a connection.")
    var connectTimeout = 10.0

    @Option(name: .customLong("request-timeout"), help: "Seconds one request may take.")
    var requestTimeout = 30.0

    @Option(name: .customLong("page-timeout"), help: "Seconds a whole page (all its subresources) may take.")
    var pageTimeout = 60.0

    @Option(name: .customLong("max-body-mb"),
            help: "Decoded megabytes (10^6 bytes) one response may produce before it is abandoned (guards against decompression bombs).")
    var maxBodyMB = 100.0

    @Option(name: .customLong("max-frame-depth"), help: "How deep nested iframes are followed.")
    var maxFrameDepth = 3

    @Option(name: .customLong("max-parsed-html-mib"),
            help: ArgumentHelp("MiB of an HTML document parsed at most (1–16); the rest is listed as skipped and the DOM count is then a lower bound (bounds memory on hostile pages).",
                               valueName: "MiB"))
    var maxParsedHTMLMiB = HTMLDiscovery.defaultMaxParsedBytes >> 20

    @Option(name: .customLong("allow-host"),
            help: "Also fetch subresources from this host (repeatable). By default only the hosts of the given URLs are contacted.")
    var allowHosts: [String] = []

    @Flag(name: .customLong("all-hosts"), help: "Fetch subresources from any host the page references (third parties included).")
    var allHosts = false

    @Flag(help: "Do not verify TLS certificates. Only for a server you trust (self-signed test servers).")
    var insecure = false

    func validate() throws {
        guard FetchOptions.HTTPVersion(rawValue: http) != nil else {
            throw ValidationError("--http must be one of: \(FetchOptions.HTTPVersion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (name, seconds) in [("--connect-timeout", connectTimeout), ("--request-timeout", requestTimeout), ("--page-timeout", pageTimeout)]
        where !(seconds > 0) {
            throw ValidationError("\(name) must be a positive number of seconds")
        }
        guard maxBodyMB > 0 else { throw ValidationError("--max-body-mb must be positive") }
        guard (1...64).contains(connectionsPerHost) else { throw ValidationError("--connections-per-host must be between 1 and 64") }
        guard maxFrameDepth >= 0 else { throw ValidationError("--max-frame-depth cannot be negative") }
        // Documents are kept up to FetchOptions.maxRetainedBytes (16 MiB): parsing more than that is not possible.
        guard (1...16).contains(maxParsedHTMLMiB) else { throw ValidationError("--max-parsed-html-mib must be between 1 and 16") }
    }

    var options: FetchOptions {
        var o = FetchOptions()
        if let userAgent { o.userAgent = userAgent }
        o.httpVersion = FetchOptions.HTTPVersion(rawValue: http) ?? .auto
        o.maxConnectionsPerHost = connectionsPerHost
        o.connectTimeoutMs = Int(connectTimeout * 1000)
        o.requestTimeoutMs = Int(requestTimeout * 1000)
        o.pageTimeoutMs = Int(pageTimeout * 1000)
        o.maxBodyBytes = Int(maxBodyMB * 1_000_000)
        o.maxFrameDepth = maxFrameDepth
        o.maxParsedHTMLBytes = maxParsedHTMLMiB << 20
        o.verifyTLS = !insecure
        o.hosts = allHosts ? .any : allowHosts.isEmpty ? .pageHostsOnly : .allowList(Set(allowHosts.map { $0.lowercased() }))
        o.stop = Interruption.stop
        return o
    }

    func warnIfInsecure() {
        if insecure {
            FileHandle.standardError.write(Data("ecoscore: warning: --insecure: TLS certificates are not verified\n".utf8))
        }
    }
}
