import Foundation
import Model

/// The hospital-IS inventory (`maturin-sih`): annual impacts on the five criteria of EvalCarbone SIH's factors,
/// split by life-cycle step, equipment type and line, with every default listed. Pure over its data.
///
/// - fabrication, distribution, end of life: quantity × factor ÷ lifespan (years);
/// - use: quantity × `consoElecMoyenne` × (hours per day ÷ the factor's hours per day) × the country's mix
///   factor per criterion × PUE for data-centre equipment.
public struct InventoryCalculator: Sendable {
    public let factors: EvalCarboneFactors
    public let settings: InventorySettings
    /// For web apps given as bytes and CPU seconds per view.
    public let footprint: Footprint?

    public init(factors: EvalCarboneFactors, settings: InventorySettings, footprint: Footprint? = nil,
                settingsFile: String = "models/inventory.yaml") throws {
        try settings.validate(file: settingsFile, factors: factors)
        self.factors = factors; self.settings = settings; self.footprint = footprint
    }

    /// Loads the settings file, the factors it names (from `factorsFolder`, else the bundle) and the footprint model.
    public static func load(settings url: URL, factorsFolder: URL? = nil, footprint: Footprint? = nil) throws -> InventoryCalculator {
        let settings = try DataFile.decodeYAML(InventorySettings.self, from: url)
        let factors = try factorsFolder.map { try EvalCarboneFactors.load(from: $0, useStep: settings.useStep) }
            ?? EvalCarboneFactors.bundled(folder: settings.factorsFolder, useStep: settings.useStep)
        return try InventoryCalculator(factors: factors, settings: settings, footprint: footprint, settingsFile: url.path)
    }

    /// The settings, factors and footprint model bundled with Ecoscore.
    public static func bundled() throws -> InventoryCalculator {
        try load(settings: try DataFile.bundled("models/inventory.yaml"), footprint: try Footprint.bundled())
    }

    // MARK: Evaluation

    /// The annual impacts of an inventory (its equipment lines and its web apps).
    public func evaluate(_ inventory: Inventory) throws -> InventoryResult {
        var lines: [LineImpact] = []
        var assumptions: [InventoryAssumption] = []
        for line in inventory.lines {
            let (impact, used) = try equipmentLine(line, file: inventory.file)
            lines.append(impact); assumptions += used
        }
        for app in inventory.webApps {
            let (impact, used) = try webAppLine(app, file: inventory.file)
            lines.append(impact); assumptions += used
        }
        return result(name: inventory.name, file: inventory.file, lines: lines, assumptions: assumptions)
    }

    /// The result with one more web-app line (e.g. a measured app added to an inventory already computed).
    public func adding(webApp: WebAppUsage, to result: InventoryResult) throws -> InventoryResult {
        let (impact, used) = try webAppLine(webApp, file: result.file)
        let lineAssumptions = result.assumptions.filter { $0.line != nil }
        return self.result(name: result.name, file: result.file, lines: result.lines + [impact],
                           assumptions: lineAssumptions + used)
    }

