/// The footprint of some transferred bytes and some server CPU time: energy, gCO2e and water, with the model
/// and every constant that produced them, so that a report can show its working. Part of the ScoreCard.
public struct FootprintResult: Codable, Sendable, Equatable {
    public var model: FootprintModelInfo
    public var inputs: FootprintInputs
    /// The grid intensity of the operational parts and of the server.
    public var intensity: GridIntensityInfo
    public var energy: FootprintEnergy
    public var emissions: FootprintEmissions
    public var water: FootprintWater
    /// SWD v4 rating of `emissions.web` (meaningful when the bytes are one page view).
    public var rating: String
    /// Every constant used, in the order a report prints them.
    public var constants: [FootprintConstant]

    public init(model: FootprintModelInfo, inputs: FootprintInputs, intensity: GridIntensityInfo,
                energy: FootprintEnergy, emissions: FootprintEmissions, water: FootprintWater, rating: String,
                constants: [FootprintConstant]) {
        self.model = model; self.inputs = inputs; self.intensity = intensity; self.energy = energy
        self.emissions = emissions; self.water = water; self.rating = rating; self.constants = constants
    }
}

public struct FootprintModelInfo: Codable, Sendable, Equatable {
    /// "Sustainable Web Design"
    public var bytesModel: String
    /// "4"
    public var bytesModelVersion: String
    /// "Cloud Carbon Footprint"
    public var serverModel: String
    /// How the server CPU seconds were turned into energy.
    public var serverMethod: String
    /// Version of Ecoscore's `models/footprint.yaml`.
    public var dataVersion: String

    public init(bytesModel: String, bytesModelVersion: String, serverModel: String, serverMethod: String,
                dataVersion: String) {
        self.bytesModel = bytesModel; self.bytesModelVersion = bytesModelVersion; self.serverModel = serverModel
        self.serverMethod = serverMethod; self.dataVersion = dataVersion
    }
}

public struct FootprintInputs: Codable, Sendable, Equatable {
    public var transferBytes: Double
    public var serverCPUSeconds: Double
    public var greenHosting: Bool

    public init(transferBytes: Double, serverCPUSeconds: Double, greenHosting: Bool) {
        self.transferBytes = transferBytes; self.serverCPUSeconds = serverCPUSeconds; self.greenHosting = greenHosting
    }
}

/// A grid intensity as used: a named preset (with its source and year) or a number given by the user.
public struct GridIntensityInfo: Codable, Sendable, Equatable {
    /// The preset name, or "custom" for a number.
    public var name: String
    public var gPerKWh: Double
    public var source: String
    public var year: String?

    public init(name: String, gPerKWh: Double, source: String, year: String?) {
        self.name = name; self.gPerKWh = gPerKWh; self.source = source; self.year = year
    }
}

/// One figure per SWD segment, and their sum.
public struct SegmentFigures: Codable, Sendable, Equatable {
    public var dataCentre: Double
    public var network: Double
    public var device: Double
    public var total: Double

    public init(dataCentre: Double, network: Double, device: Double) {
        self.dataCentre = dataCentre; self.network = network; self.device = device
        total = dataCentre + network + device
    }

    public static let zero = SegmentFigures(dataCentre: 0, network: 0, device: 0)
}

/// Energy in kWh. The SWD embodied figures are energy equivalents of manufacturing, not electricity consumed.
public struct FootprintEnergy: Codable, Sendable, Equatable {
    public var operational: SegmentFigures
    public var embodied: SegmentFigures
    /// Server CPU energy (PUE included).
    public var serverKWh: Double
    /// Electricity actually consumed: operational segments + server.
    public var electricityKWh: Double
    /// Operational + embodied + server.
    public var totalKWh: Double
    public var totalWh: Double

    public init(operational: SegmentFigures, embodied: SegmentFigures, serverKWh: Double) {
        self.operational = operational; self.embodied = embodied; self.serverKWh = serverKWh
        electricityKWh = operational.total + serverKWh
        totalKWh = operational.total + embodied.total + serverKWh
        totalWh = totalKWh * 1000
    }
}

/// gCO2e.
public struct FootprintEmissions: Codable, Sendable, Equatable {
    /// After green hosting (the data-centre part is 0 with green hosting).
    public var operational: SegmentFigures
    public var embodied: SegmentFigures
    /// The SWD figure of the transferred bytes: operational + embodied.
    public var web: Double
    public var server: Double
    public var total: Double

    public init(operational: SegmentFigures, embodied: SegmentFigures, server: Double) {
        self.operational = operational; self.embodied = embodied; self.server = server
        web = operational.total + embodied.total
        total = web + server
    }
}

public struct FootprintWater: Codable, Sendable, Equatable {
    /// On-site data-centre water (cooling) for the data-centre electricity.
    public var dataCentreLitres: Double
    /// Water consumed generating all the electricity consumed.
    public var generationLitres: Double
    public var litres: Double

    public init(dataCentreLitres: Double, generationLitres: Double) {
        self.dataCentreLitres = dataCentreLitres; self.generationLitres = generationLitres
        litres = dataCentreLitres + generationLitres
    }
}

/// A constant as used, e.g. `swd.operational.network` 0.059 kWh/GB, with its source.
public struct FootprintConstant: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var unit: String
    public var source: String

    public init(name: String, value: Double, unit: String, source: String) {
        self.name = name; self.value = value; self.unit = unit; self.source = source
    }
}
