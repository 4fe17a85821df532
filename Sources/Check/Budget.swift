import Model

/// A budget file, read: limits for the whole journey and for the steps its rules select.
public struct Budget: Sendable, Equatable {
    public enum Format: String, Sendable {
        /// Ecoscore's own YAML or JSON (docs/budgets.md).
        case ecoscore
        /// Lighthouse's `budget.json`, taken as is.
        case lighthouse
    }

    /// The path it was read from, as given.
    public var file: String
    public var format: Format
    public var journey: [BudgetLimit]
    public var steps: [StepRule]
    /// Lighthouse applies only the last budget whose path matches a page; Ecoscore applies every matching rule.
    public var lastMatchOnly: Bool
    /// Baseline settings the file carries (the command-line flags win).
    public var tolerance: Double?
    public var noiseFactor: Double?
    /// What was read but is not checked (Lighthouse timings).
    public var notes: [String]

    public init(file: String, format: Format, journey: [BudgetLimit] = [], steps: [StepRule] = [],
                lastMatchOnly: Bool = false, tolerance: Double? = nil, noiseFactor: Double? = nil, notes: [String] = []) {
        self.file = file; self.format = format; self.journey = journey; self.steps = steps
        self.lastMatchOnly = lastMatchOnly; self.tolerance = tolerance; self.noiseFactor = noiseFactor; self.notes = notes
    }
}

/// Limits for the steps a selector picks.
public struct StepRule: Sendable, Equatable {
    public var selector: StepSelector
    public var limits: [BudgetLimit]
    /// Hosts counted as first party for `third-party` (Lighthouse `options.firstPartyHostnames`); nil: the
    /// step's own site.
    public var firstPartyHosts: [String]?
    public var line: Int?

    public init(selector: StepSelector, limits: [BudgetLimit], firstPartyHosts: [String]? = nil, line: Int? = nil) {
        self.selector = selector; self.limits = limits; self.firstPartyHosts = firstPartyHosts; self.line = line
    }
}

/// Which steps a rule applies to: all of them, or those whose name and/or URL path match.
public struct StepSelector: Sendable, Equatable, CustomStringConvertible {
    public var name: NamePattern?
    public var path: PathPattern?

    public init(name: NamePattern? = nil, path: PathPattern? = nil) { self.name = name; self.path = path }

    /// A step without a name never matches a name pattern. The URL is the step's final URL when known.
    public func matches(name stepName: String?, url: String) -> Bool {
        if let name { guard let stepName, name.matches(stepName) else { return false } }
        if let path { guard let p = PathPattern.pathAndQuery(of: url), path.matches(p) else { return false } }
        return true
    }

    public var description: String {
        let parts = [name.map { "name \"\($0)\"" }, path.map { "path \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "every step" : parts.joined(separator: " and ")
    }
}

/// One limit: a figure, a bound, and where it was written.
public struct BudgetLimit: Sendable, Equatable {
    public var figure: BudgetFigure
    public var bound: Bound
    public var line: Int?

    public init(figure: BudgetFigure, bound: Bound, line: Int? = nil) {
        self.figure = figure; self.bound = bound; self.line = line
    }

    public enum Bound: Sendable, Equatable {
        /// The figure must not exceed this.
        case atMost(Double)
        /// The figure must be at least this.
        case atLeast(Double)
        /// The grade must be this letter or a better one on the grid's scale.
        case gradeAtLeast(String)
    }
}

/// What a limit is about.
public enum BudgetFigure: Sendable, Equatable, Hashable {
    case metric(BudgetMetric)
    /// Transfer bytes of a group of requests.
    case resourceSize(ResourceGroup)
    /// Number of requests of a group.
    case resourceCount(ResourceGroup)

    /// The name the budget file and the results use.
    public var name: String {
        switch self {
        case .metric(let m): m.rawValue
        case .resourceSize(let g): "resourceSizes.\(g.name)"
        case .resourceCount(let g): "resourceCounts.\(g.name)"
        }
    }
}

/// The figures a budget names directly.
public enum BudgetMetric: String, CaseIterable, Sendable {
    // Upper limits.
    case requests, transferBytes, decodedBytes, domElements, serverCPUms, energyWh
    // Lower limits.
    case minEcoindex, minScore, minGrade, minJourneyScore

    var isMinimum: Bool { rawValue.hasPrefix("min") }
}

/// A set of requests a resource budget counts: one type (Lighthouse's names), third parties, or all.
public enum ResourceGroup: Sendable, Equatable, Hashable {
    case types(String, Set<ResourceType>)
    case thirdParty
    case total

    public var name: String {
        switch self {
        case .types(let name, _): name
        case .thirdParty: "third-party"
        case .total: "total"
        }
    }

    /// Ecoscore's resource types, `third-party` and `total`. In a Lighthouse file `other` also counts `fetch`,
    /// since Lighthouse files XHR and fetch requests under "other".
    static func named(_ name: String, lighthouse: Bool) -> ResourceGroup? {
        switch name {
        case "third-party": return .thirdParty
        case "total": return .total
        case "other" where lighthouse: return .types("other", [.other, .fetch])
        case "fetch" where lighthouse: return nil
        default: return ResourceType(rawValue: name).map { .types(name, [$0]) }
        }
    }

    static func names(lighthouse: Bool) -> [String] {
        ResourceType.allCases.map(\.rawValue).filter { !lighthouse || $0 != "fetch" } + ["third-party", "total"]
    }
}
