extension Hostile {
    /// Announces `bytes` body bytes and sends them one at a time, `ms` apart (with `head=1` the head too, byte
    /// by byte): a slow-loris server. Watches the socket between bytes, so it stops as soon as the client hangs
    /// up instead of dripping into a dead connection. Always closes the connection afterwards.
    static func drip(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let count = int(query, "bytes", 60, 1...3600)
        let interval = int(query, "ms", 1000, 10...10_000)
        let dripsHead = query["head"] == "1"
        let head = HostileExchange.head(status: 200, headers: [
            ("Content-Type", type(of: name)),
            ("Content-Length", String(count)),
        ], close: true)
        if dripsHead {
            for byte in head {
                if x.failed || x.clientHungUp(waitingMs: interval) { return .close }
                x.writeHead([byte], status: 200)
            }
        } else {
            x.writeHead(head, status: 200)
        }
        for byte in filler(for: name, count: count) {
            if x.failed || x.clientHungUp(waitingMs: interval) { return .close }
            x.writeBody([byte])
        }
        return .close
    }

    /// One image drips 60 bytes at one per second; the rest of the page is ordinary.
    static let dripPage = """
        <!doctype html><html lang=en><head><title>Drip</title><link rel=icon href="data:,">
        <link rel=stylesheet href="/hostile/ok/fine.css"></head>
        <body><h1>Drip</h1><img src="slow.png?bytes=60&amp;ms=1000" alt="one byte per second">
        <img src="/hostile/ok/fine.png" alt="an ordinary image"><script src="/hostile/ok/fine.js"></script>
        </body></html>

        """
}
