import Model

/// The readable summary `ecoscore check` prints: a table of what failed (metric, step, limit or baseline,
/// value, delta), what grew, the notes, and a one-line verdict.
public enum CheckTable {
    public static func render(_ outcome: CheckOutcome) -> String {
        var lines: [String] = []
        if outcome.verdict == .unmeasured {
            lines.append("The target could not be measured, so nothing was compared:")
            lines += outcome.unmeasured.map { "  - " + TextSafety.singleLine($0) }
        }
        let failures = outcome.failures
        if !failures.isEmpty {
            // The budget line column only when a budget limit failed: it is where the reader goes to fix it.
            let withSource = failures.contains { $0.source != nil }
            let rows = failures.map { r in
                ([r.kind.rawValue, r.metric, r.step ?? "journey", r.referenceText, r.valueText, r.deltaText]
                    + (withSource ? [r.source ?? ""] : []))
                    .map(TextSafety.singleLine)
            }
            lines += table(header: ["check", "metric", "step", "limit or baseline", "value", "delta"]
                                + (withSource ? ["budget line"] : []), rows: rows)
            for (kind, heading) in detailHeadings {
                let details = uniqueDetails(failures.filter { $0.kind == kind })
                guard !details.isEmpty else { continue }
                lines.append("")
                lines.append(heading + ":")
                lines += details.map { "  " + TextSafety.singleLine($0) }
            }
        }
        if !outcome.notes.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += outcome.notes.map { "Note: " + TextSafety.singleLine($0) }
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(verdict(outcome))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "FAILED: 2 of 41 checks failed …", "PASSED: all 41 checks hold …", "NOT MEASURED: …".
    public static func verdict(_ outcome: CheckOutcome) -> String {
        let against = [outcome.budget.map { "budget \($0)" }, outcome.baseline.map { "baseline \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
        let what = TextSafety.singleLine(against.isEmpty ? "" : " against \(against)")
        let total = outcome.results.count
        switch outcome.verdict {
        case .unmeasured:
            return "NOT MEASURED: \(outcome.unmeasured.count) problem\(outcome.unmeasured.count == 1 ? "" : "s") with the score card\(what)"
        case .failed:
            return "FAILED: \(outcome.failures.count) of \(total) check\(total == 1 ? "" : "s") failed\(what)"
        case .passed:
            return "PASSED: \(total == 1 ? "the check holds" : "all \(total) checks hold")\(what)"
        }
    }

    static let detailHeadings: [(CheckKind, String)] = [
        (.baseline, "What grew since the baseline"), (.budget, "Heaviest requests counted by the failed limits"),
    ]

    /// Each failing figure of a step repeats what grew on it; a reader needs each line once.
    static func uniqueDetails(_ results: [CheckedFigure]) -> [String] {
        var seen = Set<String>()
        return results.flatMap(\.details).filter { seen.insert($0).inserted }
    }

    static func table(header: [String], rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces
        }
        return [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
