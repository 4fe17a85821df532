import Foundation
import Model
import Yams

/// Reads a budget file: Ecoscore's YAML/JSON format (a mapping, docs/budgets.md) or Lighthouse's `budget.json`
/// (a list). Every error names the file and the line.
public enum BudgetLoader {
    public static func load(contentsOf url: URL, displayPath: String? = nil) throws(BudgetError) -> Budget {
        let file = displayPath ?? url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw BudgetError(file: file, message: "cannot read the budget: \(error.localizedDescription)")
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws(BudgetError) -> Budget {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
            let key = keys.sorted().first ?? ""
            throw BudgetError(file: file, line: secondLine(of: key, in: text, from: context.mark.line) ?? context.mark.line,
                              message: "'\(key)' is given twice in the same mapping")
        } catch let error as YamlError {
            throw BudgetError(file: file, line: error.mark?.line, message: "malformed YAML or JSON: \(error.problem)")
        } catch {
            throw BudgetError(file: file, message: "malformed YAML or JSON: \(error)")
        }
        guard let root else { throw BudgetError(file: file, line: 1, message: "the budget is empty") }
        let reader = YAMLReader(file: file)
        switch root {
        case .sequence: return try LighthouseBudgetReader(reader: reader).read(root)
        case .mapping: return try EcoscoreBudgetReader(reader: reader).read(root)
        default:
            throw reader.fail("a budget is a mapping (Ecoscore format) or a list (Lighthouse budget.json)", at: root)
        }
    }
}

/// Yams reports a duplicated key with the mapping's position only; the line a person must fix is the key's
/// second appearance from there (`key:` or `"key":` at the start of a line, after indentation or a `- `).
func secondLine(of key: String, in text: String, from line: Int) -> Int? {
    var seen = 0
    for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= line {
        var rest = content.drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "{" || $0 == "[" || $0 == "," }
        for quote in ["\"", "'"] where rest.hasPrefix(quote) { rest = rest.dropFirst() }
        guard rest.hasPrefix(key) else { continue }
        rest = rest.dropFirst(key.count)
        for quote in ["\"", "'"] where rest.hasPrefix(quote) { rest = rest.dropFirst() }
        guard rest.drop(while: { $0 == " " }).hasPrefix(":") else { continue }
        seen += 1
        if seen == 2 { return index + 1 }
    }
    return nil
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(self)"
        }
    }
}
