import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers for the server meter tests: the built `ecoscore-fixtures`, free ports, a blocking HTTP client.
enum MeterTestSupport {
    /// The `ecoscore-fixtures` executable SwiftPM built beside the test bundle (it builds every product of the
    /// package before testing); nil if it is not there.
    static let fixturesExecutable: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("ecoscore-fixtures")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// The shell command that serves the fixtures (sites and `/app/`) on `port`.
    static func fixturesCommand(port: UInt16) throws -> String {
        let executable = try #require(fixturesExecutable, "ecoscore-fixtures was not built next to the test bundle")
        return "'\(executable.path)' --port \(port)"
    }

    /// A new IPv4 TCP socket.
    static func streamSocket() -> Int32 {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        return fd
        #else
        return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
    }

    #if canImport(Darwin)
    static let sendFlags: Int32 = 0
    #else
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif

    /// A port the kernel just handed out and released.
    static func freePort() throws -> UInt16 {
        let fd = streamSocket()
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    struct Response {
        var status: Int
        /// Lowercased names; repeated headers joined with ", ".
        var headers: [String: String]
        var body: [UInt8]
        /// Every byte received (head + body).
        var totalBytes: Int
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One request on a fresh connection (`Connection: close`), read to the end: a deliberately plain blocking
    /// client, so that the only server work is the request itself.
    static func request(port: UInt16, _ target: String, method: String = "GET", headers: [String] = [],
                        body: [UInt8] = [], timeout: Double = 30) throws -> Response {
        let fd = streamSocket()
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): errno \(errno)") }
        var head = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers
        if !body.isEmpty || method == "POST" { head.append("Content-Length: \(body.count)") }
        let bytes = Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, sendFlags) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += n
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { received += chunk[0..<n]; continue }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw Failure(description: "recv: errno \(errno) after \(received.count) bytes")
        }
        guard let headEnd = received.firstRange(of: [13, 10, 13, 10])?.upperBound else {
            throw Failure(description: "no response head in \(received.count) bytes")
        }
        var lines = String(decoding: received[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line") }
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields[name] = fields[name].map { $0 + ", " + value } ?? value
        }
        return Response(status: status, headers: fields, body: Array(received[headEnd...]), totalBytes: received.count)
    }

    /// Whether a process exists (not a zombie): `kill(pid, 0)` answers for zombies too, so /proc tells.
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// Processes whose process group is `pgid` and that are not zombies.
    static func liveGroupMembers(_ pgid: Int32) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[2]) == pgid && fields[0] != "Z" && fields[0] != "X"
        }
    }

    /// Mean, and coefficient of variation (population stddev / mean).
    static func meanAndCV(_ values: [Double]) -> (mean: Double, cv: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, mean > 0 ? variance.squareRoot() / mean : 0)
    }

    static func format(_ values: [Double]) -> String {
        values.map { String(format: "%.1f", $0) }.joined(separator: ", ")
    }
}
