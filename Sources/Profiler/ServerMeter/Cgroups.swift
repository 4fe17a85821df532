#if os(Linux)
import Foundation
import Glibc

/// A cgroup folder with CPU accounting: v2 (`cpu.stat`'s `usage_usec`, present without the cpu controller on
/// current kernels) or v1 (`cpuacct.usage`, nanoseconds). Both count every task that was ever in the group,
/// exited ones included, and every child forked inside it, to the nanosecond or microsecond.
struct CgroupDirectory: Sendable, Equatable {
    enum Version: Sendable, Equatable { case v1, v2 }

    var path: String
    var version: Version

    var sourceName: String { version == .v2 ? "cgroup-v2" : "cgroup-v1" }

    /// The cgroup at `path`, recognised by its CPU counter; nil if there is none.
    static func at(_ path: String) -> CgroupDirectory? {
        guard ProcFS.isDirectory(path) else { return nil }
        if let bytes = ProcFS.readFile(path + "/cpu.stat"), usageMicroseconds(in: bytes) != nil {
            return CgroupDirectory(path: path, version: .v2)
        }
        // v1's cpu controller also has a cpu.stat, without usage_usec (throttling figures only).
        if ProcFS.readFile(path + "/cpuacct.usage") != nil {
            return CgroupDirectory(path: path, version: .v1)
        }
        return nil
    }

    static func usageMicroseconds(in cpuStat: [UInt8]) -> UInt64? {
        for line in String(decoding: cpuStat, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == "usage_usec" { return UInt64(parts[1]) }
        }
        return nil
    }

    /// User + system CPU seconds of everything that ran in the group (and its descendants' groups).
    func cpuSeconds() throws -> Double {
        switch version {
        case .v2:
            let file = path + "/cpu.stat"
            let bytes = try ProcFS.readFileOrError(file).get()
            guard let usec = Self.usageMicroseconds(in: bytes) else {
                throw ServerMeterError.unreadable(path: file, reason: "no usage_usec line")
            }
            return Double(usec) / 1_000_000
        case .v1:
            let file = path + "/cpuacct.usage"
            let bytes = try ProcFS.readFileOrError(file).get()
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let nsec = UInt64(text) else {
                throw ServerMeterError.unreadable(path: file, reason: "not a number: \(text.prefix(40))")
            }
            return Double(nsec) / 1_000_000_000
        }
    }

    /// The group's memory high-water mark when its memory controller is there: v2 `memory.peak` (kernel 5.19+),
    /// v1 `memory.max_usage_in_bytes` (only when memory is co-mounted with the CPU controller).
    func memoryPeak() -> Int? {
        let files = version == .v2 ? ["memory.peak"] : ["memory.max_usage_in_bytes"]
        for file in files {
            guard let bytes = ProcFS.readFile(path + "/" + file) else { continue }
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if let value = Int(text) { return value }
        }
        return nil
    }

    /// The processes in the group right now (`cgroup.procs`).
    func processes() -> [Int32] {
        guard let bytes = ProcFS.readFile(path + "/cgroup.procs") else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { Int32($0) }
    }

    /// Moves a process (all its threads) into the group; 0 or the errno.
    func add(_ pid: Int32) -> Int32 {
        ProcFS.writeFile(path + "/cgroup.procs", "\(pid)\n")
    }

    /// SIGKILL to every process of the group: v2's `cgroup.kill` when the kernel has it (5.14+), else one by one.
    func killAll() {
        if version == .v2, ProcFS.writeFile(path + "/cgroup.kill", "1") == 0 { return }
        for pid in processes() { kill(pid, SIGKILL) }
    }

    /// Removes the (empty) folder, retrying while the kernel still counts exiting tasks. True once it is gone.
    @discardableResult
    func remove(waitingUpTo timeout: Duration = .seconds(2)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if rmdir(path) == 0 || errno == ENOENT { return true }
            guard ContinuousClock.now < deadline else { return false }
            usleep(20_000)
        }
    }
}

/// The cgroup hierarchies this process can see, and making a fresh group for a launched app.
enum Cgroups {
    struct Mount: Equatable {
        var point: String
        /// The folder of the hierarchy mounted there ("/" unless a namespace or bind mount shows a subtree).
        var root: String
        var version: CgroupDirectory.Version
    }

    /// cgroup2 mounts, and cgroup v1 mounts that carry `cpuacct`, from `/proc/self/mountinfo`.
    static func mounts() -> [Mount] {
        guard let bytes = ProcFS.readFile("/proc/self/mountinfo") else { return [] }
        return parseMountInfo(String(decoding: bytes, as: UTF8.self))
    }

