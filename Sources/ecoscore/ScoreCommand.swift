import ArgumentParser
import Foundation
import Model
import Report
import Scoring

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a profile through a grid and write the ScoreCard.",
        discussion: """
            Reads a Profile JSON (`ecoscore profile --output`), scores it through a bundled grid (--grid) or a \
            grid file of your own (--grid-file), with the team's answers to the declared criteria (--answers, \
            see `ecoscore answers init`). Prints a summary — total, grade, families, journey steps, flagged and \
            unanswered criteria — and writes the versioned ScoreCard JSON with --output.

            Hospital IS (--grid maturin-sih, Ecoscore's model): the grid scores an inventory, so --inventory is \
            required (CSV or YAML, see `ecoscore inventory`). PROFILE is the profile of the hospital's web app; with \
            --views-per-year N its measured footprint is added to the inventory as its own use-phase line: N × the \
            electricity of one pass of the journey (data-centre and network parts of its bytes plus its metered \
            server CPU, models/inventory.yaml webApp), named after the journey or its first page. The ScoreCard \
            carries the inventory result with that line. Example:
              ecoscore score app.json --grid maturin-sih --inventory parc.csv --views-per-year 1200000 \
                --answers practices.yaml --output scorecard.json

            Exit codes: 0 scored; 2 usage error or unreadable input (bad grid, answers for another grid, a profile \
            written by a newer ecoscore, an inventory grid without --inventory).
            """
    )

    @Argument(help: "Profile JSON written by `ecoscore profile` (for maturin-sih: the hospital's web app).")
    var profile: String

    @OptionGroup var scoring: ScoreFlags

    @Option(name: .shortAndLong, help: "Write the ScoreCard JSON to this file (atomically).")
    var output: String?

    @Flag(help: "Print the ScoreCard JSON on stdout instead of the summary.")
    var json = false

    @Option(help: "Language of the summary: en or fr.")
    var lang = "en"

    func validate() throws {
        guard scoring.grid != nil || scoring.gridFile != nil else { throw ValidationError("give --grid ID or --grid-file FILE") }
        guard ["en", "fr"].contains(lang) else { throw ValidationError("--lang is en or fr") }
    }

    func run() throws {
        let inputs = try scoring.prepare()
        let profile: Profile
        do { profile = try ProfileFile.read(URL(fileURLWithPath: self.profile)) } catch let error as DataFileError {
            throw CommandFailure.usage(error.description)
        }
        let card = try inputs.score(profile)
        if let output { try writeAtomically(try ReportJSON.scoreCard(card), to: output) }
        if json {
            FileHandle.standardOutput.write(try ReportJSON.scoreCard(card))
        } else {
            print(ScoreSummary(card: card, language: lang).render(), terminator: "")
            if let output { print("Score card written to \(output)") }
        }
    }
}

/// The readable summary `ecoscore score` prints.
struct ScoreSummary {
    let card: ScoreCard
    let language: String

