#if os(Linux)
import Foundation
import Glibc

/// An app `ServerMeter.launch` started: `/bin/sh -c COMMAND` as the leader of its own process group, with
/// stdin and stdout on /dev/null and stderr in a temporary file (for error messages), moved into a fresh cgroup
/// before it runs anything when one can be made.
final class LaunchedProcess: @unchecked Sendable {
    /// The leader's pid, which is also the process group id.
    let pid: Int32
    let command: String
    let cgroup: CgroupDirectory?
    let stderrPath: String

    private let lock = NSLock()
    /// How the leader ended, once it was reaped.
    private var exitStatus: String?
    private var stopped = false

    private init(pid: Int32, command: String, cgroup: CgroupDirectory?, stderrPath: String) {
        self.pid = pid
        self.command = command
        self.cgroup = cgroup
        self.stderrPath = stderrPath
    }

    /// The shell waits on fd 3 until the parent has moved it into its cgroup, so that nothing the command
    /// forks can start outside the group (posix_spawn runs no code between fork and exec, and a move after
    /// the fact would race the app's first workers).
    private static let gateScript = #"read _ <&3; exec 3<&-; exec /bin/sh -c "$1""#

    /// Starts the command; `notes` receives why a cgroup was or was not used.
    /// `hierarchies`: which cgroup versions to try, in order (tests force one, or none for the process tree).
    static func spawn(command: String, environment: [String: String]?,
                      hierarchies: [CgroupDirectory.Version] = [.v2, .v1],
                      notes: inout [String]) throws -> LaunchedProcess {
        let stderrPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecoscore-app-\(getpid())-\(UUID().uuidString.prefix(8)).stderr").path

        var gate: [Int32] = [-1, -1]
        guard pipe(&gate) == 0 else {
            throw ServerMeterError.launchFailed(command: command, reason: "pipe: \(ProcFS.describe(errno))")
        }
        // Close-on-exec, so that other children started meanwhile do not keep the gate open.
        for fd in gate { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var gateWrite = gate[1]
        defer { if gateWrite >= 0 { close(gateWrite) } }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (pgid = its pid), so that stop() reaches the workers it forks; signals back to
        // their defaults and unblocked: an ignored SIGTERM (Ecoscore handles it with a dispatch source) would
        // otherwise be inherited across exec.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, gate[0], 3)
        // Nothing else of Ecoscore's (sockets, pipes) leaks into the app.
        closeFrom(4, in: &actions)

        let argv = ["/bin/sh", "-c", gateScript, "ecoscore-launch", command]
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment ?? [:] { variables[name] = value }
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArguments, cEnvironment)
        close(gate[0])
        guard spawned == 0 else {
            unlink(stderrPath)
            throw ServerMeterError.launchFailed(command: command, reason: "posix_spawn /bin/sh: \(ProcFS.describe(spawned))")
        }

        let cgroup = placeInCgroup(pid, hierarchies: hierarchies, notes: &notes)
        // Open the gate: the shell execs the command, now inside its cgroup.
        var newline: UInt8 = 10
        _ = write(gateWrite, &newline, 1)
        close(gateWrite)
        gateWrite = -1

        let launched = LaunchedProcess(pid: pid, command: command, cgroup: cgroup, stderrPath: stderrPath)
        LaunchRegistry.shared.add(launched)
        return launched
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+; Swift's Glibc module does not declare it, so
    /// it is looked up at run time), else a close action for every descriptor open now (`/proc/self/fd`;
    /// glibc ignores a close action on a descriptor that is not open).
    private static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, lowest) == 0 { return }
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd >= lowest {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Makes a fresh group in the first hierarchy that allows it and moves `pid` there; nil (with notes) if none.
    private static func placeInCgroup(_ pid: Int32, hierarchies: [CgroupDirectory.Version],
                                      notes: inout [String]) -> CgroupDirectory? {
        if hierarchies.isEmpty {
            notes.append("cgroups not tried")
            return nil
        }
        let all = Cgroups.candidateParents()
        let candidates = hierarchies.flatMap { version in all.filter { $0.version == version } }
        if candidates.isEmpty {
            notes.append("no usable cgroup mount (cgroup2, or cgroup v1 with cpuacct) in /proc/self/mountinfo")
            return nil
        }
        let name = "ecoscore-\(getpid())-\(pid)"
        for (parent, version) in candidates {
            let label = version == .v2 ? "cgroup v2" : "cgroup v1 cpuacct"
            switch Cgroups.create(in: parent, name: name, version: version) {
            case .failure(let reason):
                notes.append("\(label) not used: \(reason)")
            case .success(let directory):
                let code = directory.add(pid)
                if code == 0 {
                    notes.append("app in its own \(label) group \(directory.path)")
                    return directory
                }
                notes.append("\(label) not used: cannot move pid \(pid) into \(directory.path): \(ProcFS.describe(code))")
                directory.remove()
            }
        }
        return nil
    }

    // MARK: State

    var isStopped: Bool { lock.withLock { stopped } }

    /// How the leader ended ("exited with status 1", "was killed by signal 9"), or nil while it runs.
    func exitStatusIfExited() -> String? {
        lock.withLock { reapLocked() }
    }

    private func reapLocked() -> String? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            let signal = status & 0x7F
            exitStatus = signal != 0 ? "was killed by signal \(signal)" : "exited with status \((status >> 8) & 0xFF)"
        } else if result < 0 && errno == ECHILD {
            exitStatus = "exited"
        }
        return exitStatus
    }

    /// Whether any process of the app still runs: the leader, a member of its process group, a member of its
    /// cgroup (zombies do not count: they hold no CPU and are their reapers' business).
    private func anythingAlive(leaderReaped: Bool) -> Bool {
        if !leaderReaped, let stat = ProcFS.stat(pid), !stat.isZombie { return true }
        if let cgroup, cgroup.processes().contains(where: { ProcFS.stat($0).map { !$0.isZombie } ?? false }) {
            return true
        }
        return ProcFS.allStats().values.contains { $0.pgrp == pid && !$0.isZombie }
    }

    // MARK: Stopping

    /// SIGTERM to the process group and the cgroup's members, SIGKILL to whatever is left after `grace`, then
    /// reaps the leader and removes the cgroup and the stderr file. Idempotent.
    func stop(grace: Duration) {
        let alreadyStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        defer { LaunchRegistry.shared.remove(self) }

        var leaderReaped = exitStatusIfExited() != nil
        if anythingAlive(leaderReaped: leaderReaped) {
            signalAll(SIGTERM)
            leaderReaped = waitUntilQuiet(for: grace)
            if anythingAlive(leaderReaped: leaderReaped) {
                signalAll(SIGKILL)
                cgroup?.killAll()
                leaderReaped = waitUntilQuiet(for: .seconds(3))
            }
        }
        // Reap the leader in every case, so no zombie of ours is left.
        if !leaderReaped {
            let deadline = ContinuousClock.now + .seconds(1)
            while exitStatusIfExited() == nil, ContinuousClock.now < deadline { usleep(10_000) }
        }
        cgroup?.remove()
        unlink(stderrPath)
    }

    private func signalAll(_ signal: Int32) {
        kill(-pid, signal)
        kill(pid, signal)
        for member in cgroup?.processes() ?? [] { kill(member, signal) }
    }

    /// Polls until nothing of the app is alive or the time is up; returns whether the leader was reaped.
    private func waitUntilQuiet(for duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while true {
            let reaped = exitStatusIfExited() != nil
            if !anythingAlive(leaderReaped: reaped) || ContinuousClock.now >= deadline { return reaped }
            usleep(20_000)
        }
    }

    /// The last non-empty lines of the app's stderr.
    func stderrTail(lines count: Int = 12) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: stderrPath) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 8192 ? size - 8192 : 0)
        let data = (try? handle.readToEnd()) ?? Data()
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        return Array(lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(count))
    }
}

/// Every launched app not yet stopped, for `ServerMeter.stopAllLaunched()` and the exit handler.
final class LaunchRegistry: @unchecked Sendable {
    static let shared = LaunchRegistry()

    private let lock = NSLock()
    private var launched: [ObjectIdentifier: LaunchedProcess] = [:]
    private var exitHandlerInstalled = false

    func add(_ process: LaunchedProcess) {
        let install = lock.withLock {
            launched[ObjectIdentifier(process)] = process
            defer { exitHandlerInstalled = true }
            return !exitHandlerInstalled
        }
        // A CLI that calls exit() without stopping its meter still leaves nothing behind.
        if install { atexit { LaunchRegistry.shared.stopAll(grace: .seconds(1)) } }
    }

    func remove(_ process: LaunchedProcess) {
        lock.withLock { _ = launched.removeValue(forKey: ObjectIdentifier(process)) }
    }

    func stopAll(grace: Duration) {
        let all = lock.withLock { Array(launched.values) }
        // Concurrently: each waits up to `grace` for its own app.
        DispatchQueue.concurrentPerform(iterations: all.count) { all[$0].stop(grace: grace) }
    }
}
#endif
