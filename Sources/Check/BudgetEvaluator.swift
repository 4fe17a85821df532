import Model

/// Holds a score card against a budget: one result per limit and step it applies to.
struct BudgetEvaluator {
    let budget: Budget
    let journey: JourneyFigures

    func evaluate() throws(BudgetError) -> (results: [CheckedFigure], notes: [String]) {
        var results: [CheckedFigure] = []
        for limit in budget.journey {
            results.append(try journeyResult(limit))
        }
        var matched = Set<Int>()
        for step in journey.steps {
            let rules = budget.steps.indices.filter {
                budget.steps[$0].selector.matches(name: step.measures.name, url: step.url)
            }
            for index in budget.lastMatchOnly ? Array(rules.suffix(1)) : rules {
                matched.insert(index)
                let rule = budget.steps[index]
                results += rule.limits.map { stepResult($0, step: step, rule: rule) }
            }
        }
        let notes = budget.steps.indices.filter { !matched.contains($0) }.map { index in
            let rule = budget.steps[index]
            let reason = budget.lastMatchOnly && journey.steps.contains { rule.selector.matches(name: $0.measures.name, url: $0.url) }
                ? "a later budget matches the same steps (Lighthouse applies the last match)" : "it matches no step"
            return "\(location(rule.line)) the rule for \(rule.selector) was not applied: \(reason)"
        }
        return (results, budget.notes + notes)
    }

    func location(_ line: Int?) -> String { "\(budget.file)\(line.map { ":\($0)" } ?? ""):" }

    func journeyResult(_ limit: BudgetLimit) throws(BudgetError) -> CheckedFigure {
        switch (limit.figure, limit.bound) {
        case (.metric(.minGrade), .gradeAtLeast(let letter)):
            return try gradeResult(letter, limit)
        case (.metric(let metric), _):
            return result(limit, unit: BudgetMetric.unit(metric), value: journey.measure(metric)?.value, step: nil,
                          unmeasured: Self.unmeasured(metric), details: [])
        case (.resourceSize(let group), _), (.resourceCount(let group), _):
            let sizes = if case .resourceSize = limit.figure { true } else { false }
            let details = journey.steps.flatMap { step in
                step.requests(in: group, firstPartyHosts: nil).map { ($0, step) }
            }
            return result(limit, unit: sizes ? .bytes : .requests, value: journey.resource(group, sizes: sizes), step: nil,
                          unmeasured: "", details: Self.heaviest(details))
        }
    }

    func stepResult(_ limit: BudgetLimit, step: StepFigures, rule: StepRule) -> CheckedFigure {
        switch limit.figure {
        case .metric(let metric):
            let heavy = metric == .transferBytes || metric == .requests
            let unit = metric == .minScore ? FigureUnit.points : BudgetMetric.unit(metric)
            return result(limit, unit: unit, value: step.measure(metric)?.value, step: step,
                          unmeasured: Self.unmeasured(metric),
                          details: heavy ? Self.heaviest(step.measures.requestList.map { ($0, step) }) : [])
        case .resourceSize(let group), .resourceCount(let group):
            let sizes = if case .resourceSize = limit.figure { true } else { false }
            let counted = step.requests(in: group, firstPartyHosts: rule.firstPartyHosts)
            return result(limit, unit: sizes ? .bytes : .requests,
                          value: step.resource(group, sizes: sizes, firstPartyHosts: rule.firstPartyHosts), step: step,
                          unmeasured: "", details: Self.heaviest(counted.map { ($0, step) }))
        }
    }

    func gradeResult(_ letter: String, _ limit: BudgetLimit) throws(BudgetError) -> CheckedFigure {
        guard let wanted = journey.gradeRank(letter) else {
            let scale = journey.card.grid.grades.map(\.grade).joined(separator: ", ")
            throw BudgetError(file: budget.file, line: limit.line,
                              message: "minGrade '\(letter)' is not on the grade scale of grid \(journey.card.grid.id)\(scale.isEmpty ? " (it has none)" : " (\(scale))")")
        }
        let grade = journey.card.grade
        let rank = grade.flatMap(journey.gradeRank)
        let passed = rank.map { $0 <= wanted } ?? false
        let message = grade.map { passed ? "grade \($0) meets the minimum \(letter)" : "grade \($0) is below the minimum \(letter)" }
            ?? "the score card has no grade"
        return CheckedFigure(kind: .budget, metric: limit.figure.name, unit: FigureUnit.grade.rawValue, step: nil,
                             stepIndex: nil, reference: nil, value: nil, delta: nil, deltaRatio: nil, passed: passed,
                             referenceText: "≥ \(letter)", valueText: grade ?? "n/a",
                             deltaText: rank.map { $0 == wanted ? "±0" : "\($0 < wanted ? "+" : "−")\(abs($0 - wanted)) grade\(abs($0 - wanted) == 1 ? "" : "s")" } ?? "",
                             message: message, source: sourceText(limit))
    }

