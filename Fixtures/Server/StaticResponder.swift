import Foundation

/// Turns a request into a response from the files under `root`, applying each site's `_site.json`.
/// Pure with respect to the connection: no sockets here.
struct StaticResponder: Sendable {
    let root: URL
    /// Site folder name → config; "" is the root's own config (`root/_site.json`, else defaults).
    let configs: [String: SiteConfig]

    init(root: URL) throws(FixtureServerError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .rootNotFound(path: root.path)
        }
        self.root = root
        var configs: [String: SiteConfig] = ["": try SiteConfig.load(from: root)]
        let children = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in children where !name.hasPrefix(".") {
            let folder = root.appendingPathComponent(name)
            if Self.isDirectory(folder) {
                configs[name] = try SiteConfig.load(from: folder)
            }
        }
        self.configs = configs
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .plain(405, extraHeaders: [HTTPHeader(name: "Allow", value: "GET, HEAD")])
        }
        var response = route(request)
        if request.method == "HEAD" { response.sendsBody = false }
        return response
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        let path: String
        let rawPath: String
        switch RequestPath.resolve(request.targetBytes) {
        case .badRequest: return .plain(400)
        case .forbidden: return .plain(403)
        case .path(let decoded, let raw):
            path = decoded
            rawPath = raw
        }
        let segments = path.split(separator: "/").map(String.init)
        let site = segments.count > 1 || path.hasSuffix("/") ? (segments.first ?? "") : ""
        let config = configs[site] ?? configs[""] ?? SiteConfig()

        if let status = config.lookup(config.errors, path: path) {
            return .plain(status)
        }
        if let redirect = config.lookup(config.redirects, path: path) {
            var response = HTTPResponse(status: redirect.status, headers: [
                HTTPHeader(name: "Location", value: redirect.to),
                HTTPHeader(name: "Content-Length", value: "0"),
            ])
            appendCookie(to: &response, config: config, path: path)
            return response
        }
        if let last = segments.last, Self.isHidden(last) || segments.contains(where: { $0.hasPrefix(".") }) {
            return .plain(404)
        }

        var file = root
        for segment in segments { file.appendPathComponent(segment) }
        let isDirectoryPath = path.hasSuffix("/")
        if isDirectoryPath {
            file.appendPathComponent("index.html")
        } else if Self.isDirectory(file) {
            // Like nginx: a folder without its slash redirects to the slash form.
            return HTTPResponse(status: 301, headers: [
                HTTPHeader(name: "Location", value: rawPath + "/"),
                HTTPHeader(name: "Content-Length", value: "0"),
            ])
        }
        guard !Self.isDirectory(file), let identity = Self.read(file) else {
            return .plain(404)
        }

        let fileName = isDirectoryPath ? "index.html" : (segments.last ?? "index.html")
        let accepted = AcceptEncoding(request.header("accept-encoding"))
        var body = identity
        var chosen: ContentCoding?
        var hasVariants = false
        for token in config.encodings {
            guard let coding = ContentCoding(token: token) else { continue }
            let sibling = URL(fileURLWithPath: file.path + coding.fileSuffix)
            guard FileManager.default.fileExists(atPath: sibling.path) else { continue }
            hasVariants = true
            if chosen == nil, accepted.accepts(coding.rawValue), let bytes = Self.read(sibling) {
                chosen = coding
                body = bytes
            }
        }

        var headers = [
            HTTPHeader(name: "Content-Type", value: ContentType.forFile(named: fileName)),
            HTTPHeader(name: "Content-Length", value: String(body.count)),
        ]
        if let chosen { headers.append(HTTPHeader(name: "Content-Encoding", value: chosen.rawValue)) }
        if hasVariants { headers.append(HTTPHeader(name: "Vary", value: "Accept-Encoding")) }
        if let cacheControl = config.cacheControl {
            headers.append(HTTPHeader(name: "Cache-Control", value: cacheControl))
        }
        let etag = "\"\(Self.fnv1a64Hex(body))\""
        if config.etag { headers.append(HTTPHeader(name: "ETag", value: etag)) }
        if config.lastModified {
            headers.append(HTTPHeader(name: "Last-Modified", value: SiteConfig.fixedLastModified))
        }

        if isNotModified(request, config: config, etag: etag) {
            // 304 keeps the validators and caching headers, drops Content-Type and the body.
            var notModified = HTTPResponse(
                status: 304,
                headers: headers.filter { $0.name != "Content-Type" && $0.name != "Content-Length" && $0.name != "Content-Encoding" },
                contentEncoding: nil
            )
            notModified.sendsBody = false
            appendCookie(to: &notModified, config: config, path: path)
            return notModified
        }

        var response = HTTPResponse(status: 200, headers: headers, body: body, contentEncoding: chosen?.rawValue)
        appendCookie(to: &response, config: config, path: path)
        return response
    }

    private func isNotModified(_ request: HTTPRequest, config: SiteConfig, etag: String) -> Bool {
        if let ifNoneMatch = request.header("if-none-match") {
            guard config.etag else { return false }
            let tags = ifNoneMatch.split(separator: ",").map { $0.trimmingSpaces() }
            return tags.contains("*") || tags.contains(etag) || tags.contains("W/" + etag)
        }
        if let since = request.header("if-modified-since"), config.lastModified {
            return since == SiteConfig.fixedLastModified
        }
        return false
    }

    private func appendCookie(to response: inout HTTPResponse, config: SiteConfig, path: String) {
        if let cookie = config.lookup(config.setCookie, path: path) {
            response.headers.append(HTTPHeader(name: "Set-Cookie", value: cookie))
        }
    }

    /// Never served as URLs of their own: site configs and precompressed siblings.
    static func isHidden(_ name: String) -> Bool {
        name == SiteConfig.fileName || ContentCoding.allCases.contains { name.hasSuffix($0.fileSuffix) }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func read(_ url: URL) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
    }

    /// Stable ETag material: 64-bit FNV-1a of the bytes served.
    static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A parsed `Accept-Encoding`: codings with q > 0 are acceptable; `*` covers codings not listed.
/// No header at all means identity only (what nginx's `gzip_static` does).
struct AcceptEncoding: Sendable, Equatable {
    private var qualities: [String: Double] = [:]

    init(_ header: String?) {
        guard let header else { return }
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingSpaces() }
            guard let name = parts.first?.lowercased(), !name.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]) {
                    quality = value
                }
            }
            qualities[name] = quality
        }
    }

    func accepts(_ coding: String) -> Bool {
        if let quality = qualities[coding] { return quality > 0 }
        if let quality = qualities["*"] { return quality > 0 }
        return false
    }
}
