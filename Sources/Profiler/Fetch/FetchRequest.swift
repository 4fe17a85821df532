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
    var method = "GET"
    /// Request body (form or API call); the profile never records it.
    var body: Data?
    /// Extra header lines ("Name: value"): journey headers, conditional-request validators.
    var headers: [String] = []
    /// Keep the response body even when it is not HTML or CSS (a step's own response, for its assertions).
    var keepBody = false

    /// The request a redirect answer leads to: 303, and 301/302 after a POST, become a GET without body,
    /// as browsers do; 307 and 308 repeat the method and body.
    func following(_ target: URL, status: Int) -> FetchRequest {
        var next = self
        next.url = target
        next.discovery = .redirect
        next.initiator = url.absoluteString
        next.redirectHops += 1
        next.headers = headers.filter { !$0.lowercased().hasPrefix("if-") }
        if status == 303 || ((status == 301 || status == 302) && method == "POST") {
            next.method = "GET"
            next.body = nil
            next.headers = next.headers.filter { !$0.lowercased().hasPrefix("content-type:") }
        }
        return next
    }

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