    /// One equipment line and the defaults it took.
    public func equipmentLine(_ line: InventoryLine, file: String) throws -> (LineImpact, [InventoryAssumption]) {
        func fail(_ field: String, _ message: String) -> InventoryError {
            InventoryError(file: file, line: line.line, field: field, message: message)
        }
        var used: [InventoryAssumption] = []
        func assume(_ field: String, _ value: String, _ source: String) {
            used.append(InventoryAssumption(line: line.line, field: field, value: value, source: source))
        }
        guard line.quantity >= 0 else { throw fail("quantity", "must be zero or more (got \(line.quantity))") }
        guard let type = equipmentType(line.type) else {
            let known = settings.types.map { "\($0.type) (\($0.aliases.first ?? $0.type))" }.joined(separator: ", ")
            throw fail("type", "unknown equipment type \"\(line.type)\" (known: \(known))")
        }
        let typeSettings = settings.settings(forType: type.name)!  // validate() checked every type has settings

        let reference: EvalCarboneFactors.Reference
        if let text = line.reference {
            guard let found = factors.reference(named: text) else {
                throw fail("reference", "unknown reference \"\(text)\" (for \(type.name): \(referenceNames(type)))")
            }
            guard type.references.contains(found.id) else {
                throw fail("reference", "\"\(text)\" (\(found.id)) is not a reference of \(type.name) (allowed: \(referenceNames(type)))")
            }
            reference = found
        } else {
            reference = factors.references[type.defaultReference]!  // checked on load
            assume("reference", reference.id, "typeEquipement.csv refEquipementParDefaut of \(type.name)")
        }

        let lifespan: Double
        if let declared = line.lifespanYears {
            guard declared > 0 else { throw fail("lifespan_years", "must be more than 0 years") }
            lifespan = declared
        } else if let typeDefault = type.defaultLifespanYears {
            lifespan = typeDefault
            assume("lifespan_years", fmt(typeDefault), "typeEquipement.csv dureeVieDefaut of \(type.name): \(type.lifespanSource)")
        } else {
            lifespan = factors.defaultLifespanYears
            assume("lifespan_years", fmt(lifespan), "hypotheses.csv dureeVieParDefaut (\(factors.defaultLifespanSource)): \(type.name) has no default")
        }
        let defaultLifespan = type.defaultLifespanYears ?? factors.defaultLifespanYears

        let hours: Double
        if let declared = line.hoursPerDay {
            guard (0...24).contains(declared) else { throw fail("hours_per_day", "must be between 0 and 24") }
            hours = declared
        } else {
            hours = typeSettings.defaultHoursPerDay
            assume("hours_per_day", fmt(hours), "models/inventory.yaml defaultHoursPerDay of \(type.name)")
        }

        let mix = try countryMix(line.country, file: file, line: line.line) { assume("country", $0, $1) }

        let inDataCentre: Bool
        if let declared = line.inDataCentre {
            inDataCentre = declared
        } else {
            inDataCentre = type.isServer || line.pue != nil
            if line.pue == nil {
                assume("data_centre", inDataCentre ? "yes" : "no",
                       "typeEquipement.csv serveur of \(type.name) (\(type.isServer ? "true" : "empty"))")
            }
        }
        var pue: Double?
        if inDataCentre {
            if let declared = line.pue {
                guard declared >= 1 else { throw fail("pue", "a PUE is 1 or more") }
                pue = declared
            } else {
                pue = factors.defaultPUE
                assume("pue", fmt(factors.defaultPUE), "hypotheses.csv PUEParDefaut (\(factors.defaultPUESource))")
            }
        } else if line.pue != nil {
            throw fail("pue", "a PUE is given but data_centre says no")
        }

        // Use: the factor's annual kWh, scaled by the hours of use relative to the factor's, times PUE.
        let annualKWh = line.quantity * reference.annualKWh * (hours / typeSettings.factorHoursPerDay) * (pue ?? 1)
        let impacts = factors.criteria.map { criterion -> CriterionImpact in
            var byStep: [String: Double] = [:]
            for step in factors.steps {
                if step.code == settings.useStep {
                    byStep[step.code] = annualKWh * mix.perKWh[criterion.name]!
                } else {
                    // Checked on load: only the use step may be empty.
                    let whole = reference.impacts[step.code]![criterion.name]!!
                    byStep[step.code] = line.quantity * whole / lifespan
                }
            }
            return CriterionImpact(criterion: criterion.name, unit: criterion.unit, byStep: byStep)
        }
        let impact = LineImpact(kind: "equipment", line: line.line, name: line.name, type: type.name,
                                reference: reference.id, quantity: line.quantity, lifespanYears: lifespan,
                                defaultLifespanYears: defaultLifespan, hoursPerDay: hours, countryCode: mix.code,
                                inDataCentre: inDataCentre, pue: pue, annualKWh: annualKWh, impacts: impacts)
        return (impact, used)
    }

