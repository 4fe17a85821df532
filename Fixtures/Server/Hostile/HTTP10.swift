extension Hostile {
    /// An HTTP/1.0 server: every answer starts `HTTP/1.0`, has no keep-alive and closes the connection,
    /// whatever the request asked. `index.html` and `style.css` say their length; `logo.png` and `bg.png`
    /// do not (their bodies end with the connection, which HTTP/1.0 allows); `app.js` is framed.
    static func http10(_ x: inout HostileExchange, name: String) -> HostileEnding {
        let files: [String: (framed: Bool, body: [UInt8])] = [
            "index.html": (true, Array("""
                <!doctype html><html lang=en><head><title>HTTP/1.0</title><link rel=icon href="data:,">
                <link rel=stylesheet href="style.css"></head>
                <body><h1>HTTP/1.0</h1><img src="logo.png" alt=""><script src="app.js"></script></body></html>

                """.utf8)),
            "style.css": (true, Array("body { background: url(bg.png) }\n".utf8)),
            "logo.png": (false, filler(for: "logo.png", count: 3_000)),
            "bg.png": (false, tinyGIF),
            "app.js": (true, filler(for: "app.js", count: 700)),
        ]
        guard let file = files[name] else {
            let body = Array("404 Not Found\n".utf8)
            x.writeHead(HostileExchange.head(status: 404, headers: [("Content-Type", "text/plain"),
                                                                    ("Content-Length", String(body.count))],
                                             version: "HTTP/1.0"), status: 404)
            x.writeBody(body)
            return .close
        }
        var headers = [("Content-Type", type(of: name))]
        if file.framed { headers.append(("Content-Length", String(file.body.count))) }
        x.writeHead(HostileExchange.head(status: 200, headers: headers, version: "HTTP/1.0"), status: 200)
        x.writeBody(file.body)
        return .close
    }
}
