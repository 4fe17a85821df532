import Foundation

/// One response as the server wrote it: what nginx would log with `$status` and `$bytes_sent`.
public struct AccessLogEntry: Sendable, Equatable {
    public let method: String
    /// The raw request-target, exactly as received (percent-escapes and query included).
    public let path: String
    public let status: Int
    /// Status line + headers + body bytes actually written to the socket.
    public let bytesSent: Int
    /// Bytes of the status line and headers (including the blank line) actually written.
    public let headerBytes: Int
    /// Body bytes actually written (0 for HEAD, 304 and redirects).
    public let bodyBytes: Int
    /// The `Content-Encoding` sent, nil for identity.
    public let contentEncoding: String?

    public init(
        method: String, path: String, status: Int, bytesSent: Int,
        headerBytes: Int, bodyBytes: Int, contentEncoding: String?
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.bytesSent = bytesSent
        self.headerBytes = headerBytes
        self.bodyBytes = bodyBytes
        self.contentEncoding = contentEncoding
    }

    /// One line, nginx-like: `GET /lean/ 200 1234 (head 210, body 1024, br)`.
    public var logLine: String {
        let encoding = contentEncoding.map { ", \($0)" } ?? ""
        let method = self.method.isEmpty ? "-" : self.method
        let path = self.path.isEmpty ? "-" : self.path
        return "\(method) \(path) \(status) \(bytesSent) (head \(headerBytes), body \(bodyBytes)\(encoding))"
    }
}

/// The server's access log. A response is "in flight" from the moment its request is parsed until
/// its entry is appended (after the last write returned); readers wait briefly for in-flight responses,
/// so a client that has read a whole response always finds its entry.
final class AccessLogStore: @unchecked Sendable {
    private let condition = NSCondition()
    private var entries: [AccessLogEntry] = []
    private var inFlight = 0
    private var handler: (@Sendable (AccessLogEntry) -> Void)?

    func setHandler(_ handler: (@Sendable (AccessLogEntry) -> Void)?) {
        condition.lock()
        self.handler = handler
        condition.unlock()
    }

    func begin() {
        condition.lock()
        inFlight += 1
        condition.unlock()
    }

    /// Ends an in-flight response, appending its entry when there is one.
    func end(_ entry: AccessLogEntry?) {
        condition.lock()
        inFlight -= 1
        if let entry { entries.append(entry) }
        let handler = self.handler
        condition.broadcast()
        condition.unlock()
        if let entry, let handler { handler(entry) }
    }

    func snapshot(waitingUpTo timeout: TimeInterval) -> [AccessLogEntry] {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while inFlight > 0 {
            if !condition.wait(until: deadline) { break }
        }
        return entries
    }

    func reset() {
        condition.lock()
        entries.removeAll()
        condition.unlock()
    }
}
