/// `Content-Type` by file extension; text types carry `; charset=utf-8`.
enum ContentType {
    private static let types: [String: String] = [
        "html": "text/html", "htm": "text/html",
        "css": "text/css",
        "js": "text/javascript", "mjs": "text/javascript",
        "json": "application/json",
        "webmanifest": "application/manifest+json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "vtt": "text/vtt",
        "txt": "text/plain",
        "md": "text/markdown",
        "xml": "application/xml",
    ]

    /// Types that get a charset parameter.
    private static let textual: Set<String> = [
        "text/html", "text/css", "text/javascript", "application/json", "application/manifest+json",
        "image/svg+xml", "text/vtt", "text/plain", "text/markdown", "application/xml",
    ]

    static func forFile(named name: String) -> String {
        let ext = name.split(separator: ".", omittingEmptySubsequences: false).count > 1
            ? String(name[name.index(after: name.lastIndex(of: ".")!)...]).lowercased()
            : ""
        let type = types[ext] ?? "application/octet-stream"
        return textual.contains(type) ? type + "; charset=utf-8" : type
    }
}