    func result(_ limit: BudgetLimit, unit: FigureUnit, value: Double?, step: StepFigures?, unmeasured: String,
                details: [String]) -> CheckedFigure {
        let (reference, atMost) = switch limit.bound {
        case .atMost(let x): (x, true)
        case .atLeast(let x): (x, false)
        case .gradeAtLeast: (0.0, false)  // handled by gradeResult
        }
        let referenceText = (atMost ? "≤ " : "≥ ") + Format.value(reference, unit)
        let what = "\(limit.figure.name)\(step.map { " on \($0.label)" } ?? " of the journey")"
        guard let value else {
            return CheckedFigure(kind: .budget, metric: limit.figure.name, unit: unit.rawValue, step: step?.label,
                                 stepIndex: step?.measures.index, reference: reference, value: nil, delta: nil,
                                 deltaRatio: nil, passed: false, referenceText: referenceText, valueText: "not measured",
                                 deltaText: "", message: "\(what) was not measured\(unmeasured.isEmpty ? "" : ": \(unmeasured)")",
                                 source: sourceText(limit))
        }
        let delta = value - reference
        let ratio: Double? = reference != 0 ? delta / reference : nil
        let passed = atMost ? value <= reference : value >= reference
        let message = passed
            ? "\(what) is \(Format.value(value, unit)), within the limit \(referenceText)"
            : "\(what) is \(Format.value(value, unit)), \(atMost ? "over" : "under") the limit \(referenceText) by \(Format.value(abs(delta), unit))"
        return CheckedFigure(kind: .budget, metric: limit.figure.name, unit: unit.rawValue, step: step?.label,
                             stepIndex: step?.measures.index, reference: reference, value: value, delta: delta,
                             deltaRatio: ratio, passed: passed, referenceText: referenceText,
                             valueText: Format.value(value, unit), deltaText: Format.delta(delta, ratio: ratio, unit),
                             message: message, details: passed ? [] : details, source: sourceText(limit))
    }

    func sourceText(_ limit: BudgetLimit) -> String { "\(budget.file)\(limit.line.map { ":\($0)" } ?? "")" }

    /// What a failed size or count limit points at: the heaviest requests it counted.
    static func heaviest(_ requests: [(RequestBrief, StepFigures)], limit: Int = 3) -> [String] {
        let sorted = requests.sorted { $0.0.transferBytes > $1.0.transferBytes }
        var lines = sorted.prefix(limit).map { r, step in
            "\(r.resourceType.rawValue) \(RequestKey.display(r.url, page: step.url)) \(Format.grouped(Double(r.transferBytes))) B on step \(step.label)"
        }
        if sorted.count > limit {
            let steps = Set(sorted.map(\.1.label)).sorted().joined(separator: ", ")
            lines.append("… and \(sorted.count - limit) lighter request\(sorted.count - limit == 1 ? "" : "s") on \(steps)")
        }
        return lines
    }

    static func unmeasured(_ metric: BudgetMetric) -> String {
        switch metric {
        case .serverCPUms: "the app's server CPU was not metered (profile with --launch, --pid or --cgroup)"
        case .energyWh: "the grid models no energy for it"
        case .minEcoindex: "no HTML document to compute an EcoIndex from"
        case .minScore, .minJourneyScore: "the grid gives no such score"
        default: ""
        }
    }
}

extension BudgetMetric {
    static func unit(_ metric: BudgetMetric) -> FigureUnit {
        switch metric {
        case .requests: .requests
        case .transferBytes, .decodedBytes: .bytes
        case .domElements: .elements
        case .serverCPUms: .ms
        case .energyWh: .wh
        case .minEcoindex, .minJourneyScore: .points
        case .minScore: .percent
        case .minGrade: .grade
        }
    }
}
