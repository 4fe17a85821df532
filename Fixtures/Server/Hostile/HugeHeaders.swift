extension Hostile {
    /// A small, valid response behind `kb` kB of headers (the filler alone; the status line and the usual
    /// headers come on top): `shape=many` (default) as 64-byte `X-Filler-NNNNN` lines, `shape=one` as one
    /// header line of header `name` (default `X-Filler`; `Content-Type` keeps the real type in front).
    static func hugeHeaders(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        if name.isEmpty { return x.respond(type: "text/html; charset=utf-8", body: hugeHeadersPage) }
        let total = int(query, "kb", 64, 1...1024) * 1024
        let headerName = query["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "X-Filler"
        let type = type(of: name)
        var headers: [(String, String)] = []
        if query["shape"] == "one" {
            let lead = headerName.lowercased() == "content-type" ? "\(type); x=" : ""
            // "Name: " + value + CRLF is exactly `total` bytes.
            let pad = max(0, total - headerName.utf8.count - 4 - lead.utf8.count)
            let value = lead + String(repeating: "a", count: pad)
            if headerName.lowercased() != "content-type" { headers.append(("Content-Type", type)) }
            headers.append((headerName, value))
        } else {
            headers.append(("Content-Type", type))
            for i in 0..<(total / 64) {
                // "X-Filler-00001: " is 16 bytes, CRLF 2: 46 bytes of value make a 64-byte line.
                let label = String(i)
                headers.append(("X-Filler-" + String(repeating: "0", count: max(0, 5 - label.count)) + label,
                                String(repeating: "f", count: 46)))
            }
        }
        let body = name.hasSuffix(".html")
            ? Array("<!doctype html><title>Huge headers</title><link rel=icon href=\"data:,\"><img src=\"/hostile/ok/fine.png\">".utf8)
            : filler(for: name, count: 200)
        return x.respond(headers: headers, body: body)
    }

    /// Images whose heads pass libcurl's limits (a 200 kB line, 400 kB of lines), beside an ordinary one.
    static let hugeHeadersPage = """
        <!doctype html><html lang=en><head><title>Huge headers</title><link rel=icon href="data:,"></head><body>
        <img src="big.png?kb=200&amp;shape=one" alt="one 200 kB header line">
        <img src="big.png?kb=400" alt="400 kB of header lines">
        <img src="/hostile/ok/fine.png" alt="an ordinary image">
        </body></html>

        """
}
