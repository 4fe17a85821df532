// Hostile: the fixture server's misbehaving answers, under `/hostile/`, for the tests that check Ecoscore keeps
// working against targets it does not control (issue 7): it must finish, record each failure on the request
// that failed with a clear reason, and stay within bounded time and memory.
//
// Unlike static files and the app, a hostile answer writes its own bytes to the socket (`HostileExchange`),
// so it can drip, stop, reset or lie about its framing; what the kernel accepted is still logged exactly
// (head and body apart, chunk framing counted as body), so tests can compare the profile with the server.
//
// | route | behaviour | file |
// |---|---|---|
// | `/hostile/` | index of the pages below | Hostile |
// | `/hostile/ok/NAME.EXT` | a small valid file typed by extension, images a 43-byte GIF (the requests of a page that must still succeed) | Hostile |
// | `/hostile/bomb/?mib=M` | page: a two-layer bomb stylesheet, a one-layer bomb image (4 GiB each, or M MiB), two ordinary resources | GzipBomb, Bombs |
// | `/hostile/bomb/NAME.EXT?gib=N&mib=M&layers=L` | gzip bomb: N GiB (default 4, max 16) or M MiB of zeros, `Content-Encoding: gzip` (L=1, ~1 MB per GiB) or `gzip, gzip` (L=2, ~6.5 kB per GiB) | Bombs |
// | `/hostile/redirect/loop?n=K` | endless chain of distinct redirects (302 to `loop?n=K+1`) | Loops |
// | `/hostile/redirect/self` | a redirect to itself | Loops |
// | `/hostile/redirect/to?url=U` | a redirect to any URL (`file:///etc/passwd`, `ftp://…`) | Loops |
// | `/hostile/redirect/` | page whose images redirect to `file://`, to `ftp://` and forever | Loops |
// | `/hostile/drip/NAME.EXT?bytes=N&ms=T&head=1` | N body bytes (default 60), one every T ms (default 1000); `head=1` drips the head too. Stops when the client hangs up | Drip |
// | `/hostile/drip/` | page with one dripping image among ordinary resources | Drip |
// | `/hostile/reset/NAME.EXT?after=N&length=L` | announces L bytes (default 100,000), sends N (default 20,000), then resets the connection (`SO_LINGER` 0) | BrokenBodies |
// | `/hostile/short/NAME.EXT?after=N&length=L` | announces L bytes, sends N, then closes cleanly | BrokenBodies |
// | `/hostile/chunked/NAME.EXT?chunks=K&truncate=1` | chunked body of K 4 kB chunks (default 4); `truncate=1` stops inside a chunk and closes, without the last chunk | BrokenBodies |
// | `/hostile/eof/NAME.EXT?bytes=N` | no `Content-Length`, N bytes (default 5,000), then close: a valid end of an HTTP/1.1 body | BrokenBodies |
// | `/hostile/broken/` | page with one of each broken body above among ordinary resources | BrokenBodies |
// | `/hostile/headers/NAME.EXT?kb=N&shape=many\|one&name=H` | N kB of response headers (default 64, max 1024): many 64-byte lines, or one line of header H | HugeHeaders |
// | `/hostile/headers/` | page with images behind a 200 kB header line and 400 kB of headers (past libcurl's limits) | HugeHeaders |
// | `/hostile/charset/NAME` | pages with invalid UTF-8 or a wrong declared charset, and a stylesheet with invalid UTF-8 | Charsets |
// | `/hostile/many/?n=N` | page with N images (default 5,000, max 20,000) | ManySubresources |
// | `/hostile/tiny/ANYTHING` | a 43-byte GIF, keep-alive | ManySubresources |
// | `/hostile/css/cycle.html` | stylesheets that `@import` each other and themselves | Loops |
// | `/hostile/frames/self.html`, `outer.html`, `x.html`, `chain?d=N` | iframes nesting themselves, each other, or ever deeper | Loops |
// | `/hostile/http10/…` | an HTTP/1.0 server: `HTTP/1.0 200 OK`, closes after every response, some bodies without length | HTTP10 |
// | `/hostile/inject/`, `/hostile/inject/formula.html` | a script as title, markup in URLs and headers, formulas in headers and a title (what reports must escape and neutralise) | ReportInjection |
// | `/hostile/big/page.html?mib=M` | exactly M MiB (default 16, max 64) of `<div><span>x</span></div>` between two images | BigMarkup |
//
// A self-signed TLS certificate is not served here (there is no TLS in this server): ConnectionTests runs
// nginx with a fresh self-signed certificate (see Tests/ProfilerTests/EndToEnd/NginxServer.swift).

/// Routes `/hostile/...` requests to their behaviours.
enum Hostile {
    /// Whether a request-target belongs to the hostile routes (`/hostile` or below), query ignored.
    static func handles(_ request: HTTPRequest) -> Bool {
        guard case .path(let path, _) = RequestPath.resolve(request.targetBytes) else { return false }
        return path == "/hostile" || path.hasPrefix("/hostile/")
    }

    /// Answers on the socket; returns what the access log records and how the connection ends.
    static func serve(_ request: HTTPRequest, fd: Int32) -> (AccessLogEntry, HostileEnding) {
        var exchange = HostileExchange(fd: fd, request: request)
        let ending = route(&exchange)
        return (exchange.entry, ending)
    }

