import Foundation

/// A text in French and English. Grids carry both; the report picks one.
public struct Bilingual: Codable, Sendable, Equatable, Hashable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) { self.fr = fr; self.en = en }

    /// The text in `language` ("fr" or "en"; anything else is English).
    public func text(_ language: String) -> String { language == "fr" ? fr : en }
}

/// The scoring stage's artifact: a profile interpreted through one grid (and the team's declared answers).
/// Versioned like `Profile`; every figure carries what it was computed from.
public struct ScoreCard: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The Ecoscore that scored.
    public var tool: ToolInfo
    public var createdAt: Date
    public var grid: ScoreCardGrid
    /// Exact versions of the models and tables used (EcoIndex tables, display-time model, energy constants…).
    public var models: [ModelVersion]
    /// What was scored; nil for a grid answered without a profile (declared criteria only).
    public var profile: ProfileDigest?
    /// The answers file, when one was given.
    public var answers: AnswersDigest?
    public var families: [FamilyScore]
    public var total: ScoreTotal
    /// Letter of the grid's own grade scale; nil when the grid has none (RGESN has no official grade).
    public var grade: String?
    /// Ids of the criteria nobody answered (and no measurement could pre-fill).
    public var unanswered: [String]
    /// Ids of the criteria whose declared answer contradicts the measurement.
    public var flagged: [String]
    /// Per-step results when the grid has criteria measured per step (the app-referencing journey score).
    public var journey: JourneyScore?
    /// EcoIndex of each page or step, as a companion figure (not part of the grid's score).
    public var ecoindex: [PageEcoIndex]
    /// What was measured on each page or step: spread over runs, bytes by type and domain, every request.
    public var steps: [StepMeasures]
    /// Footprint of one view of every step (one pass through the journey): energy, gCO2e, water.
    public var footprint: FootprintResult?
    /// The hospital-IS inventory, when one was given.
    public var inventory: InventoryResult?
    /// Best-practice recommendations for the profile, ranked by estimated saving.
    public var recommendations: [Recommendation]
    /// Facts a reader should know: models missing, figures not measured, assumptions. In English, for machines
    /// and readers of cards written before `notesText`.
    public var notes: [String]
    /// The same notes in French and English, one for one with `notes`; nil on cards written before it was added
    /// (readers then show `notes`).
    public var notesText: [Bilingual]?

    public init(schemaVersion: Int = ScoreCard.currentSchemaVersion, tool: ToolInfo, createdAt: Date,
                grid: ScoreCardGrid, models: [ModelVersion], profile: ProfileDigest?, answers: AnswersDigest?,
                families: [FamilyScore], total: ScoreTotal, grade: String?, unanswered: [String], flagged: [String],
                journey: JourneyScore?, ecoindex: [PageEcoIndex], steps: [StepMeasures] = [], footprint: FootprintResult? = nil,
                inventory: InventoryResult? = nil, recommendations: [Recommendation] = [], notes: [String],
                notesText: [Bilingual]? = nil) {
        self.schemaVersion = schemaVersion; self.tool = tool; self.createdAt = createdAt; self.grid = grid
        self.models = models; self.profile = profile; self.answers = answers; self.families = families
        self.total = total; self.grade = grade; self.unanswered = unanswered; self.flagged = flagged
        self.journey = journey; self.ecoindex = ecoindex; self.steps = steps; self.footprint = footprint; self.inventory = inventory
        self.recommendations = recommendations; self.notes = notes; self.notesText = notesText
    }
}

/// The grid a score card was computed with.
public struct ScoreCardGrid: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
    public var title: Bilingual
    public var source: String
    public var licence: String
    /// Which parts of the grid are official and which are Ecoscore's own.
    public var official: Bilingual
    /// The file the grid was read from when it is not the bundled one (`--grid-file`).
    public var file: String?
    public var bundled: Bool
    /// The grid's grade scale, best first.
    public var grades: [GradeBound]

    public init(id: String, version: String, title: Bilingual, source: String, licence: String, official: Bilingual,
                file: String?, bundled: Bool, grades: [GradeBound]) {
        self.id = id; self.version = version; self.title = title; self.source = source; self.licence = licence
        self.official = official; self.file = file; self.bundled = bundled; self.grades = grades
    }
}

/// One letter of a grade scale: the letter applies from `min` percent up (inclusive).
public struct GradeBound: Codable, Sendable, Equatable {
    public var grade: String
    public var min: Double

    public init(grade: String, min: Double) { self.grade = grade; self.min = min }
}

/// A model, table or constant set used to score, with its exact version and source.
public struct ModelVersion: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
    public var source: String
    /// What was chosen in it, e.g. "network profile 4g".
    public var detail: String?

    public init(id: String, version: String, source: String, detail: String? = nil) {
        self.id = id; self.version = version; self.source = source; self.detail = detail
    }
}

