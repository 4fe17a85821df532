import Foundation
import Model

/// A scoring grid as written in `Scoring/grids/*.yaml`: families of criteria, each either measured (a metric of
/// the catalogue and threshold bands → points) or declared (a question with allowed answers → points, optionally
/// pre-filled from measurements). Every threshold, weight and text is data; see `Scoring/grids/README.md`.
public struct Grid: Codable, Sendable {
    /// Version of the grid file format (this code reads format 1).
    public var format: Int?
    public var id: String
    public var version: String
    public var title: Bilingual
    public var description: Bilingual?
    public var source: String
    public var licence: String
    /// Which parts are official and which are Ecoscore's own.
    public var official: Bilingual
    public var parameters: GridParameters?
    public var scoring: ScoringRules?
    /// Letter bands of the total percent, best first; absent when the grid has no grade.
    public var grades: [GradeBand]?
    /// Named lists of allowed answers, shared by declared criteria.
    public var answerSets: [String: [AnswerOption]]?
    public var families: [Family]

    public static let supportedFormat = 1
}

public struct GridParameters: Codable, Sendable {
    /// Reference connection profile of `models/display-time.yaml` for `step.displayTimeMs`.
    public var network: String?
    /// Definitions the request-level metrics need (what is compressible, static, a modern image…).
    public var metrics: MetricParameters?
}

public struct MetricParameters: Codable, Sendable {
    public var compression: Compression?
    public var cache: Cache?
    public var images: Images?
    public var protocols: Protocols?
    public var staticResources: StaticResources?

    public struct Compression: Codable, Sendable {
        /// Decoded size from which a compressible response must be compressed.
        public var minBytes: Double
        /// Content-Encoding values that count as compressed.
        public var encodings: [String]
        /// Content types that are compressible: prefixes ("text/") or exact types.
        public var compressibleTypes: [String]
    }

    public struct Cache: Codable, Sendable {
        /// Resource types whose responses should be cacheable.
        public var staticTypes: [String]
    }

    public struct Images: Codable, Sendable {
        /// Raster formats that count as efficient.
        public var modernTypes: [String]
        /// File extensions standing for those types when the response had no Content-Type.
        public var modernExtensions: [String]
        /// Image types that are not raster images (vector, icons), left out.
        public var excludedTypes: [String]
        public var excludedExtensions: [String]
    }

    public struct Protocols: Codable, Sendable {
        /// `httpVersion` values that multiplex requests on one connection.
        public var multiplexed: [String]
    }

    public struct StaticResources: Codable, Sendable {
        /// Resource types that are static resources (for `static.domains`).
        public var types: [String]
    }
}

public struct ScoringRules: Codable, Sendable {
    /// How unanswered declared criteria count: `zero` (in the maximum with 0 points, as "à évaluer" in the
    /// RGESN formula) or `exclude` (left out of the maximum). Either way they are listed.
    public var unanswered: UnansweredPolicy?
}

public enum UnansweredPolicy: String, Codable, Sendable { case zero, exclude }

public struct GradeBand: Codable, Sendable {
    public var grade: String
    /// The grade applies from this percent up (inclusive).
    public var min: Double
    public var basis: String?
}

public struct Family: Codable, Sendable {
    public var id: String
    public var title: Bilingual
    public var weight: Double?
    public var criteria: [Criterion]
}

public enum CriterionKindField: String, Codable, Sendable { case measured, declared }

public enum Direction: String, Codable, Sendable, CaseIterable {
    case lowerIsBetter = "lower-is-better"
    case higherIsBetter = "higher-is-better"
}

/// How a step metric's per-step points become the criterion's points.
public enum StepAggregate: String, Codable, Sendable, CaseIterable {
    /// Mean of the steps' points (the app-referencing journey score).
    case mean
    /// The worst step's points.
    case worst
}

public struct Criterion: Codable, Sendable {
    public var id: String
    /// For declared criteria, the question.
    public var title: Bilingual
    public var kind: CriterionKindField
    public var weight: Double?
    // measured
    public var metric: String?
    public var direction: Direction?
    public var aggregate: StepAggregate?
    public var thresholds: [Band]?
    // declared
    public var help: Help?
    /// Official metadata kept verbatim (priority, difficulty, target, roles…).
    public var meta: [String: String]?
    public var answers: AnswerChoice?
    public var evidence: EvidenceRule?
}

