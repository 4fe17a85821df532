import Foundation
import Model

/// Pre-filling declared criteria from measurements (RGESN 3.3, 4.8, 5.1, 6.1, 6.2, 6.3, 6.7 in the bundled
/// grid): each check compares a metric with a limit from the grid; the checks combine (`all`/`any`) into an
/// outcome, and the grid says which answer each outcome supports.
///
/// Steps that could not be measured (`ProfileFacts.unmeasuredSteps`: every run failed, or none was made) were
/// not seen, so nothing that depends on them is concluded: a limit every step must meet fails on a measured
/// step that exceeds it but does not pass; a share pooled over the steps decides nothing either way (the
/// unseen steps could move it); and "nothing to measure" (`whenUndefined`) is not claimed.
extension EvidenceRule {
    /// Requests listed per check at most; the rest are counted in `requestsOmitted`.
    static let requestsListed = 20

    /// What the profile says; `answer` is nil when the outcome decides nothing.
    func evaluate(_ facts: ProfileFacts, options: [AnswerOption]) -> MeasuredAnswer {
        var evidence: [Evidence] = []
        var outcomes: [Bool?] = []
        for check in checks {
            guard let def = MetricCatalogue.named(check.metric) else { continue }
            let (e, passed) = Self.check(check, def, facts)
            evidence.append(e)
            outcomes.append(passed)
        }
        let defined = outcomes.compactMap { $0 }
        let undefinedCount = outcomes.count - defined.count
        var answer: String?
        if defined.isEmpty {
            answer = facts.unmeasuredSteps.isEmpty ? whenUndefined : nil
        } else {
            switch combine ?? .all {
            case .all:
                if defined.contains(false) { answer = onFail } else if undefinedCount == 0 { answer = onPass }
            case .any:
                if defined.contains(true) { answer = onPass } else if undefinedCount == 0 { answer = onFail }
            }
        }
        let canonical = answer.flatMap { a in options.first { $0.matches(a) }?.id }
        let unseen = facts.unmeasuredSteps.isEmpty ? nil
            : .say(fr: "Non mesurées, donc pas des preuves : ", en: "Not measured, so not evidence: ")
                + facts.unmeasuredText().map { $0 + "." }
        let notes = [note, unseen].compactMap { $0 }
        let text = notes.isEmpty ? nil : notes.joined(separator: " ")
        return MeasuredAnswer(answer: canonical, checks: evidence, note: text?.en, noteText: text)
    }

    /// One check: a profile metric directly; a step metric at its worst step (every step must meet the limit).
    static func check(_ check: EvidenceCheckRule, _ def: MetricDefinition, _ facts: ProfileFacts) -> (Evidence, Bool?) {
        func listed(_ requests: [EvidenceRequest]) -> ([EvidenceRequest], Int) {
            (Array(requests.prefix(requestsListed)), max(0, requests.count - requestsListed))
        }
        switch def.scope {
        case .inventory:
            let detail = Bilingual.say(fr: "une métrique de parc : pas une preuve tirée d’un profil",
                                       en: "an inventory metric: not evidence from a profile")
            return (Evidence(metric: check.metric, unit: def.unit, value: nil, threshold: check.describe, passed: nil,
                             detail: detail.en, detailText: detail), nil)
        case .profile:
            let r = facts.whole(check.metric)
            let passed = facts.unmeasuredSteps.isEmpty ? r.value.map(check.passes) : nil
            let (requests, omitted) = listed(r.requests)
            return (Evidence(metric: check.metric, unit: def.unit, value: r.value, threshold: check.describe,
                             passed: passed, detail: r.detail, detailText: r.text, steps: [], requests: requests, requestsOmitted: omitted),
                    passed)
        case .step:
            let values = (0..<facts.stepCount).compactMap { i -> (Int, MetricResult, Double)? in
                let r = facts.step(check.metric, i)
                return r.value.map { (i, r, $0) }
            }
            let unseen: Bilingual? = facts.unmeasuredSteps.isEmpty ? nil
                : .say(fr: " ; non mesurées : ", en: "; not measured: ") + facts.unmeasuredText()
            guard !values.isEmpty else {
                let detail = .say(fr: "aucune étape à mesurer", en: "no step to measure") + (unseen ?? Bilingual(same: ""))
                return (Evidence(metric: check.metric, unit: def.unit, value: nil, threshold: check.describe, passed: nil,
                                 detail: detail.en, detailText: detail), nil)
            }
            let worst = check.upperLimit ? values.max { $0.2 < $1.2 }! : values.min { $0.2 < $1.2 }!
            let failing = values.filter { !check.passes($0.2) }
            let passed: Bool? = failing.isEmpty ? (unseen == nil ? true : nil) : false
            let (requests, omitted) = listed(worst.1.requests)
            let steps = (failing.isEmpty ? [worst] : failing).map { facts.stepName($0.0) }
            let worstText = Bilingual.unit(def.unit).map { "\(facts.stepName(worst.0)) (\(GridFormat.number(worst.2)) \($0))" }
            let verdict: Bilingual = failing.isEmpty
                ? (unseen == nil
                    ? .say(fr: "chaque étape la respecte ; la pire : ", en: "every step meets it; worst: ")
                    : .say(fr: "chaque étape mesurée la respecte ; la pire : ", en: "every measured step meets it; worst: "))
                : .say(fr: "\(failing.count) étapes sur \(values.count) la dépassent ; la pire : ",
                       en: "\(failing.count) of \(values.count) steps exceed it; worst: ")
            let detail = verdict + worstText + (unseen ?? Bilingual(same: ""))
            return (Evidence(metric: check.metric, unit: def.unit, value: worst.2, threshold: check.describe,
                             passed: passed, detail: detail.en, detailText: detail, steps: steps, requests: requests, requestsOmitted: omitted),
                    passed)
        }
    }
}

extension AnswerOption {
    /// Whether two answers disagree: one says "not applicable" and the other not, or their points differ.
    func contradicts(_ other: AnswerOption) -> Bool {
        if (notApplicable ?? false) != (other.notApplicable ?? false) { return true }
        if notApplicable == true { return false }
        return (points ?? 0) != (other.points ?? 0)
    }
}
