extension Hostile {
    /// Announces `length` bytes, sends `after`, then resets the connection: `SO_LINGER` with a zero timeout
    /// makes the close send a TCP RST, so the client sees "connection reset" in the middle of the body.
    static func reset(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let length = int(query, "length", 100_000, 1...100_000_000)
        let after = int(query, "after", 20_000, 0...length - 1)
        x.writeHead(HostileExchange.head(status: 200, headers: [
            ("Content-Type", type(of: name)), ("Content-Length", String(length)),
        ]), status: 200)
        x.writeBody(filler(for: name, count: after))
        x.armReset()
        return .abort
    }

    /// Announces `length` bytes, sends `after`, then closes cleanly: a body shorter than its `Content-Length`.
    static func short(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let length = int(query, "length", 100_000, 1...100_000_000)
        let after = int(query, "after", 20_000, 0...length - 1)
        x.writeHead(HostileExchange.head(status: 200, headers: [
            ("Content-Type", type(of: name)), ("Content-Length", String(length)),
        ], close: true), status: 200)
        x.writeBody(filler(for: name, count: after))
        return .close
    }

    /// A chunked body of `chunks` chunks of 4,096 bytes and the last chunk; with `truncate=1`, the last of
    /// them is cut after 1,000 of its bytes and the connection closes without the terminating `0` chunk.
    static func chunked(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let chunks = int(query, "chunks", 4, 1...1000)
        let truncated = query["truncate"] == "1"
        x.writeHead(HostileExchange.head(status: 200, headers: [
            ("Content-Type", type(of: name)), ("Transfer-Encoding", "chunked"),
        ], close: truncated || !x.clientKeepsAlive), status: 200)
        let data = filler(for: name, count: chunks * 4096)
        for i in 0..<chunks where !x.failed {
            let chunk = data[(i * 4096)..<((i + 1) * 4096)]
            if truncated && i == chunks - 1 {
                x.writeBody(Array("1000\r\n".utf8) + chunk.prefix(1000))
                return .close
            }
            x.writeBody(Array("1000\r\n".utf8) + chunk + Array("\r\n".utf8))
        }
        x.writeBody(Array("0\r\n\r\n".utf8))
        return x.failed || !x.clientKeepsAlive ? .close : .keepAlive
    }

    /// No `Content-Length`, no chunking: the body ends when the connection closes, which HTTP/1.1 allows
    /// (RFC 9112 §6.3, rule 8). A client must take the `bytes` received as the whole body.
    static func endOfStream(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let count = int(query, "bytes", 5_000, 0...100_000_000)
        x.writeHead(HostileExchange.head(status: 200, headers: [("Content-Type", type(of: name))], close: true),
                    status: 200)
        x.writeBody(filler(for: name, count: count))
        return .close
    }

    /// One of each broken body among ordinary resources.
    static let brokenPage = """
        <!doctype html><html lang=en><head><title>Broken bodies</title><link rel=icon href="data:,">
        <link rel=stylesheet href="/hostile/ok/fine.css">
        <link rel=stylesheet href="/hostile/chunked/truncated.css?truncate=1">
        <link rel=stylesheet href="/hostile/chunked/whole.css">
        </head><body><h1>Broken bodies</h1>
        <img src="/hostile/reset/reset.png" alt="reset mid-body">
        <img src="/hostile/short/short.png" alt="shorter than its Content-Length">
        <img src="/hostile/eof/unframed.png?bytes=5000" alt="no Content-Length, closed">
        <img src="/hostile/ok/fine.png" alt="an ordinary image">
        <script src="/hostile/ok/fine.js"></script>
        </body></html>

        """
}
