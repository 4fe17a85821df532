import Foundation
import GRDB

/// One recorded run, as `history list` and `history show` give it (the score card itself is read apart).
public struct HistoryRun: Sendable, Equatable, Codable {
    public var id: Int64
    public var recordedAt: Date
    public var label: String?
    public var gridID: String
    public var gridVersion: String
    /// The target key (see `TargetKey`).
    public var target: String
    public var score: Double?
    public var grade: String?
    /// The check's outcome; nil when the run was not checked.
    public var passed: Bool?
    /// False when the profile was interrupted: such a run is never a baseline.
    public var complete: Bool
    public var transferBytes: Double
    public var requests: Double
    public var dom: Double?
    public var serverCPUms: Double?
    public var energyWh: Double?
    public var ecoindex: Double?

    public func value(_ metric: HistoryMetric) -> Double? {
        switch metric {
        case .score: score
        case .transferBytes: transferBytes
        case .requests: requests
        case .dom: dom
        case .serverCPUms: serverCPUms
        case .energyWh: energyWh
        case .ecoindex: ecoindex
        }
    }
}

extension HistoryRun: FetchableRecord {
    static let columns = "id, recorded_at, label, grid_id, grid_version, target, score, grade, passed, complete, transfer_bytes, requests, dom, server_cpu_ms, energy_wh, ecoindex"

    public init(row: Row) throws {
        id = row["id"]; recordedAt = row["recorded_at"]; label = row["label"]; gridID = row["grid_id"]
        gridVersion = row["grid_version"]; target = row["target"]; score = row["score"]; grade = row["grade"]
        passed = row["passed"]; complete = row["complete"]; transferBytes = row["transfer_bytes"]
        requests = row["requests"]; dom = row["dom"]; serverCPUms = row["server_cpu_ms"]; energyWh = row["energy_wh"]
        ecoindex = row["ecoindex"]
    }
}

/// One page or journey step of a recorded run.
public struct HistoryStep: Sendable, Equatable, Codable {
    /// From 0, as in the score card.
    public var position: Int
    public var name: String?
    public var url: String
    public var transferBytes: Double
    public var requests: Double
    public var dom: Double?
    public var serverCPUms: Double?
    public var energyWh: Double?
    public var ecoindex: Double?
    /// The step's score out of 100 (journey grids).
    public var score: Double?
}

extension HistoryStep: FetchableRecord {
    public init(row: Row) throws {
        position = row["position"]; name = row["name"]; url = row["url"]; transferBytes = row["transfer_bytes"]
        requests = row["requests"]; dom = row["dom"]; serverCPUms = row["server_cpu_ms"]; energyWh = row["energy_wh"]
        ecoindex = row["ecoindex"]; score = row["score"]
    }
}

/// One run's value of a trended metric (nil when that run did not measure it).
public struct TrendSample: Sendable, Equatable, Codable {
    public var id: Int64
    public var recordedAt: Date
    public var label: String?
    public var gridVersion: String
    public var passed: Bool?
    public var value: Double?
}