    /// A measured web app as its own use-phase line: views per year × kWh per view × the country's mix.
    public func webAppLine(_ app: WebAppUsage, file: String) throws -> (LineImpact, [InventoryAssumption]) {
        var used: [InventoryAssumption] = []
        func assume(_ field: String, _ value: String, _ source: String) {
            used.append(InventoryAssumption(line: app.line, field: field, value: value, source: source))
        }
        func fail(_ field: String, _ message: String) -> InventoryError {
            InventoryError(file: file, line: app.line, field: field, message: message)
        }
        guard app.viewsPerYear >= 0, app.viewsPerYear.isFinite else { throw fail("views_per_year", "must be zero or more") }
        let perView: Double
        if let given = app.kWhPerView {
            guard given >= 0, given.isFinite else { throw fail("kwh_per_view", "must be zero or more") }
            perView = given
        } else {
            guard let footprint else { throw fail("bytes_per_view", "no footprint model loaded to turn bytes into energy") }
            let bytes = app.bytesPerView ?? 0, cpu = app.serverCPUSecondsPerView ?? 0
            guard bytes >= 0, cpu >= 0 else { throw fail("bytes_per_view", "must be zero or more") }
            let result = footprint.of(transferBytes: bytes, serverCPUSeconds: cpu, intensity: footprint.defaultIntensity)
            perView = kWhPerView(of: result)
            assume("kwh_per_view", String(format: "%.6g", perView),
                   "footprint of \(fmt(bytes)) bytes and \(fmt(cpu)) s server CPU per view (\(result.model.bytesModel) v\(result.model.bytesModelVersion) + \(result.model.serverModel)), parts \(settings.webApp.footprintParts.joined(separator: " + ")) (models/inventory.yaml webApp)")
        }
        let mix = try countryMix(app.country, file: file, line: app.line) { assume("country", $0, $1) }
        let annualKWh = app.viewsPerYear * perView
        let impacts = factors.criteria.map { criterion -> CriterionImpact in
            var byStep: [String: Double] = [:]
            for step in factors.steps {
                byStep[step.code] = step.code == settings.useStep ? annualKWh * mix.perKWh[criterion.name]! : 0
            }
            return CriterionImpact(criterion: criterion.name, unit: criterion.unit, byStep: byStep)
        }
        let impact = LineImpact(kind: "webApp", line: app.line, name: app.name, type: settings.webApp.type,
                                reference: nil, quantity: 1, lifespanYears: nil, defaultLifespanYears: nil,
                                hoursPerDay: nil, countryCode: mix.code, inDataCentre: false, pue: nil,
                                annualKWh: annualKWh, viewsPerYear: app.viewsPerYear, impacts: impacts)
        return (impact, used)
    }

    /// The electricity of one view that an inventory line counts: the footprint parts of models/inventory.yaml
    /// `webApp.footprintParts` (data-centre and network operational parts and the server, by default).
    public func kWhPerView(of result: FootprintResult) -> Double {
        let e = result.energy
        let parts: [String: Double] = [
            "operational.dataCentre": e.operational.dataCentre, "operational.network": e.operational.network,
            "operational.device": e.operational.device, "embodied.dataCentre": e.embodied.dataCentre,
            "embodied.network": e.embodied.network, "embodied.device": e.embodied.device, "server": e.serverKWh,
        ]
        return settings.webApp.footprintParts.reduce(0) { $0 + (parts[$1] ?? 0) }
    }

    // MARK: Aggregation

    func result(name: String?, file: String, lines: [LineImpact], assumptions: [InventoryAssumption]) -> InventoryResult {
        let total = sum(lines.map(\.impacts))
        var typeOrder = factors.types.map(\.name) + [settings.webApp.type]
        for line in lines where !typeOrder.contains(line.type) { typeOrder.append(line.type) }
        let byType = typeOrder.compactMap { type -> TypeImpact? in
            let ofType = lines.filter { $0.type == type }
            guard !ofType.isEmpty else { return nil }
            return TypeImpact(type: type, quantity: ofType.reduce(0) { $0 + $1.quantity }, impacts: sum(ofType.map(\.impacts)))
        }
        // The readings behind every figure, once for the inventory.
        var general: [InventoryAssumption] = []
        for type in typeOrder where lines.contains(where: { $0.type == type && $0.kind == "equipment" }) {
            if let s = settings.settings(forType: type) {
                general.append(InventoryAssumption(
                    line: nil, field: "factor_hours_per_day", value: "\(type): \(fmt(s.factorHoursPerDay))",
                    source: "models/inventory.yaml: Ecoscore's reading of consoElecMoyenne (use scaled by hours ÷ this)"))
            }
        }
        let method = [
            "\(stepLabels(excludingUse: true)): quantity × factor (impactequipements.csv, whole life) ÷ lifespan in years",
            "\(settings.useStep): quantity × consoElecMoyenne (kWh/yr) × hours per day ÷ the factor's hours per day × country mix (mixelecs.csv, per criterion) × PUE in a data centre",
            "web apps: views per year × kWh per view × country mix, \(settings.useStep) only",
        ]
        return InventoryResult(name: name, file: file, criteria: factors.criteria, steps: factors.steps, total: total,
                               byType: byType, lines: lines, assumptions: general + assumptions, method: method,
                               maturity: maturity(of: lines, total: total), factorsSource: settings.factorsSource)
    }

