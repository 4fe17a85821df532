import Foundation

/// The profiler's artifact: what was measured, per page and per request. Versioned so that a
/// later Ecoscore can refuse (or migrate) a document it does not understand.
public struct Profile: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    public var createdAt: Date
    public var settings: ProfileSettings
    /// Where the figures come from: "live" (measured by Ecoscore) or "har" (imported from a browser recording).
    public var source: String
    /// Set when the pages are the steps of a user journey, in order.
    public var journey: JourneyInfo?
    /// Set when the app's server CPU was metered.
    public var meter: MeterInfo?
    public var pages: [PageProfile]
    /// Set when the run stopped before every page was measured (interrupted, e.g. by Ctrl-C): says why. The
    /// pages hold what was measured up to then.
    public var incomplete: String?

    public init(schemaVersion: Int = Profile.currentSchemaVersion, tool: ToolInfo, createdAt: Date,
                settings: ProfileSettings, source: String = "live", journey: JourneyInfo? = nil,
                meter: MeterInfo? = nil, pages: [PageProfile], incomplete: String? = nil) {
        self.schemaVersion = schemaVersion; self.tool = tool; self.createdAt = createdAt
        self.settings = settings; self.source = source; self.journey = journey; self.meter = meter
        self.pages = pages; self.incomplete = incomplete
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

public struct JourneyInfo: Codable, Sendable, Equatable {
    public var name: String
    /// "warm": the HTTP cache is kept across the steps of a run, as a browser's; "cold": every step starts empty.
    public var cache: String
    /// Runs measured, not counting the discarded warm-up run.
    public var runs: Int
    public var warmUpRuns: Int

    public init(name: String, cache: String, runs: Int, warmUpRuns: Int) {
        self.name = name; self.cache = cache; self.runs = runs; self.warmUpRuns = warmUpRuns
    }
}

/// How the server's CPU was metered.
public struct MeterInfo: Codable, Sendable, Equatable {
    /// "cgroup-v2", "cgroup-v1", "process-tree" or "not-available".
    public var source: String
    /// What was metered: "launched", "pid", "cgroup".
    public var target: String
    /// Idle CPU of the app, milliseconds per second of wall time, measured before the journey.
    public var baselineMsPerSecond: Double
    /// Why the preferred source was not used, or other facts a reader should know.
    public var notes: [String]

    public init(source: String, target: String, baselineMsPerSecond: Double, notes: [String] = []) {
        self.source = source; self.target = target; self.baselineMsPerSecond = baselineMsPerSecond; self.notes = notes
    }
}

/// A page (or a journey step) as profiled over one or more runs.
public struct PageProfile: Codable, Sendable, Equatable {
    /// The step's name in a journey or a HAR page's title; nil for a plain URL.
    public var name: String?
    /// The URL as the user gave it.
    public var url: String
    public var runs: [PageRun]
    /// Median and spread of every figure across `runs`.
    public var summary: PageSummary

    public init(name: String? = nil, url: String, runs: [PageRun], summary: PageSummary) {
        self.name = name; self.url = url; self.runs = runs; self.summary = summary
    }
}

public struct PageSummary: Codable, Sendable, Equatable {
    public var requests: Stat
    public var transferBytes: Stat
    public var decodedBytes: Stat
    public var domElements: Stat?
    public var durationMs: Stat
    /// Net server CPU per load (ServerUsage.netCPUms), when metered.
    public var serverCPUms: Stat?
    /// EcoIndex of the medians (not the median of the scores), as a single reference figure.
    public var ecoindex: EcoIndexResult?

    public init(requests: Stat, transferBytes: Stat, decodedBytes: Stat, domElements: Stat?, durationMs: Stat,
                serverCPUms: Stat? = nil, ecoindex: EcoIndexResult? = nil) {
        self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
        self.domElements = domElements; self.durationMs = durationMs; self.serverCPUms = serverCPUms
        self.ecoindex = ecoindex
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
