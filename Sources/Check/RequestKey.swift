import Foundation

/// How a request is recognised from one score card to the next. Hosts and ports change between runs (a test
/// server on an ephemeral port, staging and production), and a release may move under another folder, so a
/// request of the page's own origin is keyed by its path relative to the page's folder (`styles.css` for
/// `/lean/styles.css` on `/lean/`), else by its path and query; another origin's request by its whole URL.
enum RequestKey {
    static func key(_ url: String, page: String) -> String {
        guard let r = URLComponents(string: url), let p = URLComponents(string: page), r.host != nil,
              r.scheme == p.scheme, r.host == p.host, r.port == p.port else {
            return withoutFragment(url)
        }
        let path = pathAndQuery(r)
        let folder = p.path.hasSuffix("/") ? p.path : String(p.path[..<(p.path.lastIndex(of: "/").map { p.path.index(after: $0) } ?? p.path.startIndex)])
        return !folder.isEmpty && path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    /// A request as a person reads it in a result: its path on the page's own origin, else the whole URL.
    static func display(_ url: String, page: String) -> String {
        guard let r = URLComponents(string: url), let p = URLComponents(string: page), r.host != nil,
              r.scheme == p.scheme, r.host == p.host, r.port == p.port else {
            return withoutFragment(url)
        }
        return pathAndQuery(r)
    }

    static func pathAndQuery(_ c: URLComponents) -> String {
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        return path + (c.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    static func withoutFragment(_ url: String) -> String {
        String(url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
