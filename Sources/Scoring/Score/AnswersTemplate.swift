import Foundation

/// The answers file a team fills in: every declared criterion of a grid with its question, its help text
/// (objective, how to check) as YAML comments, its allowed answers, and an empty status.
public enum AnswersTemplate {
    public static func render(_ grid: Grid, width: Int = 110) -> String {
        var out: [String] = []
        func comment(_ text: String, indent: String = "", prefix: String = "") {
            for line in wrap(text, width: width - indent.count - 2 - prefix.count) {
                out.append(line.isEmpty ? "\(indent)#" : "\(indent)# \(prefix)\(line)")
            }
        }
        out.append("# Answers for \(grid.title.fr) / \(grid.title.en)")
        out.append("# Grid \(grid.id), version \(grid.version). Source: \(grid.source). Licence: \(grid.licence).")
        out.append("#")
        comment("Written by `ecoscore answers init --grid \(grid.id)`. For each criterion, set `status` to one of the allowed answers and say why in `comment` (what a reviewer can check). An empty status leaves the criterion unanswered: it is listed as such in the score card and \(grid.unansweredPolicy == .zero ? "counts 0 points in the maximum" : "is left out of the maximum").")
        let evidenced = grid.allCriteria.filter { $0.criterion.evidence != nil }.map(\.criterion.id)
        if !evidenced.isEmpty {
            comment("Criteria marked [measured] (\(evidenced.joined(separator: ", "))) are pre-filled by `ecoscore score` from the profile when left empty; an answer you give is kept, and flagged when it contradicts the measurement.")
        }
        for (name, options) in (grid.answerSets ?? [:]).sorted(by: { $0.key < $1.key }) {
            out.append("#")
            out.append("# Answers \"\(name)\": " + options.map(describe).joined(separator: " | "))
        }
        out.append("grid: \(quote(grid.id))")
        let declared = grid.families.filter { $0.criteria.contains { $0.kind == .declared } }
        guard !declared.isEmpty else {
            out.append("answers: {}   # this grid has no declared criteria: everything is measured")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("answers:")
        for family in declared {
            out.append("")
            out.append("  # ── \(family.title.fr) / \(family.title.en) " + String(repeating: "─", count: max(3, 70 - family.title.fr.count - family.title.en.count)))
            for c in family.criteria where c.kind == .declared {
                out.append("")
                let indent = "  "
                comment("\(c.id) — \(c.title.fr)", indent: indent)
                comment("(en) \(c.title.en)", indent: indent, prefix: "  ")
                var facts: [String] = []
                for (k, v) in (c.meta ?? [:]).sorted(by: { $0.key < $1.key }) where k != "cible" && k != "métiers" { facts.append("\(k): \(v)") }
                facts.append("weight \(GridFormat.number(c.weight ?? 1))")
                comment(facts.joined(separator: " · "), indent: indent, prefix: "  ")
                if let help = c.help {
                    for (label, text) in [("Applicabilité / applicability", help.applicability),
                                          ("Objectif / objective", help.objective),
                                          ("Contrôle / how to check", help.check)] {
                        guard let text else { continue }
                        comment("\(label):", indent: indent, prefix: "  ")
                        comment(text.fr, indent: indent, prefix: "    ")
                        if let en = text.en { comment("(en) " + en, indent: indent, prefix: "    ") }
                    }
                }
                if let e = c.evidence {
                    let checks = e.checks.map { "\($0.metric) \($0.describe)" }.joined(separator: e.combine == .any ? " or " : " and ")
                    var outcome: [String] = []
                    if let p = e.onPass { outcome.append("pass → \(p)") }
                    if let f = e.onFail { outcome.append("fail → \(f)") }
                    if let u = e.whenUndefined { outcome.append("nothing to measure → \(u)") }
                    comment("[measured] \(checks): \(outcome.joined(separator: ", "))", indent: indent, prefix: "  ")
                    if let note = e.note { comment(note.en, indent: indent, prefix: "    ") }
                }
                let options = grid.options(for: c)
                comment("Answers: " + options.map(\.id).joined(separator: " | "), indent: indent, prefix: "  ")
                out.append("  \(quote(c.id)):")
                out.append("    status:")
                out.append("    comment:")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ o: AnswerOption) -> String {
        if o.notApplicable == true { return "\(o.id) (left out)" }
        return "\(o.id) (\(GridFormat.number(o.points ?? 0)))"
    }

    /// A YAML double-quoted scalar.
    static func quote(_ s: String) -> String {
        var escaped = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if ch.value < 0x20 { escaped += String(format: "\\x%02X", ch.value) } else { escaped.unicodeScalars.append(ch) }
            }
        }
        return "\"\(escaped)\""
    }

    /// Paragraphs and lines kept; long lines broken at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(20, width)
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { if lines.last != "" { lines.append("") }; continue }
            let lead = raw.prefix { $0 == " " }.count >= 2 ? "  " : ""
            var current = lead
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                if current.count + word.count + 1 > width, current.trimmingCharacters(in: .whitespaces).count > 0 {
                    lines.append(current)
                    current = lead + "  "
                }
                current += (current.trimmingCharacters(in: .whitespaces).isEmpty ? "" : " ") + word
            }
            lines.append(current)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