/// The source profile, in brief.
public struct ProfileDigest: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var createdAt: Date
    /// "live" or "har".
    public var source: String
    public var journeyName: String?
    public var runs: Int
    public var steps: [StepRef]
    /// Server meter source ("cgroup-v2", "process-tree"…) when the app's CPU was metered.
    public var meter: String?
    /// Why the profile is incomplete (interrupted run), when it is.
    public var incomplete: String?

    public init(schemaVersion: Int, tool: ToolInfo, createdAt: Date, source: String, journeyName: String?, runs: Int,
                steps: [StepRef], meter: String?, incomplete: String? = nil) {
        self.schemaVersion = schemaVersion; self.tool = tool; self.createdAt = createdAt; self.source = source
        self.journeyName = journeyName; self.runs = runs; self.steps = steps; self.meter = meter
        self.incomplete = incomplete
    }
}

/// A page or journey step, by position.
public struct StepRef: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    public var url: String

    public init(index: Int, name: String?, url: String) { self.index = index; self.name = name; self.url = url }
}

public struct AnswersDigest: Codable, Sendable, Equatable {
    public var file: String?
    public var grid: String
    /// Criteria with a declared answer.
    public var answered: Int

    public init(file: String?, grid: String, answered: Int) { self.file = file; self.grid = grid; self.answered = answered }
}

/// Points and maximum; `percent` is nil when nothing counted (max 0).
public struct ScoreTotal: Codable, Sendable, Equatable {
    public var points: Double
    public var max: Double
    public var percent: Double?

    public init(points: Double, max: Double, percent: Double?) { self.points = points; self.max = max; self.percent = percent }
}

public struct FamilyScore: Codable, Sendable, Equatable {
    public var id: String
    public var title: Bilingual
    public var weight: Double
    /// Weighted points of the criteria that count, and their weighted maximum.
    public var total: ScoreTotal
    public var criteria: [CriterionScore]

    public init(id: String, title: Bilingual, weight: Double, total: ScoreTotal, criteria: [CriterionScore]) {
        self.id = id; self.title = title; self.weight = weight; self.total = total; self.criteria = criteria
    }
}

public enum CriterionKind: String, Codable, Sendable {
    /// From a metric of the profile and thresholds.
    case measured
    /// From a team's answer (possibly pre-filled from a measurement).
    case declared
}

public enum CriterionStatus: String, Codable, Sendable {
    /// Counted with its points.
    case scored
    /// Nobody answered and no measurement could decide: counted as 0 or left out, as the grid says.
    case unanswered
    /// Answered (or measured) "not applicable": left out of the maximum.
    case notApplicable
    /// The metric could not be computed from the profile (e.g. server CPU not metered): left out, shown.
    case unmeasured
    /// Declared answer kept and counted, but it contradicts the measurement.
    case flagged
}

/// One criterion's result.
public struct CriterionScore: Codable, Sendable, Equatable {
    public var id: String
    public var title: Bilingual
    public var kind: CriterionKind
    /// The criterion's weight times its family's.
    public var weight: Double
    public var status: CriterionStatus
    /// Weighted points earned; nil when the criterion does not count (unanswered excluded, not applicable, unmeasured).
    public var points: Double?
    /// Weighted maximum; 0 when the criterion does not count.
    public var max: Double
    /// Measured criteria: the metric, its unit and the value that was scored (the mean over steps for step metrics).
    public var metric: String?
    public var unit: String?
    public var measured: Double?
    /// The threshold band that applied, e.g. "≤ 1024000 bytes → 60 / 100", in English.
    public var threshold: String?
    /// `threshold` in French and English; nil on cards written before it was added (readers then show `threshold`).
    public var thresholdText: Bilingual?
    /// Step metrics: value and points of every step.
    public var steps: [StepValue]?
    /// Declared criteria: the team's answer as written.
    public var declared: DeclaredAnswer?
    /// Declared criteria a profile can evidence: what the measurement concludes, with its checks.
    public var prefilled: MeasuredAnswer?
    /// The answer that was counted ("declared" or "measured"), when there is one.
    public var answer: String?
    public var answerSource: String?
    /// Why the status is what it is (contradiction, metric missing…), in English.
    public var note: String?
    /// `note` in French and English; nil on cards written before it was added (readers then show `note`).
    public var noteText: Bilingual?

