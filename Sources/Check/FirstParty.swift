import Foundation
import Yams

/// Which requests of a page are third-party, as Lighthouse's resource budgets count them: by default a host
/// outside the page's site (its last two labels — an approximation of the registrable domain that is exact
/// for example.com-style names; an IP address or a single-label host is its own site); with
/// `firstPartyHostnames`, any host not listed (`*.example.com` also covers example.com).
struct FirstParty {
    let pageHost: String?
    let hosts: [String]?

    func isThirdParty(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        if let hosts {
            return !hosts.contains { pattern in
                let p = pattern.lowercased()
                if p.hasPrefix("*.") {
                    let domain = p.dropFirst(2)
                    return host == domain || host.hasSuffix("." + domain)
                }
                return host == p
            }
        }
        guard let pageHost else { return false }
        return Self.site(of: host) != Self.site(of: pageHost.lowercased())
    }

    static func site(of host: String) -> String {
        let isAddress = host.contains(":") || host.split(separator: ".").allSatisfy { $0.allSatisfy(\.isNumber) }
        if isAddress { return host }
        return host.split(separator: ".").suffix(2).joined(separator: ".")
    }

    /// Lighthouse's `validateHostname`: not empty, no `/` or `:`, a `*` only as a leading `*.`.
    static func validated(_ host: String, reader: YAMLReader, at node: Node) throws(BudgetError) -> String {
        let wildcardOK = !host.contains("*") || (host.hasPrefix("*.") && host.lastIndex(of: "*") == host.startIndex)
        guard !host.isEmpty, !host.contains("/"), !host.contains(":"), wildcardOK else {
            throw reader.fail("'\(host)' is not a valid hostname (e.g. example.com or *.example.com)", at: node)
        }
        return host
    }
}
