import ArgumentParser
import Foundation
import Model
import Scoring

struct GridsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grids",
        abstract: "List, show and validate scoring grids.",
        discussion: """
            A grid is a YAML file of families → criteria: measured criteria take a metric of the catalogue \
            (`ecoscore grids metrics`) and threshold bands → points; declared criteria take a team's answer. \
            The bundled grids live in Scoring/grids/; `ecoscore score --grid-file` uses a grid of your own.
            """,
        subcommands: [List.self, Show.self, Validate.self, Metrics.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled grids.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            struct Row: Encodable { var id: String; var version: String?; var title: Bilingual?; var criteria: Int?; var file: String; var error: String? }
            let rows = GridLibrary.all().map { file, result -> Row in
                switch result {
                case .success(let loaded):
                    let g = loaded.grid
                    return Row(id: g.id, version: g.version, title: g.title, criteria: g.allCriteria.count, file: file.lastPathComponent, error: nil)
                case .failure(let error):
                    return Row(id: file.deletingPathExtension().lastPathComponent, version: nil, title: nil, criteria: nil,
                               file: file.lastPathComponent, error: error.description)
                }
            }
            if json {
                FileHandle.standardOutput.write(try encodeJSON(rows) + [10])
                return
            }
            for row in rows {
                if let error = row.error {
                    print("\(row.id)  (cannot load: \(error))")
                } else {
                    print("\(row.id)  \(row.version ?? "")  \(row.criteria ?? 0) criteria  \(row.title?.en ?? "")")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a grid: families, criteria, thresholds with their basis, answers, and the metrics it uses.")

        @Argument(help: "Id of a bundled grid (see `ecoscore grids list`).")
        var id: String?

        @Option(name: .customLong("grid-file"), help: "Show a grid file instead of a bundled grid.")
        var gridFile: String?

        @Option(help: "Language of the texts: en or fr.")
        var lang = "en"

        @Flag(help: "Print the grid as JSON.")
        var json = false

        func validate() throws {
            guard (id == nil) != (gridFile == nil) else { throw ValidationError("give a grid id or --grid-file, not both") }
            guard ["en", "fr"].contains(lang) else { throw ValidationError("--lang is en or fr") }
        }

        func run() throws {
            let loaded = try loadGrid(id: id, file: gridFile)
            if json {
                FileHandle.standardOutput.write(try encodeJSON(loaded.grid) + [10])
            } else {
                print(GridText(grid: loaded.grid, language: lang).render(), terminator: "")
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check grid files: every problem with its file, line and field; exit 2 when one is invalid.")

        @Argument(help: "Grid files.")
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one grid file") }
        }

        func run() throws {
            var failed = false
            for path in files {
                let url = URL(fileURLWithPath: path)
                let problems = GridLoader.problems(in: url)
                if problems.isEmpty, let loaded = try? GridLoader.load(url) {
                    let g = loaded.grid
                    print("\(path): ok — \(g.id) \(g.version), \(g.families.count) families, \(g.allCriteria.count) criteria")
                } else {
                    failed = true
                    for p in problems { FileHandle.standardError.write(Data("\(p.description)\n".utf8)) }
                }
            }
            if failed { throw ExitCode(ExitStatus.usage.rawValue) }
        }
    }

    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The metric catalogue: what each metric measures and how.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            if json {
                FileHandle.standardOutput.write(try encodeJSON(MetricCatalogue.all) + [10])
            } else {
                print(MetricCatalogue.all.map(GridText.describe).joined(separator: "\n"), terminator: "")
            }
        }
    }
}

/// A bundled grid by id, or a grid file; errors become usage errors naming the file and line.
func loadGrid(id: String?, file: String?) throws -> LoadedGrid {
    do {
        if let file {
            let loaded = try GridLoader.load(URL(fileURLWithPath: file))
            if let id, id != loaded.grid.id {
                throw CommandFailure.usage("\(file) holds grid '\(loaded.grid.id)', not '\(id)'")
            }
            return loaded
        }
        guard let id else { throw CommandFailure.usage("give --grid ID or --grid-file FILE") }
        return try GridLibrary.bundled(id)
    } catch let error as DataFileError {
        throw CommandFailure.usage(error.description)
    }
}

/// A grid as text, for `grids show`.
struct GridText {
    let grid: Grid
    let language: String

