import Foundation
import Model
import Testing
@testable import Profiler

/// Shared helpers of the HAR tests.
enum HARTestSupport {
    /// `shared/data/har`, beside the repository: `#filePath` is `<repo>/Tests/ProfilerTests/HAR/…`, and the
    /// shared folder is `<repo>/../shared` (CI clones the repository with a copy of `shared/` beside it).
    static let sharedHAR: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HAR
        .deletingLastPathComponent()  // ProfilerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/data/har", isDirectory: true)
        .standardizedFileURL

    static let tool = ToolInfo(name: "ecoscore", version: "test", engine: "")
    static let settings = ProfileSettings(
        userAgent: "HAR", acceptEncoding: "", viewportWidth: 1920, runs: 1, maxConnectionsPerHost: 6,
        httpVersion: "", connectTimeoutMs: 0, requestTimeoutMs: 0, pageTimeoutMs: 0, maxBodyBytes: 0,
        maxRedirects: 20, maxFrameDepth: 3, tlsVerification: true)
    static let fixedDate = Date(timeIntervalSince1970: 1_700_000_000)

    static func url(_ file: String) -> URL { sharedHAR.appendingPathComponent(file) }

    static func importShared(_ file: String) throws -> Profile {
        let url = url(file)
        try #require(FileManager.default.fileExists(atPath: url.path),
                     "missing \(url.path): the tests read the peer's HAR files from ../shared/data/har")
        return try HARImporter.profile(from: url, tool: tool, settings: settings, createdAt: fixedDate)
    }

    static func importJSON(_ text: String, name: String = "inline.har") throws -> Profile {
        try HARImporter.profile(from: Data(text.utf8), name: name, tool: tool, settings: settings, createdAt: fixedDate)
    }

    /// The peer's (sitespeed.io pagexray, `lib/util.js`) content-type classification of a MIME type, with
    /// its fallback on the file ending for fonts served as `application/octet-stream` and the like.
    static func peerContentType(mimeType: String, url: String) -> String {
        let matchers: [(String, String)] = [
            ("^text/html", "html"), ("^text/plain", "plain"), ("^text/css", "css"), ("^text/xml", "xml"),
            ("javascript", "javascript"), ("flash", "flash"), ("^image/x-icon", "favicon"),
            ("^image/vnd.microsoft.icon", "favicon"), ("svg", "svg"), ("^image", "image"),
            ("^application/.*font", "font"), ("^font/.*", "font"), ("^application/json", "json"),
            ("^application/xml", "xml"), ("^application/pdf", "pdf"), ("^audio/.*", "audio"),
            ("^video/.*", "video"), ("^application/ocsp-response", "oscp"),
        ]
        for (pattern, type) in matchers where mimeType.range(of: pattern, options: .regularExpression) != nil {
            return type
        }
        for ending in [".woff", ".woff2", ".eot", ".ttf"] where url.hasSuffix(ending) { return "font" }
        return "other"
    }

    /// Requests per peer content type, counted as the peer counts them: only 2xx and 304 answers.
    static func peerContentTypeCounts(_ run: PageRun) -> [String: Int] {
        var counts: [String: Int] = [:]
        for r in run.requests {
            guard let status = r.status, (200..<300).contains(status) || status == 304 else { continue }
            counts[peerContentType(mimeType: r.contentType ?? "", url: r.url), default: 0] += 1
        }
        return counts
    }
}
