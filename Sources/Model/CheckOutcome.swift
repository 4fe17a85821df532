import Foundation

/// What `ecoscore check` decided about a score card: every budget limit and every figure compared with a
/// baseline, each with its verdict. Reports render it (table, JUnit, Markdown); `--json` prints it as is.
/// The texts are formatted once by the check (units, signs) so every rendering shows the same figures.
public struct CheckOutcome: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// What was checked, in brief: the journey name or the first step's URL.
    public var target: String
    /// The budget file and the baseline (a file path, or "history #ID") when given.
    public var budget: String?
    public var baseline: String?
    /// The baseline rule: a figure regresses when it grows by more than `tolerance` (a fraction, 0.1 = 10 %)
    /// AND by more than `noiseFactor` × the larger spread (max − min over runs) of the two score cards.
    public var tolerance: Double
    public var noiseFactor: Double
    public var results: [CheckedFigure]
    /// Why the target could not be measured (a step without a run, an interrupted profile); empty when it was.
    public var unmeasured: [String]
    /// Facts a reader should know: budget rules that matched no step, Lighthouse timings ignored…
    public var notes: [String]

    public init(schemaVersion: Int = CheckOutcome.currentSchemaVersion, target: String, budget: String?,
                baseline: String?, tolerance: Double, noiseFactor: Double, results: [CheckedFigure],
                unmeasured: [String], notes: [String]) {
        self.schemaVersion = schemaVersion; self.target = target; self.budget = budget; self.baseline = baseline
        self.tolerance = tolerance; self.noiseFactor = noiseFactor; self.results = results
        self.unmeasured = unmeasured; self.notes = notes
    }

    public var failures: [CheckedFigure] { results.filter { !$0.passed } }

    public var verdict: CheckVerdict {
        if !unmeasured.isEmpty { return .unmeasured }
        return results.allSatisfy(\.passed) ? .passed : .failed
    }
}

public enum CheckVerdict: String, Codable, Sendable {
    case passed, failed
    /// The score card says the target could not be measured: nothing was compared.
    case unmeasured
}

/// Where a result's reference came from.
public enum CheckKind: String, Codable, Sendable {
    /// A limit of the budget file.
    case budget
    /// The same figure in the baseline score card.
    case baseline
}

/// One limit, or one figure compared with the baseline.
public struct CheckedFigure: Codable, Sendable, Equatable {
    public var kind: CheckKind
    /// Budget metric name (`transferBytes`, `resourceSizes.script`, `minGrade`…).
    public var metric: String
    /// "B", "requests", "elements", "ms", "Wh", "%", "points", "grade".
    public var unit: String
    /// The step's name (or URL when it has none); nil for the whole journey.
    public var step: String?
    public var stepIndex: Int?
    /// The limit (budget) or the baseline's figure; nil for a text figure such as a grade.
    public var reference: Double?
    /// The figure in the checked score card; nil when it was not measured.
    public var value: Double?
    /// value − reference, and relative to the reference (0.2 = +20 %); nil when either is missing.
    public var delta: Double?
    public var deltaRatio: Double?
    public var passed: Bool
    /// Formatted for people: "≤ 200.0 kB", "baseline 5.2 kB", "312.4 kB", "+307.2 kB (+5 900 %)".
    public var referenceText: String
    public var valueText: String
    public var deltaText: String
    /// One sentence: why it passed or failed.
    public var message: String
    /// What grew (new requests, heavier requests) or what counts against the limit, one line each.
    public var details: [String]
    /// The budget file and line the limit comes from.
    public var source: String?

    public init(kind: CheckKind, metric: String, unit: String, step: String?, stepIndex: Int?, reference: Double?,
                value: Double?, delta: Double?, deltaRatio: Double?, passed: Bool, referenceText: String,
                valueText: String, deltaText: String, message: String, details: [String] = [], source: String? = nil) {
        self.kind = kind; self.metric = metric; self.unit = unit; self.step = step; self.stepIndex = stepIndex
        self.reference = reference; self.value = value; self.delta = delta; self.deltaRatio = deltaRatio
        self.passed = passed; self.referenceText = referenceText; self.valueText = valueText
        self.deltaText = deltaText; self.message = message; self.details = details; self.source = source
    }
}
