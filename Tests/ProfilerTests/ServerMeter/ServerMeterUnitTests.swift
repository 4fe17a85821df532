import Foundation
import Model
import Testing
@testable import Profiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source that returns scripted samples, for the meter's arithmetic.
final class ScriptedSource: CPUSource, @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [CPUSample]

    init(_ samples: [CPUSample]) {
        self.samples = samples
    }

    func sample() throws -> CPUSample {
        try lock.withLock {
            guard !samples.isEmpty else { throw ServerMeterError.stopped }
            return samples.removeFirst()
        }
    }
}

@Suite("ServerMeter arithmetic and parsing")
struct ServerMeterUnitTests {
    @Test("end: cpu over the interval, baseline = rate × interval, net = cpu − baseline floored at 0, peak RSS so far")
    func arithmetic() throws {
        let t0 = ContinuousClock.now
        let source = ScriptedSource([
            CPUSample(cpuSeconds: 10.000, rssBytes: 5_000, at: t0),                       // baseline start
            CPUSample(cpuSeconds: 10.020, rssBytes: 7_000, at: t0 + .seconds(2)),         // 20 ms in 2 s: 10 ms/s
            CPUSample(cpuSeconds: 10.020, rssBytes: 6_000, at: t0 + .seconds(3)),         // begin
            CPUSample(cpuSeconds: 10.125, rssBytes: 6_500, at: t0 + .milliseconds(3_500)), // end: 105 ms in 0.5 s
            CPUSample(cpuSeconds: 10.125, rssBytes: 1_000, at: t0 + .seconds(4)),         // begin
            CPUSample(cpuSeconds: 10.126, rssBytes: 1_000, at: t0 + .seconds(5)),         // end: 1 ms in 1 s
        ])
        let meter = ServerMeter(source: source, info: MeterInfo(source: "test", target: "pid", baselineMsPerSecond: 0))
        try meter.measureBaseline(for: .zero)
        #expect(abs(meter.info.baselineMsPerSecond - 10) < 1e-9)
        let usage = try meter.end(try meter.begin())
        #expect(abs(usage.cpuMs - 105) < 1e-6)
        #expect(abs(usage.baselineMs - 5) < 1e-6)
        #expect(abs(usage.netCPUms - 100) < 1e-6)
        #expect(usage.peakRSSBytes == 7_000)
        let idle = try meter.end(try meter.begin())
        #expect(abs(idle.cpuMs - 1) < 1e-6)
        #expect(abs(idle.baselineMs - 10) < 1e-6)
        #expect(idle.netCPUms == 0)
        #expect(idle.peakRSSBytes == 7_000)
    }

    @Test("a counter that goes down (a process left the tree) gives 0, not a negative interval")
    func negativeIntervalIsZero() throws {
        let t0 = ContinuousClock.now
        let source = ScriptedSource([
            CPUSample(cpuSeconds: 5, rssBytes: nil, at: t0),
            CPUSample(cpuSeconds: 4, rssBytes: nil, at: t0 + .seconds(1)),
        ])
        let meter = ServerMeter(source: source, info: MeterInfo(source: "test", target: "pid", baselineMsPerSecond: 0))
        let usage = try meter.end(try meter.begin())
        #expect(usage.cpuMs == 0 && usage.netCPUms == 0 && usage.peakRSSBytes == nil)
    }

    /// This thread's own CPU seconds (another clock than the process's, which `clientCPUSeconds` reads).
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    @Test("clientCPUSeconds grows with this process's own CPU")
    func clientCPU() {
        let before = ServerMeter.clientCPUSeconds()
        // Spin until this thread has burnt 50 ms of CPU, however loaded the machine (wall time would not say).
        let threadStart = Self.threadCPUSeconds()
        var x: UInt64 = 1
        while Self.threadCPUSeconds() - threadStart < 0.05 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        let after = ServerMeter.clientCPUSeconds()
        #expect(x != 0)
        #expect(before > 0)
        // The process used at least what this thread did; rusage ticks can lag by a few ms.
        #expect(after - before >= 0.045, "\(after - before) s")
    }

    #if os(Linux)
    @Test("/proc/PID/stat is read after the last ')': names with spaces and parentheses")
    func parseStat() throws {
        let line = "4242 (we ird) (name) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 37 12 3 20 0 3 0 987654 123456789 2048 "
            + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
        let stat = try #require(ProcFS.parseStat(Array(line.utf8)))
        #expect(stat.pid == 4242)
        #expect(stat.state == "S")
        #expect(stat.ppid == 17)
        #expect(stat.pgrp == 4242)
        #expect(stat.utime == 250 && stat.stime == 37 && stat.cutime == 12 && stat.cstime == 3)
        #expect(stat.totalTicks == 302)
        #expect(stat.startTime == 987654)
        #expect(stat.rssPages == 2048)
        #expect(ProcFS.parseStat(Array("12 (truncated) S 1 2".utf8)) == nil)
    }

