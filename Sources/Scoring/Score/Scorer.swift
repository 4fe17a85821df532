import Foundation
import Model

/// Scores a profile (and a team's answers) through a grid into a `ScoreCard`. Pure: everything it uses is in
/// its arguments and the grid's data.
///
/// - A criterion's weight is its own `weight` times its family's (both default to 1); it earns
///   weight × points out of weight × its best points.
/// - Measured, per-step metric: each step is scored by the bands; the criterion takes the mean of the steps'
///   points (or the worst step's, `aggregate: worst`). Profile metric: one value, one band.
/// - Declared: the answer's points. An answer "not applicable" leaves the criterion out of the maximum; an
///   unanswered one counts 0 in the maximum (`scoring.unanswered: zero`, the default) or is left out
///   (`exclude`); both are listed. A criterion with `evidence` is pre-filled from the measurement when no
///   answer (or an "undetermined" one such as "à évaluer") was declared; a declared answer that contradicts
///   the measurement is kept and counted, and the criterion is flagged.
/// - Family and total: Σ points ÷ Σ maximum × 100; the grade is the first of the grid's bands the total reaches.
/// - Journey (grids with per-step criteria): step score = Σ weight × points ÷ Σ weight × maximum × 100 over the
///   step's measured criteria; journey score = mean of the step scores (equal to the total when every
///   per-step metric is defined at every step).
/// - Failed pages (Score/LoadedRuns.swift): only runs whose page loaded count. A step with no such run (every
///   run failed — unreachable host, HTTP error status, not HTML… — or no run at all) is unmeasured: no value and
///   no points on any criterion, no EcoIndex, out of the footprint and of the recommendations; criteria and the
///   journey score are computed over the measured steps only, and with none measured they have no score and no
///   grade, never the 100 % of "0 bytes". A failed assertion leaves a loaded page: its figures count, noted.
public struct Scorer: Sendable {
    public let loaded: LoadedGrid
    public let displayTime: DisplayTimeModel?
    public let ecoIndex: EcoIndex?
    /// Energy, emissions and water (models/footprint.yaml); without it `step.energyWh` is unmeasured.
    public let footprint: Footprint?
    /// Best-practice checks → the score card's recommendations.
    public let bestPractices: BestPractices?
    /// Adds the profile's web-app line to an inventory (`webAppViewsPerYear`); loaded only for grids that
    /// score an inventory.
    public let inventoryCalculator: InventoryCalculator?

    public init(grid: LoadedGrid, displayTime: DisplayTimeModel?, ecoIndex: EcoIndex?, footprint: Footprint? = nil,
                bestPractices: BestPractices? = nil, inventoryCalculator: InventoryCalculator? = nil) {
        self.loaded = grid; self.displayTime = displayTime; self.ecoIndex = ecoIndex; self.footprint = footprint
        self.bestPractices = bestPractices; self.inventoryCalculator = inventoryCalculator
    }

    /// With the models bundled with Ecoscore (and the inventory model when the grid scores an inventory).
    public static func bundled(_ grid: LoadedGrid) throws -> Scorer {
        Scorer(grid: grid, displayTime: try DisplayTimeModel.bundled(), ecoIndex: try EcoIndex.bundled(),
               footprint: try Footprint.bundled(), bestPractices: try BestPractices.bundled(),
               inventoryCalculator: grid.grid.needsInventory ? try InventoryCalculator.bundled() : nil)
    }

