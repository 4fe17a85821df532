/// One client connection: reads request heads, answers them in order (keep-alive, pipelining),
/// writes each response with an exact byte count, then closes gracefully.
struct Connection {
    let fd: Int32
    let responder: StaticResponder
    /// Answers `/app/...` (dynamic routes, request bodies); everything else goes to `responder`.
    let app: FixtureApp
    let log: AccessLogStore

    /// Request bodies (which GET and HEAD should not have) up to this size are read and discarded to keep
    /// the connection usable; larger ones end it after the response.
    static let maxDiscardedBody = 1 << 20

    func run() {
        var buffer: [UInt8] = []
        var reader = Reader(fd: fd)
        while true {
            var parsed = HTTPRequestParser.parse(buffer)
            while parsed == .incomplete {
                guard reader.read(appendingTo: &buffer) else { return }
                parsed = HTTPRequestParser.parse(buffer)
            }
            switch parsed {
            case .incomplete:
                return
            case .tooLarge(let method, let target):
                log.begin()
                var response = HTTPResponse.plain(431)
                response.closesConnection = true
                write(response, method: method, target: target)
                lingeringClose(&reader)
                return
            case .bad(let method, let target):
                log.begin()
                var response = HTTPResponse.plain(400)
                response.closesConnection = true
                write(response, method: method, target: target)
                lingeringClose(&reader)
                return
            case .request(let request, let headLength):
                log.begin()
                buffer.removeFirst(headLength)
                if Hostile.handles(request) {
                    // `/hostile/...` writes its own bytes (drips, resets, truncations): Hostile/Hostile.swift.
                    var ignored = 0
                    guard case .done = discardBody(of: request, buffer: &buffer, reader: &reader, interimBytes: &ignored) else {
                        log.end(nil)
                        return
                    }
                    let (entry, ending) = Hostile.serve(request, fd: fd)
                    log.end(entry)
                    if ending == .keepAlive && request.wantsKeepAlive { continue }
                    if ending != .abort { lingeringClose(&reader) }
                    return
                }
                var keepAlive = request.wantsKeepAlive
                var response: HTTPResponse
                let isApp = FixtureApp.handles(request)
                var interimBytes = 0
                switch discardBody(of: request, buffer: &buffer, reader: &reader, sendingContinue: isApp,
                                   interimBytes: &interimBytes) {
                case .done(let body):
                    if isApp {
                        var request = request
                        request.body = body
                        response = app.respond(to: request)
                    } else {
                        response = responder.respond(to: request)
                    }
                case .cannotFrame:
                    response = isApp ? app.respondToUnreadableBody(request) : responder.respond(to: request)
                    keepAlive = false
                case .invalid:
                    response = .plain(400)
                    keepAlive = false
                case .lostConnection:
                    log.end(nil)
                    return
                }
                // After a 400 nothing says where the next request starts.
                if response.status == 400 { keepAlive = false }
                response.closesConnection = !keepAlive
                let complete = write(response, method: request.method, target: request.target, interimBytes: interimBytes)
                guard complete, keepAlive else {
                    if complete { lingeringClose(&reader) }
                    return
                }
            }
        }
    }

    private enum BodyOutcome { case done([UInt8]), cannotFrame, invalid, lostConnection }

    /// Reads the request's body (framed by `Content-Length`) off the connection and returns it, so that the next
    /// request starts in the right place; static files ignore it, the fixture app reads it.
    /// With `sendingContinue`, a client that sent `Expect: 100-continue` and is waiting (none of the body has
    /// arrived) first gets `100 Continue` (libcurl waits a second for it before a POST body over 1 KiB); its
    /// bytes are added to `interimBytes`, which the log counts with the final response's head, as libcurl
    /// counts them in its header size.
    private func discardBody(of request: HTTPRequest, buffer: inout [UInt8], reader: inout Reader,
                             sendingContinue: Bool = false, interimBytes: inout Int) -> BodyOutcome {
        if request.header("transfer-encoding") != nil { return .cannotFrame }
        guard let lengthText = request.header("content-length") else { return .done([]) }
        let values = Set(lengthText.split(separator: ",").map { $0.trimmingSpaces() })
        guard values.count == 1, let value = values.first, !value.isEmpty, value.allSatisfy(\.isASCII),
              value.allSatisfy(\.isNumber), let length = Int(value)
        else { return .invalid }
        guard length <= Self.maxDiscardedBody else { return .cannotFrame }
        if sendingContinue, length > 0, buffer.isEmpty, request.versionMinor >= 1,
           request.tokens("expect").contains("100-continue") {
            let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
            interimBytes += interim.withUnsafeBytes { Socket.writeAll(fd, $0) }
        }
        while buffer.count < length {
            guard reader.read(appendingTo: &buffer) else { return .lostConnection }
        }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return .done(body)
    }

    /// Writes the response, logs what was actually written, and ends the in-flight mark set by `log.begin()`.
    /// Returns whether every byte was written.
    /// `interimBytes`: a `100 Continue` already written for this request, counted with the head.
    @discardableResult
    private func write(_ response: HTTPResponse, method: String, target: String, interimBytes: Int = 0) -> Bool {
        let head = response.serializedHead()
        var bytes = head
        if response.sendsBody { bytes += response.body }
        let written = bytes.withUnsafeBytes { Socket.writeAll(fd, $0) }
        log.end(AccessLogEntry(
            method: method,
            path: target,
            status: response.status,
            bytesSent: interimBytes + written,
            headerBytes: interimBytes + min(written, head.count),
            bodyBytes: max(0, written - head.count),
            contentEncoding: response.contentEncoding
        ))
        return written == bytes.count
    }

    /// Half-closes, then drains what the client still sends for a moment, so closing does not turn into a
    /// reset that could destroy the response in the client's receive buffer.
    private func lingeringClose(_ reader: inout Reader) {
        Socket.shutdownWrite(fd)
        Socket.setReceiveTimeout(fd, seconds: 0.5)
        var scratch: [UInt8] = []
        var drained = 0
        while drained < 256 * 1024, reader.read(appendingTo: &scratch) {
            drained += scratch.count
            scratch.removeAll(keepingCapacity: true)
        }
    }
}

/// Reads into a reusable chunk; false on end of stream, idle timeout or error.
struct Reader {
    let fd: Int32
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32) {
        self.fd = fd
    }

    mutating func read(appendingTo buffer: inout [UInt8]) -> Bool {
        let fd = self.fd
        let result = chunk.withUnsafeMutableBytes { Socket.read(fd, into: $0) }
        guard case .bytes(let count) = result else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}
