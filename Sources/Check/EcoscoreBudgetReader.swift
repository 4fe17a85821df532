import Model
import Yams

/// Ecoscore's own budget format (docs/budgets.md, docs/budget.schema.json).
struct EcoscoreBudgetReader {
    let reader: YAMLReader

    static let topKeys = ["version", "tolerance", "noiseFactor", "journey", "steps"]
    static let selectorKeys = ["name", "path", "firstPartyHosts"]
    static let limitKeys = BudgetMetric.allCases.map(\.rawValue) + ["resourceSizes", "resourceCounts"]
    /// A step has no grade and no journey score of its own.
    static let stepLimitKeys = limitKeys.filter { $0 != "minGrade" && $0 != "minJourneyScore" }

    func read(_ root: Node) throws(BudgetError) -> Budget {
        var budget = Budget(file: reader.file, format: .ecoscore)
        for (key, keyNode, value) in try reader.mapping(root, "the budget") {
            switch key {
            case "version":
                guard case .scalar(let s) = value, s.string == "1" else {
                    throw reader.fail("version: this Ecoscore reads budget version 1", at: value)
                }
            case "tolerance":
                budget.tolerance = try reader.quantity(value, "tolerance", expected: "a percentage such as 10%", Quantity.percent)
            case "noiseFactor":
                budget.noiseFactor = try reader.quantity(value, "noiseFactor", expected: "a number of zero or more", Quantity.nonNegative)
            case "journey":
                budget.journey = try limits(value, in: "journey", allowed: Self.limitKeys)
            case "steps":
                budget.steps = try reader.sequence(value, "steps").map { node throws(BudgetError) in try rule(node) }
            default:
                throw reader.unknownKey(key, keyNode, in: "the budget", known: Self.topKeys)
            }
        }
        if budget.journey.isEmpty && budget.steps.allSatisfy(\.limits.isEmpty) {
            throw reader.fail("the budget sets no limit (give journey: or steps: limits)", at: root)
        }
        return budget
    }

    func rule(_ node: Node) throws(BudgetError) -> StepRule {
        var selector = StepSelector()
        var hosts: [String]?
        for (key, _, value) in try reader.mapping(node, "a step rule") {
            switch key {
            case "name": selector.name = NamePattern(try reader.string(value, "name"))
            case "path":
                let text = try reader.string(value, "path")
                guard let pattern = PathPattern(text) else {
                    throw reader.fail("path '\(text)' must start with '/' and may end with '$' (a Lighthouse path pattern)", at: value)
                }
                selector.path = pattern
            case "firstPartyHosts":
                hosts = try reader.sequence(value, "firstPartyHosts").map { h throws(BudgetError) in
                    try FirstParty.validated(try reader.string(h, "a first-party host"), reader: reader, at: h)
                }
            default: continue
            }
        }
        let limits = try limits(node, in: "a step rule", allowed: Self.stepLimitKeys, ignoring: Self.selectorKeys)
        guard !limits.isEmpty else { throw reader.fail("this step rule sets no limit", at: node) }
        return StepRule(selector: selector, limits: limits, firstPartyHosts: hosts, line: node.mark?.line)
    }

    /// The limits of a mapping: metric keys, `resourceSizes` and `resourceCounts`.
    func limits(_ node: Node, in what: String, allowed: [String], ignoring: [String] = []) throws(BudgetError) -> [BudgetLimit] {
        var limits: [BudgetLimit] = []
        for (key, keyNode, value) in try reader.mapping(node, what) where !ignoring.contains(key) {
            if let metric = BudgetMetric(rawValue: key), allowed.contains(key) {
                limits.append(BudgetLimit(figure: .metric(metric), bound: try bound(metric, value), line: value.mark?.line))
            } else if key == "resourceSizes" || key == "resourceCounts" {
                let sizes = key == "resourceSizes"
                for (name, nameNode, limitNode) in try reader.mapping(value, key) {
                    guard let group = ResourceGroup.named(name, lighthouse: false) else {
                        throw reader.fail("\(key): unknown resource type '\(name)' (known: \(ResourceGroup.names(lighthouse: false).joined(separator: ", ")))", at: nameNode)
                    }
                    let limit = sizes
                        ? try reader.quantity(limitNode, "\(key).\(name)", expected: "a size such as 300 kB, 250 KiB or 120000", Quantity.bytes)
                        : try reader.quantity(limitNode, "\(key).\(name)", expected: "a count of zero or more", Quantity.nonNegative)
                    limits.append(BudgetLimit(figure: sizes ? .resourceSize(group) : .resourceCount(group),
                                              bound: .atMost(limit), line: limitNode.mark?.line))
                }
            } else if BudgetMetric(rawValue: key) != nil {
                throw reader.fail("\(key) is a figure of the whole journey: put it under journey:", at: keyNode)
            } else {
                throw reader.unknownKey(key, keyNode, in: what, known: ignoring + allowed)
            }
        }
        return limits
    }

    func bound(_ metric: BudgetMetric, _ node: Node) throws(BudgetError) -> BudgetLimit.Bound {
        let name = metric.rawValue
        switch metric {
        case .transferBytes, .decodedBytes:
            return .atMost(try reader.quantity(node, name, expected: "a size such as 300 kB, 250 KiB or 120000", Quantity.bytes))
        case .requests, .domElements, .serverCPUms, .energyWh:
            return .atMost(try reader.quantity(node, name, expected: "a number of zero or more", Quantity.nonNegative))
        case .minEcoindex, .minScore, .minJourneyScore:
            return .atLeast(try reader.quantity(node, name, expected: "a number from 0 to 100") { Quantity.nonNegative($0).flatMap { $0 <= 100 ? $0 : nil } })
        case .minGrade:
            let letter = try reader.string(node, name)
            guard letter.count <= 3, letter.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "+") }) else {
                throw reader.fail("minGrade: '\(letter)' is not a grade letter such as A or B", at: node)
            }
            return .gradeAtLeast(letter)
        }
    }
}
