import Model

/// Compares a score card with a baseline score card figure by figure, with the `RegressionRule`.
struct BaselineComparator {
    let baseline: JourneyFigures
    let current: JourneyFigures
    let rule: RegressionRule

    /// The figures compared on each step and, summed or as the card gives them, for the journey.
    static let stepMetrics: [BudgetMetric] = [.transferBytes, .requests, .decodedBytes, .domElements, .serverCPUms,
                                              .energyWh, .minEcoindex, .minScore]
    static let journeyMetrics: [BudgetMetric] = [.transferBytes, .requests, .decodedBytes, .serverCPUms, .energyWh,
                                                 .minEcoindex, .minScore, .minJourneyScore]

    func compare() -> (results: [CheckedFigure], notes: [String]) {
        var results: [CheckedFigure] = []
        var notes: [String] = []
        let pairs = StepPairing.pair(baseline.steps, current.steps)
        var diffs: [(RequestDiff, String)] = []
        for step in current.steps where !pairs.contains(where: { $0.current.measures.index == step.measures.index }) {
            notes.append("step \(step.label) has no counterpart in the baseline: not compared")
        }
        for step in baseline.steps where !pairs.contains(where: { $0.baseline.measures.index == step.measures.index }) {
            notes.append("baseline step \(step.label) is not in this run: not compared")
        }
        for pair in pairs {
            let diff = RequestDiff(baseline: pair.baseline, current: pair.current, tolerance: rule.tolerance)
            diffs.append((diff, pair.current.label))
            for metric in Self.stepMetrics {
                guard let old = pair.baseline.measure(metric), let new = pair.current.measure(metric) else { continue }
                results.append(figure(metric, old, new, step: pair.current,
                                      details: metric.growsWithRequests ? diff.lines(step: pair.current.label) : []))
            }
        }
        let sameGrid = baseline.card.grid.id == current.card.grid.id
        if !sameGrid {
            notes.append("the baseline was scored with grid \(baseline.card.grid.id), this card with \(current.card.grid.id): scores and grade not compared")
        }
        let everyStepPaired = pairs.count == current.steps.count && pairs.count == baseline.steps.count
        for metric in Self.journeyMetrics {
            let isScore = metric == .minScore || metric == .minJourneyScore
            // Sums over different sets of steps would compare different journeys.
            guard isScore ? sameGrid : everyStepPaired,
                  let old = baseline.measure(metric), let new = current.measure(metric) else { continue }
            results.append(figure(metric, old, new, step: nil,
                                  details: metric.growsWithRequests ? diffs.flatMap { $0.0.lines(step: $0.1) } : []))
        }
        if sameGrid, let grade = gradeResult() { results.append(grade) }
        return (results, notes)
    }

    /// The journey's grade: any step down the grid's scale is a regression.
    func gradeResult() -> CheckedFigure? {
        guard let old = baseline.card.grade, let new = current.card.grade,
              let oldRank = baseline.gradeRank(old), let newRank = current.gradeRank(new) else { return nil }
        let passed = newRank <= oldRank
        let steps = newRank - oldRank
        return CheckedFigure(kind: .baseline, metric: "grade", unit: FigureUnit.grade.rawValue, step: nil, stepIndex: nil,
                             reference: nil, value: nil, delta: nil, deltaRatio: nil, passed: passed,
                             referenceText: "baseline \(old)", valueText: new,
                             deltaText: steps == 0 ? "±0" : "\(steps > 0 ? "−" : "+")\(abs(steps)) grade\(abs(steps) == 1 ? "" : "s")",
                             message: passed ? "grade \(new), baseline \(old)" : "grade dropped from \(old) to \(new)")
    }

    func figure(_ metric: BudgetMetric, _ old: Measure, _ new: Measure, step: StepFigures?, details: [String]) -> CheckedFigure {
        // A step's score is out of 100 points; the journey's is the grid's percentage.
        let unit = metric == .minScore && step != nil ? FigureUnit.points : BudgetMetric.unit(metric)
        let name = metric.comparedName
        let judgement = rule.judge(baseline: old, current: new, higherIsBetter: unit.higherIsBetter)
        let ratio: Double? = judgement.ratio.isFinite ? judgement.ratio : nil
        let what = "\(name)\(step.map { " on \($0.label)" } ?? " of the journey")"
        let change = Format.delta(judgement.delta, ratio: ratio, unit)
        let message = judgement.regressed
            ? "\(what) regressed: \(Format.value(old.value, unit)) → \(Format.value(new.value, unit)), \(change), beyond the \(Format.grouped(rule.tolerance * 100)) % tolerance and the noise allowance of \(Format.value(judgement.noise, unit))"
            : "\(what) \(Format.value(old.value, unit)) → \(Format.value(new.value, unit)): \(judgement.reason)"
        return CheckedFigure(kind: .baseline, metric: name, unit: unit.rawValue, step: step?.label,
                             stepIndex: step?.measures.index, reference: old.value, value: new.value,
                             delta: judgement.delta, deltaRatio: ratio, passed: !judgement.regressed,
                             referenceText: "baseline \(Format.value(old.value, unit))", valueText: Format.value(new.value, unit),
                             deltaText: change, message: message, details: judgement.regressed ? details : [])
    }
}

extension BudgetMetric {
    /// Figures that new or heavier requests explain: their regressions list what grew.
    var growsWithRequests: Bool { [.transferBytes, .requests, .decodedBytes, .energyWh].contains(self) }

    /// Compared with a baseline, a minimum's figure goes by its own name (`ecoindex`, not `minEcoindex`).
    var comparedName: String {
        switch self {
        case .minEcoindex: "ecoindex"
        case .minScore: "score"
        case .minJourneyScore: "journeyScore"
        case .minGrade: "grade"
        default: rawValue
        }
    }
}

/// Which step of the baseline a step is compared with: by name when every step has a distinct name on both
/// sides, else by position.
enum StepPairing {
    static func pair(_ old: [StepFigures], _ new: [StepFigures]) -> [(baseline: StepFigures, current: StepFigures)] {
        func distinctNames(_ steps: [StepFigures]) -> [String: StepFigures]? {
            var byName: [String: StepFigures] = [:]
            for s in steps {
                guard let name = s.measures.name, byName[name] == nil else { return nil }
                byName[name] = s
            }
            return byName
        }
        if let before = distinctNames(old), distinctNames(new) != nil {
            return new.compactMap { s in before[s.measures.name!].map { ($0, s) } }
        }
        return zip(old, new).map { ($0, $1) }
    }
}
