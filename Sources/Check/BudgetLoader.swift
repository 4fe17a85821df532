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
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
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
