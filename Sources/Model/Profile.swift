import Foundation

/// The profiler's artifact: what was measured, per page and per request. Versioned so that a
/// later Ecoscore can refuse (or migrate) a document it does not understand.
public struct Profile: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    public var createdAt: Date
    public var settings: ProfileSettings
    public var pages: [PageProfile]

    public init(schemaVersion: Int = Profile.currentSchemaVersion, tool: ToolInfo, createdAt: Date,
                settings: ProfileSettings, pages: [PageProfile]) {
        self.schemaVersion = schemaVersion; self.tool = tool; self.createdAt = createdAt
        self.settings = settings; self.pages = pages
    }
}

public struct ToolInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    /// The fetch library and its features, e.g. "libcurl/7.88.1 OpenSSL/3.0 brotli zstd nghttp2".
    public var engine: String

    public init(name: String, version: String, engine: String) {
        self.name = name; self.version = version; self.engine = engine
    }
}

/// The settings a profile was measured with, so that two profiles can be compared knowingly.
public struct ProfileSettings: Codable, Sendable, Equatable {
    public var userAgent: String
    public var acceptEncoding: String
    public var viewportWidth: Int
    public var runs: Int
    public var maxConnectionsPerHost: Int
    public var httpVersion: String
    public var connectTimeoutMs: Int
    public var requestTimeoutMs: Int
    public var pageTimeoutMs: Int
    public var maxBodyBytes: Int
    public var maxRedirects: Int
    public var maxFrameDepth: Int
    public var tlsVerification: Bool

    public init(userAgent: String, acceptEncoding: String, viewportWidth: Int, runs: Int, maxConnectionsPerHost: Int,
                httpVersion: String, connectTimeoutMs: Int, requestTimeoutMs: Int, pageTimeoutMs: Int,
                maxBodyBytes: Int, maxRedirects: Int, maxFrameDepth: Int, tlsVerification: Bool) {
        self.userAgent = userAgent; self.acceptEncoding = acceptEncoding; self.viewportWidth = viewportWidth
        self.runs = runs; self.maxConnectionsPerHost = maxConnectionsPerHost; self.httpVersion = httpVersion
        self.connectTimeoutMs = connectTimeoutMs; self.requestTimeoutMs = requestTimeoutMs
        self.pageTimeoutMs = pageTimeoutMs; self.maxBodyBytes = maxBodyBytes; self.maxRedirects = maxRedirects
        self.maxFrameDepth = maxFrameDepth; self.tlsVerification = tlsVerification
    }
}

/// A page as profiled over one or more cold-cache runs.
public struct PageProfile: Codable, Sendable, Equatable {
    /// The URL as the user gave it.
    public var url: String
    public var runs: [PageRun]
    /// Median and spread of every figure across `runs`.
    public var summary: PageSummary

    public init(url: String, runs: [PageRun], summary: PageSummary) {
        self.url = url; self.runs = runs; self.summary = summary
    }
}

public struct PageSummary: Codable, Sendable, Equatable {
    public var requests: Stat
    public var transferBytes: Stat
    public var decodedBytes: Stat
    public var domElements: Stat?
    public var durationMs: Stat
    /// EcoIndex of the medians (not the median of the scores), as a single reference figure.
    public var ecoindex: EcoIndexResult?

    public init(requests: Stat, transferBytes: Stat, decodedBytes: Stat, domElements: Stat?, durationMs: Stat,
                ecoindex: EcoIndexResult? = nil) {
        self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
        self.domElements = domElements; self.durationMs = durationMs; self.ecoindex = ecoindex
    }
}

/// A figure over repeated runs: median, range and coefficient of variation (stddev / mean, 0 for one run).
public struct Stat: Codable, Sendable, Equatable {
    public var median: Double
    public var min: Double
    public var max: Double
    public var cv: Double
    public var n: Int

    public init(median: Double, min: Double, max: Double, cv: Double, n: Int) {
        self.median = median; self.min = min; self.max = max; self.cv = cv; self.n = n
    }
}
