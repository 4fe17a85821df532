import Foundation
import Yams

/// One step of a path into a YAML document: a mapping key or a sequence index.
public enum YAMLPathKey: Sendable, Equatable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }

    init(_ codingKey: CodingKey) {
        if let i = codingKey.intValue, codingKey.stringValue.hasPrefix("Index") || codingKey.stringValue == "\(i)" {
            self = .index(i)
        } else {
            self = .key(codingKey.stringValue)
        }
    }
}

extension Array where Element == YAMLPathKey {
    /// "families[1].criteria[0].metric".
    public var dotted: String {
        var out = ""
        for key in self {
            switch key {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    static func + (lhs: [YAMLPathKey], rhs: String) -> [YAMLPathKey] { lhs + [.key(rhs)] }
    static func + (lhs: [YAMLPathKey], rhs: Int) -> [YAMLPathKey] { lhs + [.index(rhs)] }
}

/// Finds the line of a field in a composed YAML document, so that an error names where to look.
struct YAMLLocator {
    let root: Node?

    init(_ root: Node?) { self.root = root }

    /// The node at `path`, or the deepest node on the way when the rest is missing.
    func node(at path: [YAMLPathKey]) -> Node? {
        guard var current = root else { return nil }
        for key in path {
            guard let next = Self.child(of: current, key) else { return current }
            current = next
        }
        return current
    }

    /// Line (from 1) of the field at `path`: its value's line, or the closest existing parent's.
    func line(at path: [YAMLPathKey]) -> Int? {
        guard let root else { return nil }
        var current = root
        var line = root.mark?.line
        for key in path {
            // A mapping value's own mark is on its key's line for scalars and flow collections; for block
            // collections the key's line is the better pointer.
            if case .key(let k) = key, let mapping = current.mapping,
               let pair = mapping.first(where: { $0.key.string == k }) {
                line = pair.key.mark?.line ?? line
                current = pair.value
                if pair.value.scalar != nil { line = pair.value.mark?.line ?? line }
                continue
            }
            guard let next = Self.child(of: current, key) else { return line }
            current = next
            line = next.mark?.line ?? line
        }
        return line
    }

    static func child(of node: Node, _ key: YAMLPathKey) -> Node? {
        switch key {
        case .key(let k):
            return node.mapping?.first(where: { $0.key.string == k })?.value
        case .index(let i):
            guard let seq = node.sequence, i >= 0, i < seq.count else { return nil }
            return seq[i]
        }
    }
}

/// Composes YAML text into a node tree, turning Yams' errors into `DataFileError`s with their line.
enum YAMLDocument {
    static func compose(_ text: String, file: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DataFileError(file: file, line: error.markLine, message: "malformed YAML: \(error.shortDescription)")
        }
    }

    static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// A decoding error of `file` phrased with its field and line.
    static func describe(_ error: DecodingError, file: String, locator: YAMLLocator) -> DataFileError {
        func path(_ keys: [CodingKey]) -> [YAMLPathKey] { keys.map(YAMLPathKey.init) }
        switch error {
        case .keyNotFound(let key, let ctx):
            let at = path(ctx.codingPath)
            let field = (at + [.key(key.stringValue)]).dotted
            let message: String
            switch key.stringValue {
            case "fr": message = "\(field): missing French text"
            case "en": message = "\(field): missing English text"
            default: message = "missing field \(field)"
            }
            return DataFileError(file: file, line: locator.line(at: at), message: message)
        case .typeMismatch(let type, let ctx):
            let at = path(ctx.codingPath)
            return DataFileError(file: file, line: locator.line(at: at),
                                 message: "\(at.dotted): expected \(Self.typeName(type))")
        case .valueNotFound(let type, let ctx):
            let at = path(ctx.codingPath)
            return DataFileError(file: file, line: locator.line(at: at),
                                 message: "\(at.dotted): expected \(Self.typeName(type)), found nothing")
        case .dataCorrupted(let ctx):
            let at = path(ctx.codingPath)
            let found = locator.node(at: at)?.scalar?.string
            var message = "\(at.dotted): invalid value"
            if let found { message += " '\(found)'" }
            if let allowed = Self.allowedValues(for: at.last) { message += " (allowed: \(allowed))" }
            return DataFileError(file: file, line: locator.line(at: at), message: message)
        @unknown default:
            return DataFileError(file: file, message: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            if name == "Bilingual" { return "a mapping with fr and en" }
            return "a mapping (\(name))"
        }
    }

    private static func allowedValues(for key: YAMLPathKey?) -> String? {
        guard case .key(let k) = key else { return nil }
        switch k {
        case "kind": return CriterionKindField.allCasesText
        case "direction": return Direction.allCases.map(\.rawValue).joined(separator: ", ")
        case "aggregate": return StepAggregate.allCases.map(\.rawValue).joined(separator: ", ")
        case "unanswered": return "zero, exclude"
        case "combine": return "all, any"
        default: return nil
        }
    }
}

fileprivate extension CriterionKindField {
    static let allCasesText = "measured, declared"
}

fileprivate extension YamlError {
    /// Line of the problem (Yams' error marks already count from 1).
    var markLine: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    /// The problem without Yams' multi-line snippet.
    var shortDescription: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys: " + duplicates.joined(separator: ", ")
        default:
            return "\(self)"
        }
    }
}