    /// Criterion-by-criterion, step-by-step sums, in the criteria order of the factors.
    func sum(_ tables: [[CriterionImpact]]) -> [CriterionImpact] {
        factors.criteria.map { criterion in
            var byStep: [String: Double] = [:]
            for step in factors.steps { byStep[step.code] = 0 }
            for table in tables {
                for entry in table where entry.criterion == criterion.name {
                    for (step, value) in entry.byStep { byStep[step, default: 0] += value }
                }
            }
            return CriterionImpact(criterion: criterion.name, unit: criterion.unit, byStep: byStep)
        }
    }

    // MARK: Maturity

    /// Ecoscore's maturity level from the equipment lines (see models/inventory.yaml `maturity`); nil without
    /// equipment.
    public func maturity(of lines: [LineImpact], total: [CriterionImpact]) -> InventoryMaturity? {
        let criterion = settings.maturity.criterion
        let equipment = lines.filter { $0.kind == "equipment" }
        let quantity = equipment.reduce(0) { $0 + $1.quantity }
        guard quantity > 0 else { return nil }
        var weightedRatio = 0.0, embodied = 0.0, embodiedAtDefaults = 0.0
        for line in equipment {
            guard let lifespan = line.lifespanYears, let reference = line.defaultLifespanYears else { continue }
            weightedRatio += line.quantity * lifespan / reference
            let lineEmbodied = line.impacts.first { $0.criterion == criterion }.map { impact in
                impact.byStep.filter { $0.key != settings.useStep }.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
            } ?? 0
            embodied += lineEmbodied
            embodiedAtDefaults += lineEmbodied * lifespan / reference
        }
        let ratio = weightedRatio / quantity
        let saving = embodiedAtDefaults == 0 ? 0 : 1 - embodied / embodiedAtDefaults
        let totalOnCriterion = total.first { $0.criterion == criterion }
        let allEmbodied = totalOnCriterion.map { t in
            t.byStep.filter { $0.key != settings.useStep }.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        } ?? 0
        let share = (totalOnCriterion?.total ?? 0) == 0 ? 0 : allEmbodied / totalOnCriterion!.total

        // Thresholds compared with a 1e-9 tolerance: 1 − 1/1.25 is 0.19999999999999996 in binary.
        let tolerance = 1e-9
        func meets(_ level: InventorySettings.MaturityLevel) -> Bool {
            ratio >= level.minLifespanRatio - tolerance && saving >= level.minEmbodiedSaving - tolerance
        }
        let levels = settings.maturity.levels
        let reached = levels.last(where: meets) ?? levels[0]
        var reasons: [Bilingual] = [.say(
            fr: "ratio de durée de vie \(fmt(ratio, 3)) (déclarée ÷ par défaut, pondérée par les quantités) ; économie d’impact de fabrication \(fmt(saving * 100, 1)) % sur \(criterion) par rapport aux durées de vie par défaut",
            en: "lifespan ratio \(fmt(ratio, 3)) (declared ÷ default lifespan, by quantity); embodied saving \(fmt(saving * 100, 1)) % on \(criterion) vs default lifespans")]
        if let next = levels.first(where: { $0.level == reached.level + 1 }) {
            var missing: [Bilingual] = []
            if ratio < next.minLifespanRatio - tolerance {
                missing.append(.say(fr: "un ratio de durée de vie ≥ \(fmt(next.minLifespanRatio, 3))",
                                    en: "lifespan ratio ≥ \(fmt(next.minLifespanRatio, 3))"))
            }
            if saving < next.minEmbodiedSaving - tolerance {
                missing.append(.say(fr: "une économie d’impact de fabrication ≥ \(fmt(next.minEmbodiedSaving * 100, 1)) %",
                                    en: "embodied saving ≥ \(fmt(next.minEmbodiedSaving * 100, 1)) %"))
            }
            let both = Bilingual(fr: missing.map(\.fr).joined(separator: " et "), en: missing.map(\.en).joined(separator: " and "))
            reasons.append(.say(fr: "le niveau \(next.level) demande ", en: "level \(next.level) needs ") + both)
        }
        let label = InventorySettings.MaturityLevel.label(reached.label)
        return InventoryMaturity(level: reached.level, label: label.en, lifespanRatio: ratio, embodiedSaving: saving,
                                 embodiedShare: share, criterion: criterion, reasons: reasons.map(\.en),
                                 labelText: label, reasonsText: reasons)
    }

