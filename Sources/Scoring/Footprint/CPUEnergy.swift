/// CPU time → energy without power meters, Cloud Carbon Footprint's method.
public enum CPUEnergy {
    /// kWh = (minW + utilisation × (maxW − minW)) × vCPU-hours × PUE / 1000, × replication.
    public static func kWh(minWatts: Double, maxWatts: Double, utilisation: Double, vCPUHours: Double, pue: Double,
                           replication: Double = 1) -> Double {
        let watts = minWatts + utilisation * (maxWatts - minWatts)
        return watts * vCPUHours * pue / 1000 * replication
    }

    /// Ecoscore's use of the method: the app's BUSY CPU seconds (idle baseline already removed by the profiler)
    /// run at full utilisation, so each second is charged at the profile's max watts per vCPU.
    public static func kWh(busyCPUSeconds: Double, profile: ServerCPUProfile) -> Double {
        kWh(minWatts: profile.minWatts, maxWatts: profile.maxWatts, utilisation: profile.utilisation,
            vCPUHours: busyCPUSeconds / 3600, pue: profile.pue, replication: profile.replication)
    }
}

/// The power figures applied to server CPU seconds.
public struct ServerCPUProfile: Sendable, Equatable {
    /// e.g. "AWS average"
    public var label: String
    public var minWatts: Double
    public var maxWatts: Double
    public var pue: Double
    public var pueSource: String
    public var utilisation: Double
    public var replication: Double

    public init(label: String, minWatts: Double, maxWatts: Double, pue: Double, pueSource: String,
                utilisation: Double = 1, replication: Double = 1) {
        self.label = label; self.minWatts = minWatts; self.maxWatts = maxWatts; self.pue = pue
        self.pueSource = pueSource; self.utilisation = utilisation; self.replication = replication
    }
}
