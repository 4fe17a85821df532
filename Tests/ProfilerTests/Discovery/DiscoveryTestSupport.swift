import Foundation
import Model
@testable import Profiler

/// Helpers shared by the discovery tests (namespaced: the test module is shared with other suites).
enum DiscoveryTestSupport {
    static let pageURL = URL(string: "https://example.com/dir/page.html")!

    static func scan(_ html: String, url: URL = pageURL, charset: String? = "utf-8", viewport: Viewport = .desktop) -> HTMLScan {
        HTMLDiscovery.scan(Array(html.utf8), documentURL: url, charset: charset, viewport: viewport)
    }

    /// Resources as "type url" strings, for readable comparisons.
    static func listing(_ resources: [DiscoveredResource]) -> [String] {
        resources.map { "\($0.type.rawValue) \($0.url.absoluteString)" }
    }

    static func listing(_ html: String, viewport: Viewport = .desktop) -> [String] {
        listing(scan(html, viewport: viewport).resources)
    }

    static func css(_ text: String, base: String = "https://cdn.example.com/css/site.css") -> [String] {
        listing(CSSDiscovery.scan(text, baseURL: URL(string: base)!))
    }

    static func resolve(_ reference: String, _ base: String = "https://example.com/dir/page.html") -> String? {
        URLResolver.resolve(reference, against: URL(string: base)!)?.absoluteString
    }
}
