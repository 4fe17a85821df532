import Model

/// JUnit XML for CI test reports: one `testsuite` per kind of check (budget, baseline), one `testcase` per limit
/// or compared figure, a `failure` for each that failed; a target that could not be measured is one `testcase`
/// with an `error`. The `tests`, `failures` and `errors` attributes count exactly those elements.
public enum CheckJUnit {
    public static func render(_ outcome: CheckOutcome) -> String {
        var suites: [(name: String, cases: [String], failures: Int, errors: Int)] = []
        if !outcome.unmeasured.isEmpty {
            let cases = outcome.unmeasured.map { problem in
                "    <testcase classname=\"ecoscore.measurement\" name=\"\(x(problem))\">\n"
                    + "      <error message=\"\(x(problem))\" type=\"unmeasured\"/>\n    </testcase>"
            }
            suites.append(("ecoscore measurement", cases, 0, cases.count))
        }
        for kind in [CheckKind.budget, .baseline] {
            let results = outcome.results.filter { $0.kind == kind }
            guard !results.isEmpty else { continue }
            suites.append(("ecoscore \(kind.rawValue)", results.map(testcase), results.filter { !$0.passed }.count, 0))
        }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"ecoscore check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(suite.name)\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"0\">\n"
            if suite.name != "ecoscore measurement" {
                out += properties(outcome)
            }
            out += suite.cases.map { $0 + "\n" }.joined()
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func testcase(_ r: CheckedFigure) -> String {
        let classname = "ecoscore.\(r.kind.rawValue).\(r.step.map { "step.\($0)" } ?? "journey")"
        let name = "\(r.metric)\(r.step.map { " on \($0)" } ?? "") \(r.referenceText)"
        let open = "    <testcase classname=\"\(x(classname))\" name=\"\(x(name))\">"
        guard !r.passed else {
            return open + "\n      <system-out>\(x(r.message))</system-out>\n    </testcase>"
        }
        let body = ([r.message] + r.details + (r.source.map { ["budget: \($0)"] } ?? [])).joined(separator: "\n")
        return open + "\n      <failure message=\"\(x(r.message))\" type=\"\(r.kind.rawValue)\">\(x(body))</failure>\n    </testcase>"
    }

    static func properties(_ outcome: CheckOutcome) -> String {
        let pairs: [(String, String?)] = [
            ("target", outcome.target), ("budget", outcome.budget), ("baseline", outcome.baseline),
            ("tolerance", CheckFormat.percent(outcome.tolerance)), ("noiseFactor", "\(outcome.noiseFactor)"),
        ]
        let items = pairs.compactMap { name, value in
            value.map { "      <property name=\"\(name)\" value=\"\(x($0))\"/>\n" }
        }
        return "    <properties>\n" + items.joined() + "    </properties>\n"
    }

    static func x(_ s: String) -> String { TextSafety.xml(s) }
}

enum CheckFormat {
    /// 0.1 → "10 %".
    static func percent(_ fraction: Double) -> String {
        let p = fraction * 100
        return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
    }
}
