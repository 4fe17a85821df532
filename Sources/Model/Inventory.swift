// The hospital-IS inventory (EvalCarbone SIH / MATURIN-H): the declared equipment, and its annual impacts on the
// five life-cycle criteria. Plain values; the calculation lives in Scoring.

/// A declared inventory: equipment lines and, optionally, measured web applications.
public struct Inventory: Codable, Sendable, Equatable {
    public var name: String?
    /// The file it was read from, named in errors.
    public var file: String
    public var lines: [InventoryLine]
    public var webApps: [WebAppUsage]

    public init(name: String? = nil, file: String, lines: [InventoryLine], webApps: [WebAppUsage] = []) {
        self.name = name; self.file = file; self.lines = lines; self.webApps = webApps
    }
}

/// One equipment line as declared; `nil` fields take the documented defaults.
public struct InventoryLine: Codable, Sendable, Equatable {
    /// Line in the file (CSV: physical line, header = 1; YAML: the line of the item).
    public var line: Int
    public var name: String?
    /// An equipment type of typeEquipement.csv, or one of its aliases (models/inventory.yaml).
    public var type: String
    /// A reference id (`ecran-2`) or a model family of correspondanceRefEquipement.csv.
    public var reference: String?
    public var quantity: Double
    public var lifespanYears: Double?
    public var hoursPerDay: Double?
    /// Country code (`FR`) or name (`France`) of mixelecs.csv.
    public var country: String?
    public var inDataCentre: Bool?
    public var pue: Double?

    public init(line: Int, name: String? = nil, type: String, reference: String? = nil, quantity: Double,
                lifespanYears: Double? = nil, hoursPerDay: Double? = nil, country: String? = nil,
                inDataCentre: Bool? = nil, pue: Double? = nil) {
        self.line = line; self.name = name; self.type = type; self.reference = reference; self.quantity = quantity
        self.lifespanYears = lifespanYears; self.hoursPerDay = hoursPerDay; self.country = country
        self.inDataCentre = inDataCentre; self.pue = pue
    }
}

/// A measured web application as a use-phase line: yearly views × electricity per view × the country's mix.
/// Give `kWhPerView`, or `bytesPerView` (and optionally `serverCPUSecondsPerView`) for the footprint model.
public struct WebAppUsage: Codable, Sendable, Equatable {
    public var line: Int
    public var name: String
    public var viewsPerYear: Double
    public var kWhPerView: Double?
    public var bytesPerView: Double?
    public var serverCPUSecondsPerView: Double?
    public var country: String?

    public init(line: Int = 0, name: String, viewsPerYear: Double, kWhPerView: Double? = nil,
                bytesPerView: Double? = nil, serverCPUSecondsPerView: Double? = nil, country: String? = nil) {
        self.line = line; self.name = name; self.viewsPerYear = viewsPerYear; self.kWhPerView = kWhPerView
        self.bytesPerView = bytesPerView; self.serverCPUSecondsPerView = serverCPUSecondsPerView; self.country = country
    }
}

/// Annual impacts of an inventory: per criterion × life-cycle step, per equipment type, per line; the defaults
/// applied; and Ecoscore's maturity level.
public struct InventoryResult: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var name: String?
    public var file: String
    /// The criteria in the order of criteres.csv, with their units.
    public var criteria: [ImpactCriterion]
    /// The life-cycle steps in the order of etapes.csv.
    public var steps: [LifeCycleStep]
    /// Annual impact of the whole inventory, one entry per criterion.
    public var total: [CriterionImpact]
    public var byType: [TypeImpact]
    public var lines: [LineImpact]
    /// Every default applied, line by line, and the readings of the factor files the figures rely on.
    public var assumptions: [InventoryAssumption]
    /// How the figures are computed, in words.
    public var method: [String]
    public var maturity: InventoryMaturity?
    public var factorsSource: String

    public init(schemaVersion: Int = InventoryResult.currentSchemaVersion, name: String?, file: String,
                criteria: [ImpactCriterion], steps: [LifeCycleStep], total: [CriterionImpact], byType: [TypeImpact],
                lines: [LineImpact], assumptions: [InventoryAssumption], method: [String],
                maturity: InventoryMaturity?, factorsSource: String) {
        self.schemaVersion = schemaVersion; self.name = name; self.file = file; self.criteria = criteria
        self.steps = steps; self.total = total; self.byType = byType; self.lines = lines
        self.assumptions = assumptions; self.method = method; self.maturity = maturity
        self.factorsSource = factorsSource
    }
}

public struct ImpactCriterion: Codable, Sendable, Equatable {
    public var name: String
    public var unit: String

    public init(name: String, unit: String) { self.name = name; self.unit = unit }
}

public struct LifeCycleStep: Codable, Sendable, Equatable {
    /// FABRICATION, DISTRIBUTION, UTILISATION, FIN_DE_VIE
    public var code: String
    public var label: String

    public init(code: String, label: String) { self.code = code; self.label = label }
}

/// Annual impact on one criterion, split by life-cycle step code.
public struct CriterionImpact: Codable, Sendable, Equatable {
    public var criterion: String
    public var unit: String
    public var byStep: [String: Double]
    public var total: Double

    public init(criterion: String, unit: String, byStep: [String: Double]) {
        self.criterion = criterion; self.unit = unit; self.byStep = byStep
        // Summed in key order, so that the same figures always give the same total to the last bit.
        total = byStep.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
    }
}

public struct TypeImpact: Codable, Sendable, Equatable {
    public var type: String
    public var quantity: Double
    public var impacts: [CriterionImpact]

    public init(type: String, quantity: Double, impacts: [CriterionImpact]) {
        self.type = type; self.quantity = quantity; self.impacts = impacts
    }
}

