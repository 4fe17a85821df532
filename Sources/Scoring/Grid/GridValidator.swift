import Foundation
import Model

/// The rules a decoded grid must follow. Each issue names the field it is about.
struct GridValidator {
    let grid: Grid
    let displayTime: DisplayTimeModel?

    static let operators: Set = ["<", "<=", ">", ">="]

    func issues() -> [GridIssue] {
        var issues: [GridIssue] = []
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }

        if let format = grid.format, format != Grid.supportedFormat {
            add([.key("format")], "grid format \(format) is not supported (this ecoscore reads format \(Grid.supportedFormat))")
        }
        if grid.id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#, options: .regularExpression) == nil {
            add([.key("id")], "an id is letters, digits, '.', '_' or '-', got '\(grid.id)'")
        }
        for (field, value) in [("version", grid.version), ("source", grid.source), ("licence", grid.licence)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add([.key(field)], "must not be empty")
        }
        text(grid.title, [.key("title")], &issues)
        text(grid.official, [.key("official")], &issues)
        if let d = grid.description { text(d, [.key("description")], &issues) }

        // Grades: best first, each bound lower than the one before, within 0…100.
        var seenGrades: Set<String> = []
        for (i, g) in (grid.grades ?? []).enumerated() {
            let p: [YAMLPathKey] = [.key("grades"), .index(i)]
            if g.grade.isEmpty { add(p + "grade", "must not be empty") }
            if !seenGrades.insert(g.grade).inserted { add(p + "grade", "duplicate grade '\(g.grade)'") }
            if !(0...100).contains(g.min) { add(p + "min", "must be between 0 and 100") }
            if i > 0, let prev = grid.grades?[i - 1], g.min >= prev.min {
                add(p + "min", "grades must be listed best first with decreasing 'min' (\(GridFormat.number(g.min)) ≥ \(GridFormat.number(prev.min)))")
            }
        }

        for (name, options) in (grid.answerSets ?? [:]).sorted(by: { $0.key < $1.key }) {
            self.options(options, [.key("answerSets"), .key(name)], &issues)
        }

        if grid.families.isEmpty { add([.key("families")], "a grid needs at least one family") }
        var familyIds: [String: [YAMLPathKey]] = [:]
        var criterionIds: [String: [YAMLPathKey]] = [:]
        var usedNeeds: [MetricDefinition.Need: [YAMLPathKey]] = [:]
        for (i, family) in grid.families.enumerated() {
            let fp: [YAMLPathKey] = [.key("families"), .index(i)]
            if family.id.isEmpty { add(fp + "id", "must not be empty") }
            if let first = familyIds[family.id] {
                add(fp + "id", "duplicate family id '\(family.id)' (first at \(first.dotted))")
            } else { familyIds[family.id] = fp + "id" }
            text(family.title, fp + "title", &issues)
            weight(family.weight, fp + "weight", &issues)
            if family.criteria.isEmpty { add(fp + "criteria", "a family needs at least one criterion") }
            for (j, c) in family.criteria.enumerated() {
                let cp = fp + "criteria" + j
                if c.id.isEmpty { add(cp + "id", "must not be empty") }
                if let first = criterionIds[c.id] {
                    add(cp + "id", "duplicate criterion id '\(c.id)' (first at \(first.dotted))")
                } else { criterionIds[c.id] = cp + "id" }
                text(c.title, cp + "title", &issues)
                weight(c.weight, cp + "weight", &issues)
                switch c.kind {
                case .measured: measured(c, cp, &issues, &usedNeeds)
                case .declared: declared(c, cp, &issues, &usedNeeds)
                }
            }
        }
        parameters(usedNeeds, &issues)
        return issues
    }

    // MARK: - Parts

    private func measured(_ c: Criterion, _ cp: [YAMLPathKey], _ issues: inout [GridIssue],
                          _ needs: inout [MetricDefinition.Need: [YAMLPathKey]]) {
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }
        for (field, present) in [("answers", c.answers != nil), ("evidence", c.evidence != nil), ("help", c.help != nil)]
        where present {
            add(cp + field, "only declared criteria have '\(field)'")
        }
        guard let id = c.metric else { add(cp + "metric", "a measured criterion needs a metric"); return }
        guard let metric = MetricCatalogue.named(id) else {
            add(cp + "metric", "unknown metric '\(id)' (see `ecoscore grids metrics`: \(MetricCatalogue.all.map(\.id).joined(separator: ", ")))")
            return
        }
        for need in metric.needs where needs[need] == nil { needs[need] = cp + "metric" }
        if c.aggregate != nil, metric.scope != .step {
            add(cp + "aggregate", "'\(id)' has one value for the whole profile: 'aggregate' only applies to step metrics")
        }
        guard let bands = c.thresholds, !bands.isEmpty else {
            add(cp + "thresholds", "a measured criterion needs threshold bands")
            return
        }
        self.bands(bands, direction: c.direction ?? metric.better, cp + "thresholds", &issues)
    }

    /// Bands ascend by value and are contiguous; points never rise as the value gets worse.
    func bands(_ bands: [Band], direction: Direction, _ path: [YAMLPathKey], _ issues: inout [GridIssue]) {
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }
        let last = bands.count - 1
        for (k, b) in bands.enumerated() {
            let bp = path + k
            if !b.points.isFinite || b.points < 0 { add(bp + "points", "points must be 0 or more") }
            if let f = b.from, !f.isFinite { add(bp + "from", "must be a finite number") }
            if let t = b.to, !t.isFinite { add(bp + "to", "must be a finite number") }
            if k == 0, b.from != nil { add(bp + "from", "the first band has no 'from': it starts below every value") }
            if k == last, b.to != nil { add(bp + "to", "the last band has no 'to': it goes on above every value") }
            if k > 0, b.from == nil { add(bp, "band \(k) needs 'from' (the previous band's 'to')") }
            if k < last, b.to == nil { add(bp, "band \(k) needs 'to' (bands are listed by ascending value)") }
            if let f = b.from, let t = b.to, f >= t {
                add(bp, "band \(k) is empty or inverted: from \(GridFormat.number(f)) ≥ to \(GridFormat.number(t))")
            }
            guard k > 0 else { continue }
            let prev = bands[k - 1]
            if let f = b.from, let pf = prev.from, f < pf {
                add(bp + "from", "thresholds are not sorted by ascending value: from \(GridFormat.number(f)) comes after from \(GridFormat.number(pf))")
            } else if let t = b.to, let pt = prev.to, t <= pt {
                add(bp + "to", "thresholds are not sorted by ascending value: to \(GridFormat.number(t)) comes after to \(GridFormat.number(pt))")
            } else if let f = b.from, let pt = prev.to, f < pt {
                add(bp + "from", "band \(k) overlaps band \(k - 1): from \(GridFormat.number(f)) < previous to \(GridFormat.number(pt))")
            } else if let f = b.from, let pt = prev.to, f > pt {
                add(bp + "from", "gap between band \(k - 1) (to \(GridFormat.number(pt))) and band \(k) (from \(GridFormat.number(f)))")
            }
            let worse = direction == .lowerIsBetter ? b.points > prev.points : b.points < prev.points
            if worse {
                add(bp + "points", direction == .lowerIsBetter
                    ? "lower is better: points must not rise as the value rises (\(GridFormat.number(b.points)) > \(GridFormat.number(prev.points)))"
                    : "higher is better: points must not fall as the value rises (\(GridFormat.number(b.points)) < \(GridFormat.number(prev.points)))")
            }
        }
    }

    private func declared(_ c: Criterion, _ cp: [YAMLPathKey], _ issues: inout [GridIssue],
                          _ needs: inout [MetricDefinition.Need: [YAMLPathKey]]) {
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }
        for (field, present) in [("metric", c.metric != nil), ("thresholds", c.thresholds != nil),
                                 ("direction", c.direction != nil), ("aggregate", c.aggregate != nil)] where present {
            add(cp + field, "only measured criteria have '\(field)'")
        }
        if let help = c.help {
            for (field, t) in [("objective", help.objective), ("implementation", help.implementation),
                               ("check", help.check), ("applicability", help.applicability)] {
                if let t, t.fr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    add(cp + "help" + field + "fr", "missing French text")
                }
            }
        }
        var options: [AnswerOption] = []
        switch c.answers {
        case nil:
            add(cp + "answers", "a declared criterion needs its allowed answers (a set name or a list)")
        case .set(let name):
            if let set = grid.answerSets?[name] { options = set } else {
                add(cp + "answers", "unknown answer set '\(name)' (grid has: \((grid.answerSets ?? [:]).keys.sorted().joined(separator: ", ")))")
            }
        case .inline(let list):
            options = list
            self.options(list, cp + "answers", &issues)
        }
        guard let evidence = c.evidence else { return }
        let ep = cp + "evidence"
        if evidence.checks.isEmpty { add(ep + "checks", "evidence needs at least one check") }
        for (k, check) in evidence.checks.enumerated() {
            let kp = ep + "checks" + k
            if let metric = MetricCatalogue.named(check.metric) {
                if metric.scope == .inventory {
                    add(kp + "metric", "'\(check.metric)' is an inventory metric: evidence is taken from a profile")
                }
                for need in metric.needs where needs[need] == nil { needs[need] = kp + "metric" }
            } else {
                add(kp + "metric", "unknown metric '\(check.metric)' (see `ecoscore grids metrics`)")
            }
            if !Self.operators.contains(check.op) {
                add(kp + "op", "unknown comparison '\(check.op)' (allowed: <, <=, >, >=)")
            }
            if !check.value.isFinite { add(kp + "value", "must be a finite number") }
        }
        if let note = evidence.note { text(note, ep + "note", &issues) }
        for (field, answer) in [("onPass", evidence.onPass), ("onFail", evidence.onFail),
                                ("whenUndefined", evidence.whenUndefined)] {
            guard let answer, !options.isEmpty else { continue }
            if !options.contains(where: { $0.matches(answer) }) {
                add(ep + field, "'\(answer)' is not one of the criterion's answers (\(options.map(\.id).joined(separator: ", ")))")
            }
        }
        if evidence.onPass == nil, evidence.onFail == nil, evidence.whenUndefined == nil {
            add(ep, "evidence must support at least one answer (onPass, onFail or whenUndefined)")
        }
    }

    private func options(_ options: [AnswerOption], _ path: [YAMLPathKey], _ issues: inout [GridIssue]) {
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }
        if options.isEmpty { add(path, "at least one allowed answer") }
        var seen: Set<String> = []
        for (i, o) in options.enumerated() {
            let op = path + i
            if o.id.isEmpty { add(op + "id", "must not be empty") }
            for spelling in [o.id] + (o.aliases ?? []) where !seen.insert(AnswerOption.normalize(spelling)).inserted {
                add(op + "id", "duplicate answer '\(spelling)'")
            }
            text(o.label, op + "label", &issues)
            if o.notApplicable == true {
                if o.points != nil { add(op + "points", "a 'not applicable' answer has no points") }
            } else if let p = o.points {
                if !p.isFinite || p < 0 { add(op + "points", "points must be 0 or more") }
            } else {
                add(op + "points", "an answer needs points (or notApplicable: true)")
            }
        }
        if !options.isEmpty, !options.contains(where: { ($0.points ?? 0) > 0 }) {
            add(path, "no answer gives points: the criterion could never score")
        }
    }

    private func parameters(_ needs: [MetricDefinition.Need: [YAMLPathKey]], _ issues: inout [GridIssue]) {
        func add(_ path: [YAMLPathKey], _ message: String) { issues.append(GridIssue(path: path, message: message)) }
        let p = grid.parameters
        for (need, usedAt) in needs.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            switch need {
            case .displayTimeModel:
                if p?.network == nil {
                    add([.key("parameters")], "\(usedAt.dotted) needs parameters.network (a profile of \(DisplayTimeModel.bundledPath))")
                }
            case .compression where p?.metrics?.compression == nil,
                 .cache where p?.metrics?.cache == nil,
                 .images where p?.metrics?.images == nil,
                 .protocols where p?.metrics?.protocols == nil,
                 .staticResources where p?.metrics?.staticResources == nil:
                add([.key("parameters")], "\(usedAt.dotted) needs \(need.rawValue)")
            default:
                break  // the display-time model is checked above; energy comes from models/footprint.yaml
            }
        }
        if let network = p?.network {
            if let model = displayTime {
                if model.profile(network) == nil {
                    add([.key("parameters"), .key("network")],
                        "unknown network profile '\(network)' (\(model.profiles.map(\.id).joined(separator: ", ")))")
                }
            } else {
                add([.key("parameters"), .key("network")], "\(DisplayTimeModel.bundledPath) is missing from the installed data")
            }
        }
        if let types = p?.metrics?.cache?.staticTypes {
            for t in types where ResourceType(rawValue: t) == nil {
                add([.key("parameters"), .key("metrics"), .key("cache"), .key("staticTypes")],
                    "unknown resource type '\(t)' (\(ResourceType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let types = p?.metrics?.staticResources?.types {
            for t in types where ResourceType(rawValue: t) == nil {
                add([.key("parameters"), .key("metrics"), .key("staticResources"), .key("types")],
                    "unknown resource type '\(t)' (\(ResourceType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }

    // MARK: - Helpers

    private func text(_ t: Bilingual, _ path: [YAMLPathKey], _ issues: inout [GridIssue]) {
        if t.fr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(GridIssue(path: path + "fr", message: "missing French text"))
        }
        if t.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(GridIssue(path: path + "en", message: "missing English text"))
        }
    }

    private func weight(_ w: Double?, _ path: [YAMLPathKey], _ issues: inout [GridIssue]) {
        if let w, !(w > 0 && w.isFinite) {
            issues.append(GridIssue(path: path, message: "a weight must be more than 0, got \(GridFormat.number(w))"))
        }
    }
}

/// Numbers as a person writes them in messages and threshold descriptions.
enum GridFormat {
    /// No ".0" on integers.
    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    static func oneDecimal(_ x: Double) -> String { String(format: "%.1f", x) }
}
