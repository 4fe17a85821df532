import Model
import Yams

/// Lighthouse's `budget.json`, with Lighthouse's own validation: a list of budgets, each with an optional
/// `path`, `options.firstPartyHostnames`, `resourceSizes` (KiB of transfer size) and `resourceCounts`.
/// `timings` are read and ignored with a note: Ecoscore does not render pages, so it has no paint metrics.
struct LighthouseBudgetReader {
    let reader: YAMLReader

    static let budgetKeys = ["path", "options", "resourceSizes", "resourceCounts", "timings"]

    func read(_ root: Node) throws(BudgetError) -> Budget {
        var budget = Budget(file: reader.file, format: .lighthouse, lastMatchOnly: true)
        let entries = try reader.sequence(root, "a Lighthouse budget file")
        guard !entries.isEmpty else { throw reader.fail("the Lighthouse budget list is empty", at: root) }
        for (index, node) in entries.enumerated() {
            var selector = StepSelector(path: PathPattern("/"))
            var hosts: [String]?
            var limits: [BudgetLimit] = []
            for (key, keyNode, value) in try reader.mapping(node, "budgets[\(index)]") {
                switch key {
                case "path":
                    selector.path = try path(value)
                case "options":
                    for (option, optionNode, hostsNode) in try reader.mapping(value, "budgets[\(index)].options") {
                        guard option == "firstPartyHostnames" else {
                            throw reader.unknownKey(option, optionNode, in: "budgets[\(index)].options", known: ["firstPartyHostnames"])
                        }
                        hosts = try reader.sequence(hostsNode, "firstPartyHostnames").map { h throws(BudgetError) in
                            try FirstParty.validated(try reader.string(h, "a first-party hostname"), reader: reader, at: h)
                        }
                    }
                case "resourceSizes", "resourceCounts":
                    limits += try resourceBudgets(value, "budgets[\(index)].\(key)", sizes: key == "resourceSizes")
                case "timings":
                    let timings = try reader.sequence(value, "budgets[\(index)].timings")
                    budget.notes.append("\(reader.file):\(value.mark?.line ?? 0): \(timings.count) Lighthouse timing budget\(timings.count == 1 ? "" : "s") ignored — Ecoscore does not render pages, so it measures no paint or interaction timings")
                default:
                    throw reader.unknownKey(key, keyNode, in: "budgets[\(index)]", known: Self.budgetKeys)
                }
            }
            budget.steps.append(StepRule(selector: selector, limits: limits, firstPartyHosts: hosts, line: node.mark?.line))
        }
        return budget
    }

    /// Lighthouse's `validatePath`: starts with `/`, at most one `*`, `$` only once and at the end.
    func path(_ node: Node) throws(BudgetError) -> PathPattern {
        let text = try reader.string(node, "path")
        let problem: String? =
            !text.hasPrefix("/") ? "Path should start with '/'."
            : text.filter({ $0 == "*" }).count > 1 ? "Path should only contain one '*'."
            : text.filter({ $0 == "$" }).count > 1 ? "Path should only contain one '$' character."
            : text.contains("$") && !text.hasSuffix("$") ? "'$' character should only occur at end of path."
            : nil
        guard problem == nil, let pattern = PathPattern(text) else {
            throw reader.fail("invalid path '\(text)': \(problem ?? "not a path pattern") (robots.txt format, e.g. /shop/*)", at: node)
        }
        return pattern
    }

    func resourceBudgets(_ node: Node, _ what: String, sizes: Bool) throws(BudgetError) -> [BudgetLimit] {
        var seen = Set<String>()
        var limits: [BudgetLimit] = []
        for entry in try reader.sequence(node, what) {
            var type: (String, Node)?
            var limit: Double?
            for (key, keyNode, value) in try reader.mapping(entry, "an entry of \(what)") {
                switch key {
                case "resourceType": type = (try reader.string(value, "resourceType"), value)
                case "budget":
                    limit = try reader.quantity(value, "\(what) budget", expected: "a number of zero or more", Quantity.nonNegative)
                default: throw reader.unknownKey(key, keyNode, in: "an entry of \(what)", known: ["resourceType", "budget"])
                }
            }
            guard let (name, typeNode) = type else { throw reader.fail("an entry of \(what) has no resourceType", at: entry) }
            guard let limit else { throw reader.fail("the \(name) entry of \(what) has no budget", at: entry) }
            guard let group = ResourceGroup.named(name, lighthouse: true) else {
                throw reader.fail("invalid resource type '\(name)' (valid: \(ResourceGroup.names(lighthouse: true).joined(separator: ", ")))", at: typeNode)
            }
            guard seen.insert(name).inserted else { throw reader.fail("\(what) has a duplicate entry of type '\(name)'", at: typeNode) }
            // Lighthouse sizes are KiB of transfer size.
            limits.append(BudgetLimit(figure: sizes ? .resourceSize(group) : .resourceCount(group),
                                      bound: .atMost(sizes ? limit * 1024 : limit), line: entry.mark?.line))
        }
        return limits
    }
}
