import Model

/// The criteria table: every criterion with a result (scored, not applicable, flagged, unmeasured), its status and
/// points, and the evidence behind it (the value against its threshold, the answer, the checks that pre-filled
/// it, the requests that count against it) written as lines of one cell. Unanswered criteria have no evidence:
/// they are listed once, in the unanswered section.
struct CriteriaSection {
    struct Row {
        /// Id and title, then the family on a second line.
        let criterion: String
        /// Status, then points and kind.
        let result: String
        let statusClass: String
        let evidence: String
    }

    let rows: [Row]
    let unansweredNote: String?

    init?(_ context: ReportContext) {
        let card = context.card
        guard !card.families.isEmpty else { return nil }
        let familyLabel = context.t(card.grid.id.hasPrefix("rgesn") ? "theme" : "family")
        rows = card.families.flatMap { family in
            family.criteria.filter { $0.status != .unanswered }.map { c in
                Row(criterion: "\(c.id) \(context.language.text(c.title))\n"
                        + context.labelled(familyLabel, context.language.text(family.title)),
                    result: context.t("status_" + c.status.rawValue) + "\n"
                        + (c.points.map { context.points($0, max: c.max) } ?? "–") + " · " + context.t("kind_" + c.kind.rawValue),
                    statusClass: c.status.rawValue, evidence: Self.evidence(c, context))
            }
        }
        let unanswered = card.families.flatMap(\.criteria).filter { $0.status == .unanswered }.count
        unansweredNote = unanswered == 0 ? nil : context.t("unansweredElsewhere", context.style.integer(unanswered))
    }

    /// The evidence of one criterion, one fact per line ("–" when there is none).
    static func evidence(_ c: CriterionScore, _ context: ReportContext) -> String {
        let style = context.style
        var lines: [String] = []
        let threshold = context.language.text(c.thresholdText, or: c.threshold).map { "\(context.t("threshold")) \($0)" }
        if let measured = c.measured {
            lines.append("\(context.t("measuredValue")) \(context.value(measured, unit: c.unit ?? ""))"
                         + (threshold.map { " · " + $0 } ?? ""))
        } else if let threshold {
            lines.append(threshold)
        }
        for step in c.steps ?? [] {
            lines.append(context.labelled(context.stepName(index: step.index, name: step.name),
                                          context.value(step.value, unit: c.unit ?? "") + " → "
                                              + (step.points.map { context.points($0, max: step.outOf) } ?? "–")))
        }
        if let answer = c.answer {
            let source: String? = c.answerSource.map { source in
                if source == "declared", let line = c.declared?.line { return context.t("declaredAtLine", style.integer(line)) }
                return context.t("source_" + source)
            }
            lines.append("\(context.t("answer")) \(answer)" + (source.map { " (\($0))" } ?? ""))
        }
        if let comment = c.declared?.comment { lines.append("\(context.t("comment")) \(comment)") }
        if let prefilled = c.prefilled {
            lines.append("\(context.t("measurementSuggests")) \(prefilled.answer ?? context.t("undecided"))")
            for check in prefilled.checks { lines += Self.check(check, context) }
            if let note = context.language.text(prefilled.noteText, or: prefilled.note) { lines.append(note) }
        }
        // The scorer often repeats the pre-fill note as the criterion's note: said once.
        if let note = context.language.text(c.noteText, or: c.note), c.note != c.prefilled?.note {
            lines.append("\(context.t("note")) \(note)")
        }
        return lines.isEmpty ? "–" : lines.joined(separator: "\n")
    }

    /// A check that pre-filled an answer: metric, value, threshold and verdict, then its detail, steps and requests.
    static func check(_ e: Evidence, _ context: ReportContext) -> [String] {
        let verdict = e.passed.map { context.t($0 ? "passed" : "failed") } ?? context.t("notApplicableShort")
        var lines = ["• \(e.metric) = \(context.value(e.value, unit: e.unit)) (\(context.t("threshold")) \(e.threshold)) — \(verdict)"]
        if let detail = context.language.text(e.detailText, or: e.detail) { lines.append(detail) }
        if !e.steps.isEmpty { lines.append("\(context.t("steps")) \(e.steps.joined(separator: ", "))") }
        lines += e.requests.map { r in
            "– \(r.url)" + (r.step.map { " (\($0))" } ?? "") + " — " + (context.language.text(r.detailText, or: r.detail) ?? "")
        }
        if e.requestsOmitted > 0 { lines.append(context.t("moreRequests", context.style.integer(e.requestsOmitted))) }
        return lines
    }
}
