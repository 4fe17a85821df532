import Foundation
import Model

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// Measures the CPU time an app's server burns while pages are loaded: DESIGN.md's "server CPU time", the user +
/// system CPU of the app's whole process tree over an interval, minus its idle baseline over the same duration.
///
/// Three ways to meter (Linux; elsewhere `attach`/`launch` throw `ServerMeterError.notAvailable`):
/// - `launch(command:…)` starts the app itself, in its own process group and, when this process may create one,
///   in a fresh cgroup (v2 first, then v1 `cpuacct`): the cgroup counts every process the app ever forks, to the
///   microsecond, whatever becomes of them. Without a cgroup, the process tree.
/// - `attach(cgroup:)` reads an existing cgroup (a systemd service, a container).
/// - `attach(pid:)` walks the process tree under a pid (see `ProcessTreeSource` for what it catches and misses).
///
/// ```swift
/// let meter = try ServerMeter.launch(command: "ecoscore-fixtures --port 8080",
///                                    ready: URL(string: "http://127.0.0.1:8080/")!, readyTimeout: .seconds(10))
/// defer { meter.stop() }
/// try meter.measureBaseline(for: .seconds(2))
/// let mark = try meter.begin()
/// … load one page …
/// let usage = try meter.end(mark)      // ServerUsage: cpuMs, baselineMs, netCPUms, peakRSSBytes
/// ```
///
/// Intervals should not overlap: two pages loaded at once share one server, and each would be charged the
/// other's CPU. Metering a server on another machine is out of scope: the sources are this machine's kernel.
public final class ServerMeter: Sendable {
    private let source: any CPUSource
    private let launched: (any LaunchedApp)?
    private let state: MeterState

    init(source: any CPUSource, info: MeterInfo, launched: (any LaunchedApp)? = nil) {
        self.source = source
        self.launched = launched
        self.state = MeterState(info: info)
    }

    deinit {
        launched?.stop(grace: .seconds(5))
    }

    /// Whether this platform can meter a server at all (Linux).
    public static var isAvailable: Bool {
        #if os(Linux)
        return true
        #else
        return false
        #endif
    }

    /// Source ("cgroup-v2", "cgroup-v1", "process-tree"), target ("launched", "pid", "cgroup"), the idle baseline
    /// (ms of CPU per second, 0 until `measureBaseline`) and notes (which group, why a cgroup was not used…).
    public var info: MeterInfo {
        state.withLock { $0.info }
    }

    // MARK: Attaching

    /// Meters the process `pid` and all its descendants through `/proc/PID/stat`, walking the parent-pid tree at
    /// every sample. Children that exit between two samples are counted when a process of the tree waited for
    /// them (their time is in its `cutime`/`cstime`, read too); processes that leave the tree (double fork,
    /// reparented orphans) are not. Live processes are read to the nanosecond (their kernel CPU clocks), reaped
    /// children to the clock tick (10 ms at 100 Hz).
    public static func attach(pid: Int32) throws -> ServerMeter {
        #if os(Linux)
        let source = try ProcessTreeSource(root: pid)
        return ServerMeter(source: source, info: MeterInfo(
            source: "process-tree", target: "pid", baselineMsPerSecond: 0,
            notes: [ProcessTreeSource.note(pid)]))
        #else
        throw ServerMeterError.notAvailable(reason: "needs Linux /proc")
        #endif
    }

