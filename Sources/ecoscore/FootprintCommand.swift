import ArgumentParser
import Foundation
import Model
import Scoring

struct FootprintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "footprint",
            abstract: "Energy, gCO2e and water of transferred bytes and server CPU time.",
            discussion: """
                Bytes → energy with the Sustainable Web Design model v4 (data centre, network and device \
                segments, operational and embodied); busy server CPU seconds → energy with Cloud Carbon \
                Footprint's watts per vCPU and a PUE. Every constant comes from Scoring/models/footprint.yaml and \
                is printed with its source.

                Grid intensity presets (--intensity NAME, or a number of gCO2e/kWh):
                \(presetList())
                """)
    }

    @Option(help: "Bytes transferred (e.g. the transfer bytes of one page view; 1 GB = 1e9 bytes).")
    var bytes: Double

    @Option(name: .customLong("cpu-seconds"), help: "Busy server CPU seconds (idle baseline already removed).")
    var cpuSeconds: Double = 0

    @Option(help: "Grid intensity of the operational parts and the server: a preset name or gCO2e per kWh (default: the data file's default preset).")
    var intensity: String?

    @Flag(name: .customLong("green-hosting"), help: "The data centre runs on renewable electricity: no data-centre operational emissions.")
    var greenHosting = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard bytes.isFinite, bytes >= 0 else { throw ValidationError("--bytes must be zero or more") }
        guard cpuSeconds.isFinite, cpuSeconds >= 0 else { throw ValidationError("--cpu-seconds must be zero or more") }
    }

    func run() throws {
        let footprint: Footprint
        do { footprint = try Footprint.bundled() } catch {
            throw CommandFailure.usage("cannot load the footprint model: \(error)")
        }
        let grid: GridIntensity
        do { grid = try intensity.map(footprint.intensity) ?? footprint.defaultIntensity } catch {
            throw CommandFailure.usage("--intensity: \(error)")
        }
        let result = footprint.of(transferBytes: bytes, serverCPUSeconds: cpuSeconds, intensity: grid,
                                  greenHosting: greenHosting)
        if json {
            FileHandle.standardOutput.write(try encodeJSON(result) + [10])
        } else {
            print(FootprintText(result: result, footprint: footprint).render(), terminator: "")
        }
    }

    /// One line per preset, for --help.
    static func presetList() -> String {
        guard let footprint = try? Footprint.bundled() else { return "  (the footprint model could not be loaded)" }
        let rows = footprint.presets.map { p in
            [p.name + (p.name == footprint.constants.grid.defaultPreset ? " (default)" : ""),
             "\(ImpactText.number(p.gPerKWh)) g/kWh", p.label]
        }
        return ImpactText.table(rows, header: false).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The table `footprint` prints: each figure, then every constant with its source.
struct FootprintText {
    let result: FootprintResult
    let footprint: Footprint

    func render() -> String {
        let r = result
        let n = ImpactText.number
        let swd = footprint.constants.sustainableWebDesign
        let g = r.intensity.gPerKWh
        var out = "Footprint of \(ImpactText.count(r.inputs.transferBytes)) bytes transferred and \(n(r.inputs.serverCPUSeconds)) s of busy server CPU\n"
        out += "Models: \(r.model.bytesModel) v\(r.model.bytesModelVersion) (bytes), \(r.model.serverModel) (server CPU); Scoring/models/footprint.yaml v\(r.model.dataVersion)\n"
        out += "Grid intensity: \(r.intensity.name) \(n(g)) gCO2e/kWh — \(r.intensity.source)\(r.intensity.year.map { " (\($0))" } ?? "")\n"
        out += "Green hosting: \(r.inputs.greenHosting ? "yes (data-centre operational emissions removed)" : "no")\n\n"

        let gb = r.inputs.transferBytes / swd.bytesPerGB
        func segment(_ label: String, _ kWh: Double, _ grams: Double, _ perGB: Double, _ intensity: Double, _ note: String = "") -> [String] {
            [label, n(kWh), n(grams), "\(n(gb)) GB × \(n(perGB)) kWh/GB × \(n(intensity)) g/kWh\(note)"]
        }
        let o = r.energy.operational, e = r.energy.embodied, oe = r.emissions.operational, ee = r.emissions.embodied
        let green = r.inputs.greenHosting ? " × (1 − \(n(swd.greenHostingFactor))) green hosting" : ""
        let server = footprint.defaultServerProfile
        var rows: [[String]] = [["part", "kWh", "gCO2e", "how"]]
        rows.append(segment("operational data centre", o.dataCentre, oe.dataCentre, swd.operationalKWhPerGB.dataCentre, g, green))
        rows.append(segment("operational network", o.network, oe.network, swd.operationalKWhPerGB.network, g))
        rows.append(segment("operational device", o.device, oe.device, swd.operationalKWhPerGB.device, g))
        rows.append(segment("embodied data centre", e.dataCentre, ee.dataCentre, swd.embodiedKWhPerGB.dataCentre, swd.globalIntensity, " (global)"))
        rows.append(segment("embodied network", e.network, ee.network, swd.embodiedKWhPerGB.network, swd.globalIntensity, " (global)"))
        rows.append(segment("embodied device", e.device, ee.device, swd.embodiedKWhPerGB.device, swd.globalIntensity, " (global)"))
        rows.append(["server CPU", n(r.energy.serverKWh), n(r.emissions.server),
                     "\(n(r.inputs.serverCPUSeconds)) s ÷ 3600 × \(n(server.maxWatts)) W per vCPU × PUE \(n(server.pue)) ÷ 1000 × \(n(g)) g/kWh\(green)"])
        rows.append(["total", "\(n(r.energy.totalKWh)) (\(n(r.energy.totalWh)) Wh)", n(r.emissions.total),
                     "electricity consumed \(n(r.energy.electricityKWh)) kWh"])
        out += ImpactText.table(rows)
        let w = footprint.constants.water
        out += "\nWater: \(n(r.water.litres)) L = data centre \(n(r.water.dataCentreLitres)) L (\(n(w.dataCentreLitresPerKWh)) L/kWh) + electricity generation \(n(r.water.generationLitres)) L (\(n(w.generationLitresPerKWh)) L/kWh)\(w.ours ? " — Ecoscore assumption" : "")\n"
        let bands = swd.ratings.map { "\($0.rating) ≤ \(n($0.atMost))" }.joined(separator: ", ")
        out += "Rating: \(r.rating) — \(r.model.bytesModel) v\(r.model.bytesModelVersion) rating of the bytes' \(n(r.emissions.web)) gCO2e as one page view (\(bands), else \(swd.worstRating))\n"

        // Sources as numbered notes: most constants share one.
        var sources: [String] = []
        let constantRows = r.constants.map { c -> [String] in
            if !sources.contains(c.source) { sources.append(c.source) }
            return [c.name, n(c.value), c.unit, "[\(sources.firstIndex(of: c.source)! + 1)]"]
        }
        out += "\nConstants used\n"
        out += ImpactText.table([["name", "value", "unit", "source"]] + constantRows)
        for (i, source) in sources.enumerated() { out += "[\(i + 1)] \(source)\n" }
        return out
    }
}

/// Number and table formatting shared by the footprint and inventory commands.
enum ImpactText {
    /// Up to 6 significant digits without trailing zeros; scientific notation below 0.001 or from 10^9.
    static func number(_ x: Double) -> String {
        if x == 0 { return "0" }
        let a = abs(x)
        if a < 1e-3 || a >= 1e9 {
            // 1.3750e-04 → 1.375e-04
            let parts = String(format: "%.4e", x).split(separator: "e", maxSplits: 1)
            var mantissa = String(parts[0])
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            return mantissa + "e" + parts[1]
        }
        let decimals = max(0, 5 - Int(floor(log10(a))))
        var s = String(format: "%.\(decimals)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// A count (bytes): whole numbers in full, others as `number`.
    static func count(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e18 ? String(Int64(x)) : number(x)
    }

    /// A signed difference with its percentage.
    static func change(_ c: ValueChange) -> String {
        if c.difference == 0 { return "0" }
        let sign = c.difference > 0 ? "+" : ""
        let percent = c.percent.map { " (" + ($0 > 0 ? "+" : "") + String(format: "%.1f", $0) + " %)" } ?? ""
        return "\(sign)\(number(c.difference))" + percent
    }

    /// Columns padded to their widest cell; the first row underlined when it is a header.
    static func table(_ rows: [[String]], header: Bool = true) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.enumerated().map { i, row in
            let line = row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            return i == 0 && header ? line + "\n" + String(repeating: "-", count: min(line.count, 120)) : line
        }.joined(separator: "\n") + "\n"
    }
}
