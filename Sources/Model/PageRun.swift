import Foundation

/// One load of one page with a cold cache: every request it made and what its document held.
public struct PageRun: Codable, Sendable, Equatable {
    public var startedAt: Date
    /// Wall time from the first request to the end of the last one.
    public var durationMs: Double
    /// URL of the document after redirects.
    public var finalURL: String
    public var title: String?
    /// Elements of the top document by the EcoIndex definition; nil when no HTML document was loaded.
    public var domElements: Int?
    public var requests: [RequestRecord]
    public var totals: PageTotals
    /// What the page referenced but was not requested, and why (host not allowed, frame too deep).
    public var skipped: [SkippedResource]
    /// Resources a browser would take from its cache without asking (fresh), in journeys with a warm cache.
    public var cacheHits: [CacheHit]
    public var ecoindex: EcoIndexResult?
    /// CPU the app's server burned for this load, when a server meter was attached.
    public var server: ServerUsage?
    /// CPU time of Ecoscore itself (user + system) during this load, in milliseconds.
    public var clientCPUms: Double?
    /// Outcome of the step's assertions (journeys); empty for plain page loads.
    public var assertions: [AssertionResult]
    /// Set when the page itself could not be loaded (its document failed); subresource failures live on requests.
    public var error: RequestError?

    public init(startedAt: Date, durationMs: Double, finalURL: String, title: String? = nil, domElements: Int?,
                requests: [RequestRecord], totals: PageTotals, skipped: [SkippedResource] = [],
                cacheHits: [CacheHit] = [],
                ecoindex: EcoIndexResult? = nil, server: ServerUsage? = nil, clientCPUms: Double? = nil,
                assertions: [AssertionResult] = [], error: RequestError? = nil) {
        self.startedAt = startedAt; self.durationMs = durationMs; self.finalURL = finalURL; self.title = title
        self.domElements = domElements; self.requests = requests; self.totals = totals; self.skipped = skipped
        self.cacheHits = cacheHits
        self.ecoindex = ecoindex; self.server = server; self.clientCPUms = clientCPUms
        self.assertions = assertions; self.error = error
    }
}

public struct SkippedResource: Codable, Sendable, Equatable {
    public var url: String
    public var resourceType: ResourceType
    public var initiator: String?
    public var reason: String

    public init(url: String, resourceType: ResourceType, initiator: String?, reason: String) {
        self.url = url; self.resourceType = resourceType; self.initiator = initiator; self.reason = reason
    }
}

public struct CacheHit: Codable, Sendable, Equatable {
    public var url: String
    public var resourceType: ResourceType
    public var initiator: String?
    /// Size of the cached body, decoded.
    public var decodedBytes: Int

    public init(url: String, resourceType: ResourceType, initiator: String?, decodedBytes: Int) {
        self.url = url; self.resourceType = resourceType; self.initiator = initiator; self.decodedBytes = decodedBytes
    }
}

/// Sums over a run's requests.
public struct PageTotals: Codable, Sendable, Equatable {
    public var requests: Int
    public var transferBytes: Int
    public var decodedBytes: Int
    public var failedRequests: Int
    public var redirects: Int
    public var byType: [String: Tally]
    public var byDomain: [String: Tally]

    public init(requests: Int, transferBytes: Int, decodedBytes: Int, failedRequests: Int, redirects: Int,
                byType: [String: Tally], byDomain: [String: Tally]) {
        self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
        self.failedRequests = failedRequests; self.redirects = redirects; self.byType = byType
        self.byDomain = byDomain
    }
}

public struct Tally: Codable, Sendable, Equatable {
    public var requests: Int
    public var transferBytes: Int
    public var decodedBytes: Int

    public init(requests: Int = 0, transferBytes: Int = 0, decodedBytes: Int = 0) {
        self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
    }
}

/// EcoIndex of one page load, with the three inputs it was computed from.
public struct EcoIndexResult: Codable, Sendable, Equatable {
    public var score: Int
    public var grade: String
    /// gCO2e per page view, as the EcoIndex model estimates it.
    public var ghg: Double
    /// Centilitres of water per page view.
    public var water: Double
    public var domElements: Int
    public var requests: Int
    public var sizeKB: Double

    public init(score: Int, grade: String, ghg: Double, water: Double, domElements: Int, requests: Int, sizeKB: Double) {
        self.score = score; self.grade = grade; self.ghg = ghg; self.water = water
        self.domElements = domElements; self.requests = requests; self.sizeKB = sizeKB
    }
}

/// What a server meter saw while one page or step loaded.
public struct ServerUsage: Codable, Sendable, Equatable {
    /// User + system CPU of the app's processes over the load, before the baseline is taken off.
    public var cpuMs: Double
    /// The idle baseline's CPU over the same duration.
    public var baselineMs: Double
    /// `cpuMs − baselineMs`, floored at 0: what the load itself cost the server.
    public var netCPUms: Double
    /// Peak resident memory of the app's processes seen so far, in bytes; nil when the source cannot tell.
    public var peakRSSBytes: Int?

    public init(cpuMs: Double, baselineMs: Double, netCPUms: Double, peakRSSBytes: Int?) {
        self.cpuMs = cpuMs; self.baselineMs = baselineMs; self.netCPUms = netCPUms; self.peakRSSBytes = peakRSSBytes
    }
}

/// One assertion of a journey step and whether it held.
public struct AssertionResult: Codable, Sendable, Equatable {
    /// e.g. "status 200", "text \"Welcome\"".
    public var expectation: String
    public var passed: Bool
    public var message: String?

    public init(expectation: String, passed: Bool, message: String? = nil) {
        self.expectation = expectation; self.passed = passed; self.message = message
    }
}