    /// - Parameters:
    ///   - network: replaces the grid's reference network profile (fibre, 4g, 3g…).
    ///   - intensity: grid intensity of the emissions (default: the footprint model's default preset).
    ///   - inventory: a hospital-IS inventory result to attach (and to score, for grids with inventory metrics).
    ///   - webAppViewsPerYear: adds the profile as a web-app line of the inventory: this many views a year ×
    ///     the electricity of one pass of the journey (`InventoryCalculator.kWhPerView` of the journey footprint),
    ///     named after the journey or its first page. Needs an inventory, a profile and `inventoryCalculator`.
    public func score(_ profile: Profile?, answers: Answers?, tool: ToolInfo, network: String? = nil,
                      intensity: GridIntensity? = nil, inventory: InventoryResult? = nil,
                      webAppViewsPerYear: Double? = nil, now: Date = Date()) throws -> ScoreCard {
        var grid = loaded.grid
        if let network {
            guard let model = displayTime, model.profile(network) != nil else {
                throw DataFileError(file: DisplayTimeModel.bundledPath,
                                    message: "unknown network profile '\(network)' (\(displayTime?.profiles.map(\.id).joined(separator: ", ") ?? "no model"))")
            }
            if grid.parameters == nil { grid.parameters = GridParameters() }
            grid.parameters?.network = network
        }
        if let answers, answers.grid != grid.id {
            throw DataFileError(file: answers.file ?? "answers", message: "these answers are for grid '\(answers.grid)', not for grid '\(grid.id)'")
        }
        let facts = profile.map {
            ProfileFacts(profile: $0, parameters: grid.parameters, displayTime: displayTime, ecoIndex: ecoIndex,
                         footprint: footprint, intensity: intensity)
        }
        var notes: [Bilingual] = []

        // The journey's footprint: one view of every measured step; none when no step was measured.
        let journeyFootprint = facts.flatMap { f -> FootprintResult? in
            guard let footprint, !f.measuredSteps.isEmpty else { return nil }
            return ProfileFacts.footprint(of: f.measuredSteps.map { f.profile.pages[$0] }, footprint,
                                          intensity ?? footprint.defaultIntensity)
        }
        var inventory = inventory
        if let views = webAppViewsPerYear {
            inventory = try addingWebApp(facts: facts, footprint: journeyFootprint, viewsPerYear: views, to: inventory)
        }
        let inventoryFacts = inventory.map(InventoryFacts.init)
        if grid.needsInventory, inventory == nil {
            notes.append(.say(fr: "Pas d’inventaire : les critères du parc ne sont pas mesurés.",
                              en: "No inventory: the inventory criteria are unmeasured."))
        }

        var families: [FamilyScore] = []
        for family in grid.families {
            let criteria = family.criteria.map {
                score($0, in: family, grid: grid, facts: facts, answers: answers, inventory: inventoryFacts)
            }
            families.append(FamilyScore(id: family.id, title: family.title, weight: family.weight ?? 1,
                                        total: Self.total(criteria.map { ($0.points, $0.max) }), criteria: criteria))
        }
        let total = Self.total(families.map { ($0.total.points, $0.total.max) })
        let all = families.flatMap(\.criteria)

        let journey = facts.flatMap { journeyScore(grid: grid, facts: $0) }
        let ecoindex = facts.map { f in
            f.profile.pages.indices.map { PageEcoIndex(index: $0, name: f.profile.pages[$0].name, url: f.profile.pages[$0].url, ecoindex: f.ecoindex($0)) }
        } ?? []

        // Pages with no loaded run are skipped by the checks themselves (`BestPractices.representativeRun`).
        let recommendations = profile.flatMap { p in bestPractices.map { $0.recommendations(p) } } ?? []
        if facts != nil, usesMetric(grid, "step.energyWh"), footprint == nil {
            notes.append(.say(fr: "Pas de modèle d’empreinte (models/footprint.yaml) : le critère d’énergie n’est pas mesuré.",
                              en: "No footprint model (models/footprint.yaml): the energy criterion is unmeasured."))
        }
        if let facts, footprint != nil, facts.measuredSteps.contains(where: { facts.profile.pages[$0].summary.serverCPUms == nil }) {
            notes.append(.say(fr: "Le serveur de l’application n’a pas été mesuré à chaque étape : là, le chiffre d’énergie ne compte que les octets (profiler avec une mesure du serveur pour ajouter son CPU).",
                              en: "The app's server was not metered on every step: the energy figure counts the bytes only there (profile with a server meter to add the server's CPU)."))
        }
        if profile == nil, grid.allCriteria.contains(where: { $0.criterion.kind == .measured || $0.criterion.evidence != nil }) {
            notes.append(.say(fr: "Pas de profil : les critères mesurés ne le sont pas et rien n’est pré-rempli.",
                              en: "No profile: measured criteria are unmeasured and nothing is pre-filled."))
        }
        if let facts { notes += Self.loadNotes(facts, journey: journey) }
        if let reason = profile?.incomplete {
            notes.append(.say(fr: "Le profil est incomplet (\(reason)) : les étapes sans passage ne sont pas mesurées, les autres sont notées sur les passages faits avant l’arrêt.",
                              en: "The profile is incomplete (\(reason)): steps with no run are unmeasured, the others are scored on the runs made before it stopped."))
        }

        return ScoreCard(
            tool: tool, createdAt: now,
            grid: ScoreCardGrid(id: grid.id, version: grid.version, title: grid.title, source: grid.source,
                                licence: grid.licence, official: grid.official, file: loaded.bundled ? nil : loaded.file,
                                bundled: loaded.bundled, grades: grid.gradeBounds),
            models: models(grid, profile: profile),
            profile: profile.map(Self.digest),
            answers: answers.map { a in AnswersDigest(file: a.file, grid: a.grid, answered: a.entries.values.filter { $0.answer != nil }.count) },
            families: families, total: total, grade: grid.grade(for: total.percent),
            unanswered: all.filter { $0.status == .unanswered }.map(\.id),
            flagged: all.filter { $0.status == .flagged }.map(\.id),
            journey: journey, ecoindex: ecoindex, steps: profile.map(StepMeasures.of) ?? [], footprint: journeyFootprint, inventory: inventory,
            recommendations: recommendations, notes: notes.map(\.en), notesText: notes)
    }