    // MARK: Comparison

    /// candidate − baseline, per criterion × step, per criterion total, and per type.
    public static func compare(_ baseline: InventoryResult, _ candidate: InventoryResult) -> InventoryComparison {
        var criteria = baseline.criteria
        for c in candidate.criteria where !criteria.contains(c) { criteria.append(c) }
        var steps = baseline.steps.map(\.code)
        for s in candidate.steps.map(\.code) where !steps.contains(s) { steps.append(s) }
        func impact(_ r: InventoryResult, _ criterion: String) -> CriterionImpact? { r.total.first { $0.criterion == criterion } }
        let differences = criteria.map { c -> CriterionDifference in
            let a = impact(baseline, c.name), b = impact(candidate, c.name)
            var byStep: [String: ValueChange] = [:]
            for s in steps { byStep[s] = ValueChange(baseline: a?.byStep[s] ?? 0, candidate: b?.byStep[s] ?? 0) }
            return CriterionDifference(criterion: c.name, unit: c.unit, byStep: byStep,
                                       total: ValueChange(baseline: a?.total ?? 0, candidate: b?.total ?? 0))
        }
        var types = baseline.byType.map(\.type)
        for t in candidate.byType.map(\.type) where !types.contains(t) { types.append(t) }
        let byType = types.map { type -> TypeDifference in
            let a = baseline.byType.first { $0.type == type }, b = candidate.byType.first { $0.type == type }
            var totals: [String: ValueChange] = [:]
            for c in criteria {
                totals[c.name] = ValueChange(baseline: a?.impacts.first { $0.criterion == c.name }?.total ?? 0,
                                             candidate: b?.impacts.first { $0.criterion == c.name }?.total ?? 0)
            }
            return TypeDifference(type: type, quantity: ValueChange(baseline: a?.quantity ?? 0, candidate: b?.quantity ?? 0),
                                  totals: totals)
        }
        return InventoryComparison(baseline: baseline, candidate: candidate, criteria: differences, byType: byType)
    }

    // MARK: Look-ups

    /// A type by its typeEquipement.csv name or an alias of models/inventory.yaml.
    public func equipmentType(_ text: String) -> EvalCarboneFactors.EquipmentType? {
        let key = InventoryNameKey(text)
        if let s = settings.types.first(where: { InventoryNameKey($0.type) == key || $0.aliases.contains { InventoryNameKey($0) == key } }) {
            return factors.types.first { $0.name == s.type }
        }
        return factors.type(named: text)
    }

    private func referenceNames(_ type: EvalCarboneFactors.EquipmentType) -> String {
        type.references.map { id in
            let families = factors.modelFamilies.filter { $0.value == id }.keys.sorted()
            return families.isEmpty ? id : "\(id) = \(families.joined(separator: " / "))"
        }.joined(separator: ", ")
    }

    private func countryMix(_ text: String?, file: String, line: Int,
                            assume: (String, String) -> Void) throws -> EvalCarboneFactors.CountryMix {
        if let text {
            guard let mix = factors.mix(for: text) else {
                throw InventoryError(file: file, line: line, field: "country",
                                     message: "unknown country \"\(text)\": give a code or a name of mixelecs.csv (FR, France, DE, Germany…)")
            }
            return mix
        }
        let mix = factors.mix(for: settings.defaultCountry)!  // validate() checked it
        assume(mix.code, "models/inventory.yaml defaultCountry (mix: mixelecs.csv \(mix.name), \(mix.source))")
        return mix
    }

    private func stepLabels(excludingUse: Bool) -> String {
        factors.steps.filter { !excludingUse || $0.code != settings.useStep }.map(\.code).joined(separator: ", ")
    }
}

/// A number for messages and assumption values: integers without decimals, others with up to `digits`.
fileprivate func fmt(_ x: Double, _ digits: Int = 6) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    var s = String(format: "%.\(digits)f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
