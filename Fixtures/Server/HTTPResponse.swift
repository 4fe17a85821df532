/// A response about to be written: a fixed, minimal header set so sizes are deterministic per file.
struct HTTPResponse: Sendable, Equatable {
    var status: Int
    /// In the order written. `Content-Length` is always present (never chunked); no `Date`, no `Server`.
    var headers: [HTTPHeader]
    var body: [UInt8]
    /// False for HEAD and 304: headers describe the body but it is not written.
    var sendsBody: Bool = true
    var contentEncoding: String?
    /// Adds `Connection: close` and ends the connection after writing.
    var closesConnection: Bool = false

    init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], contentEncoding: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.contentEncoding = contentEncoding
    }

    /// A small `text/plain` error or status page: `404 Not Found\n`.
    static func plain(_ status: Int, extraHeaders: [HTTPHeader] = []) -> HTTPResponse {
        let body = Array("\(status) \(reasonPhrase(status))\n".utf8)
        return HTTPResponse(
            status: status,
            headers: [
                HTTPHeader(name: "Content-Type", value: "text/plain; charset=utf-8"),
                HTTPHeader(name: "Content-Length", value: String(body.count)),
            ] + extraHeaders,
            body: body
        )
    }

    /// Status line, headers and the blank line, as bytes.
    func serializedHead() -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(status))\r\n"
        for header in headers {
            text += "\(header.name): \(header.value)\r\n"
        }
        if closesConnection {
            text += "Connection: close\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 410: return "Gone"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
