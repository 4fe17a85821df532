import Foundation

/// Per-site behaviour, read from `<root>/<site>/_site.json` (never served). Every key is optional.
/// Paths in `redirects`, `errors` and `setCookie` are absolute, percent-decoded request paths without the
/// query (`/bloated/old.html`); a path ending in `/` also matches its `index.html` form and vice versa.
public struct SiteConfig: Decodable, Sendable, Equatable {
    public struct Redirect: Decodable, Sendable, Equatable {
        /// The `Location` value, sent as written (an absolute path is fine).
        public var to: String
        /// 301, 302, 303, 307 or 308; default 301.
        public var status: Int

        public init(to: String, status: Int = 301) {
            self.to = to
            self.status = status
        }

        private enum CodingKeys: String, CodingKey { case to, status }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            to = try container.decode(String.self, forKey: .to)
            status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 301
            guard [301, 302, 303, 307, 308].contains(status) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .status, in: container, debugDescription: "redirect status \(status) is not 301/302/303/307/308")
            }
        }
    }

    /// The fixed `Last-Modified` value: derived from nothing dynamic, so response sizes never change.
    public static let fixedLastModified = "Mon, 01 Jan 2024 00:00:00 GMT"
    public static let defaultCacheControl = "public, max-age=31536000"

    /// Content codings the site may serve from precompressed siblings, in preference order; empty: never.
    public var encodings: [String]
    /// `Cache-Control` value for successful responses; nil: no `Cache-Control`.
    public var cacheControl: String?
    /// Send a strong `ETag` (hash of the bytes served) and answer `If-None-Match` with 304.
    public var etag: Bool
    /// Send `Last-Modified: <fixedLastModified>`.
    public var lastModified: Bool
    public var redirects: [String: Redirect]
    /// Path → status answered without looking at the file system (404, 500, 503…).
    public var errors: [String: Int]
    /// Path → `Set-Cookie` value.
    public var setCookie: [String: String]

    public init(
        encodings: [String] = ["br", "gzip"],
        cacheControl: String? = SiteConfig.defaultCacheControl,
        etag: Bool = true,
        lastModified: Bool = true,
        redirects: [String: Redirect] = [:],
        errors: [String: Int] = [:],
        setCookie: [String: String] = [:]
    ) {
        self.encodings = encodings
        self.cacheControl = cacheControl
        self.etag = etag
        self.lastModified = lastModified
        self.redirects = redirects
        self.errors = errors
        self.setCookie = setCookie
    }

    private enum CodingKeys: String, CodingKey {
        case encodings, cacheControl, etag, lastModified, redirects, errors, setCookie
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SiteConfig()
        encodings = try container.decodeIfPresent([String].self, forKey: .encodings) ?? defaults.encodings
        for coding in encodings where ContentCoding(token: coding) == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .encodings, in: container,
                debugDescription: "unknown encoding '\(coding)' (known: \(ContentCoding.allCases.map(\.rawValue)))")
        }
        // Absent key: the default; explicit null: no Cache-Control at all.
        cacheControl = container.contains(.cacheControl)
            ? try container.decodeIfPresent(String.self, forKey: .cacheControl)
            : defaults.cacheControl
        etag = try container.decodeIfPresent(Bool.self, forKey: .etag) ?? defaults.etag
        lastModified = try container.decodeIfPresent(Bool.self, forKey: .lastModified) ?? defaults.lastModified
        redirects = try container.decodeIfPresent([String: Redirect].self, forKey: .redirects) ?? [:]
        errors = try container.decodeIfPresent([String: Int].self, forKey: .errors) ?? [:]
        for (path, status) in errors where !(400...599).contains(status) {
            throw DecodingError.dataCorruptedError(
                forKey: .errors, in: container, debugDescription: "error status \(status) for \(path) is not 4xx/5xx")
        }
        setCookie = try container.decodeIfPresent([String: String].self, forKey: .setCookie) ?? [:]
    }

    /// Name of the per-site config file inside a site folder.
    public static let fileName = "_site.json"

    /// Reads `folder/_site.json`; defaults when the file does not exist.
    public static func load(from folder: URL) throws(FixtureServerError) -> SiteConfig {
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return SiteConfig() }
        do {
            let data = try Data(contentsOf: file)
            return try JSONDecoder().decode(SiteConfig.self, from: data)
        } catch {
            throw .invalidSiteConfig(path: file.path, reason: String(describing: error))
        }
    }

    /// The config value for a path, trying its `index.html` / directory twin.
    func lookup<Value>(_ table: [String: Value], path: String) -> Value? {
        if let value = table[path] { return value }
        if path.hasSuffix("/") { return table[path + "index.html"] }
        if path.hasSuffix("/index.html") { return table[String(path.dropLast("index.html".count))] }
        return nil
    }
}

/// Content codings the server can serve from precompressed siblings.
public enum ContentCoding: String, CaseIterable, Sendable {
    case br, gzip, zstd

    init?(token: String) { self.init(rawValue: token.lowercased()) }

    /// Sibling file suffix, as nginx `gzip_static` / `brotli_static` expect.
    public var fileSuffix: String {
        switch self {
        case .br: return ".br"
        case .gzip: return ".gz"
        case .zstd: return ".zst"
        }
    }
}
