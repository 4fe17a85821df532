import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A deliberately dumb blocking HTTP/1.1 client over a raw socket: it sends the bytes it is given and
/// counts every byte it receives, so tests can compare with the server's own byte counts.
final class RawHTTPClient {
    struct Response {
        var status: Int
        /// Header names lowercased; repeated headers joined with ", ".
        var headers: [String: String]
        var body: [UInt8]
        /// Bytes of status line + headers + blank line as received.
        var headBytes: Int
        /// Every byte received for this response.
        var totalBytes: Int { headBytes + body.count }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let fd: Int32
    private var pending: [UInt8] = []
    private(set) var totalReceived = 0

    init(port: UInt16, timeout: Double = 5) throws {
        // Connect before `fd` is stored: a class whose init throws after storing every property runs its
        // deinit, which would close the descriptor a second time (and maybe someone else's by then).
        fd = try Self.connectedSocket(port: port, timeout: timeout)
    }

    private static func connectedSocket(port: UInt16, timeout: Double) throws -> Int32 {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var tv = timeval(tv_sec: .init(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect to port \(port): errno \(code)")
        }
        return fd
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
            let flags: Int32 = 0
            #else
            let flags = Int32(MSG_NOSIGNAL)
            #endif
            let n = bytes[offset...].withUnsafeBytes { posixSend(fd, $0.baseAddress, $0.count, flags) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += n
        }
    }

    /// A GET (or other method) with the usual headers; `extra` lines are added verbatim.
    func request(_ target: String, method: String = "GET", extra: [String] = [], version: String = "HTTP/1.1") throws {
        var lines = ["\(method) \(target) \(version)", "Host: 127.0.0.1"] + extra
        lines.append("")
        lines.append("")
        try send(lines.joined(separator: "\r\n"))
    }

    /// Reads one response; HEAD and 1xx/204/304 responses have no body whatever Content-Length says.
    func readResponse(bodyless: Bool = false) throws -> Response {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: pending).map { $0 + 4 }
            if headEnd == nil { try fill() }
        }
        let headLength = headEnd!
        let headText = String(decoding: pending[0..<headLength], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw Failure(description: "bad status line: \(statusLine)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "bad header: \(line)") }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        pending.removeFirst(headLength)
        var body: [UInt8] = []
        if !bodyless && status != 304 && status != 204 {
            guard let length = headers["content-length"].flatMap(Int.init) else {
                throw Failure(description: "no Content-Length in \(statusLine)")
            }
            while pending.count < length { try fill() }
            body = Array(pending[0..<length])
            pending.removeFirst(length)
        }
        return Response(status: status, headers: headers, body: body, headBytes: headLength)
    }

    /// Reads until the server closes; returns everything not yet consumed.
    func readToEnd() throws -> [UInt8] {
        while try fill(allowEnd: true) {}
        defer { pending.removeAll() }
        return pending
    }

    /// True when the server has closed the connection (EOF) within the timeout.
    func serverClosed() -> Bool {
        (try? fill(allowEnd: true)) == false
    }

    @discardableResult
    private func fill(allowEnd: Bool = false) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                pending.append(contentsOf: chunk[0..<n])
                totalReceived += n
                return true
            }
            if n == 0 {
                if allowEnd { return false }
                throw Failure(description: "connection closed by server")
            }
            if errno == EINTR { continue }
            if allowEnd && errno == ECONNRESET { return false }
            throw Failure(description: "recv: errno \(errno)")
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }
}

private func posixSend(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    send(fd, pointer, count, flags)
}