    static func parseMountInfo(_ text: String) -> [Mount] {
        var mounts: [Mount] = []
        for line in text.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            guard halves.count >= 2 else { continue }
            let left = halves[0].split(separator: " ")
            let right = halves[1].split(separator: " ")
            guard left.count >= 5, right.count >= 3 else { continue }
            let root = unescape(String(left[3]))
            let point = unescape(String(left[4]))
            switch right[0] {
            case "cgroup2":
                mounts.append(Mount(point: point, root: root, version: .v2))
            case "cgroup" where right[2].split(separator: ",").contains("cpuacct"):
                mounts.append(Mount(point: point, root: root, version: .v1))
            default:
                continue
            }
        }
        return mounts
    }

    /// mountinfo escapes space, tab, newline and backslash as `\040`-style octal.
    private static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This process's cgroup in a hierarchy (`/proc/self/cgroup`): the `0::` line for v2, the line whose
    /// controllers include `cpuacct` for v1.
    static func ownPath(_ version: CgroupDirectory.Version, cgroupFile: String? = nil) -> String? {
        let text = cgroupFile ?? ProcFS.readFile("/proc/self/cgroup").map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            switch version {
            case .v2 where parts[0] == "0" && parts[1].isEmpty:
                return String(parts[2])
            case .v1 where parts[1].split(separator: ",").contains("cpuacct"):
                return String(parts[2])
            default:
                continue
            }
        }
        return nil
    }

    /// The folders a fresh group may be made in, best first: v2 before v1; in each, under this process's own
    /// group (so the app shares Ecoscore's limits), then at the hierarchy's top.
    /// (`mounts` and `cgroupFile` default to this process's; tests pass others.)
    static func candidateParents(mounts: [Mount]? = nil, cgroupFile: String? = nil)
        -> [(parent: String, version: CgroupDirectory.Version)] {
        let mounts = mounts ?? self.mounts()
        var candidates: [(String, CgroupDirectory.Version)] = []
        for version in [CgroupDirectory.Version.v2, .v1] {
            for mount in mounts where mount.version == version {
                // A path outside this cgroup namespace shows as `/..`: no folder of ours to nest in.
                if let own = ownPath(version, cgroupFile: cgroupFile), !own.contains("/..") {
                    var relative = own
                    if mount.root != "/" {
                        relative = own.hasPrefix(mount.root) ? String(own.dropFirst(mount.root.count)) : ""
                    }
                    let folder = (mount.point + "/" + relative).replacingOccurrences(of: "//", with: "/")
                    candidates.append((folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder, version))
                }
                candidates.append((mount.point, version))
            }
        }
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.0).inserted }
    }

    /// Makes `parent/name` and checks it has CPU accounting; removes it again if not.
    enum Creation {
        case success(CgroupDirectory)
        case failure(String)
    }

    static func create(in parent: String, name: String, version: CgroupDirectory.Version) -> Creation {
        let path = parent + "/" + name
        guard mkdir(path, 0o755) == 0 else {
            return .failure("cannot create \(path): \(ProcFS.describe(errno))")
        }
        guard let directory = CgroupDirectory.at(path), directory.version == version else {
            rmdir(path)
            return .failure(version == .v2 ? "\(path) has no usage_usec in cpu.stat" : "\(path) has no cpuacct.usage")
        }
        return .success(directory)
    }

    /// A cgroup named by an absolute folder, or by its path inside a hierarchy (`/system.slice/app.service`,
    /// looked up under each cgroup mount, v2 first).
    static func resolve(_ path: String) -> CgroupDirectory? {
        if path.hasPrefix("/"), let directory = CgroupDirectory.at(path) { return directory }
        let relative = path.hasPrefix("/") ? path : "/" + path
        for mount in mounts() {
            if let directory = CgroupDirectory.at(mount.point + relative) { return directory }
        }
        return nil
    }
}

/// CPU of a cgroup: its counter, and memory from the group's peak when it has a memory controller, else from its
/// processes (their current total, or the largest single `VmHWM`, whichever is larger: both are lower bounds).
struct CgroupSource: CPUSource {
    let directory: CgroupDirectory

    func sample() throws -> CPUSample {
        let cpu = try directory.cpuSeconds()
        let at = ContinuousClock.now
        if let peak = directory.memoryPeak() {
            return CPUSample(cpuSeconds: cpu, rssBytes: peak, at: at)
        }
        var pages = 0
        var peak = 0
        for pid in directory.processes() {
            guard let stat = ProcFS.stat(pid) else { continue }
            pages += stat.rssPages
            if !stat.isZombie { peak = max(peak, ProcFS.peakRSS(pid) ?? 0) }
        }
        return CPUSample(cpuSeconds: cpu, rssBytes: max(pages * ProcFS.pageSize, peak), at: at)
    }
}
#endif
