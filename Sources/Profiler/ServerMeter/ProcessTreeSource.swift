#if os(Linux)
import Foundation

/// CPU of a process and all its descendants, from `/proc/PID/stat`, walking the parent-pid tree at each sample.
///
/// A sample is the sum, over every live (or zombie) process of the tree, of its own CPU time (`utime + stime`,
/// read to the nanosecond from the kernel's per-process CPU clock, `/proc/PID/stat` ticks as a fallback) and
/// of `cutime + cstime` (clock ticks):
/// - **caught**: every process whose parent chain leads to the root, all of its threads (the kernel keeps the
///   time of exited threads in the process's own figures); and a child that exited *between two samples*, as long
///   as a process of the tree waited for it: `wait` moves the child's time (and its own children's) into the
///   waiter's `cutime`/`cstime`, which are read too, so the total does not drop when the child disappears.
///   A zombie still shows its own times until it is reaped.
/// - **missed**: a process that leaves the tree: a daemon's double fork, or an orphan reparented to init or to
///   a subreaper. Its time disappears from the sum from then on (the meter floors a negative interval at 0).
///   Children reaped without `wait` (a parent that ignores SIGCHLD) never reach `cutime`. Work done by other
///   processes for the app (a database, a cache) is not the app's.
/// - **resolution**: nanoseconds for the live processes. Reaped children arrive in `cutime`/`cstime`, which
///   `/proc/PID/stat` gives in clock ticks (`sysconf(_SC_CLK_TCK)`, 10 ms at 100 Hz, utime and stime each
///   rounded down): an interval in which children were reaped can be off by up to two ticks per reaper.
struct ProcessTreeSource: CPUSource {
    let root: Int32
    /// The root's start time when attached: a recycled pid is not mistaken for the app.
    let rootStartTime: UInt64

    init(root: Int32) throws {
        guard let stat = ProcFS.stat(root) else { throw ServerMeterError.noSuchProcess(pid: root) }
        self.root = root
        self.rootStartTime = stat.startTime
    }

    /// What `MeterInfo.notes` says about this source.
    static func note(_ pid: Int32) -> String {
        "process \(pid) and its descendants (parent pids in /proc/PID/stat), read at every sample: live processes "
            + "to the nanosecond, children once a process of the tree has waited for them (cutime/cstime, "
            + "\(Int(ProcFS.clockTicksPerSecond)) ticks/s); processes that leave the tree are not counted"
    }

    func sample() throws -> CPUSample {
        let stats = ProcFS.allStats()
        let at = ContinuousClock.now
        guard let rootStat = stats[root], rootStat.startTime == rootStartTime, !rootStat.isZombie else {
            throw ServerMeterError.processGone(pid: root)
        }
        var ownNanoseconds: UInt64 = 0
        var ticks: UInt64 = 0
        var rssPages = 0
        var peak = 0
        for pid in ProcFS.tree(of: root, in: stats) {
            guard let stat = stats[pid] else { continue }
            if let precise = ProcFS.processCPUNanoseconds(pid) {
                ownNanoseconds += precise
            } else {
                ticks += stat.utime + stat.stime
            }
            ticks += stat.cutime + stat.cstime
            rssPages += stat.rssPages
            if !stat.isZombie { peak = max(peak, ProcFS.peakRSS(pid) ?? 0) }
        }
        // The current total is a lower bound of the tree's peak, and so is any one process's own peak.
        let rss = max(rssPages * ProcFS.pageSize, peak)
        let seconds = Double(ownNanoseconds) / 1_000_000_000 + Double(ticks) / ProcFS.clockTicksPerSecond
        return CPUSample(cpuSeconds: seconds, rssBytes: rss, at: at)
    }
}
#endif