    private static func route(_ x: inout HostileExchange) -> HostileEnding {
        guard case .path(let path, _) = RequestPath.resolve(x.request.targetBytes) else {
            return x.respond(status: 400, type: "text/plain", body: "400 Bad Request\n")
        }
        guard x.request.method == "GET" || x.request.method == "HEAD" else {
            return x.respond(status: 405, type: "text/plain", body: "405 Method Not Allowed\n")
        }
        let query = FormData.query(of: x.request.targetBytes)
        let segments = path.split(separator: "/").map(String.init)
        let behaviour = segments.count > 1 ? segments[1] : ""
        let name = segments.count > 2 ? segments.last! : ""
        switch behaviour {
        case "" where path.hasSuffix("/"): return x.respond(type: "text/html; charset=utf-8", body: index)
        case "ok": return ok(&x, name: name)
        case "bomb": return name.isEmpty ? x.respond(type: "text/html; charset=utf-8", body: bombPage(query)) : bomb(&x, name: name, query: query)
        case "redirect": return redirect(&x, name: name, query: query)
        case "drip": return name.isEmpty ? x.respond(type: "text/html; charset=utf-8", body: dripPage) : drip(&x, name: name, query: query)
        case "reset": return reset(&x, name: name, query: query)
        case "short": return short(&x, name: name, query: query)
        case "chunked": return chunked(&x, name: name, query: query)
        case "eof": return endOfStream(&x, name: name, query: query)
        case "broken": return x.respond(type: "text/html; charset=utf-8", body: brokenPage)
        case "headers": return hugeHeaders(&x, name: name, query: query)
        case "charset": return charset(&x, name: name)
        case "many": return x.respond(type: "text/html; charset=utf-8", body: manyPage(query))
        case "tiny": return x.respond(headers: [("Content-Type", "image/gif")], body: tinyGIF)
        case "css": return cssCycle(&x, name: name)
        case "frames": return frames(&x, name: name, query: query)
        case "http10": return http10(&x, name: name.isEmpty ? "index.html" : name)
        case "inject": return reportInjection(&x, name: name)
        case "big": return bigMarkup(&x, query: query)
        default: return notFound(&x)
        }
    }

    static func notFound(_ x: inout HostileExchange) -> HostileEnding {
        x.respond(status: 404, type: "text/plain; charset=utf-8", body: "404 Not Found\n")
    }

    /// An integer query parameter, clamped; `fallback` when absent or not a number.
    static func int(_ query: [String: String], _ key: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(query[key].flatMap { Int($0) } ?? fallback, range.lowerBound), range.upperBound)
    }

    /// `Content-Type` by the name's extension, as the static sites have it.
    static func type(of name: String) -> String { ContentType.forFile(named: name) }

    /// `count` bytes that are valid for the name's type as far as it matters here: HTML and CSS get a
    /// minimal document padded with a comment, anything else a repeated ASCII pattern.
    static func filler(for name: String, count: Int) -> [UInt8] {
        let type = type(of: name)
        let prefix: String
        let suffix: String
        if type.hasPrefix("text/html") {
            (prefix, suffix) = ("<!doctype html><title>\(name)</title><link rel=icon href=\"data:,\"><!--", "-->")
        } else if type.hasPrefix("text/css") || type.hasPrefix("text/javascript") {
            (prefix, suffix) = ("/*", "*/")
        } else {
            (prefix, suffix) = ("", "")
        }
        let pattern = Array("0123456789abcdef".utf8)
        let fill = max(0, count - prefix.utf8.count - suffix.utf8.count)
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(count)
        for i in 0..<fill { bytes.append(pattern[i % pattern.count]) }
        bytes += Array(suffix.utf8)
        return Array(bytes.prefix(count))
    }

    /// A valid little file: what the ordinary requests of a hostile page get.
    static func ok(_ x: inout HostileExchange, name: String) -> HostileEnding {
        let type = type(of: name)
        if type == "image/gif" || type == "image/png" { return x.respond(headers: [("Content-Type", "image/gif")], body: tinyGIF) }
        return x.respond(headers: [("Content-Type", type)], body: filler(for: name, count: 200))
    }

    /// The smallest GIF: one transparent pixel (43 bytes).
    static let tinyGIF: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
        0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    static let index = """
        <!doctype html><html lang=en><title>Hostile fixtures</title><link rel=icon href="data:,">
        <h1>Hostile fixtures</h1><p>Pages that misbehave on purpose; see Fixtures/Server/Hostile/Hostile.swift.
        <ul>
        <li><a href="bomb/">gzip bombs</a>
        <li><a href="redirect/">redirects to file://, ftp:// and forever</a>
        <li><a href="drip/">a resource dripped one byte per second</a>
        <li><a href="broken/">reset, truncated and unframed bodies</a>
        <li><a href="headers/page.html">64 kB of response headers</a>
        <li><a href="charset/invalid-utf8.html">invalid UTF-8</a>, <a href="charset/latin1-declared-utf8.html">a wrong charset</a>
        <li><a href="many/?n=5000">5,000 subresources</a>
        <li><a href="css/cycle.html">@import cycles</a>
        <li><a href="frames/outer.html">iframes nesting themselves</a>, <a href="frames/chain?d=0">ever deeper</a>
        <li><a href="http10/">an HTTP/1.0 server</a>
        </ul>

        """
}