    func render() -> String {
        var out: [String] = []
        let g = grid
        out.append("\(g.id) \(g.version) — \(g.title.text(language))")
        if let d = g.description { out.append(d.text(language)) }
        out.append("Source: \(g.source)")
        out.append("Licence: \(g.licence)")
        out.append("Official / Ecoscore's own: \(g.official.text(language))")
        if let network = g.parameters?.network {
            let profile = (try? DisplayTimeModel.bundled())?.profile(network)
            out.append("Reference network: \(network)" + (profile.map { " (RTT \(fmtNumber($0.rttMs)) ms, \(fmtNumber($0.downlinkMbps)) Mbit/s — \($0.source))" } ?? ""))
        }
        if let grades = g.grades, !grades.isEmpty {
            out.append("Grades: " + grades.map { "\($0.grade) ≥ \(fmtNumber($0.min))" }.joined(separator: ", "))
            for band in grades where band.basis != nil { out.append("  \(band.grade): \(band.basis!)") }
        } else {
            out.append("Grades: none (percent only)")
        }
        if g.allCriteria.contains(where: { $0.criterion.kind == .declared }) {
            out.append("Unanswered criteria: " + (g.unansweredPolicy == .zero ? "0 points, counted in the maximum" : "left out of the maximum"))
        }
        var used: [String] = []
        for family in g.families {
            out.append("")
            out.append("[\(family.id)] \(family.title.text(language))" + (family.weight.map { " — weight \(fmtNumber($0))" } ?? ""))
            for c in family.criteria {
                let w = fmtNumber(c.weight ?? 1)
                out.append("  \(c.id) — \(c.title.text(language))")
                switch c.kind {
                case .measured:
                    guard let id = c.metric, let def = MetricCatalogue.named(id) else { continue }
                    if !used.contains(id) { used.append(id) }
                    let direction = c.direction ?? def.better
                    let aggregate = def.scope == .step ? ", \((c.aggregate ?? .mean).rawValue) of the steps" : ""
                    out.append("    measured: \(id) (\(def.unit)\(aggregate)), \(direction.rawValue), weight \(w)")
                    for band in c.thresholds ?? [] {
                        out.append("      \(band.describe(direction: direction, unit: def.unit)) → \(fmtNumber(band.points))" + (band.basis.map { "   — \($0)" } ?? ""))
                    }
                case .declared:
                    let meta = (c.meta ?? [:]).sorted { $0.key < $1.key }.filter { $0.key != "métiers" }.map { "\($0.key): \($0.value)" }
                    out.append("    declared, weight \(w)" + (meta.isEmpty ? "" : " — " + meta.joined(separator: ", ")))
                    out.append("    answers: " + g.options(for: c).map { o in
                        o.notApplicable == true ? "\(o.id) (left out)" : "\(o.id) (\(fmtNumber(o.points ?? 0)))"
                    }.joined(separator: " | "))
                    if let e = c.evidence {
                        for check in e.checks where !used.contains(check.metric) { used.append(check.metric) }
                        let checks = e.checks.map { "\($0.metric) \($0.describe)" }.joined(separator: e.combine == .any ? " or " : " and ")
                        var outcome: [String] = []
                        if let p = e.onPass { outcome.append("pass → \(p)") }
                        if let f = e.onFail { outcome.append("fail → \(f)") }
                        if let u = e.whenUndefined { outcome.append("nothing to measure → \(u)") }
                        out.append("    pre-filled from the profile: \(checks); \(outcome.joined(separator: ", "))")
                        for check in e.checks where check.basis != nil { out.append("      \(check.metric): \(check.basis!)") }
                    }
                }
            }
        }
        if !used.isEmpty {
            out.append("")
            out.append("Metrics used (see `ecoscore grids metrics` for the whole catalogue):")
            for id in used { if let def = MetricCatalogue.named(id) { out.append(Self.describe(def)) } }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ def: MetricDefinition) -> String {
        var lines = ["\(def.id) — \(def.unit), \(def.scope == .step ? "per step" : def.scope == .inventory ? "whole inventory" : "whole profile"), \(def.better.rawValue)"]
        lines.append("  \(def.definition)")
        lines.append("  How: \(def.computation)")
        if !def.needs.isEmpty { lines.append("  Needs: \(def.needs.map(\.rawValue).joined(separator: "; "))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A number without a useless ".0".
func fmtNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
