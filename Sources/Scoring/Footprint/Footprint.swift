import Foundation
import Model

/// Energy, gCO2e and water of transferred bytes (Sustainable Web Design v4) and server CPU time (Cloud Carbon
/// Footprint's method), from the constants of `Scoring/models/footprint.yaml`. Pure: no I/O after loading.
public struct Footprint: Sendable {
    public let constants: FootprintConstants

    public init(constants: FootprintConstants) { self.constants = constants }

    /// Loads and validates a footprint constants file.
    public static func load(from url: URL) throws -> Footprint {
        let constants = try DataFile.decodeYAML(FootprintConstants.self, from: url)
        try constants.validate(file: url.path)
        return Footprint(constants: constants)
    }

    /// The constants bundled with Ecoscore.
    public static func bundled() throws -> Footprint {
        try load(from: try DataFile.bundled("models/footprint.yaml"))
    }

    public var swd: SustainableWebDesign { SustainableWebDesign(constants: constants.sustainableWebDesign) }

    public var presets: [GridPreset] { constants.grid.presets }

    /// A preset name or a number of gCO2e/kWh, with a clear error otherwise.
    public func intensity(_ text: String) throws -> GridIntensity {
        try GridIntensity.parse(text, presets: presets, maxGPerKWh: constants.grid.maxGPerKWh)
    }

    /// The data file's default preset.
    public var defaultIntensity: GridIntensity {
        // validate() checked that the default preset exists.
        let preset = presets.first { $0.name.caseInsensitiveCompare(constants.grid.defaultPreset) == .orderedSame }!
        return GridIntensity(preset: preset)
    }

    /// Ecoscore's default power figures for server CPU seconds (see footprint.yaml `serverDefault`).
    public var defaultServerProfile: ServerCPUProfile {
        let d = constants.serverDefault
        let row = constants.cloudCarbonFootprint.row(d.wattsRow)!  // checked by validate()
        return ServerCPUProfile(label: "\(constants.cloudCarbonFootprint.name) \(row.label)", minWatts: row.minWatts,
                                maxWatts: row.maxWatts, pue: d.pue, pueSource: d.pueSource,
                                utilisation: d.utilisation, replication: d.replication)
    }

    /// The footprint of `transferBytes` moved over the network and `serverCPUSeconds` of busy server CPU.
    /// - The operational SWD parts and the server use `intensity`; the embodied SWD parts the global intensity.
    /// - Green hosting removes the data-centre operational emissions: the SWD data-centre part and the server's.
    /// - Water counts electricity actually consumed: data-centre electricity (SWD data centre + server) at the
    ///   site figure, all consumed electricity at the generation figure.
    /// - The rating is the SWD v4 rating of the SWD figure (`emissions.web`), meaningful for one page view.
    /// Inputs are expected to be zero or more.
    public func of(transferBytes: Double, serverCPUSeconds: Double = 0, intensity: GridIntensity,
                   greenHosting: Bool = false, server: ServerCPUProfile? = nil) -> FootprintResult {
        let swd = self.swd
        let profile = server ?? defaultServerProfile
        let operationalEnergy = swd.operationalEnergy(bytes: transferBytes)
        let embodiedEnergy = swd.embodiedEnergy(bytes: transferBytes)
        let serverKWh = CPUEnergy.kWh(busyCPUSeconds: serverCPUSeconds, profile: profile)
        let energy = FootprintEnergy(operational: operationalEnergy, embodied: embodiedEnergy, serverKWh: serverKWh)

        let web = swd.emissions(bytes: transferBytes, intensities: SegmentIntensities(all: intensity.gPerKWh),
                                greenHosting: greenHosting)
        let green = greenHosting ? swd.constants.greenHostingFactor : 0
        let serverGrams = serverKWh * intensity.gPerKWh * (1 - green)
        let emissions = FootprintEmissions(operational: web.operational, embodied: web.embodied, server: serverGrams)

        let w = constants.water
        let water = FootprintWater(
            dataCentreLitres: (operationalEnergy.dataCentre + serverKWh) * w.dataCentreLitresPerKWh,
            generationLitres: energy.electricityKWh * w.generationLitresPerKWh)

        let s = swd.constants
        return FootprintResult(
            model: FootprintModelInfo(
                bytesModel: s.name, bytesModelVersion: s.version, serverModel: constants.cloudCarbonFootprint.name,
                serverMethod: "busy CPU seconds / 3600 × (minW + utilisation × (maxW − minW)) W per vCPU × PUE / 1000 × replication",
                dataVersion: constants.version),
            inputs: FootprintInputs(transferBytes: transferBytes, serverCPUSeconds: serverCPUSeconds,
                                    greenHosting: greenHosting),
            intensity: intensity.info, energy: energy, emissions: emissions, water: water,
            rating: swd.rating(gramsPerView: emissions.web),
            constants: constantsUsed(intensity: intensity, profile: profile))
    }