    // MARK: - Criteria

    func score(_ c: Criterion, in family: Family, grid: Grid, facts: ProfileFacts?, answers: Answers?,
               inventory: InventoryFacts? = nil) -> CriterionScore {
        let weight = (family.weight ?? 1) * (c.weight ?? 1)
        let maxPoints = c.maxPoints(in: grid)
        var result = CriterionScore(id: c.id, title: c.title, kind: c.kind == .measured ? .measured : .declared,
                                    weight: weight, status: .unmeasured, points: nil, max: 0)
        switch c.kind {
        case .measured:
            measured(c, weight: weight, maxPoints: maxPoints, facts: facts, inventory: inventory, into: &result)
        case .declared:
            declared(c, grid: grid, weight: weight, maxPoints: maxPoints, facts: facts, answers: answers, into: &result)
        }
        return result
    }

    private func measured(_ c: Criterion, weight: Double, maxPoints: Double, facts: ProfileFacts?,
                          inventory: InventoryFacts?, into result: inout CriterionScore) {
        guard let id = c.metric, let def = MetricCatalogue.named(id) else { return }
        let direction = c.direction ?? def.better
        let bands = c.thresholds ?? []
        result.metric = id
        result.unit = def.unit
        if def.scope == .inventory, inventory == nil { result.say(.say(fr: "pas d’inventaire", en: "no inventory")); return }
        if def.scope != .inventory, facts == nil { result.say(.say(fr: "pas de profil", en: "no profile")); return }
        switch def.scope {
        case .profile, .inventory:
            let r = def.scope == .inventory ? inventory!.value(id) : facts!.whole(id)
            result.measured = r.value
            guard let v = r.value, let band = bands.band(for: v, direction: direction) else {
                result.say(.say(fr: "non mesuré : ", en: "not measured: ") + (r.text ?? .say(fr: "aucune valeur", en: "no value")))
                return
            }
            result.status = .scored
            result.points = weight * band.points
            result.max = weight * maxPoints
            result.setThreshold(band.text(direction: direction, unit: def.unit) + Self.pointsOutOf(band.points, maxPoints))
            result.say(r.text)
        case .step:
            guard let facts else { return }
            var steps: [StepValue] = []
            for i in 0..<facts.stepCount {
                let r = facts.step(id, i)
                let band = r.value.flatMap { bands.band(for: $0, direction: direction) }
                let text = band?.text(direction: direction, unit: def.unit)
                steps.append(StepValue(index: i, name: facts.stepName(i), value: r.value, points: band?.points,
                                       outOf: maxPoints, threshold: text?.en, thresholdText: text))
            }
            result.steps = steps
            let scored = steps.filter { $0.points != nil }
            guard !scored.isEmpty else {
                let why: Bilingual = facts.stepCount == 0 ? .say(fr: "aucune étape", en: "no step")
                    : facts.measuredSteps.isEmpty ? facts.unmeasuredText()
                    : facts.step(id, facts.measuredSteps[0]).text ?? .say(fr: "aucune valeur", en: "no value")
                result.say(.say(fr: "mesuré sur aucune étape — ", en: "not measured on any step — ") + why)
                return
            }
            let points: Double
            switch c.aggregate ?? .mean {
            case .mean:
                points = scored.map { $0.points! }.reduce(0, +) / Double(scored.count)
                result.measured = scored.map { $0.value! }.reduce(0, +) / Double(scored.count)
                let each = "\(scored.map { GridFormat.number($0.points!) }.joined(separator: ", ")) / \(GridFormat.number(maxPoints))"
                result.setThreshold(scored.count == 1
                    ? (scored[0].thresholdText ?? Bilingual(same: "")) + Self.pointsOutOf(scored[0].points!, maxPoints)
                    : .say(fr: "moyenne des points de \(scored.count) étapes : \(each)", en: "mean of \(scored.count) steps' points: \(each)"))
            case .worst:
                let worst = scored.min { $0.points! < $1.points! }!
                points = worst.points!
                result.measured = worst.value
                let name = worst.name ?? "\(worst.index + 1)"
                result.setThreshold(.say(fr: "pire étape \(name) : ", en: "worst step \(name): ")
                                    + (worst.thresholdText ?? Bilingual(same: "")) + Self.pointsOutOf(points, maxPoints))
            }
            result.status = .scored
            result.points = weight * points
            result.max = weight * maxPoints
            var notes: [Bilingual] = []
            if scored.count < steps.count {
                notes.append(.say(fr: "non mesuré sur : ", en: "not measured on: ") + steps.filter { $0.points == nil }.map { step in
                    let name = step.name ?? "\(step.index + 1)"
                    return facts.outcomes[step.index].unmeasuredText.map { $0.map { "\(name) (\($0))" } } ?? Bilingual(same: name)
                }.joined(separator: ", "))
            }
            notes += facts.outcomes.indices.compactMap { i in
                facts.outcomes[i].assertionText.map { .say(fr: "\(facts.stepName(i)) : ", en: "\(facts.stepName(i)): ") + $0 }
            }
            if !notes.isEmpty { result.say(notes.joined(separator: "; ")) }
        }
    }

