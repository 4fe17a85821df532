extension Hostile {
    /// A page with `n` distinct images (`/hostile/tiny/0.gif` …), each answered by a 43-byte GIF on a
    /// keep-alive connection, and a `data:` icon (so the page makes exactly n + 1 requests).
    static func manyPage(_ query: [String: String]) -> String {
        let n = int(query, "n", 5_000, 0...20_000)
        var html = "<!doctype html><html lang=en><head><title>\(n) subresources</title><link rel=icon href=\"data:,\"></head><body>\n"
        html.reserveCapacity(html.utf8.count + n * 34)
        for i in 0..<n { html += "<img src=\"/hostile/tiny/\(i).gif\">\n" }
        return html + "</body></html>\n"
    }
}
