import ArgumentParser
import Foundation
import Model
import Scoring

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Annual impacts of a hospital-IS equipment inventory (EvalCarbone SIH factors).",
        discussion: """
            FILE is a .csv (';' or ',' separated, header row) or a .yaml inventory. Columns: type, reference, \
            quantity, lifespan_years, hours_per_day, country, data_centre, pue, name — only type and quantity are \
            required; the others take the documented defaults (Scoring/models/inventory.yaml), listed in the output. \
            A YAML inventory may add measured web apps (web_apps: name, views_per_year, kwh_per_view or \
            bytes_per_view and server_cpu_seconds_per_view).

            Prints the annual impact on the 5 criteria by life-cycle step, by equipment type and by line, the \
            defaults applied and Ecoscore's maturity level; with --compare, the differences OTHER − FILE.
            """
    )

    @Argument(help: "The inventory (.csv, .yaml or .yml).")
    var file: String

    @Option(name: .customLong("compare"), help: "A second inventory (the \"what if\"): differences are OTHER − FILE.")
    var other: String?

    @Flag(help: "Print JSON (the result, or with --compare the comparison holding both results).")
    var json = false

    func run() throws {
        let calculator: InventoryCalculator
        do { calculator = try InventoryCalculator.bundled() } catch {
            throw CommandFailure.usage("cannot load the inventory factors: \(error)")
        }
        let baseline = try evaluate(file, calculator)
        guard let other else {
            if json {
                FileHandle.standardOutput.write(try encodeJSON(baseline) + [10])
            } else {
                print(InventoryText.report(baseline), terminator: "")
            }
            return
        }
        let candidate = try evaluate(other, calculator)
        let comparison = InventoryCalculator.compare(baseline, candidate)
        if json {
            FileHandle.standardOutput.write(try encodeJSON(comparison) + [10])
        } else {
            print(InventoryText.report(baseline) + "\n" + InventoryText.comparison(comparison), terminator: "")
        }
    }

    private func evaluate(_ path: String, _ calculator: InventoryCalculator) throws -> InventoryResult {
        do {
            return try calculator.evaluate(try InventoryReader.read(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as InventoryError {
            throw CommandFailure.usage(error.description)
        } catch let error as DataFileError {
            throw CommandFailure.usage(error.description)
        }
    }
}

/// The text `inventory` prints.
enum InventoryText {
    static func report(_ r: InventoryResult) -> String {
        let n = ImpactText.number
        let stepCodes = r.steps.map(\.code)
        var out = "Inventory \(r.name.map { "\"\($0)\" " } ?? "")(\(r.file)) — annual impacts\n"
        out += "Factors: \(r.factorsSource)\n\n"

        out += "By criterion and life-cycle step\n"
        var rows = [["criterion", "unit"] + r.steps.map { "\($0.code) (\($0.label))" } + ["total"]]
        for c in r.total {
            rows.append([c.criterion, c.unit] + stepCodes.map { n(c.byStep[$0] ?? 0) } + [n(c.total)])
        }
        out += ImpactText.table(rows)

        out += "\nBy equipment type (total per year)\n"
        rows = [["type", "quantity"] + r.criteria.map { "\(short($0.name)) (\($0.unit))" }]
        for t in r.byType {
            rows.append([t.type, n(t.quantity)] + r.criteria.map { c in n(t.impacts.first { $0.criterion == c.name }?.total ?? 0) })
        }
        out += ImpactText.table(rows)

        let climate = r.criteria.first
        out += "\nBy line\n"
        rows = [["line", "name", "type", "reference", "qty", "lifespan", "h/day", "country", "PUE", "kWh/yr"]
                + (climate.map { ["\(short($0.name)) (\($0.unit))"] } ?? [])]
        for l in r.lines {
            rows.append([String(l.line), l.name ?? "", l.type, l.reference ?? "—", n(l.quantity),
                         l.lifespanYears.map { "\(n($0)) y" } ?? "—", l.hoursPerDay.map(n) ?? "—", l.countryCode,
                         l.pue.map(n) ?? "—", n(l.annualKWh)]
                        + (climate.map { c in [n(l.impacts.first { $0.criterion == c.name }?.total ?? 0)] } ?? []))
        }
        out += ImpactText.table(rows)

        out += "\nAssumptions (defaults applied and readings of the data)\n"
        rows = [["line", "field", "value", "source"]]
        for a in r.assumptions {
            rows.append([a.line.map(String.init) ?? "all", a.field, a.value, a.source])
        }
        out += r.assumptions.isEmpty ? "  none: every field was declared\n" : ImpactText.table(rows)

        if let m = r.maturity {
            out += "\nMaturity (Ecoscore's own levels 0–4, Scoring/models/inventory.yaml): level \(m.level) — \(m.label)\n"
            for reason in m.reasons { out += "  \(reason)\n" }
            out += "  embodied share of the \(m.criterion) impact: \(String(format: "%.1f", m.embodiedShare * 100)) % (reported, not scored)\n"
        }
        out += "\nMethod\n"
        for line in r.method { out += "  \(line)\n" }
        return out
    }

    static func comparison(_ c: InventoryComparison) -> String {
        let n = ImpactText.number
        let steps = c.baseline.steps.map(\.code)
        var out = "Comparison: \(label(c.candidate)) − \(label(c.baseline)), per year\n"
        var rows = [["criterion", "unit"] + steps + ["total", "baseline → candidate"]]
        for d in c.criteria {
            rows.append([d.criterion, d.unit] + steps.map { s in d.byStep[s].map(ImpactText.change) ?? "0" }
                        + [ImpactText.change(d.total), "\(n(d.total.baseline)) → \(n(d.total.candidate))"])
        }
        out += ImpactText.table(rows)
        out += "\nBy equipment type\n"
        rows = [["type", "quantity"] + c.criteria.map { short($0.criterion) }]
        for t in c.byType {
            rows.append([t.type, ImpactText.change(t.quantity)] + c.criteria.map { d in t.totals[d.criterion].map(ImpactText.change) ?? "0" })
        }
        out += ImpactText.table(rows)
        if let a = c.baseline.maturity, let b = c.candidate.maturity {
            out += "\nMaturity: level \(a.level) → \(b.level) (lifespan ratio \(n(a.lifespanRatio)) → \(n(b.lifespanRatio)))\n"
        }
        let defaults = c.candidate.assumptions.filter { $0.line != nil }.count
        out += "\(label(c.candidate)): \(defaults) default(s) applied (run `ecoscore inventory` on it to list them).\n"
        return out
    }

    private static func label(_ r: InventoryResult) -> String {
        r.name ?? URL(fileURLWithPath: r.file).lastPathComponent
    }

    /// Criterion names short enough for a column.
    private static func short(_ name: String) -> String {
        name.count <= 24 ? name : String(name.prefix(22)) + "…"
    }
}
