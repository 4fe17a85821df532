#if os(Linux)
import Foundation
import Glibc

/// Reading `/proc`: process stats, memory peaks, the list of processes.
enum ProcFS {
    /// Clock ticks per second, the unit of `/proc/PID/stat` times (`sysconf(_SC_CLK_TCK)`, usually 100).
    static let clockTicksPerSecond: Double = {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }()

    static let pageSize: Int = {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? size : 4096
    }()

    /// The fields of `/proc/PID/stat` a meter needs. Times are in clock ticks.
    struct Stat: Equatable {
        var pid: Int32
        /// R, S, D, Z (zombie), T, t, X, I…
        var state: Character
        var ppid: Int32
        var pgrp: Int32
        var utime: UInt64
        var stime: UInt64
        /// Times of the children this process has waited for (and, recursively, theirs).
        var cutime: UInt64
        var cstime: UInt64
        /// Start time after boot, in ticks: with the pid, identifies a process across pid reuse.
        var startTime: UInt64
        var rssPages: Int

        /// utime + stime + cutime + cstime.
        var totalTicks: UInt64 { utime + stime + cutime + cstime }
        var isZombie: Bool { state == "Z" || state == "X" }
    }

    /// Parses `/proc/PID/stat`. The name (field 2) is in parentheses and may hold spaces or parentheses itself,
    /// so fields are counted after the *last* `)`.
    static func parseStat(_ bytes: [UInt8]) -> Stat? {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")),
              let pid = Int32(String(decoding: bytes.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self))
        else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        // fields[0] is field 3 (state); field N is fields[N - 3].
        guard fields.count >= 22, let state = fields[0].first,
              let ppid = Int32(fields[1]), let pgrp = Int32(fields[2]),
              let utime = UInt64(fields[11]), let stime = UInt64(fields[12]),
              let cutime = Int64(fields[13]), let cstime = Int64(fields[14]),
              let startTime = UInt64(fields[19]), let rss = Int(fields[21])
        else { return nil }
        return Stat(pid: pid, state: state, ppid: ppid, pgrp: pgrp, utime: utime, stime: stime,
                    cutime: UInt64(max(0, cutime)), cstime: UInt64(max(0, cstime)), startTime: startTime,
                    rssPages: max(0, rss))
    }

    static func stat(_ pid: Int32) -> Stat? {
        readFile("/proc/\(pid)/stat").flatMap(parseStat)
    }

    /// Every process's stat, by pid (processes that vanish while being read are skipped).
    static func allStats() -> [Int32: Stat] {
        var stats: [Int32: Stat] = [:]
        for pid in allPIDs() {
            if let stat = stat(pid) { stats[pid] = stat }
        }
        return stats
    }

    static func allPIDs() -> [Int32] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let pid = Int32(name), pid > 0 { pids.append(pid) }
        }
        return pids
    }

    /// CPU time (user + system) of a whole process, all its threads including exited ones, to the nanosecond:
    /// the kernel's process CPU clock (`clock_getcpuclockid`), which any process may read for any other.
    /// `/proc/PID/stat` gives the same figure rounded down to clock ticks. Nil when the process is gone.
    static func processCPUNanoseconds(_ pid: Int32) -> UInt64? {
        var clock = clockid_t()
        guard clock_getcpuclockid(pid, &clock) == 0 else { return nil }
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return nil }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Peak resident set size of a process (`VmHWM` in `/proc/PID/status`), in bytes.
    static func peakRSS(_ pid: Int32) -> Int? {
        guard let bytes = readFile("/proc/\(pid)/status") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let number = line.dropFirst("VmHWM:".count).split(separator: " ").first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }

    /// The pid and every descendant (by parent pid) in `stats`, root first.
    static func tree(of root: Int32, in stats: [Int32: Stat]) -> [Int32] {
        var children: [Int32: [Int32]] = [:]
        for stat in stats.values {
            children[stat.ppid, default: []].append(stat.pid)
        }
        var result: [Int32] = []
        var queue = [root]
        var seen = Set<Int32>()
        while let pid = queue.popLast() {
            guard seen.insert(pid).inserted, stats[pid] != nil else { continue }
            result.append(pid)
            queue.append(contentsOf: children[pid] ?? [])
        }
        return result
    }

    /// Reads a small file in one go (`/proc` and cgroup files report a size of 0, so no `stat` first).
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                result.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                return result
            } else if errno != EINTR {
                return nil
            }
        }
    }

    /// Like `readFile`, but says why it failed (for error messages).
    static func readFileOrError(_ path: String) -> Result<[UInt8], ServerMeterError> {
        if let bytes = readFile(path) { return .success(bytes) }
        return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
    }

    /// Writes `text` to a file (cgroup control files); returns 0 or the errno.
    static func writeFile(_ path: String, _ text: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == bytes.count ? 0 : (written < 0 ? errno : EIO)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
#endif
