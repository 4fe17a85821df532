import Model

/// Compares a score card with a budget and/or a baseline score card (the `check` stage of the pipeline).
public struct Checker: Sendable {
    public var budget: Budget?
    public var baseline: ScoreCard?
    /// How the baseline was named in the outcome ("previous.json", "history #12").
    public var baselineName: String?
    public var rule: RegressionRule

    /// The rule's settings default to the budget file's, then to `RegressionRule`'s defaults.
    public init(budget: Budget?, baseline: ScoreCard?, baselineName: String?, tolerance: Double? = nil,
                noiseFactor: Double? = nil) {
        self.budget = budget; self.baseline = baseline; self.baselineName = baselineName
        rule = RegressionRule(tolerance: tolerance ?? budget?.tolerance ?? RegressionRule.defaultTolerance,
                              noiseFactor: noiseFactor ?? budget?.noiseFactor ?? RegressionRule.defaultNoiseFactor)
    }

    /// Throws when the budget cannot apply to this card (a grade its grid does not have).
    public func check(_ card: ScoreCard) throws(BudgetError) -> CheckOutcome {
        var outcome = CheckOutcome(target: Self.target(card), budget: budget?.file, baseline: baselineName,
                                   tolerance: rule.tolerance, noiseFactor: rule.noiseFactor, results: [],
                                   unmeasured: Measurability.problems(card), notes: [])
        // Nothing is compared with a target that could not be measured: its figures would mislead.
        guard outcome.unmeasured.isEmpty else { return outcome }
        let figures = JourneyFigures(card)
        if let budget {
            let (results, notes) = try BudgetEvaluator(budget: budget, journey: figures).evaluate()
            outcome.results += results
            outcome.notes += notes
        }
        if let baseline {
            let problems = Measurability.problems(baseline)
            if !problems.isEmpty {
                outcome.notes.append("the baseline was not fully measured (\(problems.joined(separator: "; "))): its unmeasured steps are not compared")
            }
            let usable = Measurability.measuredOnly(baseline)
            let (results, notes) = BaselineComparator(baseline: JourneyFigures(usable), current: figures, rule: rule).compare()
            outcome.results += results
            outcome.notes += notes
        }
        return outcome
    }

    static func target(_ card: ScoreCard) -> String {
        card.profile?.journeyName ?? card.steps.first?.url ?? card.grid.id
    }
}

/// Whether a score card's figures describe its target: every step loaded and the run went to its end.
public enum Measurability {
    public static func problems(_ card: ScoreCard) -> [String] {
        var problems: [String] = []
        if let incomplete = card.profile?.incomplete { problems.append("the profile is incomplete: \(incomplete)") }
        for step in card.steps {
            let name = step.name ?? step.url
            if let error = step.error { problems.append("step \(name) could not be loaded: \(error)") }
            else if step.run == nil { problems.append("step \(name) has no measured run") }
        }
        if card.profile != nil, card.steps.isEmpty { problems.append("the score card holds no measured step") }
        return problems
    }

    /// The card without the steps that were not measured.
    static func measuredOnly(_ card: ScoreCard) -> ScoreCard {
        var card = card
        card.steps.removeAll { $0.error != nil || $0.run == nil }
        return card
    }
}
