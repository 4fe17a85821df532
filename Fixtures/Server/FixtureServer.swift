// FixtureServer: the tiny static HTTP/1.1 server behind the tests, `ecoscore demo` and the benchmarks.
//
// Why hand-written on POSIX sockets rather than a library server:
//  1. It must know exactly how many bytes it wrote for each response — status line, headers and body, as
//     nginx logs `$bytes_sent` — because the profiler's "transfer bytes" are tested against that figure.
//     A library server adds headers (Date, Server) and buffering we cannot count or keep stable.
//  2. It will grow hostile behaviours (drip-fed bodies, resets mid-body, truncated chunks) that no library
//     server offers. Owning the write loop makes those a few lines each.
//  3. No dependency: the package builds offline and on Linux and macOS alike.
//
// Files: FixtureServer (lifecycle, accept loop), Connection (one keep-alive connection), Socket (POSIX calls),
// HTTPRequestParser, RequestPath (decoding, traversal), StaticResponder (files, site rules, compression),
// SiteConfig (`_site.json`), HTTPResponse, ContentType, AccessLog; App/ holds the dynamic `/app/` routes
// (FixtureApp: login, session cookie, JSON API, CPU burn endpoints for the server meter); Hostile/ holds the
// `/hostile/` routes that misbehave on purpose (gzip bombs, drips, resets, truncations, loops, HTTP/1.0…).

