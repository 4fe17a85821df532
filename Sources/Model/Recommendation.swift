/// Level of a best-practice check, as GreenIT-Analysis grades its rules: A good, B to improve, C bad.
public enum CheckLevel: String, Codable, Sendable, Comparable, CaseIterable {
    case A, B, C

    /// A < B < C: a greater level is a worse one.
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A text in the two languages reports are written in.
public struct CheckText: Codable, Sendable, Equatable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) { self.fr = fr; self.en = en }
}

/// How a measured value maps to a level: `value <worseWhen> b` gives B, `value <worseWhen> c` gives C
/// (C is tested first); otherwise A. `b` is nil when the rule has no B band ("any → C").
public struct CheckThreshold: Codable, Sendable, Equatable {
    public enum Comparison: String, Codable, Sendable {
        /// Worse when the value is strictly above the bound.
        case above
        /// Worse when the value is at or above the bound.
        case atLeast
        /// Worse when the value is strictly below the bound.
        case below
        /// Worse when the value is at or below the bound.
        case atMost
    }

    public var worseWhen: Comparison
    public var b: Double?
    public var c: Double
    /// Unit of the bounds and of the measured value: "count", "bytes" or "percent".
    public var unit: String
    /// Where the bounds come from: "greenit-extension", "greenit-cli" or "ours".
    public var origin: String
    /// The rule as its source states it, or our reasoning (from the model file).
    public var source: String

    public init(worseWhen: Comparison, b: Double?, c: Double, unit: String, origin: String, source: String) {
        self.worseWhen = worseWhen; self.b = b; self.c = c; self.unit = unit; self.origin = origin
        self.source = source
    }
}

/// A request a check holds against the page, with what fixing it would save.
public struct OffendingRequest: Codable, Sendable, Equatable {
    public var url: String
    /// Index of the page (or journey step) in `Profile.pages` whose load made the request.
    public var page: Int
    /// What the response cost on the wire (header + encoded body bytes).
    public var transferBytes: Int
    /// The part of the check's estimated saving this request accounts for.
    public var estimatedSavingBytes: Int
    /// Why it offends: a header value, a content type, a status, a redirect target, with words in English.
    public var detail: String
    /// `detail` in French and English; nil on cards written before it was added (readers then show `detail`).
    public var detailText: Bilingual?

    public init(url: String, page: Int, transferBytes: Int, estimatedSavingBytes: Int, detail: String,
                detailText: Bilingual? = nil) {
        self.url = url; self.page = page; self.transferBytes = transferBytes
        self.estimatedSavingBytes = estimatedSavingBytes; self.detail = detail; self.detailText = detailText
    }
}

/// One best-practice check evaluated on one page (or journey step).
public struct CheckResult: Codable, Sendable, Equatable {
    /// Stable identifier of the check, e.g. "compression", "cache-headers", "redirects".
    public var id: String
    public var title: CheckText
    public var level: CheckLevel
    /// Index of the page in `Profile.pages`, its URL as given and its step name (journeys).
    public var page: Int
    public var pageURL: String
    public var pageName: String?
    /// Which run of the page was checked (index in `PageProfile.runs`).
    public var run: Int
    /// The value the threshold applies to, in `threshold.unit`.
    public var measured: Double
    public var threshold: CheckThreshold
    public var offendingRequests: [OffendingRequest]
    /// Estimated saving per view of this page if every offending request were fixed.
    public var estimatedSavingBytes: Int
    public var estimatedSavingRequests: Int
    /// Redirect chains, each from the first URL asked for to the URL finally served (redirect check only).
    public var chains: [[String]]?

    public init(id: String, title: CheckText, level: CheckLevel, page: Int, pageURL: String, pageName: String?,
                run: Int, measured: Double, threshold: CheckThreshold, offendingRequests: [OffendingRequest],
                estimatedSavingBytes: Int, estimatedSavingRequests: Int, chains: [[String]]? = nil) {
        self.id = id; self.title = title; self.level = level; self.page = page; self.pageURL = pageURL
        self.pageName = pageName; self.run = run; self.measured = measured; self.threshold = threshold
        self.offendingRequests = offendingRequests; self.estimatedSavingBytes = estimatedSavingBytes
        self.estimatedSavingRequests = estimatedSavingRequests; self.chains = chains
    }
}

/// When a saving is realised.
public enum SavingBasis: String, Codable, Sendable {
    /// On every view, the first one included.
    case everyView
    /// On views after the first, when the browser could have reused what it fetched (caching).
    case repeatView
}

/// What to change, why, what it saves per view and which requests it concerns. Built from the checks that
/// are not at level A, one recommendation per check over all the pages of a profile.
public struct Recommendation: Codable, Sendable, Equatable {
    /// The check it comes from, e.g. "compression".
    public var id: String
    /// 1 for the largest estimated saving.
    public var rank: Int
    public var title: CheckText
    public var why: CheckText
    /// Worst level of the check over the pages.
    public var level: CheckLevel
    /// Pages (indices in `Profile.pages`) where the check is not at level A.
    public var pages: [Int]
    /// Per view of the profile: one view of each page, which for a journey is one pass through its steps.
    public var estimatedSavingBytes: Int
    public var estimatedSavingRequests: Int
    /// `estimatedSavingBytes` × the model's kWh per GB (Sustainable Web Design v4: 0.3 kWh/GB), in Wh.
    public var estimatedSavingWh: Double
    public var savingBasis: SavingBasis
    public var offendingRequests: [OffendingRequest]
    /// Redirect chains named in full (redirect recommendation only).
    public var chains: [[String]]?

    public init(id: String, rank: Int, title: CheckText, why: CheckText, level: CheckLevel, pages: [Int],
                estimatedSavingBytes: Int, estimatedSavingRequests: Int, estimatedSavingWh: Double,
                savingBasis: SavingBasis, offendingRequests: [OffendingRequest], chains: [[String]]? = nil) {
        self.id = id; self.rank = rank; self.title = title; self.why = why; self.level = level; self.pages = pages
        self.estimatedSavingBytes = estimatedSavingBytes; self.estimatedSavingRequests = estimatedSavingRequests
        self.estimatedSavingWh = estimatedSavingWh; self.savingBasis = savingBasis
        self.offendingRequests = offendingRequests; self.chains = chains
    }
}