    /// Meters a cgroup: cgroup v2 `cpu.stat` `usage_usec`, or v1 `cpuacct.usage` (ns); peak memory from v2
    /// `memory.peak` / v1 `memory.max_usage_in_bytes` when the group has them, else from its processes.
    /// `path` is the group's folder (`/sys/fs/cgroup/system.slice/app.service`) or its path inside a hierarchy
    /// (`/system.slice/app.service`, looked up under every cgroup mount, v2 first).
    public static func attach(cgroup path: String) throws -> ServerMeter {
        #if os(Linux)
        guard let directory = Cgroups.resolve(path) else { throw ServerMeterError.cgroupNotFound(path: path) }
        let source = CgroupSource(directory: directory)
        _ = try source.sample()
        return ServerMeter(source: source, info: MeterInfo(
            source: directory.sourceName, target: "cgroup", baselineMsPerSecond: 0,
            notes: ["cgroup \(directory.path)"]))
        #else
        throw ServerMeterError.notAvailable(reason: "needs Linux cgroups")
        #endif
    }

    /// Starts `/bin/sh -c command` and meters it until `stop()`.
    ///
    /// The app runs in its own process group, with stdin and stdout on /dev/null and stderr in a temporary file,
    /// its signals at their defaults; `environment` is added to (overrides) Ecoscore's own. It is placed in a
    /// fresh cgroup before it runs (v2 under the writable v2 hierarchy, else v1 `cpuacct`, each first under
    /// Ecoscore's own group, then at the top of the hierarchy); when none can be made, its process tree is
    /// metered and `info.notes` says why. Then `ready` is polled (any HTTP status counts) until it answers.
    /// If the app exits first, or `readyTimeout` passes, it is stopped and the error carries the last lines of
    /// its stderr.
    public static func launch(command: String, ready: URL, readyTimeout: Duration,
                              environment: [String: String]? = nil) throws -> ServerMeter {
        #if os(Linux)
        return try launch(command: command, ready: ready, readyTimeout: readyTimeout, environment: environment,
                          hierarchies: [.v2, .v1])
        #else
        throw ServerMeterError.notAvailable(reason: "launching a metered app needs Linux")
        #endif
    }

    #if os(Linux)
    /// `launch`, trying only the given cgroup versions (none: the process tree).
    static func launch(command: String, ready: URL, readyTimeout: Duration, environment: [String: String]?,
                       hierarchies: [CgroupDirectory.Version]) throws -> ServerMeter {
        var notes: [String] = []
        let process = try LaunchedProcess.spawn(command: command, environment: environment,
                                                hierarchies: hierarchies, notes: &notes)
        do {
            let deadline = ContinuousClock.now + readyTimeout
            while true {
                if let status = process.exitStatusIfExited() {
                    let tail = process.stderrTail()
                    throw ServerMeterError.exitedBeforeReady(command: command, status: status, stderrTail: tail)
                }
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else {
                    let tail = process.stderrTail()
                    throw ServerMeterError.readyTimeout(command: command, url: ready.absoluteString,
                                                        timeout: readyTimeout, stderrTail: tail)
                }
                if ReadyProbe.answers(ready, timeout: min(remaining, .seconds(2))) { break }
                Thread.sleep(forTimeInterval: min(0.05, max(0, remaining.meterSeconds)))
            }
            let source: any CPUSource
            let sourceName: String
            if let cgroup = process.cgroup {
                source = CgroupSource(directory: cgroup)
                sourceName = cgroup.sourceName
            } else {
                source = try ProcessTreeSource(root: process.pid)
                sourceName = "process-tree"
                notes.append(ProcessTreeSource.note(process.pid))
            }
            return ServerMeter(source: source, info: MeterInfo(
                source: sourceName, target: "launched", baselineMsPerSecond: 0, notes: notes), launched: process)
        } catch {
            process.stop(grace: .seconds(2))
            throw error
        }
    }

    /// The launched app's group leader (tests).
    var launchedPID: Int32? { (launched as? LaunchedProcess)?.pid }

    /// The launched app's cgroup folder, if it has one (tests).
    var launchedCgroupPath: String? { (launched as? LaunchedProcess)?.cgroup?.path }
    #endif

    // MARK: Measuring

