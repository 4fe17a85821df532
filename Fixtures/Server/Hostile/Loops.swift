extension Hostile {
    // MARK: redirects

    /// `loop?n=K` → `loop?n=K+1` (never the same URL twice), `self` → itself, `to?url=U` → U; the folder
    /// itself is a page of images that redirect to `file://`, to `ftp://` and forever.
    static func redirect(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        let location: String
        switch name {
        case "": return x.respond(type: "text/html; charset=utf-8", body: redirectPage)
        case "loop": location = "loop?n=\(int(query, "n", 0, 0...1_000_000_000) + 1)"
        case "self": location = "self"
        case "to": location = query["url"] ?? "/"
        default: return notFound(&x)
        }
        // No CR, LF or other controls in a header value (no response splitting, even here).
        guard location.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            return x.respond(status: 400, type: "text/plain", body: "400 Bad Request\n")
        }
        return x.respond(status: 302, headers: [("Location", location)], body: [])
    }

    static let redirectPage = """
        <!doctype html><html lang=en><head><title>Redirects</title><link rel=icon href="data:,"></head><body>
        <img src="to?url=file%3A%2F%2F%2Fetc%2Fpasswd" alt="to file://">
        <img src="to?url=ftp%3A%2F%2F127.0.0.1%2Fpub%2Fx.png" alt="to ftp://">
        <img src="loop?n=0" alt="forever">
        <img src="/hostile/ok/fine.png" alt="an ordinary image">
        </body></html>

        """

    // MARK: @import cycles

    /// `a.css` imports `b.css` and itself, `b.css` imports `a.css` and `c.css`, `c.css` imports itself and
    /// `b.css`; each uses `bg.png`. A browser fetches each once.
    static func cssCycle(_ x: inout HostileExchange, name: String) -> HostileEnding {
        let files: [String: String] = [
            "cycle.html": """
                <!doctype html><html lang=en><head><title>@import cycle</title><link rel=icon href="data:,">
                <link rel=stylesheet href="a.css"></head><body><p class="a b c">cycle</p></body></html>

                """,
            "a.css": "@import \"b.css\";\n@import url(a.css);\n.a { background: url(bg.png) }\n",
            "b.css": "@import url(\"a.css\");\n@import \"c.css\";\n.b { background: url(bg.png) }\n",
            "c.css": "@import \"c.css\";\n@import \"b.css\";\n.c { background: url(\"bg.png\") }\n",
        ]
        if name == "bg.png" { return x.respond(headers: [("Content-Type", "image/gif")], body: tinyGIF) }
        guard let text = files[name] else { return notFound(&x) }
        return x.respond(type: type(of: name), body: text)
    }

    // MARK: frames

    /// `self.html` frames itself (twice, once with a fragment); `outer.html` frames `loop.html`, which frames
    /// itself; `x.html` and `y.html` frame each other; `chain?d=N` frames `chain?d=N+1` forever and shows
    /// `/hostile/ok/level-N.png`.
    static func frames(_ x: inout HostileExchange, name: String, query: [String: String]) -> HostileEnding {
        func frame(_ title: String, _ body: String) -> String {
            "<!doctype html><html lang=en><head><title>\(title)</title><link rel=icon href=\"data:,\"></head><body>\(body)</body></html>\n"
        }
        let html: String
        switch name {
        case "self.html": html = frame("self", "<iframe src=\"self.html\"></iframe><iframe src=\"self.html#again\"></iframe>")
        case "outer.html": html = frame("outer", "<iframe src=\"loop.html\"></iframe>")
        case "loop.html": html = frame("loop", "<img src=\"/hostile/ok/in-loop.png\"><iframe src=\"loop.html\"></iframe>")
        case "x.html": html = frame("x", "<iframe src=\"y.html\"></iframe>")
        case "y.html": html = frame("y", "<iframe src=\"x.html\"></iframe>")
        case "chain":
            let d = int(query, "d", 0, 0...1_000_000)
            html = frame("level \(d)", "<img src=\"/hostile/ok/level-\(d).png\"><iframe src=\"chain?d=\(d + 1)\"></iframe>")
        default: return notFound(&x)
        }
        return x.respond(type: "text/html; charset=utf-8", body: html)
    }
}
