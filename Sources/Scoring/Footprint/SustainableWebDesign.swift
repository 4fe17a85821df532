import Model

/// Grid intensity (gCO2e/kWh) of each SWD segment's operational part.
public struct SegmentIntensities: Sendable, Equatable {
    public var dataCentre: Double
    public var network: Double
    public var device: Double

    public init(dataCentre: Double, network: Double, device: Double) {
        self.dataCentre = dataCentre; self.network = network; self.device = device
    }

    /// The same intensity everywhere.
    public init(all gPerKWh: Double) { self.init(dataCentre: gPerKWh, network: gPerKWh, device: gPerKWh) }
}

/// The SWD figures of some transferred bytes, in gCO2e.
public struct SWDEmissions: Sendable, Equatable {
    public var operational: SegmentFigures
    public var embodied: SegmentFigures
    public var total: Double { operational.total + embodied.total }
}

/// Sustainable Web Design model v4, as CO2.js implements it: bytes → kWh per segment (operational and embodied)
/// → gCO2e. Operational parts use the given intensities, embodied parts always the global intensity; green
/// hosting removes the data-centre operational part.
public struct SustainableWebDesign: Sendable {
    public let constants: SWDConstants

    public init(constants: SWDConstants) { self.constants = constants }

    public func gigabytes(_ bytes: Double) -> Double { bytes / constants.bytesPerGB }

    /// kWh per segment, operational.
    public func operationalEnergy(bytes: Double) -> SegmentFigures {
        energy(bytes: bytes, constants.operationalKWhPerGB)
    }

    /// kWh per segment, embodied (an energy equivalent of manufacturing).
    public func embodiedEnergy(bytes: Double) -> SegmentFigures {
        energy(bytes: bytes, constants.embodiedKWhPerGB)
    }

    /// gCO2e per segment, operational, with each segment's intensity; with green hosting the data-centre part is
    /// reduced by the green hosting factor (1: removed).
    public func operationalEmissions(bytes: Double, intensities: SegmentIntensities,
                                     greenHosting: Bool = false) -> SegmentFigures {
        let e = operationalEnergy(bytes: bytes)
        let green = greenHosting ? constants.greenHostingFactor : 0
        return SegmentFigures(dataCentre: e.dataCentre * intensities.dataCentre * (1 - green),
                              network: e.network * intensities.network,
                              device: e.device * intensities.device)
    }

    /// gCO2e per segment, embodied, always at the global intensity.
    public func embodiedEmissions(bytes: Double) -> SegmentFigures {
        let e = embodiedEnergy(bytes: bytes)
        let g = constants.globalIntensity
        return SegmentFigures(dataCentre: e.dataCentre * g, network: e.network * g, device: e.device * g)
    }

    public func emissions(bytes: Double, intensities: SegmentIntensities, greenHosting: Bool = false) -> SWDEmissions {
        SWDEmissions(operational: operationalEmissions(bytes: bytes, intensities: intensities, greenHosting: greenHosting),
                     embodied: embodiedEmissions(bytes: bytes))
    }

    /// gCO2e at the global intensity everywhere (the model's default).
    public func emissions(bytes: Double, greenHosting: Bool = false) -> SWDEmissions {
        emissions(bytes: bytes, intensities: SegmentIntensities(all: constants.globalIntensity), greenHosting: greenHosting)
    }

    /// The rating of one page view's gCO2e: the first band whose bound it is at or below, else the worst rating.
    public func rating(gramsPerView: Double) -> String {
        constants.ratings.first { gramsPerView <= $0.atMost }?.rating ?? constants.worstRating
    }

    private func energy(bytes: Double, _ perGB: SWDConstants.Segments) -> SegmentFigures {
        let gb = gigabytes(bytes)
        return SegmentFigures(dataCentre: gb * perGB.dataCentre, network: gb * perGB.network, device: gb * perGB.device)
    }
}
