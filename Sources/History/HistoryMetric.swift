/// A figure the history can trend, by its command-line name.
public enum HistoryMetric: String, CaseIterable, Sendable {
    /// The grid's total, percent (for a journey step: the step's score out of 100).
    case score
    case transferBytes = "transfer-bytes"
    case requests
    case dom
    case serverCPUms = "server-cpu-ms"
    case energyWh = "energy-wh"
    /// The mean EcoIndex of the run's pages (for a step: the step's EcoIndex).
    case ecoindex

    /// The column holding it, in `run` and in `step` alike.
    var column: String {
        switch self {
        case .score: "score"
        case .transferBytes: "transfer_bytes"
        case .requests: "requests"
        case .dom: "dom"
        case .serverCPUms: "server_cpu_ms"
        case .energyWh: "energy_wh"
        case .ecoindex: "ecoindex"
        }
    }

    public var unit: String {
        switch self {
        case .score: "%"
        case .transferBytes: "bytes"
        case .requests: "requests"
        case .dom: "elements"
        case .serverCPUms: "ms"
        case .energyWh: "Wh"
        case .ecoindex: "/100"
        }
    }

    /// Whether a larger value is worse (everything but the scores).
    public var higherIsWorse: Bool { self != .score && self != .ecoindex }
}

/// Which step of a journey a trend follows: a number is the Nth step (from 1, as `ecoscore score` lists them);
/// anything else is a step name, matched exactly.
public enum StepSelector: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case name(String)

    public init(_ text: String) {
        if let n = Int(text), n >= 1 { self = .number(n) } else { self = .name(text) }
    }

    public func matches(_ step: HistoryStep) -> Bool {
        switch self {
        case .number(let n): step.position == n - 1
        case .name(let name): step.name == name
        }
    }

    public var description: String {
        switch self {
        case .number(let n): "step \(n)"
        case .name(let name): "step \"\(name)\""
        }
    }
}