    private func declared(_ c: Criterion, grid: Grid, weight: Double, maxPoints: Double, facts: ProfileFacts?,
                          answers: Answers?, into result: inout CriterionScore) {
        let options = grid.options(for: c)
        func option(_ id: String?) -> AnswerOption? { id.flatMap { a in options.first { $0.matches(a) } } }
        let entry = answers?.entries[c.id]
        if let entry, let answer = entry.answer {
            result.declared = DeclaredAnswer(answer: answer, comment: entry.comment, line: entry.line)
        }
        if let rule = c.evidence, let facts {
            result.prefilled = rule.evaluate(facts, options: options)
        }
        let declared = option(entry?.answer)
        let measured = option(result.prefilled?.answer)

        func count(_ o: AnswerOption, source: String) {
            result.answer = o.id
            result.answerSource = source
            if o.notApplicable == true {
                result.status = .notApplicable
                result.points = nil
                result.max = 0
            } else {
                result.status = .scored
                result.points = weight * (o.points ?? 0)
                result.max = weight * maxPoints
            }
        }
        if let declared, !(declared.undetermined == true && measured != nil) {
            count(declared, source: "declared")
            if let measured, declared.undetermined != true, declared.contradicts(measured) {
                result.status = .flagged
                result.say(.say(fr: "déclaré « \(declared.id) » mais la mesure indique « \(measured.id) » : la réponse déclarée est gardée et comptée ; vérifier les preuves",
                                en: "declared '\(declared.id)' but the measurement supports '\(measured.id)': the declared answer is kept and counted; check the evidence"))
            }
        } else if let measured {
            count(measured, source: "measured")
            if let declared {
                result.say(.say(fr: "déclaré « \(declared.id) » ; tranché par la mesure", en: "declared '\(declared.id)'; decided by the measurement"))
            }
        } else {
            result.status = .unanswered
            switch grid.unansweredPolicy {
            case .zero:
                result.points = 0
                result.max = weight * maxPoints
            case .exclude:
                result.points = nil
                result.max = 0
            }
        }
        if result.note == nil, let prefilled = result.prefilled, let note = prefilled.note,
           prefilled.answer == nil || result.answerSource == "measured" {
            result.note = note
            result.noteText = prefilled.noteText
        }
    }