/// A threshold band. Lower is better: `from < v ≤ to`; higher is better: `from ≤ v < to`. Bands are listed by
/// ascending values and must be contiguous: the first has no `from`, the last no `to`.
public struct Band: Codable, Sendable, Equatable {
    public var from: Double?
    public var to: Double?
    public var points: Double
    /// Why this bound (the published figure it is anchored on).
    public var basis: String?
}

/// A text that must exist in French and may exist in English (official help texts are French only).
public struct FrenchText: Codable, Sendable {
    public var fr: String
    public var en: String?
}

public struct Help: Codable, Sendable {
    public var objective: FrenchText?
    public var implementation: FrenchText?
    public var check: FrenchText?
    public var applicability: FrenchText?
}

public struct AnswerOption: Codable, Sendable {
    public var id: String
    public var label: Bilingual
    /// Points of this answer (unweighted); absent for "not applicable".
    public var points: Double?
    /// The criterion does not apply: left out of the maximum.
    public var notApplicable: Bool?
    /// "To be evaluated": counts with its points but a measurement may decide in its place.
    public var undetermined: Bool?
    /// Other spellings accepted in answers files.
    public var aliases: [String]?
}

/// A declared criterion's answers: a named set of the grid or an inline list.
public enum AnswerChoice: Codable, Sendable {
    case set(String)
    case inline([AnswerOption])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
            self = .set(name)
        } else {
            self = .inline(try container.decode([AnswerOption].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .set(let name): try container.encode(name)
        case .inline(let options): try container.encode(options)
        }
    }
}

/// How a profile evidences a declared criterion: checks of metrics against limits, combined, and the answer
/// each outcome supports.
public struct EvidenceRule: Codable, Sendable {
    public var combine: Combine?
    public var checks: [EvidenceCheckRule]
    /// Answer when the checks pass; absent when passing does not decide (the criterion asks more than is measured).
    public var onPass: String?
    /// Answer when they fail.
    public var onFail: String?
    /// Answer when no check can be computed (nothing in the profile the metric applies to).
    public var whenUndefined: String?
    /// What the measurement cannot see.
    public var note: Bilingual?

    public enum Combine: String, Codable, Sendable { case all, any }
}

public struct EvidenceCheckRule: Codable, Sendable {
    public var metric: String
    /// One of <, <=, >, >=.
    public var op: String
    public var value: Double
    public var basis: String?
}

extension Grid {
    public var allCriteria: [(family: Family, criterion: Criterion)] {
        families.flatMap { f in f.criteria.map { (f, $0) } }
    }

    public func criterion(_ id: String) -> Criterion? {
        for f in families { if let c = f.criteria.first(where: { $0.id == id }) { return c } }
        return nil
    }

    /// The allowed answers of a declared criterion.
    public func options(for criterion: Criterion) -> [AnswerOption] {
        switch criterion.answers {
        case .set(let name): return answerSets?[name] ?? []
        case .inline(let options): return options
        case nil: return []
        }
    }

    public var unansweredPolicy: UnansweredPolicy { scoring?.unanswered ?? .zero }

    public var gradeBounds: [GradeBound] { (grades ?? []).map { GradeBound(grade: $0.grade, min: $0.min) } }

    /// The grade of a percent: the first band whose `min` it reaches.
    public func grade(for percent: Double?) -> String? {
        guard let percent, let grades, !grades.isEmpty else { return nil }
        return grades.first { percent >= $0.min }?.grade
    }
}

extension Criterion {
    /// Points of the best band (measured) or the best answer (declared, see `Grid.options`).
    func maxPoints(in grid: Grid) -> Double {
        switch kind {
        case .measured: return (thresholds ?? []).map(\.points).max() ?? 0
        case .declared: return grid.options(for: self).compactMap(\.points).max() ?? 0
        }
    }
}

extension AnswerOption {
    /// Whether `text` names this answer: its id, a label or an alias, ignoring case and surrounding spaces.
    func matches(_ text: String) -> Bool {
        let t = AnswerOption.normalize(text)
        return ([id, label.fr, label.en] + (aliases ?? [])).contains { AnswerOption.normalize($0) == t }
    }

    static func normalize(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
