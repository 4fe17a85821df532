import Foundation

/// One recorded audit in brief, as the history gives it and a report's trend chart draws it.
public struct TrendPoint: Codable, Sendable, Equatable {
    /// The history's id of the audit.
    public var id: Int64
    public var recordedAt: Date
    /// A label the run was recorded with (build number, git commit), when one was given.
    public var label: String?
    public var grid: String
    public var score: Double?
    public var grade: String?
    /// Sums over the steps of one pass (medians).
    public var transferBytes: Double
    public var requests: Double
    public var energyWh: Double?
    public var serverCPUms: Double?

    public init(id: Int64, recordedAt: Date, label: String?, grid: String, score: Double?, grade: String?,
                transferBytes: Double, requests: Double, energyWh: Double?, serverCPUms: Double?) {
        self.id = id; self.recordedAt = recordedAt; self.label = label; self.grid = grid; self.score = score
        self.grade = grade; self.transferBytes = transferBytes; self.requests = requests; self.energyWh = energyWh
        self.serverCPUms = serverCPUms
    }
}
