extension Hostile {
    /// A gzip bomb: a framed response (`Content-Length` of the compressed stream), sent whatever the request's
    /// `Accept-Encoding` says, as a hostile server would. The stream is cut short only when the client hangs up.
    static func bomb(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        // `mib` (1…16384) when given, for bombs sized just under a cap; else `gib`.
        let decoded = query["mib"] != nil ? int(query, "mib", 1, 1...16_384) << 20 : int(query, "gib", 4, 1...16) << 30
        let layers = int(query, "layers", 1, 1...2)
        let stream = GzipBomb.stream(decodedBytes: decoded, layers: layers)
        let length = stream.reduce(0) { $0 + $1.count }
        let encoding = Array(repeating: "gzip", count: layers).joined(separator: ", ")
        x.contentEncoding = encoding
        let head = HostileExchange.head(status: 200, headers: [
            ("Content-Type", type(of: name)),
            ("Content-Encoding", encoding),
            ("Content-Length", String(length)),
        ], close: !x.clientKeepsAlive)
        x.writeHead(head, status: 200)
        for piece in stream where !x.failed {
            switch piece {
            case .bytes(let bytes): x.writeBody(bytes)
            case .zeros(let n): x.writeZeros(n)
            }
        }
        return x.failed || !x.clientKeepsAlive ? .close : .keepAlive
    }

    /// The bomb page: a stylesheet (kept in memory for discovery, so the worst case) that is a two-layer bomb,
    /// an image that is a one-layer bomb, and two ordinary resources that must still load. `?mib=M` gives
    /// both bombs M MiB instead of 4 GiB (e.g. just under a cap, so that they are decoded whole).
    static func bombPage(_ query: [String: String]) -> String {
        let size: String? = query["mib"] == nil ? nil : "mib=\(int(query, "mib", 1, 1...16_384))"
        return """
            <!doctype html><html lang=en><head><title>Gzip bombs</title>
            <link rel=icon href="data:,">
            <link rel=stylesheet href="boom.css?layers=2\(size.map { "&amp;" + $0 } ?? "")">
            </head><body><h1>Gzip bombs</h1>
            <img src="boom.png\(size.map { "?" + $0 } ?? "")" alt="zeros">
            <img src="/hostile/ok/fine.png" alt="an ordinary image">
            <script src="/hostile/ok/fine.js"></script>
            </body></html>

            """
    }
}
