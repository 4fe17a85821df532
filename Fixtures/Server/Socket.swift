#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Thin, blocking POSIX socket helpers: the only place that knows platform differences
/// (SOCK_STREAM's type, MSG_NOSIGNAL vs SO_NOSIGPIPE, sockaddr layout).
enum Socket {
    #if canImport(Darwin)
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #else
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif

    /// Creates an IPv4 TCP socket bound to `host:port` and listening; returns the fd and the real port.
    static func listen(host: String, port: UInt16, backlog: Int32 = 128) throws(FixtureServerError) -> (fd: Int32, port: UInt16) {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw .invalidHost(host)
        }
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw .socket(operation: "socket", errno: errno) }
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            _ = close(fd)
            throw .bind(host: host, port: port, errno: code)
        }
        guard posixListen(fd, backlog) == 0 else {
            let code = errno
            _ = close(fd)
            throw .socket(operation: "listen", errno: code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            _ = close(fd)
            throw .socket(operation: "getsockname", errno: code)
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Per-connection options: no SIGPIPE on Darwin, receive timeout (keep-alive idle limit), send timeout.
    static func configureConnection(_ fd: Int32, idleTimeout: Double, sendTimeout: Double) {
        #if canImport(Darwin)
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var noDelay: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        setTimeout(fd, option: SO_RCVTIMEO, seconds: idleTimeout)
        setTimeout(fd, option: SO_SNDTIMEO, seconds: sendTimeout)
    }

    static func setReceiveTimeout(_ fd: Int32, seconds: Double) {
        setTimeout(fd, option: SO_RCVTIMEO, seconds: seconds)
    }

    private static func setTimeout(_ fd: Int32, option: Int32, seconds: Double) {
        var tv = timeval()
        tv.tv_sec = .init(seconds.rounded(.down))
        tv.tv_usec = .init((seconds - seconds.rounded(.down)) * 1_000_000)
        _ = setsockopt(fd, SOL_SOCKET, option, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    enum ReadResult {
        case bytes(Int)
        case endOfStream
        case timedOut
        case failed(Int32)
    }

    /// One `recv`, retried on EINTR.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfStream }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .timedOut }
            return .failed(code)
        }
    }

    /// Writes as much of `bytes` as the peer accepts, handling partial writes and EINTR.
    /// Returns the number of bytes the kernel accepted (less than `bytes.count` on error or send timeout).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        var written = 0
        while written < bytes.count {
            let n = send(fd, bytes.baseAddress! + written, bytes.count - written, sendFlags)
            if n > 0 {
                written += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return written
    }

    /// Wakes a thread blocked in `recv` on this fd (it then sees end of stream).
    static func shutdownBoth(_ fd: Int32) {
        #if canImport(Darwin)
        _ = shutdown(fd, SHUT_RDWR)
        #else
        _ = shutdown(fd, Int32(SHUT_RDWR))
        #endif
    }

    /// Half-close: the peer sees end of stream once it has read everything sent.
    static func shutdownWrite(_ fd: Int32) {
        #if canImport(Darwin)
        _ = shutdown(fd, SHUT_WR)
        #else
        _ = shutdown(fd, Int32(SHUT_WR))
        #endif
    }

    static func closeFD(_ fd: Int32) {
        _ = close(fd)
    }
}

/// `listen` is shadowed by `Socket.listen` inside the enum; this names the C function.
private func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 {
    listen(fd, backlog)
}
