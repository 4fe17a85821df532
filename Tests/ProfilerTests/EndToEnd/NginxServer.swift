import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real nginx on 127.0.0.1 serving a folder, with an access log that names the connection of each request.
/// `scripts/test` installs nginx (Debian `nginx-light`); without it these tests are skipped.
final class NginxServer {
    static let binary = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/opt/homebrew/bin/nginx"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let port: UInt16
    let prefix: URL
    private let process = Process()

    struct LogLine: Equatable {
        var connection: Int
        var target: String
        var status: Int
        var bytesSent: Int
    }

    /// - Parameters:
    ///   - listen: extra `listen` parameters, e.g. "http2" for h2c prior knowledge.
    ///   - tls: serve HTTPS with a freshly made self-signed certificate for 127.0.0.1.
    init(root: URL, listen: String = "", tls: Bool = false) throws {
        guard let binary = Self.binary else { throw POSIXError(.ENOENT) }
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("logs"), withIntermediateDirectories: true)
        port = try Self.freePort()
        var tlsDirectives = ""
        if tls {
            try Self.makeSelfSignedCertificate(in: prefix)
            tlsDirectives = "ssl_certificate \(prefix.path)/cert.pem; ssl_certificate_key \(prefix.path)/key.pem;"
        }
        let conf = """
            worker_processes 1;
            error_log \(prefix.path)/logs/error.log warn;
            pid \(prefix.path)/nginx.pid;
            events { worker_connections 256; }
            http {
              types { text/html html; text/css css; application/javascript js; image/png png; image/jpeg jpg;
                      image/gif gif; image/svg+xml svg; font/woff2 woff2; }
              default_type application/octet-stream;
              log_format conn '$connection $request_uri $status $bytes_sent';
              access_log \(prefix.path)/logs/access.log conn;
              client_body_temp_path \(prefix.path)/body; proxy_temp_path \(prefix.path)/proxy;
              fastcgi_temp_path \(prefix.path)/fastcgi; uwsgi_temp_path \(prefix.path)/uwsgi;
              scgi_temp_path \(prefix.path)/scgi;
              server { listen 127.0.0.1:\(port) \(tls ? "ssl" : "") \(listen); root \(root.path); \(tlsDirectives) }
            }
            """
        let confURL = prefix.appendingPathComponent("nginx.conf")
        try Data(conf.utf8).write(to: confURL)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-p", prefix.path, "-c", confURL.path, "-g", "daemon off;"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: prefix)
    }

    var baseURL: URL { URL(string: "\(scheme)://127.0.0.1:\(port)/")! }
    private var scheme: String { FileManager.default.fileExists(atPath: prefix.path + "/cert.pem") ? "https" : "http" }

    private static func makeSelfSignedCertificate(in folder: URL) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                             "-keyout", folder.path + "/key.pem", "-out", folder.path + "/cert.pem"]
        openssl.standardError = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw POSIXError(.EIO) }
    }

    /// The access log; nginx writes a line when the response is done, so give it a moment.
    func accessLog() throws -> [LogLine] {
        usleep(100_000)
        let text = try String(contentsOf: prefix.appendingPathComponent("logs/access.log"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ")
            guard f.count == 4, let c = Int(f[0]), let s = Int(f[2]), let b = Int(f[3]) else { return nil }
            return LogLine(connection: c, target: String(f[1]), status: s, bytesSent: b)
        }
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = Self.loopback(port)
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            if ok { return }
            usleep(50_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = port.bigEndian
        return addr
    }

    /// A port the kernel just handed out and released (nginx cannot be told to pick one itself).
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = loopback(0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw POSIXError(.EADDRNOTAVAIL) }
        return UInt16(bigEndian: addr.sin_port)
    }
}
