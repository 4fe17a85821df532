/// One client connection: reads request heads, answers them in order (keep-alive, pipelining),
/// writes each response with an exact byte count, then closes gracefully.
struct Connection {
    let fd: Int32
    let responder: StaticResponder
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
                var keepAlive = request.wantsKeepAlive
                var response: HTTPResponse
                switch discardBody(of: request, buffer: &buffer, reader: &reader) {
                case .done:
                    response = responder.respond(to: request)
                case .cannotFrame:
                    response = responder.respond(to: request)
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
                let complete = write(response, method: request.method, target: request.target)
                guard complete, keepAlive else {
                    if complete { lingeringClose(&reader) }
                    return
                }
            }
        }
    }

    private enum BodyOutcome { case done, cannotFrame, invalid, lostConnection }

    private func discardBody(of request: HTTPRequest, buffer: inout [UInt8], reader: inout Reader) -> BodyOutcome {
        if request.header("transfer-encoding") != nil { return .cannotFrame }
        guard let lengthText = request.header("content-length") else { return .done }
        let values = Set(lengthText.split(separator: ",").map { $0.trimmingSpaces() })
        guard values.count == 1, let value = values.first, !value.isEmpty, value.allSatisfy(\.isASCII),
              value.allSatisfy(\.isNumber), let length = Int(value)
        else { return .invalid }
        guard length <= Self.maxDiscardedBody else { return .cannotFrame }
        while buffer.count < length {
            guard reader.read(appendingTo: &buffer) else { return .lostConnection }
        }
        buffer.removeFirst(length)
        return .done
    }

    /// Writes the response, logs what was actually written, and ends the in-flight mark set by `log.begin()`.
    /// Returns whether every byte was written.
    @discardableResult
    private func write(_ response: HTTPResponse, method: String, target: String) -> Bool {
        let head = response.serializedHead()
        var bytes = head
        if response.sendsBody { bytes += response.body }
        let written = bytes.withUnsafeBytes { Socket.writeAll(fd, $0) }
        log.end(AccessLogEntry(
            method: method,
            path: target,
            status: response.status,
            bytesSent: written,
            headerBytes: min(written, head.count),
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
