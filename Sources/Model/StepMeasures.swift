/// What was measured on one page or journey step, as a report or a budget check reads it: the spread of the main
/// figures over the runs, and the breakdowns of one representative run (the run whose transfer bytes are nearest
/// the median, so that its requests add up to the figure the report shows).
public struct StepMeasures: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    /// The URL as given (journey step or command line).
    public var url: String
    /// The representative run's document URL after redirects, and its title — both come from the target.
    public var finalURL: String?
    public var title: String?
    /// Index in the page's runs of the representative run; nil when the page has no run.
    public var run: Int?
    public var requests: Stat
    public var transferBytes: Stat
    public var decodedBytes: Stat
    public var domElements: Stat?
    public var durationMs: Stat
    /// Net server CPU per view, when the app's server was metered.
    public var serverCPUms: Stat?
    public var failedRequests: Int
    public var redirects: Int
    /// References not requested (host not allowed, frame too deep).
    public var skipped: Int
    /// By resource type and by domain, heaviest first.
    public var byType: [Breakdown]
    public var byDomain: [Breakdown]
    /// Every request of the representative run, heaviest (transfer bytes) first.
    public var requestList: [RequestBrief]
    /// Why the page itself could not be loaded, when it could not.
    public var error: String?

    public init(index: Int, name: String?, url: String, finalURL: String?, title: String?, run: Int?,
                requests: Stat, transferBytes: Stat, decodedBytes: Stat, domElements: Stat?, durationMs: Stat,
                serverCPUms: Stat?, failedRequests: Int, redirects: Int, skipped: Int, byType: [Breakdown],
                byDomain: [Breakdown], requestList: [RequestBrief], error: String?) {
        self.index = index; self.name = name; self.url = url; self.finalURL = finalURL; self.title = title
        self.run = run; self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
        self.domElements = domElements; self.durationMs = durationMs; self.serverCPUms = serverCPUms
        self.failedRequests = failedRequests; self.redirects = redirects; self.skipped = skipped
        self.byType = byType; self.byDomain = byDomain; self.requestList = requestList; self.error = error
    }
}

/// Requests and bytes of one resource type or one domain.
public struct Breakdown: Codable, Sendable, Equatable {
    /// A `ResourceType` raw value or a host name.
    public var key: String
    public var requests: Int
    public var transferBytes: Int
    public var decodedBytes: Int

    public init(key: String, requests: Int, transferBytes: Int, decodedBytes: Int) {
        self.key = key; self.requests = requests; self.transferBytes = transferBytes; self.decodedBytes = decodedBytes
    }
}

/// One request in brief: what a report lists and what a baseline compares by URL.
public struct RequestBrief: Codable, Sendable, Equatable {
    public var url: String
    public var resourceType: ResourceType
    public var status: Int?
    public var transferBytes: Int
    public var decodedBytes: Int?
    public var contentType: String?
    public var contentEncoding: String?
    public var httpVersion: String?
    public var cacheControl: String?
    /// The failure code and message, when the request failed.
    public var error: String?

    public init(url: String, resourceType: ResourceType, status: Int?, transferBytes: Int, decodedBytes: Int?,
                contentType: String?, contentEncoding: String?, httpVersion: String?, cacheControl: String?,
                error: String?) {
        self.url = url; self.resourceType = resourceType; self.status = status; self.transferBytes = transferBytes
        self.decodedBytes = decodedBytes; self.contentType = contentType; self.contentEncoding = contentEncoding
        self.httpVersion = httpVersion; self.cacheControl = cacheControl; self.error = error
    }
}