    /// Every constant `of` uses, with its source.
    public func constantsUsed(intensity: GridIntensity, profile: ServerCPUProfile) -> [FootprintConstant] {
        let s = constants.sustainableWebDesign
        let swdSource = "\(s.name) v\(s.version): \(s.source)"
        var list = [FootprintConstant(name: "swd.bytesPerGB", value: s.bytesPerGB, unit: "bytes/GB", source: swdSource)]
        for (kind, segments) in [("operational", s.operationalKWhPerGB), ("embodied", s.embodiedKWhPerGB)] {
            list.append(FootprintConstant(name: "swd.\(kind).dataCentre", value: segments.dataCentre, unit: "kWh/GB", source: swdSource))
            list.append(FootprintConstant(name: "swd.\(kind).network", value: segments.network, unit: "kWh/GB", source: swdSource))
            list.append(FootprintConstant(name: "swd.\(kind).device", value: segments.device, unit: "kWh/GB", source: swdSource))
        }
        list.append(FootprintConstant(name: "swd.globalIntensity (embodied)", value: s.globalIntensity, unit: "gCO2e/kWh", source: swdSource))
        list.append(FootprintConstant(name: "swd.greenHostingFactor", value: s.greenHostingFactor, unit: "share of data-centre operational removed", source: swdSource))
        let year = intensity.year.map { " (\($0))" } ?? ""
        list.append(FootprintConstant(name: "intensity.\(intensity.name) (operational, server)", value: intensity.gPerKWh,
                                      unit: "gCO2e/kWh", source: intensity.source + year))
        let ccf = "\(constants.cloudCarbonFootprint.name): \(constants.cloudCarbonFootprint.source)"
        list.append(FootprintConstant(name: "server.minWatts (\(profile.label))", value: profile.minWatts, unit: "W per vCPU", source: ccf))
        list.append(FootprintConstant(name: "server.maxWatts (\(profile.label))", value: profile.maxWatts, unit: "W per vCPU", source: ccf))
        list.append(FootprintConstant(name: "server.utilisation", value: profile.utilisation, unit: "share of busy seconds",
                                      source: "Ecoscore: busy CPU seconds run at full utilisation (footprint.yaml serverDefault)"))
        list.append(FootprintConstant(name: "server.pue", value: profile.pue, unit: "ratio", source: profile.pueSource))
        list.append(FootprintConstant(name: "server.replication", value: profile.replication, unit: "copies",
                                      source: "Ecoscore: one measured copy of the app"))
        let w = constants.water
        let waterSource = (w.ours ? "ECOSCORE ASSUMPTION — " : "") + w.source
        list.append(FootprintConstant(name: "water.dataCentre", value: w.dataCentreLitresPerKWh, unit: "L/kWh", source: waterSource))
        list.append(FootprintConstant(name: "water.generation", value: w.generationLitresPerKWh, unit: "L/kWh", source: waterSource))
        for band in s.ratings {
            list.append(FootprintConstant(name: "rating.\(band.rating) (at most)", value: band.atMost, unit: "gCO2e per page view", source: swdSource))
        }
        return list
    }
}