import Dispatch
import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A static file server for the fixture sites, on 127.0.0.1 and an ephemeral port by default.
///
/// ```swift
/// let server = FixtureServer()
/// try server.start()
/// defer { server.stop() }
/// let page = server.baseURL.appendingPathComponent("lean/")
/// ```
public final class FixtureServer: Sendable {
    /// The sites bundled with this module (`Fixtures/sites`).
    /// A journey bundled with the fixtures (`Fixtures/journeys/NAME.yaml`), for `ecoscore demo`.
    public static func bundledJourney(_ name: String) -> URL? {
        Bundle.module.url(forResource: "journeys", withExtension: nil)
            .map { $0.appendingPathComponent("\(name).yaml") }
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    public static var bundledSites: URL {
        Bundle.module.url(forResource: "sites", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("sites")
    }

    /// Idle time after which a keep-alive connection is closed.
    public static let keepAliveTimeout: Double = 5

    public let root: URL
    public let host: String
    private let requestedPort: UInt16
    private let core: ServerCore

    /// The password of user `demo` for the fixture app's `/app/login`.
    public let appPassword: String

    /// - Parameters:
    ///   - appPassword: what `/app/login` accepts for user `demo` (see `FixtureApp` for the app's routes).
    ///   - childBurnCommand: the argv `/app/fork?ms=N` runs as a child process for N; the default is a shell
    ///     loop (`shellBurnCommand`), an executable that handles `--burn-child` passes `selfBurnCommand`.
    public init(root: URL = FixtureServer.bundledSites, host: String = "127.0.0.1", port: UInt16 = 0,
                appPassword: String = FixtureServer.defaultAppPassword,
                childBurnCommand: @escaping @Sendable (Int) -> [String] = FixtureServer.shellBurnCommand) {
        self.root = root
        self.host = host
        self.requestedPort = port
        self.appPassword = appPassword
        let app = FixtureApp(password: appPassword, childBurnCommand: childBurnCommand)
        self.core = ServerCore(root: root, host: host, port: port, app: app)
    }

    deinit {
        core.stop()
    }

    /// Reads the site configs, binds, listens and starts accepting on a background thread.
    /// Throws `FixtureServerError` (bad root or `_site.json`, port in use, second start).
    public func start() throws {
        try core.start()
    }

    /// The bound port after `start()` (the requested one before).
    public var port: UInt16 { core.boundPort ?? requestedPort }

    /// `http://HOST:PORT/`
    public var baseURL: URL { URL(string: "http://\(host):\(port)/")! }

    /// `baseURL` plus an absolute path such as `/lean/` (kept as written, escapes included).
    public func url(_ path: String) -> URL {
        URL(string: "http://\(host):\(port)" + (path.hasPrefix("/") ? path : "/" + path))!
    }

    /// Closes the listener and every open connection, and waits (briefly) for their threads.
    /// Idempotent; also called on deinit.
    public func stop() {
        core.stop()
    }

    /// Every response written so far, in order of completion. Waits up to 2 s for responses
    /// still being written, so an entry is there as soon as its client has read the response.
    public func accessLog() -> [AccessLogEntry] {
        core.log.snapshot(waitingUpTo: 2)
    }

    public func resetAccessLog() {
        core.log.reset()
    }

    /// Called on a connection thread after each response is logged (e.g. to print it).
    public func setLogHandler(_ handler: (@Sendable (AccessLogEntry) -> Void)?) {
        core.log.setHandler(handler)
    }
}

/// The state shared by the accept thread and the connection threads; outlives nothing but the server.
final class ServerCore: @unchecked Sendable {
    private enum State { case idle, running, stopped }

    let root: URL
    let host: String
    let requestedPort: UInt16
    let app: FixtureApp
    let log = AccessLogStore()

    // Guarded by `lock`.
    private let lock = NSLock()
    private var state = State.idle
    private var listenFD: Int32 = -1
    private var wakeFDs: (read: Int32, write: Int32) = (-1, -1)
    private var connections = Set<Int32>()
    private var port: UInt16?

    private let acceptFinished = DispatchSemaphore(value: 0)
    private let connectionThreads = DispatchGroup()

    init(root: URL, host: String, port: UInt16, app: FixtureApp) {
        self.root = root
        self.host = host
        self.requestedPort = port
        self.app = app
    }

    var boundPort: UInt16? {
        lock.withLock { port }
    }

    func start() throws(FixtureServerError) {
        lock.lock()
        defer { lock.unlock() }
        guard state == .idle else { throw .alreadyStarted }
        let responder = try StaticResponder(root: root)
        let (fd, boundPort) = try Socket.listen(host: host, port: requestedPort)
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            let code = errno
            Socket.closeFD(fd)
            throw .socket(operation: "pipe", errno: code)
        }
        listenFD = fd
        wakeFDs = (pipeFDs[0], pipeFDs[1])
        port = boundPort
        state = .running
        let wakeFD = pipeFDs[0]
        let thread = Thread { [self] in
            acceptLoop(listenFD: fd, wakeFD: wakeFD, responder: responder)
        }
        thread.name = "FixtureServer accept :\(boundPort)"
        thread.start()
    }

    func stop() {
        let wakeWrite: Int32? = lock.withLock {
            switch state {
            case .idle:
                state = .stopped
                return nil
            case .stopped:
                return nil
            case .running:
                state = .stopped
                for fd in connections { Socket.shutdownBoth(fd) }
                return wakeFDs.write
            }
        }
        guard let wakeWrite else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        _ = acceptFinished.wait(timeout: .now() + 5)
        _ = connectionThreads.wait(timeout: .now() + 2)
        lock.withLock {
            Socket.closeFD(listenFD)
            Socket.closeFD(wakeFDs.read)
            Socket.closeFD(wakeFDs.write)
            listenFD = -1
            wakeFDs = (-1, -1)
        }
    }

    private func acceptLoop(listenFD: Int32, wakeFD: Int32, responder: StaticResponder) {
        defer { acceptFinished.signal() }
        var fds = [
            pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                continue
            }
            guard register(client) else {
                Socket.closeFD(client)
                return
            }
            Socket.configureConnection(client, idleTimeout: FixtureServer.keepAliveTimeout, sendTimeout: 30)
            let thread = Thread { [self] in
                Connection(fd: client, responder: responder, app: app, log: log).run()
                unregister(client)
            }
            thread.name = "FixtureServer connection \(client)"
            thread.start()
        }
    }

    private func register(_ fd: Int32) -> Bool {
        lock.withLock {
            guard state == .running else { return false }
            connections.insert(fd)
            connectionThreads.enter()
            return true
        }
    }

    /// Closes under the lock, so `stop()` never shuts down a descriptor number already reused.
    private func unregister(_ fd: Int32) {
        lock.withLock {
            connections.remove(fd)
            Socket.closeFD(fd)
        }
        connectionThreads.leave()
    }
}