/// One line as computed, with every value used (declared or default).
public struct LineImpact: Codable, Sendable, Equatable {
    /// "equipment" or "webApp".
    public var kind: String
    public var line: Int
    public var name: String?
    public var type: String
    public var reference: String?
    public var quantity: Double
    public var lifespanYears: Double?
    /// The type's default lifespan, for comparison (equipment lines).
    public var defaultLifespanYears: Double?
    public var hoursPerDay: Double?
    public var countryCode: String
    public var inDataCentre: Bool
    public var pue: Double?
    /// Electricity per year of the whole line (quantity, hours and PUE included).
    public var annualKWh: Double
    /// Views per year of a web-app line (its annualKWh ÷ this is its electricity per view); nil for equipment.
    public var viewsPerYear: Double?
    public var impacts: [CriterionImpact]

    public init(kind: String, line: Int, name: String?, type: String, reference: String?, quantity: Double,
                lifespanYears: Double?, defaultLifespanYears: Double?, hoursPerDay: Double?, countryCode: String,
                inDataCentre: Bool, pue: Double?, annualKWh: Double, viewsPerYear: Double? = nil,
                impacts: [CriterionImpact]) {
        self.kind = kind; self.line = line; self.name = name; self.type = type; self.reference = reference
        self.quantity = quantity; self.lifespanYears = lifespanYears; self.defaultLifespanYears = defaultLifespanYears
        self.hoursPerDay = hoursPerDay; self.countryCode = countryCode; self.inDataCentre = inDataCentre
        self.pue = pue; self.annualKWh = annualKWh; self.viewsPerYear = viewsPerYear; self.impacts = impacts
    }
}

/// A default applied or a reading of the data, e.g. line 4, lifespanYears = 7, "typeEquipement.csv …".
public struct InventoryAssumption: Codable, Sendable, Equatable {
    /// The inventory line it applies to; nil for the whole inventory.
    public var line: Int?
    public var field: String
    public var value: String
    public var source: String
    /// `source` in French and English where the scorer wrote it (the measured web-app line); nil otherwise and on
    /// cards written before it was added (readers then show `source`).
    public var sourceText: Bilingual?

    public init(line: Int?, field: String, value: String, source: String, sourceText: Bilingual? = nil) {
        self.line = line; self.field = field; self.value = value; self.source = source; self.sourceText = sourceText
    }
}

/// Ecoscore's own maturity level (0–4) of an inventory, from thresholds documented in models/inventory.yaml.
public struct InventoryMaturity: Codable, Sendable, Equatable {
    public var level: Int
    /// The level's name, in English.
    public var label: String
    /// `label` in French and English; nil on cards written before it was added (readers then show `label`).
    public var labelText: Bilingual?
    /// Quantity-weighted mean of declared ÷ default lifespan over the equipment lines.
    public var lifespanRatio: Double
    /// 1 − annual embodied impact with the declared lifespans ÷ the same with the default lifespans.
    public var embodiedSaving: Double
    /// Embodied (fabrication, distribution, end of life) share of the annual impact; reported, not scored.
    public var embodiedShare: Double
    /// The criterion the two impact figures are on.
    public var criterion: String
    /// Why this level and not the next, in English.
    public var reasons: [String]
    /// `reasons` in French and English; nil on cards written before it was added (readers then show `reasons`).
    public var reasonsText: [Bilingual]?

    public init(level: Int, label: String, lifespanRatio: Double, embodiedSaving: Double, embodiedShare: Double,
                criterion: String, reasons: [String], labelText: Bilingual? = nil, reasonsText: [Bilingual]? = nil) {
        self.level = level; self.label = label; self.lifespanRatio = lifespanRatio
        self.embodiedSaving = embodiedSaving; self.embodiedShare = embodiedShare; self.criterion = criterion
        self.reasons = reasons; self.labelText = labelText; self.reasonsText = reasonsText
    }
}

/// Two inventories side by side: candidate − baseline, per criterion and step, and per type.
public struct InventoryComparison: Codable, Sendable, Equatable {
    public var baseline: InventoryResult
    public var candidate: InventoryResult
    public var criteria: [CriterionDifference]
    public var byType: [TypeDifference]

    public init(baseline: InventoryResult, candidate: InventoryResult, criteria: [CriterionDifference],
                byType: [TypeDifference]) {
        self.baseline = baseline; self.candidate = candidate; self.criteria = criteria; self.byType = byType
    }
}

public struct ValueChange: Codable, Sendable, Equatable {
    public var baseline: Double
    public var candidate: Double
    /// candidate − baseline
    public var difference: Double
    /// difference ÷ baseline × 100, nil when the baseline is 0.
    public var percent: Double?

    public init(baseline: Double, candidate: Double) {
        self.baseline = baseline; self.candidate = candidate
        difference = candidate - baseline
        percent = baseline == 0 ? nil : (candidate - baseline) / baseline * 100
    }
}

public struct CriterionDifference: Codable, Sendable, Equatable {
    public var criterion: String
    public var unit: String
    public var byStep: [String: ValueChange]
    public var total: ValueChange

    public init(criterion: String, unit: String, byStep: [String: ValueChange], total: ValueChange) {
        self.criterion = criterion; self.unit = unit; self.byStep = byStep; self.total = total
    }
}

public struct TypeDifference: Codable, Sendable, Equatable {
    public var type: String
    public var quantity: ValueChange
    /// Per criterion, the change of the type's total.
    public var totals: [String: ValueChange]

    public init(type: String, quantity: ValueChange, totals: [String: ValueChange]) {
        self.type = type; self.quantity = quantity; self.totals = totals
    }
}
