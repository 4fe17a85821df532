import Foundation

/// The journey view of a score card (the app-referencing ecoscore): every step scored on the grid's per-step
/// criteria, the journey score as the mean of the steps, and the heaviest steps.
public struct JourneyScore: Codable, Sendable, Equatable {
    /// The reference connection the display time was modelled for.
    public var network: NetworkProfileInfo?
    /// Mean of the step scores, out of 100.
    public var score: Double?
    public var grade: String?
    public var steps: [StepScore]
    /// Steps ranked by data exchanged, heaviest first.
    public var heaviestData: [StepRanking]
    /// Steps ranked by modelled energy, heaviest first.
    public var heaviestEnergy: [StepRanking]

    public init(network: NetworkProfileInfo?, score: Double?, grade: String?, steps: [StepScore],
                heaviestData: [StepRanking], heaviestEnergy: [StepRanking]) {
        self.network = network; self.score = score; self.grade = grade; self.steps = steps
        self.heaviestData = heaviestData; self.heaviestEnergy = heaviestEnergy
    }
}

public struct NetworkProfileInfo: Codable, Sendable, Equatable {
    public var id: String
    public var rttMs: Double
    public var downlinkMbps: Double
    public var source: String

    public init(id: String, rttMs: Double, downlinkMbps: Double, source: String) {
        self.id = id; self.rttMs = rttMs; self.downlinkMbps = downlinkMbps; self.source = source
    }
}

/// One step of the journey.
public struct StepScore: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    public var url: String
    /// Weighted mean of the step's axis scores, out of 100; nil when no axis could be measured.
    public var score: Double?
    public var axes: [AxisScore]
    /// Median transfer bytes and requests of the step.
    public var transferBytes: Double
    public var requests: Double
    public var displayTime: DisplayTimeEstimate?
    public var energy: EnergyEstimate?
    public var ecoindex: EcoIndexResult?

    public init(index: Int, name: String?, url: String, score: Double?, axes: [AxisScore], transferBytes: Double,
                requests: Double, displayTime: DisplayTimeEstimate?, energy: EnergyEstimate?, ecoindex: EcoIndexResult?) {
        self.index = index; self.name = name; self.url = url; self.score = score; self.axes = axes
        self.transferBytes = transferBytes; self.requests = requests; self.displayTime = displayTime
        self.energy = energy; self.ecoindex = ecoindex
    }
}

/// One per-step criterion at one step, scaled to 0–100.
public struct AxisScore: Codable, Sendable, Equatable {
    public var criterion: String
    public var family: String
    public var metric: String
    public var unit: String
    public var value: Double?
    /// Points out of 100 (the criterion's scale brought to 100).
    public var score: Double?
    /// The band the step's value fell in, e.g. "≤ 1024000 bytes", in English.
    public var threshold: String?
    /// `threshold` in French and English; nil on cards written before it was added (readers then show `threshold`).
    public var thresholdText: Bilingual?

    public init(criterion: String, family: String, metric: String, unit: String, value: Double?, score: Double?,
                threshold: String?, thresholdText: Bilingual? = nil) {
        self.criterion = criterion; self.family = family; self.metric = metric; self.unit = unit; self.value = value
        self.score = score; self.threshold = threshold; self.thresholdText = thresholdText
    }
}

/// Modelled display time of one step on the reference connection, term by term (the median run's terms).
public struct DisplayTimeEstimate: Codable, Sendable, Equatable {
    /// Median over runs of the modelled time.
    public var modelledMs: Double
    public var network: String
    /// Server time of the document chain, and where it came from: "first-byte", "server-cpu" or "none".
    public var serverMs: Double
    public var serverSource: String
    /// New connections on the critical path (DNS, TCP, TLS or QUIC round trips).
    public var setupRoundTrips: Int
    /// Request round trips on the critical path: dependency levels, redirect hops, HTTP/1.x batches.
    public var requestRoundTrips: Int
    public var dependencyLevels: Int
    public var roundTripMs: Double
    public var transferMs: Double
    /// The same model on every network profile, for comparison.
    public var byNetwork: [String: Double]
    /// Median wall time the profiler measured (on its own network, often a LAN or localhost).
    public var measuredMs: Double

    public init(modelledMs: Double, network: String, serverMs: Double, serverSource: String, setupRoundTrips: Int,
                requestRoundTrips: Int, dependencyLevels: Int, roundTripMs: Double, transferMs: Double,
                byNetwork: [String: Double], measuredMs: Double) {
        self.modelledMs = modelledMs; self.network = network; self.serverMs = serverMs; self.serverSource = serverSource
        self.setupRoundTrips = setupRoundTrips; self.requestRoundTrips = requestRoundTrips
        self.dependencyLevels = dependencyLevels; self.roundTripMs = roundTripMs; self.transferMs = transferMs
        self.byNetwork = byNetwork; self.measuredMs = measuredMs
    }
}

/// Modelled energy of one view of a step, by segment, with the emissions and water of the footprint model.
public struct EnergyEstimate: Codable, Sendable, Equatable {
    /// Operational + embodied segments + server, in Wh.
    public var wh: Double
    /// Each segment operational + embodied.
    public var networkWh: Double
    public var deviceWh: Double
    public var dataCentreWh: Double
    /// Server CPU energy (PUE included); 0 when the server was not metered (see `serverCPUms`).
    public var serverWh: Double
    public var transferBytes: Double
    public var serverCPUms: Double?
    /// gCO2e of the view at the score card's grid intensity (`intensity`).
    public var gCO2e: Double
    public var waterLitres: Double
    /// Sustainable Web Design v4 rating of the bytes' emissions.
    public var rating: String
    public var intensity: String

    public init(wh: Double, networkWh: Double, deviceWh: Double, dataCentreWh: Double, serverWh: Double,
                transferBytes: Double, serverCPUms: Double?, gCO2e: Double, waterLitres: Double, rating: String,
                intensity: String) {
        self.wh = wh; self.networkWh = networkWh; self.deviceWh = deviceWh; self.dataCentreWh = dataCentreWh
        self.serverWh = serverWh; self.transferBytes = transferBytes; self.serverCPUms = serverCPUms
        self.gCO2e = gCO2e; self.waterLitres = waterLitres; self.rating = rating; self.intensity = intensity
    }
}

public struct StepRanking: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String?
    public var value: Double
    public var unit: String

    public init(index: Int, name: String?, value: Double, unit: String) {
        self.index = index; self.name = name; self.value = value; self.unit = unit
    }
}
