import Foundation
import Yams

/// A grid with where it was read from.
public struct LoadedGrid: Sendable {
    public let grid: Grid
    /// Path of the file (for the bundled grids, inside the installed data bundle).
    public let file: String
    public let bundled: Bool
}

/// Reads grid files and validates them: unknown fields and metrics, unsorted or overlapping thresholds, missing
/// French or English text, duplicate ids, weights that are not positive… Each problem is a `DataFileError` naming
/// the file, the line and the field.
public enum GridLoader {
    /// Loads and validates a grid file; throws the first problem.
    public static func load(_ url: URL, bundled: Bool = false) throws -> LoadedGrid {
        let text = try YAMLDocument.read(url)
        let grid = try parse(text, file: url.path)
        return LoadedGrid(grid: grid, file: url.path, bundled: bundled)
    }

    /// Parses and validates grid text; throws the first problem (in document order).
    public static func parse(_ text: String, file: String) throws -> Grid {
        let (grid, problems) = check(text, file: file)
        if let first = problems.first { throw first }
        guard let grid else { throw DataFileError(file: file, message: "not a grid") }
        return grid
    }

    /// Every problem of a grid file, in document order (empty when it is valid).
    public static func problems(in url: URL) -> [DataFileError] {
        do {
            return check(try YAMLDocument.read(url), file: url.path).problems
        } catch let error as DataFileError {
            return [error]
        } catch {
            return [DataFileError(file: url.path, message: "\(error)")]
        }
    }

    static func check(_ text: String, file: String) -> (grid: Grid?, problems: [DataFileError]) {
        let node: Node?
        do { node = try YAMLDocument.compose(text, file: file) } catch let error as DataFileError {
            return (nil, [error])
        } catch {
            return (nil, [DataFileError(file: file, message: "\(error)")])
        }
        guard let node, node.mapping != nil else {
            return (nil, [DataFileError(file: file, line: node?.mark?.line, message: "a grid is a mapping (id, version, title, families…)")])
        }
        let locator = YAMLLocator(node)
        var problems = GridSchema.unknownFields(in: node).map {
            DataFileError(file: file, line: locator.line(at: $0.path), message: "\($0.path.dotted): \($0.message)")
        }
        let grid: Grid
        do {
            grid = try YAMLDecoder().decode(Grid.self, from: node)
        } catch let error as DecodingError {
            return (nil, problems + [YAMLDocument.describe(error, file: file, locator: locator)])
        } catch {
            return (nil, problems + [DataFileError(file: file, message: "\(error)")])
        }
        let validator = GridValidator(grid: grid, displayTime: try? DisplayTimeModel.bundled())
        problems += validator.issues().map {
            DataFileError(file: file, line: locator.line(at: $0.path), message: "\($0.path.dotted): \($0.message)")
        }
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (grid, problems)
    }
}

/// A problem found in a grid, at a field.
struct GridIssue {
    var path: [YAMLPathKey]
    var message: String
}

/// The fields each part of a grid may have: anything else is a typo the decoder would silently ignore.
enum GridSchema {
    static let root: Set = ["format", "id", "version", "title", "description", "source", "licence", "official",
                            "parameters", "scoring", "grades", "answerSets", "families"]
    static let parameters: Set = ["network", "metrics"]
    static let family: Set = ["id", "title", "weight", "criteria"]
    static let criterion: Set = ["id", "title", "kind", "weight", "metric", "direction", "aggregate", "thresholds",
                                 "help", "meta", "answers", "evidence"]
    static let band: Set = ["from", "to", "points", "basis"]
    static let help: Set = ["objective", "implementation", "check", "applicability"]
    static let text: Set = ["fr", "en"]
    static let option: Set = ["id", "label", "points", "notApplicable", "undetermined", "aliases"]
    static let evidence: Set = ["combine", "checks", "onPass", "onFail", "whenUndefined", "note"]
    static let check: Set = ["metric", "op", "value", "basis"]
    static let grade: Set = ["grade", "min", "basis"]
    static let scoring: Set = ["unanswered"]

    static func unknownFields(in root: Node) -> [GridIssue] {
        var issues: [GridIssue] = []
        func keys(_ node: Node?, _ allowed: Set<String>, _ path: [YAMLPathKey]) {
            guard let mapping = node?.mapping else { return }
            for (key, _) in mapping {
                guard let name = key.string, !allowed.contains(name) else { continue }
                issues.append(GridIssue(path: path + name,
                                        message: "unknown field '\(name)' (expected one of: \(allowed.sorted().joined(separator: ", ")))"))
            }
        }
        func texts(_ node: Node?, _ path: [YAMLPathKey]) { keys(node, text, path) }
        func options(_ node: Node?, _ path: [YAMLPathKey]) {
            for (i, option) in (node?.sequence ?? []).enumerated() {
                keys(option, Self.option, path + i)
                texts(option["label"], path + i + "label")
            }
        }
        keys(root, Self.root, [])
        for field in ["title", "description", "official"] { texts(root[field], [.key(field)]) }
        keys(root["parameters"], parameters, [.key("parameters")])
        keys(root["scoring"], scoring, [.key("scoring")])
        for (i, g) in (root["grades"]?.sequence ?? []).enumerated() { keys(g, grade, [.key("grades"), .index(i)]) }
        for (name, set) in root["answerSets"]?.mapping ?? [:] {
            options(set, [.key("answerSets"), .key(name.string ?? "")])
        }
        for (i, family) in (root["families"]?.sequence ?? []).enumerated() {
            let fp: [YAMLPathKey] = [.key("families"), .index(i)]
            keys(family, Self.family, fp)
            texts(family["title"], fp + "title")
            for (j, criterion) in (family["criteria"]?.sequence ?? []).enumerated() {
                let cp = fp + "criteria" + j
                keys(criterion, Self.criterion, cp)
                texts(criterion["title"], cp + "title")
                for (k, band) in (criterion["thresholds"]?.sequence ?? []).enumerated() {
                    keys(band, Self.band, cp + "thresholds" + k)
                }
                keys(criterion["help"], help, cp + "help")
                for (h, value) in criterion["help"]?.mapping ?? [:] {
                    texts(value, cp + "help" + (h.string ?? ""))
                }
                if criterion["answers"]?.sequence != nil { options(criterion["answers"], cp + "answers") }
                if let evidence = criterion["evidence"] {
                    keys(evidence, Self.evidence, cp + "evidence")
                    texts(evidence["note"], cp + "evidence" + "note")
                    for (k, c) in (evidence["checks"]?.sequence ?? []).enumerated() {
                        keys(c, check, cp + "evidence" + "checks" + k)
                    }
                }
            }
        }
        return issues
    }
}