    func render() -> String {
        var out: [String] = []
        let c = card
        out.append("\(c.grid.title.text(language)) — \(c.grid.id) \(c.grid.version)\(c.grid.bundled ? "" : " (from \(c.grid.file ?? "a file"))")")
        if let p = c.profile {
            let what = p.journeyName.map { "journey \"\($0)\"" } ?? "\(p.steps.count) page\(p.steps.count == 1 ? "" : "s")"
            out.append("Profile: \(what), \(p.steps.count) step\(p.steps.count == 1 ? "" : "s"), \(p.runs) run\(p.runs == 1 ? "" : "s"), \(p.source), \(p.tool.name) \(p.tool.version)")
        }
        let percent = c.total.percent.map { String(format: "%.1f %%", $0) } ?? "n/a"
        out.append("Total: \(percent) (\(num(c.total.points)) / \(num(c.total.max)) points)" + (c.grade.map { ", grade \($0)" } ?? ""))
        out.append("")
        let width = min(40, c.families.map { $0.title.text(language).count }.max() ?? 10)
        for f in c.families {
            let title = f.title.text(language).padding(toLength: width, withPad: " ", startingAt: 0)
            let p = f.total.percent.map { String(format: "%5.1f %%", $0) } ?? "   n/a "
            let counts = Dictionary(grouping: f.criteria, by: \.status).mapValues(\.count)
            let extra = [(CriterionStatus.unanswered, "unanswered"), (.notApplicable, "not applicable"), (.flagged, "flagged"),
                         (.unmeasured, "unmeasured")]
                .compactMap { s, label in counts[s].map { "\($0) \(label)" } }
            out.append("  \(title)  \(p)  (\(num(f.total.points)) / \(num(f.total.max)))" + (extra.isEmpty ? "" : "  " + extra.joined(separator: ", ")))
        }
        if let j = c.journey {
            out.append("")
            let network = j.network.map { " on \($0.id) (RTT \(num($0.rttMs)) ms, \(num($0.downlinkMbps)) Mbit/s)" } ?? ""
            out.append("Journey score: " + (j.score.map { String(format: "%.1f", $0) } ?? "n/a") + (j.grade.map { " (\($0))" } ?? "") + network)
            for s in j.steps {
                var parts = ["\(s.index + 1). \(s.name ?? s.url)"]
                parts.append(bytes(s.transferBytes) + ", \(num(s.requests)) requests")
                if let d = s.displayTime { parts.append("display \(ms(d.modelledMs)) modelled / \(ms(d.measuredMs)) measured") }
                if let e = s.energy { parts.append(String(format: "%.4f Wh, %.3f gCO2e", e.wh, e.gCO2e)) }
                let axes = s.axes.map { "\($0.family) " + ($0.score.map { String(format: "%.0f", $0) } ?? "–") }.joined(separator: " · ")
                parts.append(axes)
                parts.append("step " + (s.score.map { String(format: "%.1f", $0) } ?? "n/a"))
                out.append("  " + parts.joined(separator: "  |  "))
            }
            if !j.heaviestData.isEmpty {
                out.append("  Heaviest for data: " + j.heaviestData.map { "\($0.name ?? "step \($0.index + 1)") (\(bytes($0.value)))" }.joined(separator: ", "))
            }
            if !j.heaviestEnergy.isEmpty {
                out.append("  Heaviest for energy: " + j.heaviestEnergy.map { "\($0.name ?? "step \($0.index + 1)") (\(String(format: "%.4f", $0.value)) Wh)" }.joined(separator: ", "))
            }
        }
        if let f = c.footprint {
            out.append(String(format: "Footprint of one pass: %.4f Wh, %.3f gCO2e (%@), %.3f L of water, SWD rating %@",
                              f.energy.totalWh, f.emissions.total, f.intensity.name, f.water.litres, f.rating))
        }
        if let inv = c.inventory {
            let climate = inv.total.first.map { String(format: ", %.4g %@ a year on %@", $0.total, $0.unit, $0.criterion) } ?? ""
            out.append("Inventory: \(inv.name ?? inv.file), \(inv.lines.count) line\(inv.lines.count == 1 ? "" : "s")\(climate)"
                       + (inv.maturity.map { ", maturity level \($0.level) (\($0.label))" } ?? ""))
            for app in inv.lines where app.kind == "webApp" {
                let views = app.viewsPerYear.map { String(format: "%.0f views, %.3g kWh per view, ", $0, $0 > 0 ? app.annualKWh / $0 : 0) } ?? ""
                out.append("  Web app \"\(app.name ?? app.type)\": \(views)\(String(format: "%.4g", app.annualKWh)) kWh a year")
            }
        }
        let eco = c.ecoindex.compactMap { e in e.ecoindex.map { "\(e.name ?? e.url) \($0.score) \($0.grade)" } }
        if !eco.isEmpty { out.append("EcoIndex (companion figure): " + eco.joined(separator: "; ")) }
        let all = c.families.flatMap(\.criteria)
        let prefilled = all.filter { $0.answerSource == "measured" }
        if !prefilled.isEmpty {
            out.append("")
            out.append("Pre-filled from the profile:")
            for cr in prefilled { out.append("  \(cr.id): \(cr.answer ?? "") — " + evidence(cr)) }
        }
        let flagged = all.filter { $0.status == .flagged }
        if !flagged.isEmpty {
            out.append("")
            out.append("Flagged — the declared answer contradicts the measurement (kept and counted):")
            for cr in flagged {
                out.append("  \(cr.id): declared \(cr.declared?.answer ?? "?"), measured \(cr.prefilled?.answer ?? "?") — " + evidence(cr))
            }
        }
        let unanswered = all.filter { $0.status == .unanswered }
        if !unanswered.isEmpty {
            out.append("")
            out.append("Unanswered (\(unanswered.count)): " + unanswered.map(\.id).joined(separator: ", "))
        }
        let unmeasured = all.filter { $0.status == .unmeasured }
        if !unmeasured.isEmpty {
            out.append("Unmeasured: " + unmeasured.map { "\($0.id) (\($0.note ?? ""))" }.joined(separator: "; "))
        }
        if !c.recommendations.isEmpty {
            out.append("")
            out.append("Recommendations:")
            for r in c.recommendations.prefix(5) {
                out.append("  \(r.rank). \(language == "fr" ? r.title.fr : r.title.en) — saves about \(bytes(Double(r.estimatedSavingBytes))), \(r.estimatedSavingRequests) requests per view")
            }
        }
        for note in c.notes { out.append("Note: \(note)") }
        return out.joined(separator: "\n") + "\n"
    }

    func evidence(_ c: CriterionScore) -> String {
        (c.prefilled?.checks ?? []).map { e in
            "\(e.metric) \(e.value.map { num($0) } ?? "n/a (\(e.detail ?? "nothing to measure"))") vs \(e.threshold)"
                + (e.passed == true ? " ✓" : e.passed == false ? " ✗" : "")
        }.joined(separator: "; ")
    }

    func num(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e12 { return String(Int(x)) }
        return String(format: abs(x) < 1 ? "%.3f" : "%.2f", x)
    }

    func bytes(_ b: Double) -> String {
        b >= 1_000_000 ? String(format: "%.2f MB", b / 1_000_000) : String(format: "%.1f kB", b / 1000)
    }

    func ms(_ x: Double) -> String { x >= 1000 ? String(format: "%.2f s", x / 1000) : String(format: "%.0f ms", x) }
}
