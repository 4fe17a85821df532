import Foundation
import Model

/// A request the page load has decided to make.
struct FetchRequest {
    var url: URL
    var type: ResourceType
    var discovery: Discovery
    var initiator: String?
    var depth: Int
    /// Iframe nesting of the document this request belongs to (0: the page itself).
    var frameDepth: Int
    /// Hops already followed to reach this URL.
    var redirectHops: Int = 0
    var sequence: Int = 0

    /// The `Accept` header Chrome sends for this kind of request.
    var accept: String {
        switch type {
        case .document:
            return "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"
        case .stylesheet: return "text/css,*/*;q=0.1"
        case .image: return "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"
        default: return "*/*"
        }
    }
}
