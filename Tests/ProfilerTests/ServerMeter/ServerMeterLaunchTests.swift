#if os(Linux)
import Foundation
import Glibc
import Model
import Testing
@testable import Profiler

/// The meter against a real app it launches: the built `ecoscore-fixtures`, whose `/app/burn?ms=N` burns N ms
/// of thread CPU and `/app/fork?ms=N` makes a child process (itself, `--burn-child N`) burn them.
@Suite("ServerMeter launch", .serialized)
struct ServerMeterLaunchTests {
    /// Which cgroup versions to try: each source this machine offers, and the process tree under launch.
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        case automatic, cgroupV2, cgroupV1, processTree
        var hierarchies: [CgroupDirectory.Version] {
            switch self {
            case .automatic: return [.v2, .v1]
            case .cgroupV2: return [.v2]
            case .cgroupV1: return [.v1]
            case .processTree: return []
            }
        }
        var testDescription: String { rawValue }
    }

    static func launchFixtures(_ mode: Mode = .automatic, prefix: String = "", grace: Duration = .seconds(5))
        throws -> (meter: ServerMeter, port: UInt16) {
        let port = try MeterTestSupport.freePort()
        let command = prefix + (try MeterTestSupport.fixturesCommand(port: port))
        let meter = try ServerMeter.launch(command: command, ready: URL(string: "http://127.0.0.1:\(port)/app/")!,
                                           readyTimeout: .seconds(30), environment: nil, hierarchies: mode.hierarchies)
        return (meter, port)
    }

    /// Net CPU of each request, with a warm-up request first (the server's first connection pays one-off costs).
    static func measure(_ meter: ServerMeter, port: UInt16, _ target: String, times: Int) throws -> [ServerUsage] {
        _ = try MeterTestSupport.request(port: port, "/app/burn?ms=0")
        var usages: [ServerUsage] = []
        for _ in 0..<times {
            let mark = try meter.begin()
            let response = try MeterTestSupport.request(port: port, target)
            #expect(response.status == 200, "\(target): \(response.text)")
            usages.append(try meter.end(mark))
        }
        return usages
    }

    @Test("a 100 ms burn costs 100 ms ± 15 % of net server CPU, three times", arguments: Mode.allCases)
    func burnIsMeasured(mode: Mode) throws {
        let (meter, port) = try Self.launchFixtures(mode)
        defer { meter.stop() }
        if mode == .cgroupV2 || mode == .cgroupV1 {
            let wanted = mode == .cgroupV2 ? "cgroup-v2" : "cgroup-v1"
            guard meter.info.source == wanted else {
                print("ServerMeter [\(mode)]: \(wanted) not available here, got \(meter.info.source): \(meter.info.notes)")
                return
            }
        }
        if mode == .processTree { #expect(meter.info.source == "process-tree") }
        #expect(meter.info.target == "launched")
        try meter.measureBaseline(for: .seconds(1))
        let usages = try Self.measure(meter, port: port, "/app/burn?ms=100", times: 3)
        let nets = usages.map(\.netCPUms)
        print("ServerMeter [\(mode) → \(meter.info.source)] burn 100 ms: net \(MeterTestSupport.format(nets)) ms, "
              + "cpu \(MeterTestSupport.format(usages.map(\.cpuMs))), baseline \(String(format: "%.2f", meter.info.baselineMsPerSecond)) ms/s, "
              + "peak RSS \(usages.last?.peakRSSBytes ?? -1); notes: \(meter.info.notes)")
        for usage in usages {
            #expect(abs(usage.netCPUms - 100) <= 15, "\(meter.info.source): \(usage)")
            #expect(usage.peakRSSBytes ?? 0 > 1_000_000)
        }
    }

    @Test("a child process that burns 100 ms and exits is counted", arguments: Mode.allCases)
    func forkIsMeasured(mode: Mode) throws {
        let (meter, port) = try Self.launchFixtures(mode)
        defer { meter.stop() }
        let usages = try Self.measure(meter, port: port, "/app/fork?ms=100", times: 2)
        print("ServerMeter [\(mode) → \(meter.info.source)] fork 100 ms: net \(MeterTestSupport.format(usages.map(\.netCPUms))) ms")
        for usage in usages {
            // The child's own start-up (exec, Swift runtime) comes on top of the 100 ms it burns.
            #expect(usage.netCPUms >= 85 && usage.netCPUms <= 250, "\(meter.info.source): \(usage)")
        }
    }

    @Test("five repetitions of a 100 ms burn vary little (coefficient of variation under 10 %)",
          arguments: [Mode.automatic, .processTree])
    func repeatability(mode: Mode) throws {
        let (meter, port) = try Self.launchFixtures(mode)
        defer { meter.stop() }
        try meter.measureBaseline(for: .seconds(1))
        let nets = try Self.measure(meter, port: port, "/app/burn?ms=100", times: 5).map(\.netCPUms)
        let (mean, cv) = MeterTestSupport.meanAndCV(nets)
        print("ServerMeter [\(meter.info.source)] 5 × burn 100 ms: net \(MeterTestSupport.format(nets)) ms, "
              + "mean \(String(format: "%.1f", mean)), CV \(String(format: "%.2f %%", cv * 100))")
        #expect(cv < 0.10)
    }

    @Test("the idle baseline of the fixture app is small")
    func idleBaselineIsSmall() throws {
        let (meter, _) = try Self.launchFixtures()
        defer { meter.stop() }
        try meter.measureBaseline(for: .seconds(2))
        print("ServerMeter [\(meter.info.source)] idle baseline: \(String(format: "%.3f", meter.info.baselineMsPerSecond)) ms/s")
        #expect(meter.info.baselineMsPerSecond < 10)
    }

    @Test("an app that is busy when idle: its baseline is measured and subtracted from each interval")
    func busyIdleBaselineIsSubtracted() throws {
        // A background loop that wakes every 50 ms (the shell and its `sleep` children): steady idle CPU, small
        // enough that its irregularity (it is starved while the burn runs on a busy machine) stays in the noise.
        let (meter, port) = try Self.launchFixtures(prefix: "while :; do sleep 0.05; done & exec ")
        defer { meter.stop() }
        try meter.measureBaseline(for: .seconds(2))
        let rate = meter.info.baselineMsPerSecond
        let usages = try Self.measure(meter, port: port, "/app/burn?ms=100", times: 3)
        print("ServerMeter [\(meter.info.source)] busy idle: baseline \(String(format: "%.1f", rate)) ms/s, "
              + "cpu \(MeterTestSupport.format(usages.map(\.cpuMs))), baseline ms \(MeterTestSupport.format(usages.map(\.baselineMs))), "
              + "net \(MeterTestSupport.format(usages.map(\.netCPUms)))")
        #expect(rate > 1)
        for usage in usages {
            #expect(usage.baselineMs > 0)
            #expect(abs(usage.netCPUms - max(0, usage.cpuMs - usage.baselineMs)) < 1e-9)
            #expect(abs(usage.netCPUms - 100) <= 15, "\(usage)")
        }
    }

    @Test("stop ends the whole app (workers, a TERM-deaf worker, a setsid escapee), removes its cgroup, and is idempotent",
          arguments: [Mode.automatic, .processTree])
    func stopLeavesNothing(mode: Mode) throws {
        let escape = mode == .automatic ? "setsid sleep 300 & " : ""
        let (meter, _) = try Self.launchFixtures(
            mode, prefix: "sleep 300 & sh -c 'trap \"\" TERM; while :; do sleep 1; done' & \(escape)exec ")
        let pid = try #require(meter.launchedPID)
        let cgroup = meter.launchedCgroupPath
        if mode == .automatic, let cgroup { #expect(FileManager.default.fileExists(atPath: cgroup)) }
        #expect(MeterTestSupport.liveGroupMembers(pid).count >= 3)
        meter.stop(grace: .milliseconds(500))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the group leader \(pid) is gone and reaped")
        #expect(MeterTestSupport.liveGroupMembers(pid).isEmpty)
        if let cgroup { #expect(!FileManager.default.fileExists(atPath: cgroup), "\(cgroup) removed") }
        // Whether the TERM-deaf worker had set its trap yet or not, nothing of the app is left (no timing asserted).
        meter.stop()
        #expect(throws: ServerMeterError.stopped) { try meter.begin() }
    }

    @Test("stopAllLaunched stops every launched app")
    func stopAll() throws {
        let (first, _) = try Self.launchFixtures()
        let (second, _) = try Self.launchFixtures(.processTree)
        let pids = [try #require(first.launchedPID), try #require(second.launchedPID)]
        ServerMeter.stopAllLaunched(grace: .seconds(2))
        for pid in pids {
            #expect(kill(pid, 0) == -1 && errno == ESRCH)
            #expect(MeterTestSupport.liveGroupMembers(pid).isEmpty)
        }
        #expect(throws: ServerMeterError.stopped) { try first.begin() }
    }

    @Test("a command that never listens: clear error after the ready timeout, with its stderr, and nothing left")
    func readyTimeout() throws {
        let port = try MeterTestSupport.freePort()
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-meter-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let command = "echo $$ > '\(pidFile.path)'; echo 'warming up the flux capacitor' >&2; sleep 300 & exec sleep 300"
        let started = ContinuousClock.now
        do {
            _ = try ServerMeter.launch(command: command, ready: URL(string: "http://127.0.0.1:\(port)/")!,
                                       readyTimeout: .seconds(1))
            Issue.record("launch should have failed")
        } catch let error as ServerMeterError {
            guard case .readyTimeout(_, let url, let timeout, let tail) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(url == "http://127.0.0.1:\(port)/")
            #expect(timeout == .seconds(1))
            #expect(tail == ["warming up the flux capacitor"])
            #expect(error.description.contains("did not answer http://127.0.0.1:\(port)/ within 1.0 seconds"))
            #expect(error.description.contains("warming up the flux capacitor"))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(Int32(text))
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
        #expect(MeterTestSupport.liveGroupMembers(pid).isEmpty)
        for (parent, _) in Cgroups.candidateParents() {
            #expect(!FileManager.default.fileExists(atPath: "\(parent)/ecoscore-\(getpid())-\(pid)"))
        }
    }

    @Test("a command that exits before it is ready: its status and the last lines of its stderr")
    func exitsBeforeReady() throws {
        let port = try MeterTestSupport.freePort()
        let command = "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo line $i >&2; done; echo 'fatal: no config' >&2; exit 3"
        #expect {
            _ = try ServerMeter.launch(command: command, ready: URL(string: "http://127.0.0.1:\(port)/")!,
                                       readyTimeout: .seconds(20))
        } throws: { error in
            guard case .exitedBeforeReady(_, let status, let tail) = error as? ServerMeterError else { return false }
            return status == "exited with status 3" && tail.count == 12 && tail.last == "fatal: no config"
                && tail.first == "line 4"
        }
    }

    @Test("the environment is passed, on top of Ecoscore's own")
    func environmentIsPassed() throws {
        let port = try MeterTestSupport.freePort()
        let fixtures = try MeterTestSupport.fixturesCommand(port: port)
        let meter = try ServerMeter.launch(
            command: "test \"$ECOSCORE_METER_TEST\" = yes && test -n \"$PATH\" && exec \(fixtures)",
            ready: URL(string: "http://127.0.0.1:\(port)/app/")!, readyTimeout: .seconds(30),
            environment: ["ECOSCORE_METER_TEST": "yes", "ECOSCORE_FIXTURE_PASSWORD": "s3cret"])
        defer { meter.stop() }
        let login = try MeterTestSupport.request(
            port: port, "/app/login", method: "POST", headers: ["Content-Type: application/x-www-form-urlencoded"],
            body: Array("user=demo&password=s3cret".utf8))
        #expect(login.status == 303)
    }

    @Test("attach(cgroup:) reads the same group as the launched app's meter")
    func attachCgroup() throws {
        let (meter, port) = try Self.launchFixtures()
        defer { meter.stop() }
        guard let path = meter.launchedCgroupPath else {
            print("ServerMeter: no cgroup here (\(meter.info.notes)); attach(cgroup:) not exercised")
            return
        }
        let attached = try ServerMeter.attach(cgroup: path)
        #expect(attached.info.source == meter.info.source)
        #expect(attached.info.target == "cgroup")
        // By its path inside the hierarchy too.
        let mount = try #require(Cgroups.mounts().first { path.hasPrefix($0.point + "/") })
        let relative = String(path.dropFirst(mount.point.count))
        #expect(try ServerMeter.attach(cgroup: relative).info.notes == attached.info.notes)
        _ = try MeterTestSupport.request(port: port, "/app/burn?ms=0")
        let (a, b) = (try meter.begin(), try attached.begin())
        _ = try MeterTestSupport.request(port: port, "/app/burn?ms=100")
        let (usageA, usageB) = (try meter.end(a), try attached.end(b))
        #expect(abs(usageA.cpuMs - usageB.cpuMs) < 5)
        #expect(abs(usageB.cpuMs - 100) <= 15)
    }

    @Test("attach(cgroup:) to something that is not a cgroup")
    func attachCgroupMissing() {
        #expect(throws: ServerMeterError.cgroupNotFound(path: "/no/such/cgroup")) {
            try ServerMeter.attach(cgroup: "/no/such/cgroup")
        }
    }
}
#endif
