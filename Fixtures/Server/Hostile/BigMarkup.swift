extension Hostile {
    /// `/hostile/big/page.html?mib=M`: `BigMarkup.page(bytes: M MiB)` (M: default 16, the retained-bytes cap;
    /// 1…64), framed with `Content-Length`.
    static func bigMarkup(_ x: inout HostileExchange, query: [String: String]) -> HostileEnding {
        x.respond(headers: [("Content-Type", "text/html; charset=utf-8")],
                  body: BigMarkup.page(bytes: int(query, "mib", 16, 1...64) << 20))
    }

    enum BigMarkup {
        static let head = """
            <!doctype html><html lang=en><head><title>Big markup</title><link rel=icon href="data:,"></head><body>
            <img src="/hostile/ok/first.png" alt="first">

            """
        /// Two elements per 25 bytes: about what costs gumbo the most memory per byte of ordinary markup.
        static let unit = "<div><span>x</span></div>"
        static let tail = "\n<img src=\"/hostile/ok/last.png\" alt=\"last\"></body></html>\n"

        /// Exactly `bytes` of valid HTML: `head` (6 elements with the implied ones, an image), `unit` repeated
        /// (whole units only, then spaces to the exact size), and `tail` (an image at the very end).
        static func page(bytes: Int) -> [UInt8] {
            let head = Array(head.utf8), unit = Array(unit.utf8), tail = Array(tail.utf8)
            let fill = max(0, bytes - head.count - tail.count)
            var page = head
            page.reserveCapacity(bytes)
            for _ in 0..<(fill / unit.count) { page += unit }
            page += [UInt8](repeating: 0x20, count: fill % unit.count)
            page += tail
            return page
        }
    }
}