    @Test("this process's own stat parses, and the clock tick rate is known")
    func ownStat() throws {
        let stat = try #require(ProcFS.stat(getpid()))
        #expect(stat.pid == getpid())
        #expect(stat.ppid == getppid())
        #expect(ProcFS.clockTicksPerSecond >= 100)
        #expect(ProcFS.tree(of: 1, in: ProcFS.allStats()).contains(getpid()))
    }

    @Test("mountinfo: cgroup2 mounts and v1 mounts with cpuacct, hybrid and pure v2 layouts")
    func mountInfo() {
        let hybrid = """
            30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
            31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate
            33 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:14 - cgroup cgroup rw,cpu,cpuacct
            34 30 0:30 / /sys/fs/cgroup/memory rw,nosuid shared:15 - cgroup cgroup rw,memory
            35 30 0:31 /sub /sys/fs/cgroup/with\\040space rw shared:16 - cgroup cgroup rw,cpuacct
            """
        #expect(Cgroups.parseMountInfo(hybrid) == [
            Cgroups.Mount(point: "/sys/fs/cgroup/unified", root: "/", version: .v2),
            Cgroups.Mount(point: "/sys/fs/cgroup/cpu,cpuacct", root: "/", version: .v1),
            Cgroups.Mount(point: "/sys/fs/cgroup/with space", root: "/sub", version: .v1),
        ])
        let pure = "29 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot"
        #expect(Cgroups.parseMountInfo(pure) == [Cgroups.Mount(point: "/sys/fs/cgroup", root: "/", version: .v2)])
    }

    @Test("/proc/self/cgroup: the v2 line and the v1 line that carries cpuacct")
    func ownCgroup() {
        let file = "12:cpu,cpuacct:/user.slice\n4:memory:/process_api/x\n0::/user.slice/session-3.scope\n"
        #expect(Cgroups.ownPath(.v2, cgroupFile: file) == "/user.slice/session-3.scope")
        #expect(Cgroups.ownPath(.v1, cgroupFile: file) == "/user.slice")
        #expect(Cgroups.ownPath(.v1, cgroupFile: "0::/\n") == nil)
    }

    @Test("where a fresh cgroup is made: under our own group first, then the top; v2 before v1")
    func candidateFolders() {
        let hybrid = [Cgroups.Mount(point: "/sys/fs/cgroup/cpuacct", root: "/", version: .v1),
                      Cgroups.Mount(point: "/sys/fs/cgroup/unified", root: "/", version: .v2)]
        #expect(Cgroups.candidateParents(mounts: hybrid, cgroupFile: "2:cpuacct:/\n0::/\n").map(\.parent)
                == ["/sys/fs/cgroup/unified", "/sys/fs/cgroup/cpuacct"])
        let pure = [Cgroups.Mount(point: "/sys/fs/cgroup", root: "/", version: .v2)]
        let session = Cgroups.candidateParents(mounts: pure, cgroupFile: "0::/user.slice/session-3.scope\n")
        #expect(session.map(\.parent) == ["/sys/fs/cgroup/user.slice/session-3.scope", "/sys/fs/cgroup"])
        #expect(session.allSatisfy { $0.version == .v2 })
        #expect(Cgroups.candidateParents(mounts: pure, cgroupFile: "0::/../../system.slice\n").map(\.parent)
                == ["/sys/fs/cgroup"])
        // A bind mount of a subtree: the own path is relative to the mount's root.
        let sub = [Cgroups.Mount(point: "/mnt/cg", root: "/machine.slice", version: .v2)]
        #expect(Cgroups.candidateParents(mounts: sub, cgroupFile: "0::/machine.slice/app\n").map(\.parent)
                == ["/mnt/cg/app", "/mnt/cg"])
        #expect(Cgroups.candidateParents(mounts: [], cgroupFile: "0::/\n").isEmpty)
    }

    @Test("this machine's cgroup candidates (printed for the record)")
    func candidates() {
        let candidates = Cgroups.candidateParents()
        print("ServerMeter cgroup candidates: \(candidates.map { "\($0.parent) (\($0.version))" })")
        #expect(Set(candidates.map(\.parent)).count == candidates.count)
    }
    #endif
}