    // MARK: - Inventory

    /// The inventory with the profile as its own web-app line: views × kWh per view of one pass of the journey.
    func addingWebApp(facts: ProfileFacts?, footprint: FootprintResult?, viewsPerYear: Double,
                      to inventory: InventoryResult?) throws -> InventoryResult {
        func fail(_ message: String) -> DataFileError { DataFileError(file: "views-per-year", message: message) }
        guard let inventory else { throw fail("a web-app line needs an inventory to be added to (--inventory)") }
        guard viewsPerYear >= 0, viewsPerYear.isFinite else { throw fail("views per year must be zero or more") }
        guard let facts, self.footprint != nil else { throw fail("a web-app line needs a profile and the footprint model") }
        guard let footprint else {
            throw fail("no step of the profile could be measured (\(facts.describeUnmeasured())): no energy per view to count")
        }
        guard let calculator = inventoryCalculator else { throw fail("no inventory model (models/inventory.yaml) loaded") }
        let profile = facts.profile
        let name = profile.journey?.name ?? profile.pages.first.map { $0.name ?? $0.url } ?? "web app"
        let perView = calculator.kWhPerView(of: footprint)
        let line = (inventory.lines.map(\.line).max() ?? 0) + 1
        var result = try calculator.adding(
            webApp: WebAppUsage(line: line, name: name, viewsPerYear: viewsPerYear, kWhPerView: perView), to: inventory)
        let measured = facts.measuredSteps.map { profile.pages[$0] }
        let bytes = measured.reduce(0) { $0 + $1.summary.transferBytes.median }
        let cpu = measured.reduce(0) { $0 + ($1.summary.serverCPUms?.median ?? 0) } / 1000
        let left = facts.unmeasuredSteps.isEmpty ? Bilingual(same: "")
            : .say(fr: " ; non comptées : ", en: "; not counted: ") + facts.unmeasuredText()
        // Model names, versions, part ids and the file's path read the same in both languages.
        let models = "\(footprint.model.bytesModel) v\(footprint.model.bytesModelVersion) + \(footprint.model.serverModel)"
        let parts = "\(calculator.settings.webApp.footprintParts.joined(separator: " + ")) (models/inventory.yaml webApp)"
        let bytesText = String(format: "%.0f", bytes), cpuText = String(format: "%.4g", cpu)
        let source = Bilingual.say(
            fr: "profil mesuré : un passage par \(measured.count) étape\(measured.count == 1 ? "" : "s"), \(bytesText) octets et \(cpuText) s de CPU serveur (\(models)), parts \(parts)",
            en: "measured profile: one pass of \(measured.count) step\(measured.count == 1 ? "" : "s"), \(bytesText) bytes and \(cpuText) s server CPU (\(models)), parts \(parts)") + left
        result.assumptions.append(InventoryAssumption(
            line: line, field: "kwh_per_view", value: String(format: "%.6g", perView), source: source.en, sourceText: source))
        return result
    }

