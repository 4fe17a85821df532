import Model

/// The criteria table, family by family: kind, status, points and the evidence behind each result (the value
/// against its threshold, the checks that pre-filled an answer, the requests that count against it).
struct CriteriaSection {
    struct Request { let url: String; let step: String?; let detail: String }
    struct Check {
        let metric: String
        let value: String
        let threshold: String
        let verdict: String
        let passed: Bool
        let failed: Bool
        let detail: String?
        let steps: String?
        let requests: [Request]
        let omitted: String?
    }
    struct StepLine { let name: String; let value: String; let points: String }
    struct Criterion {
        let id: String
        let title: String
        let kind: String
        let status: String
        let statusClass: String
        let points: String
        let measured: String?
        let threshold: String?
        let stepValues: [StepLine]
        let answer: String?
        let answerSource: String?
        let comment: String?
        let suggested: String?
        let checks: [Check]
        let prefilledNote: String?
        let note: String?
    }
    struct Family { let anchor: String; let title: String; let total: String; let caption: String; let criteria: [Criterion] }

    let families: [Family]

    init?(_ context: ReportContext) {
        guard !context.card.families.isEmpty else { return nil }
        families = context.card.families.enumerated().map { position, family in
            let title = context.language.text(family.title)
            let total = family.total.percent.map { context.style.percent($0) } ?? context.t("notScored")
            return Family(anchor: "family-\(position + 1)", title: title,
                          total: "\(context.points(family.total.points, max: family.total.max)) · \(total)",
                          caption: context.t("criteriaOf", title),
                          criteria: family.criteria.map { Self.criterion($0, context) })
        }
    }

    static func criterion(_ c: CriterionScore, _ context: ReportContext) -> Criterion {
        let style = context.style
        let answerSource: String? = c.answerSource.map { source in
            if source == "declared", let line = c.declared?.line { return context.t("declaredAtLine", style.integer(line)) }
            return context.t("source_" + source)
        }
        return Criterion(
            id: c.id, title: context.language.text(c.title), kind: context.t("kind_" + c.kind.rawValue),
            status: context.t("status_" + c.status.rawValue), statusClass: c.status.rawValue,
            points: c.points.map { context.points($0, max: c.max) } ?? "–",
            measured: c.measured.map { context.value($0, unit: c.unit ?? "") }, threshold: c.threshold,
            stepValues: (c.steps ?? []).map { step in
                StepLine(name: context.stepName(index: step.index, name: step.name),
                         value: context.value(step.value, unit: c.unit ?? ""),
                         points: step.points.map { context.points($0, max: step.outOf) } ?? "–")
            },
            answer: c.answer, answerSource: answerSource, comment: c.declared?.comment,
            suggested: c.prefilled.map { $0.answer ?? context.t("undecided") },
            checks: (c.prefilled?.checks ?? []).map { check($0, context) }, prefilledNote: c.prefilled?.note,
            note: c.note)
    }

    static func check(_ e: Evidence, _ context: ReportContext) -> Check {
        let verdict = e.passed.map { context.t($0 ? "passed" : "failed") } ?? context.t("notApplicableShort")
        return Check(metric: e.metric, value: context.value(e.value, unit: e.unit), threshold: e.threshold,
                     verdict: verdict, passed: e.passed == true, failed: e.passed == false, detail: e.detail,
                     steps: e.steps.isEmpty ? nil : e.steps.joined(separator: ", "),
                     requests: e.requests.map { Request(url: $0.url, step: $0.step, detail: $0.detail) },
                     omitted: e.requestsOmitted > 0 ? context.t("moreRequests", context.style.integer(e.requestsOmitted)) : nil)
    }
}
