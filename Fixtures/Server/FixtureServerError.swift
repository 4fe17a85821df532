#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a `FixtureServer` could not start.
public enum FixtureServerError: Error, Equatable, CustomStringConvertible {
    case alreadyStarted
    case invalidHost(String)
    case bind(host: String, port: UInt16, errno: Int32)
    case socket(operation: String, errno: Int32)
    case rootNotFound(path: String)
    case invalidSiteConfig(path: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyStarted:
            return "fixture server already started"
        case .invalidHost(let host):
            return "fixture server: '\(host)' is not an IPv4 address"
        case .bind(let host, let port, let code):
            return "fixture server: cannot bind \(host):\(port): \(String(cString: strerror(code)))"
        case .socket(let operation, let code):
            return "fixture server: \(operation) failed: \(String(cString: strerror(code)))"
        case .rootNotFound(let path):
            return "fixture server: root folder \(path) does not exist"
        case .invalidSiteConfig(let path, let reason):
            return "fixture server: invalid site config \(path): \(reason)"
        }
    }
}