    /// Measures the app's idle CPU rate over `duration` (nothing should load pages meanwhile) and keeps it as
    /// `info.baselineMsPerSecond`, which `end(_:)` subtracts. A second or two is enough for an app that idles
    /// steadily; one whose idle work comes in bursts (timers, a janitor process) needs longer.
    public func measureBaseline(for duration: Duration) throws {
        let first = try sample()
        Thread.sleep(forTimeInterval: max(0, duration.meterSeconds))
        let last = try sample()
        let elapsed = (last.at - first.at).meterSeconds
        let rate = elapsed > 0 ? max(0, last.cpuSeconds - first.cpuSeconds) * 1000 / elapsed : 0
        state.withLock { $0.info.baselineMsPerSecond = rate }
    }

    /// Starts an interval: one sample.
    public func begin() throws -> MeterMark {
        MeterMark(sample: try sample())
    }

    /// Ends the interval `mark` started: the app's CPU over it, the baseline over the same duration, the net
    /// (floored at 0) and the peak resident memory seen so far.
    public func end(_ mark: MeterMark) throws -> ServerUsage {
        let now = try sample()
        let cpuMs = max(0, now.cpuSeconds - mark.sample.cpuSeconds) * 1000
        let (rate, peak) = state.withLock { ($0.info.baselineMsPerSecond, $0.peakRSS) }
        let baselineMs = rate * max(0, (now.at - mark.sample.at).meterSeconds)
        return ServerUsage(cpuMs: cpuMs, baselineMs: baselineMs, netCPUms: max(0, cpuMs - baselineMs), peakRSSBytes: peak)
    }

    /// For a launched app: SIGTERM to its process group (and cgroup), SIGKILL to what is left after `grace`,
    /// then the cgroup is removed. Idempotent; also done on deinit. Does nothing for an attached meter.
    public func stop(grace: Duration = .seconds(5)) {
        launched?.stop(grace: grace)
    }

    /// Stops every app launched by any meter and not stopped yet (grace as `stop`). For the CLI's SIGINT/SIGTERM
    /// handling: call it from a `DispatchSource` signal source (not from a raw signal handler: it takes locks,
    /// waits and allocates), then exit. A launched app is in its own process group, so a terminal's Ctrl-C does
    /// not reach it directly. An `atexit` handler also runs this (grace 1 s) when the process calls `exit`;
    /// nothing can run when Ecoscore is killed with SIGKILL.
    ///
    /// ```swift
    /// for signalNumber in [SIGINT, SIGTERM] {
    ///     signal(signalNumber, SIG_IGN)
    ///     let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
    ///     source.setEventHandler { ServerMeter.stopAllLaunched(); exit(128 + signalNumber) }
    ///     source.resume()
    ///     sources.append(source)   // keep them alive
    /// }
    /// ```
    public static func stopAllLaunched(grace: Duration = .seconds(2)) {
        #if os(Linux)
        LaunchRegistry.shared.stopAll(grace: grace)
        #endif
    }

    /// CPU seconds (user + system) this process has used so far (`getrusage(RUSAGE_SELF)`): the profiler's own cost.
    public static func clientCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        let who = Int32(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private func sample() throws -> CPUSample {
        if launched?.isStopped == true { throw ServerMeterError.stopped }
        let sample = try source.sample()
        if let rss = sample.rssBytes {
            state.withLock { $0.peakRSS = max($0.peakRSS ?? 0, rss) }
        }
        return sample
    }
}

/// What a meter owns when it launched the app.
protocol LaunchedApp: AnyObject, Sendable {
    var isStopped: Bool { get }
    func stop(grace: Duration)
}

#if os(Linux)
extension LaunchedProcess: LaunchedApp {}
#endif

/// The mutable part of a meter, behind a lock.
final class MeterState: @unchecked Sendable {
    struct Values {
        var info: MeterInfo
        var peakRSS: Int?
    }

    private let lock = NSLock()
    private var values: Values

    init(info: MeterInfo) {
        values = Values(info: info)
    }

    func withLock<T>(_ body: (inout Values) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var meterSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
