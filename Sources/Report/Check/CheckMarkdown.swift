import Model

/// A pull-request comment: the verdict, a table of what failed, what grew, notes, and the passed checks folded.
public enum CheckMarkdown {
    public static func render(_ outcome: CheckOutcome) -> String {
        var out: [String] = []
        let icon = switch outcome.verdict { case .passed: "✅"; case .failed: "❌"; case .unmeasured: "⚠️" }
        out.append("### \(icon) Ecoscore check: \(m(CheckTable.verdict(outcome)))")
        out.append("")
        var context = ["Target: \(m(outcome.target))"]
        if let budget = outcome.budget { context.append("budget \(m(budget))") }
        if let baseline = outcome.baseline {
            context.append("baseline \(m(baseline)) (tolerance \(CheckFormat.percent(outcome.tolerance)), noise factor \(m("\(outcome.noiseFactor)")))")
        }
        out.append(context.joined(separator: " · "))
        if !outcome.unmeasured.isEmpty {
            out.append("")
            out.append("The target could not be measured, so nothing was compared:")
            out += outcome.unmeasured.map { "- " + m($0) }
        }
        let failures = outcome.failures
        if !failures.isEmpty {
            out.append("")
            out += table(failures)
            for (kind, heading) in CheckTable.detailHeadings {
                let details = CheckTable.uniqueDetails(failures.filter { $0.kind == kind })
                guard !details.isEmpty else { continue }
                out.append("")
                out.append("**\(heading)**")
                out.append("")
                out += details.map { "- " + m($0) }
            }
        }
        if !outcome.notes.isEmpty {
            out.append("")
            out += outcome.notes.map { "> " + m($0) }
        }
        let passed = outcome.results.filter(\.passed)
        if !passed.isEmpty {
            out.append("")
            out.append("<details><summary>\(passed.count) check\(passed.count == 1 ? "" : "s") passed</summary>")
            out.append("")
            out += table(passed)
            out.append("")
            out.append("</details>")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ results: [CheckedFigure]) -> [String] {
        ["| | Check | Metric | Step | Limit or baseline | Value | Delta |", "|---|---|---|---|---|---|---|"]
            + results.map { r in
                "| \(r.passed ? "✅" : "❌") | " + [r.kind.rawValue, r.metric, r.step ?? "journey", r.referenceText, r.valueText, r.deltaText]
                    .map(m).joined(separator: " | ") + " |"
            }
    }

    static func m(_ s: String) -> String { TextSafety.markdown(s) }
}
