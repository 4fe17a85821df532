import Yams

/// Reads a composed YAML (or JSON) document node by node, so that every complaint names the line of the entry
/// a person has to fix — which decoding through `Decodable` cannot do.
struct YAMLReader {
    let file: String

    func fail(_ message: String, at node: Node?) -> BudgetError {
        BudgetError(file: file, line: node?.mark?.line, message: message)
    }

    /// The entries of a mapping in file order, keys as strings; duplicate keys are refused (YAML forbids them,
    /// and the parser keeps both silently).
    func mapping(_ node: Node, _ what: String) throws(BudgetError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { throw fail("\(what) must be a mapping (key: value)", at: node) }
        var seen = Set<String>()
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw fail("\(what): keys must be plain names", at: keyNode) }
            guard seen.insert(scalar.string).inserted else {
                throw fail("\(what): '\(scalar.string)' is given twice", at: keyNode)
            }
            entries.append((scalar.string, keyNode, value))
        }
        return entries
    }

    func sequence(_ node: Node, _ what: String) throws(BudgetError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw fail("\(what) must be a list", at: node) }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws(BudgetError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw fail("\(what) must be a text", at: node)
        }
        return scalar.string
    }

    /// A scalar that must read as a quantity; `parse` returns nil for what it refuses.
    func quantity(_ node: Node, _ what: String, expected: String, _ parse: (String) -> Double?) throws(BudgetError) -> Double {
        guard case .scalar(let scalar) = node, let value = parse(scalar.string) else {
            let shown: String = if case .scalar(let s) = node { "'\(s.string)'" } else { "a list or mapping" }
            throw fail("\(what): \(shown) is not \(expected)", at: node)
        }
        return value
    }

    func unknownKey(_ key: String, _ node: Node, in what: String, known: [String]) -> BudgetError {
        fail("unknown key '\(key)' in \(what) (known: \(known.joined(separator: ", ")))", at: node)
    }
}