    public init(id: String, title: Bilingual, kind: CriterionKind, weight: Double, status: CriterionStatus,
                points: Double?, max: Double, metric: String? = nil, unit: String? = nil, measured: Double? = nil,
                threshold: String? = nil, steps: [StepValue]? = nil, declared: DeclaredAnswer? = nil,
                prefilled: MeasuredAnswer? = nil, answer: String? = nil, answerSource: String? = nil,
                note: String? = nil, noteText: Bilingual? = nil, thresholdText: Bilingual? = nil) {
        self.id = id; self.title = title; self.kind = kind; self.weight = weight; self.status = status
        self.points = points; self.max = max; self.metric = metric; self.unit = unit; self.measured = measured
        self.threshold = threshold; self.steps = steps; self.declared = declared; self.prefilled = prefilled
        self.answer = answer; self.answerSource = answerSource; self.note = note; self.noteText = noteText
        self.thresholdText = thresholdText
    }
}

/// A step metric's value at one step and the points it earned there (unweighted, out of the criterion's scale).
public struct StepValue: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    public var value: Double?
    public var points: Double?
    public var outOf: Double
    /// The band the step's value fell in, e.g. "≤ 1024000 bytes", in English.
    public var threshold: String?
    /// `threshold` in French and English; nil on cards written before it was added (readers then show `threshold`).
    public var thresholdText: Bilingual?

    public init(index: Int, name: String?, value: Double?, points: Double?, outOf: Double, threshold: String?,
                thresholdText: Bilingual? = nil) {
        self.index = index; self.name = name; self.value = value; self.points = points; self.outOf = outOf
        self.threshold = threshold; self.thresholdText = thresholdText
    }
}

/// A team's answer to a declared criterion, as written in the answers file.
public struct DeclaredAnswer: Codable, Sendable, Equatable {
    public var answer: String
    public var comment: String?
    /// Line of the answer in the answers file.
    public var line: Int?

    public init(answer: String, comment: String? = nil, line: Int? = nil) {
        self.answer = answer; self.comment = comment; self.line = line
    }
}

/// What the measurement says about a declared criterion.
public struct MeasuredAnswer: Codable, Sendable, Equatable {
    /// The answer the measurement supports; nil when it cannot decide (it only evidences part of the criterion).
    public var answer: String?
    public var checks: [Evidence]
    /// What the measurement cannot see, for the reader, in English.
    public var note: String?
    /// `note` in French and English; nil on cards written before it was added (readers then show `note`).
    public var noteText: Bilingual?

    public init(answer: String?, checks: [Evidence], note: String? = nil, noteText: Bilingual? = nil) {
        self.answer = answer; self.checks = checks; self.note = note; self.noteText = noteText
    }
}

/// One measured value against one threshold, with what it was computed from.
public struct Evidence: Codable, Sendable, Equatable {
    public var metric: String
    public var unit: String
    /// nil when the profile holds nothing the metric applies to (e.g. no raster image).
    public var value: Double?
    /// e.g. "> 0.75".
    public var threshold: String
    public var passed: Bool?
    /// Human summary in English, e.g. "3 of 4 raster images in WebP/AVIF/JPEG XL".
    public var detail: String?
    /// `detail` in French and English; nil on cards written before it was added (readers then show `detail`).
    public var detailText: Bilingual?
    /// The steps the value comes from (the worst step for per-step limits).
    public var steps: [String]
    /// Requests that count against the threshold (the first ones, see `requestsOmitted`).
    public var requests: [EvidenceRequest]
    public var requestsOmitted: Int

    public init(metric: String, unit: String, value: Double?, threshold: String, passed: Bool?, detail: String? = nil,
                detailText: Bilingual? = nil, steps: [String] = [], requests: [EvidenceRequest] = [], requestsOmitted: Int = 0) {
        self.metric = metric; self.unit = unit; self.value = value; self.threshold = threshold; self.passed = passed
        self.detail = detail; self.detailText = detailText; self.steps = steps; self.requests = requests; self.requestsOmitted = requestsOmitted
    }
}

public struct EvidenceRequest: Codable, Sendable, Equatable {
    public var url: String
    public var step: String?
    /// Why it counts, e.g. "text/css 40 312 B sent without Content-Encoding", in English.
    public var detail: String
    /// `detail` in French and English; nil on cards written before it was added (readers then show `detail`).
    public var detailText: Bilingual?

    public init(url: String, step: String?, detail: String, detailText: Bilingual? = nil) {
        self.url = url; self.step = step; self.detail = detail; self.detailText = detailText
    }
}

/// EcoIndex of one page or step (from the median figures), beside the grid's score.
public struct PageEcoIndex: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    public var url: String
    /// nil when the step loaded no HTML document (an API call) or could not be loaded (see `StepMeasures.error`).
    public var ecoindex: EcoIndexResult?

    public init(index: Int, name: String?, url: String, ecoindex: EcoIndexResult?) {
        self.index = index; self.name = name; self.url = url; self.ecoindex = ecoindex
    }
}
