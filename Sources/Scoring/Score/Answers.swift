import Foundation
import Yams

/// A team's answers to a grid's declared criteria, as written in an answers file:
///
///     grid: rgesn-2024
///     answers:
///       "1.1": {status: validé, comment: "…"}
///       "6.6": non applicable          # shorthand for {status: …}
///
/// A status may be the answer's id, its French or English label or an alias, in any case. An empty status
/// leaves the criterion unanswered (the comment is kept).
public struct Answers: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The canonical answer id, nil when the status was left empty.
        public var answer: String?
        public var comment: String?
        public var line: Int?
    }

    public var grid: String
    public var file: String?
    public var entries: [String: Entry]

    public init(grid: String, file: String? = nil, entries: [String: Entry]) {
        self.grid = grid; self.file = file; self.entries = entries
    }

    public static func load(_ url: URL, for grid: Grid) throws -> Answers {
        try parse(try YAMLDocument.read(url), file: url.path, for: grid)
    }

    public static func parse(_ text: String, file: String, for grid: Grid) throws -> Answers {
        guard let root = try YAMLDocument.compose(text, file: file), let mapping = root.mapping else {
            throw DataFileError(file: file, line: 1, message: "an answers file is a mapping with 'grid' and 'answers'")
        }
        for (key, _) in mapping where !["grid", "answers"].contains(key.string ?? "") {
            throw DataFileError(file: file, line: key.mark?.line,
                                message: "unknown field '\(key.string ?? "?")' (expected: grid, answers)")
        }
        guard let gridNode = root["grid"], let id = gridNode.string, !id.isEmpty else {
            throw DataFileError(file: file, line: root.mark?.line, message: "missing field grid (the id of the grid answered)")
        }
        guard id == grid.id else {
            throw DataFileError(file: file, line: gridNode.mark?.line,
                                message: "these answers are for grid '\(id)', not for grid '\(grid.id)'")
        }
        var entries: [String: Entry] = [:]
        guard let answersNode = root["answers"] else { return Answers(grid: id, file: file, entries: [:]) }
        if answersNode.null != nil { return Answers(grid: id, file: file, entries: [:]) }
        guard let answers = answersNode.mapping else {
            throw DataFileError(file: file, line: answersNode.mark?.line,
                                message: "answers: expected a mapping of criterion id → {status, comment}")
        }
        for (key, value) in answers {
            let line = key.mark?.line
            guard let criterionId = key.string else {
                throw DataFileError(file: file, line: line, message: "answers: a key is a criterion id")
            }
            guard let criterion = grid.criterion(criterionId) else {
                throw DataFileError(file: file, line: line, message: "answers: '\(criterionId)' is not a criterion of grid '\(grid.id)'")
            }
            guard criterion.kind == .declared else {
                throw DataFileError(file: file, line: line,
                                    message: "answers: '\(criterionId)' is measured from the profile, not answered")
            }
            var status: String?
            var comment: String?
            if let m = value.mapping {
                for (k, v) in m {
                    switch k.string {
                    case "status": status = v.null != nil ? nil : v.string
                    case "comment": comment = v.null != nil ? nil : v.string
                    default:
                        throw DataFileError(file: file, line: k.mark?.line,
                                            message: "answers.\(criterionId): unknown field '\(k.string ?? "?")' (expected: status, comment)")
                    }
                }
            } else if value.null == nil {
                guard let s = value.string else {
                    throw DataFileError(file: file, line: line, message: "answers.\(criterionId): expected a status or {status, comment}")
                }
                status = s
            }
            let options = grid.options(for: criterion)
            var answer: String?
            if let status, !status.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let option = options.first(where: { $0.matches(status) }) else {
                    throw DataFileError(file: file, line: value.mark?.line ?? line,
                                        message: "answers.\(criterionId): unknown status '\(status)' (allowed: \(options.map(\.id).joined(separator: ", ")))")
                }
                answer = option.id
            }
            if let comment, comment.isEmpty {
                entries[criterionId] = Entry(answer: answer, comment: nil, line: line)
            } else {
                entries[criterionId] = Entry(answer: answer, comment: comment, line: line)
            }
        }
        return Answers(grid: id, file: file, entries: entries)
    }
}