    // MARK: - Journey

    func journeyScore(grid: Grid, facts: ProfileFacts) -> JourneyScore? {
        let axes = grid.families.flatMap { f in
            f.criteria.compactMap { c -> (Family, Criterion, MetricDefinition)? in
                guard c.kind == .measured, let m = c.metric, let def = MetricCatalogue.named(m), def.scope == .step else { return nil }
                return (f, c, def)
            }
        }
        guard !axes.isEmpty, facts.stepCount > 0 else { return nil }
        var steps: [StepScore] = []
        for i in 0..<facts.stepCount {
            var scores: [AxisScore] = []
            var points = 0.0, max = 0.0
            for (f, c, def) in axes {
                let direction = c.direction ?? def.better
                let value = facts.step(def.id, i).value
                let band = value.flatMap { (c.thresholds ?? []).band(for: $0, direction: direction) }
                let best = c.maxPoints(in: grid)
                let w = (f.weight ?? 1) * (c.weight ?? 1)
                if let band, best > 0 {
                    points += w * band.points
                    max += w * best
                }
                let text = band?.text(direction: direction, unit: def.unit)
                scores.append(AxisScore(criterion: c.id, family: f.id, metric: def.id, unit: def.unit, value: value,
                                        score: band.flatMap { best > 0 ? $0.points / best * 100 : nil },
                                        threshold: text?.en, thresholdText: text))
            }
            let page = facts.profile.pages[i]
            steps.append(StepScore(index: i, name: page.name, url: page.url, score: max > 0 ? points / max * 100 : nil,
                                   axes: scores, transferBytes: page.summary.transferBytes.median,
                                   requests: page.summary.requests.median, displayTime: facts.displayTimes[i],
                                   energy: facts.energies[i], ecoindex: facts.ecoindex(i)))
        }
        let scored = steps.compactMap(\.score)
        let score = scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count)
        // An unmeasured step's 0 bytes are no figure to rank.
        let byData = steps.filter { facts.outcomes[$0.index].isMeasured }.sorted { $0.transferBytes > $1.transferBytes }.prefix(3)
            .map { StepRanking(index: $0.index, name: $0.name, value: $0.transferBytes, unit: "bytes") }
        let byEnergy = steps.filter { $0.energy != nil }.sorted { $0.energy!.wh > $1.energy!.wh }.prefix(3)
            .map { StepRanking(index: $0.index, name: $0.name, value: $0.energy!.wh, unit: "Wh") }
        let network = grid.parameters?.network.flatMap { displayTime?.profile($0)?.info }
        return JourneyScore(network: network, score: score, grade: grid.grade(for: score), steps: steps,
                            heaviestData: byData, heaviestEnergy: byEnergy)
    }

    // MARK: - Failed loads

    /// What the reader must know about the loads that failed: steps left out, runs left out, failed assertions.
    static func loadNotes(_ facts: ProfileFacts, journey: JourneyScore?) -> [Bilingual] {
        var notes: [Bilingual] = []
        let unmeasured = facts.unmeasuredText().map { $0 + "." }
        if facts.stepCount > 0, facts.measuredSteps.isEmpty {
            notes.append(.say(fr: "Aucune étape n’a pu être mesurée, donc les critères mesurés, l’EcoIndex et l’empreinte ne le sont pas : ni score ni note tirés d’eux, plutôt que le score parfait de 0 octet. ",
                              en: "No step could be measured, so the measured criteria, the EcoIndex and the footprint are unmeasured: no score and no grade from them, rather than the perfect score of 0 bytes. ")
                         + unmeasured)
        } else if !facts.unmeasuredSteps.isEmpty {
            notes.append(.say(fr: "Étapes non mesurées, laissées hors des critères mesurés\(journey == nil ? "" : ", du score du parcours"), de l’EcoIndex, de l’empreinte et des recommandations : ",
                              en: "Unmeasured steps, left out of the measured criteria\(journey == nil ? "" : ", the journey score"), the EcoIndex, the footprint and the recommendations: ")
                         + unmeasured)
        }
        for i in facts.outcomes.indices {
            let step = Bilingual.say(fr: "\(facts.stepName(i)) : ", en: "\(facts.stepName(i)): ")
            if let partial = facts.outcomes[i].partialText { notes.append(step + partial.map { $0 + "." }) }
            if let assertion = facts.outcomes[i].assertionText { notes.append(step + assertion.map { $0 + "." }) }
        }
        return notes
    }

    // MARK: - Helpers

    static func total(_ parts: [(Double?, Double)]) -> ScoreTotal {
        let points = parts.compactMap(\.0).reduce(0, +)
        let max = parts.map(\.1).reduce(0, +)
        return ScoreTotal(points: points, max: max, percent: max > 0 ? points / max * 100 : nil)
    }

    func usesMetric(_ grid: Grid, _ id: String) -> Bool {
        grid.allCriteria.contains { $0.criterion.metric == id || ($0.criterion.evidence?.checks.contains { $0.metric == id } ?? false) }
    }

    func models(_ grid: Grid, profile: Profile?) -> [ModelVersion] {
        var models: [ModelVersion] = []
        if let eco = ecoIndex?.tables, profile != nil {
            models.append(ModelVersion(id: "ecoindex", version: eco.version, source: eco.source))
        }
        if let network = grid.parameters?.network, let model = displayTime {
            models.append(ModelVersion(id: model.id, version: model.version, source: model.source,
                                       detail: "network profile \(network)"))
        }
        if let f = footprint, profile != nil {
            let s = f.constants.sustainableWebDesign
            let server = f.defaultServerProfile
            models.append(ModelVersion(id: "footprint", version: f.constants.version,
                                       source: "\(s.name) v\(s.version); \(f.constants.cloudCarbonFootprint.name)",
                                       detail: "\(GridFormat.number(server.maxWatts)) W per busy vCPU, PUE \(GridFormat.number(server.pue))"))
        }
        if let b = bestPractices, profile != nil {
            models.append(ModelVersion(id: b.model.id, version: b.model.version, source: b.model.source))
        }
        return models
    }

    static func digest(_ p: Profile) -> ProfileDigest {
        ProfileDigest(schemaVersion: p.schemaVersion, tool: p.tool, createdAt: p.createdAt, source: p.source,
                      journeyName: p.journey?.name, runs: p.pages.map(\.runs.count).max() ?? 0,
                      steps: p.pages.enumerated().map { StepRef(index: $0.offset, name: $0.element.name, url: $0.element.url) },
                      meter: p.meter?.source, incomplete: p.incomplete)
    }
}

extension Scorer {
    /// " → 60 / 100" after a band: the points it gives out of the criterion's best.
    static func pointsOutOf(_ points: Double, _ max: Double) -> Bilingual {
        Bilingual(same: " → \(GridFormat.number(points)) / \(GridFormat.number(max))")
    }
}

extension CriterionScore {
    /// Sets the note in both languages: `noteText`, and `note` in English for machines and older readers.
    mutating func say(_ text: Bilingual?) {
        note = text?.en
        noteText = text
    }

    /// Sets the threshold in both languages: `thresholdText`, and `threshold` in English.
    mutating func setThreshold(_ text: Bilingual) {
        threshold = text.en
        thresholdText = text
    }
}
