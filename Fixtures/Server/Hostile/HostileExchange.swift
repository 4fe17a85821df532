#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// How a hostile answer leaves its connection.
enum HostileEnding: Equatable {
    /// The response was complete and framed: the connection may serve the next request.
    case keepAlive
    /// Close gracefully (half-close, drain, close): the client sees end of stream after what was sent.
    case close
    /// The socket is already set to reset (`SO_LINGER` 0): close it at once, without draining.
    case abort
}

/// One hostile answer being written straight to the socket. Counts what the kernel accepted, head and body
/// apart — chunk framing counts as body, as it does on the wire and in nginx's `$bytes_sent` — so the access
/// log says exactly what was sent even when the answer is dripped, cut short or reset.
struct HostileExchange {
    let fd: Int32
    let request: HTTPRequest
    /// Whether the client asked to keep the connection (HTTP/1.1 without `Connection: close`).
    let clientKeepsAlive: Bool
    private(set) var status = 0
    private(set) var headBytes = 0
    private(set) var bodyBytes = 0
    /// A write failed or the client went away: stop writing.
    private(set) var failed = false
    var contentEncoding: String?

    init(fd: Int32, request: HTTPRequest) {
        self.fd = fd
        self.request = request
        clientKeepsAlive = request.wantsKeepAlive
    }

    var isHead: Bool { request.method == "HEAD" }

    /// `HTTP/1.1 200 OK\r\n` + headers + blank line. `close` adds `Connection: close`.
    static func head(status: Int, headers: [(String, String)], version: String = "HTTP/1.1",
                     close: Bool = false) -> [UInt8] {
        var text = "\(version) \(status) \(HTTPResponse.reasonPhrase(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Writes (part of) the head; `status` is what the access log records.
    @discardableResult
    mutating func writeHead(_ bytes: [UInt8], status: Int) -> Bool {
        self.status = status
        let n = send(bytes)
        headBytes += n
        return n == bytes.count
    }

    @discardableResult
    mutating func writeBody(_ bytes: [UInt8]) -> Bool {
        guard !isHead else { return true }
        let n = send(bytes)
        bodyBytes += n
        return n == bytes.count
    }

    /// `count` zero bytes, from a shared buffer (a bomb's long run).
    @discardableResult
    mutating func writeZeros(_ count: Int) -> Bool {
        guard !isHead else { return true }
        var left = count
        while left > 0, !failed {
            let n = min(left, Self.zeros.count)
            let written = Self.zeros.withUnsafeBytes { Socket.writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            bodyBytes += written
            left -= written
            if written < n { failed = true }
        }
        return !failed
    }

    private static let zeros = [UInt8](repeating: 0, count: 64 * 1024)

    private mutating func send(_ bytes: [UInt8]) -> Int {
        guard !failed else { return 0 }
        let n = bytes.withUnsafeBytes { Socket.writeAll(fd, $0) }
        if n < bytes.count { failed = true }
        return n
    }

    /// A whole, framed response (`Content-Length`), keeping the connection when the client does.
    mutating func respond(status: Int = 200, headers: [(String, String)] = [], body: [UInt8]) -> HostileEnding {
        let head = Self.head(status: status, headers: headers + [("Content-Length", String(body.count))],
                             close: !clientKeepsAlive)
        writeHead(head, status: status)
        writeBody(body)
        if failed { return .close }
        return clientKeepsAlive ? .keepAlive : .close
    }

    mutating func respond(status: Int = 200, type: String, body: String, headers: [(String, String)] = []) -> HostileEnding {
        respond(status: status, headers: [("Content-Type", type)] + headers, body: Array(body.utf8))
    }

    /// Waits up to `milliseconds` for the client to hang up; true if it did (end of stream or error).
    /// Whatever else it sends meanwhile is read and dropped.
    mutating func clientHungUp(waitingMs milliseconds: Int) -> Bool {
        let deadline = Self.nowMs() + milliseconds
        while true {
            let left = deadline - Self.nowMs()
            if left <= 0 { return false }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(left))
            if ready < 0 { if errno == EINTR { continue }; failed = true; return true }
            if ready == 0 { return false }
            var scratch = [UInt8](repeating: 0, count: 4096)
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                failed = true
                return true
            }
        }
    }

    /// Makes the coming close send a TCP reset instead of a FIN (`SO_LINGER` on, timeout 0).
    func armReset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }

    static func nowMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }

    /// What the access log records: bytes the kernel accepted, as nginx's `$bytes_sent`.
    var entry: AccessLogEntry {
        AccessLogEntry(method: request.method, path: request.target, status: status,
                       bytesSent: headBytes + bodyBytes, headerBytes: headBytes, bodyBytes: bodyBytes,
                       contentEncoding: contentEncoding)
    }
}
