import Foundation
import Model

/// What a stylesheet references depends only on its URL, its bytes and the viewport, and the same sheet is
/// shared by most pages of a site: scanning it once per process instead of once per page saves the work
/// (the sheet is still fetched by every cold page load; only the parse is reused). Shared by page threads.
final class StylesheetCache: @unchecked Sendable {
    static let shared = StylesheetCache()

    private struct Key: Hashable {
        var url: String
        var charset: String?
        var width: Int
        var body: [UInt8]
    }

    private let lock = NSLock()
    private var entries: [Key: [DiscoveredResource]] = [:]
    private var retainedBytes = 0
    /// Bodies are kept as keys; past this much the cache starts over rather than grow without bound.
    private let maxRetainedBytes = 32 * 1024 * 1024

    func resources(of body: [UInt8], url: URL, charset: String?, viewport: Viewport) -> [DiscoveredResource] {
        let key = Key(url: url.absoluteString, charset: charset, width: viewport.width, body: body)
        if let hit = lock.withLock({ entries[key] }) { return hit }
        let found = CSSDiscovery.scan(body, baseURL: url, charset: charset, viewport: viewport)
        lock.withLock {
            if retainedBytes + body.count > maxRetainedBytes {
                entries.removeAll()
                retainedBytes = 0
            }
            entries[key] = found
            retainedBytes += body.count
        }
        return found
    }
}
