import Foundation

/// The footprint constants as shipped in `Scoring/models/footprint.yaml`.
public struct FootprintConstants: Decodable, Sendable {
    public var version: String
    public var sustainableWebDesign: SWDConstants
    public var cloudCarbonFootprint: CCFConstants
    public var serverDefault: ServerDefault
    public var water: WaterConstants
    public var grid: GridConstants

    /// Checks what decoding cannot: ranges, ordering, references between sections.
    func validate(file: String) throws {
        func fail(_ message: String) -> DataFileError { DataFileError(file: file, message: message) }
        func nonNegative(_ value: Double, _ field: String) throws {
            guard value.isFinite, value >= 0 else { throw fail("field \(field): must be a number ≥ 0 (got \(value))") }
        }
        let swd = sustainableWebDesign
        guard swd.bytesPerGB > 0 else { throw fail("field sustainableWebDesign.bytesPerGB: must be > 0") }
        for (name, s) in [("operationalKWhPerGB", swd.operationalKWhPerGB), ("embodiedKWhPerGB", swd.embodiedKWhPerGB)] {
            try nonNegative(s.dataCentre, "sustainableWebDesign.\(name).dataCentre")
            try nonNegative(s.network, "sustainableWebDesign.\(name).network")
            try nonNegative(s.device, "sustainableWebDesign.\(name).device")
        }
        try nonNegative(swd.globalIntensity, "sustainableWebDesign.globalIntensity")
        guard (0...1).contains(swd.greenHostingFactor) else {
            throw fail("field sustainableWebDesign.greenHostingFactor: must be between 0 and 1")
        }
        guard !swd.ratings.isEmpty else { throw fail("field sustainableWebDesign.ratings: empty") }
        for (i, band) in swd.ratings.enumerated() where i > 0 && band.atMost <= swd.ratings[i - 1].atMost {
            throw fail("field sustainableWebDesign.ratings.[\(i)]: bounds must increase (\(band.atMost) after \(swd.ratings[i - 1].atMost))")
        }
        let ccf = cloudCarbonFootprint
        for (i, row) in (ccf.clouds + ccf.microArchitectures).enumerated() {
            guard row.minWatts >= 0, row.maxWatts >= row.minWatts else {
                throw fail("field cloudCarbonFootprint row \(i) (\(row.id)): need 0 ≤ minWatts ≤ maxWatts")
            }
            if let pue = row.pue, pue < 1 { throw fail("field cloudCarbonFootprint row \(row.id): PUE below 1") }
        }
        guard ccf.row(serverDefault.wattsRow) != nil else {
            throw fail("field serverDefault.wattsRow: no row \"\(serverDefault.wattsRow)\" in cloudCarbonFootprint")
        }
        guard serverDefault.pue >= 1 else { throw fail("field serverDefault.pue: must be ≥ 1") }
        guard (0...1).contains(serverDefault.utilisation) else { throw fail("field serverDefault.utilisation: must be between 0 and 1") }
        guard serverDefault.replication > 0 else { throw fail("field serverDefault.replication: must be > 0") }
        try nonNegative(water.dataCentreLitresPerKWh, "water.dataCentreLitresPerKWh")
        try nonNegative(water.generationLitresPerKWh, "water.generationLitresPerKWh")
        var seen = Set<String>()
        for (i, preset) in grid.presets.enumerated() {
            let key = preset.name.lowercased()
            guard !key.isEmpty, Double(key) == nil else { throw fail("field grid.presets.[\(i)].name: must be a word") }
            guard seen.insert(key).inserted else { throw fail("field grid.presets.[\(i)].name: \"\(preset.name)\" twice") }
            try nonNegative(preset.gPerKWh, "grid.presets.[\(i)].gPerKWh")
        }
        guard seen.contains(grid.defaultPreset.lowercased()) else {
            throw fail("field grid.defaultPreset: no preset \"\(grid.defaultPreset)\"")
        }
    }
}

/// Sustainable Web Design model constants.
public struct SWDConstants: Decodable, Sendable {
    public struct Segments: Decodable, Sendable {
        public var dataCentre: Double
        public var network: Double
        public var device: Double
    }
    public struct RatingBand: Decodable, Sendable {
        public var rating: String
        public var atMost: Double
    }

    public var name: String
    public var version: String
    public var source: String
    public var bytesPerGB: Double
    public var operationalKWhPerGB: Segments
    public var embodiedKWhPerGB: Segments
    public var globalIntensity: Double
    public var greenHostingFactor: Double
    public var ratings: [RatingBand]
    public var worstRating: String
}

/// Cloud Carbon Footprint's watts per vCPU table.
public struct CCFConstants: Decodable, Sendable {
    public struct Row: Decodable, Sendable {
        public var id: String
        public var label: String
        public var minWatts: Double
        public var maxWatts: Double
        /// Given for clouds, not for micro-architectures.
        public var pue: Double?
    }

    public var name: String
    public var source: String
    public var clouds: [Row]
    public var microArchitectures: [Row]

    public func row(_ id: String) -> Row? {
        (clouds + microArchitectures).first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}

/// Ecoscore's default for the server CPU energy (see the reasoning in footprint.yaml).
public struct ServerDefault: Decodable, Sendable {
    public var wattsRow: String
    public var pue: Double
    public var pueSource: String
    public var utilisation: Double
    public var replication: Double
}

/// Water per kWh (an Ecoscore assumption, labelled as such in the data).
public struct WaterConstants: Decodable, Sendable {
    public var ours: Bool
    public var dataCentreLitresPerKWh: Double
    public var generationLitresPerKWh: Double
    public var source: String
}

public struct GridConstants: Decodable, Sendable {
    public var defaultPreset: String
    public var maxGPerKWh: Double
    public var presets: [GridPreset]
}

/// A named grid intensity with its source and year.
public struct GridPreset: Decodable, Sendable, Equatable {
    public var name: String
    public var gPerKWh: Double
    public var label: String
    public var source: String
    public var year: String
}
