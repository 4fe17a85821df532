/// Where a `ServerMeter` reads the app's CPU time: a cgroup's counters or the app's process tree.
/// `sample()` returns cumulative figures; the meter works with differences between two samples.
public protocol CPUSource: Sendable {
    func sample() throws -> CPUSample
}

/// Cumulative CPU of what is metered, at one instant.
public struct CPUSample: Sendable, Equatable {
    /// User + system CPU seconds since some origin the source chose (only differences mean anything).
    public var cpuSeconds: Double
    /// Resident memory of the metered processes: the source's own peak when it keeps one (a cgroup's
    /// `memory.peak`, a process's `VmHWM`), else the current total; nil when the source cannot tell.
    public var rssBytes: Int?
    public var at: ContinuousClock.Instant

    public init(cpuSeconds: Double, rssBytes: Int?, at: ContinuousClock.Instant) {
        self.cpuSeconds = cpuSeconds
        self.rssBytes = rssBytes
        self.at = at
    }
}

/// The start of a metered interval (`ServerMeter.begin()`), to hand back to `ServerMeter.end(_:)`.
public struct MeterMark: Sendable, Equatable {
    public let sample: CPUSample
}

/// Why a server meter could not attach, launch or sample.
public enum ServerMeterError: Error, Equatable, CustomStringConvertible {
    /// This platform has no source (server CPU metering is Linux-only).
    case notAvailable(reason: String)
    /// No such process to attach to.
    case noSuchProcess(pid: Int32)
    /// The metered process exited (or was stopped) since the meter attached.
    case processGone(pid: Int32)
    /// The cgroup path names no cgroup with CPU accounting (`cpu.stat` with `usage_usec`, or `cpuacct.usage`).
    case cgroupNotFound(path: String)
    /// A counter file could not be read or parsed.
    case unreadable(path: String, reason: String)
    /// `posix_spawn` of `/bin/sh` failed.
    case launchFailed(command: String, reason: String)
    /// The launched command ended before its ready URL answered.
    case exitedBeforeReady(command: String, status: String, stderrTail: [String])
    /// The ready URL did not answer within the timeout; the command was stopped.
    case readyTimeout(command: String, url: String, timeout: Duration, stderrTail: [String])
    /// The launched app was stopped; the meter cannot sample any more.
    case stopped

    public var description: String {
        switch self {
        case .notAvailable(let reason):
            return "server CPU metering is not available: \(reason)"
        case .noSuchProcess(let pid):
            return "no process \(pid) to meter"
        case .processGone(let pid):
            return "metered process \(pid) has exited"
        case .cgroupNotFound(let path):
            return "\(path) is not a cgroup with CPU accounting (no cpu.stat usage_usec, no cpuacct.usage)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .launchFailed(let command, let reason):
            return "cannot launch `\(command)`: \(reason)"
        case .exitedBeforeReady(let command, let status, let tail):
            return "`\(command)` \(status) before it was ready" + Self.tailText(tail)
        case .readyTimeout(let command, let url, let timeout, let tail):
            return "`\(command)` did not answer \(url) within \(timeout); it was stopped" + Self.tailText(tail)
        case .stopped:
            return "the launched app was stopped"
        }
    }

    private static func tailText(_ lines: [String]) -> String {
        lines.isEmpty ? " (its stderr was empty)" : "; last lines of its stderr:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
