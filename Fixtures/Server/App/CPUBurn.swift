import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Known amounts of server work for the fixture app: CPU on the serving thread, memory, a child process.
enum CPUBurn {
    /// CPU time of the calling thread, in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        _ = clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Spins until the calling thread has used `milliseconds` more CPU time: waiting for the CPU (preemption)
    /// does not count, so the thread's CPU grows by the amount asked whatever the machine's load.
    static func burnThreadCPU(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        let end = threadCPUNanoseconds() + UInt64(milliseconds) * 1_000_000
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        while threadCPUNanoseconds() < end {
            for _ in 0..<2_000 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
        }
        blackHole(state)
    }

    /// Allocates `megabytes` MiB, writes every byte (so the pages are really resident), then frees them.
    static func allocateAndTouch(megabytes: Int) {
        guard megabytes > 0 else { return }
        let count = megabytes << 20
        let memory = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 4096)
        defer { memory.deallocate() }
        memset(memory, 0xA5, count)
        var sum: UInt64 = 0
        var offset = 0
        while offset < count {
            sum &+= UInt64(memory.load(fromByteOffset: offset, as: UInt8.self))
            offset += 4096
        }
        blackHole(sum)
    }

    enum ChildOutcome: Equatable {
        case success
        case failure(String)
    }

    /// Spawns `argv` (argv[0] is the executable's absolute path) as a separate process with default signal
    /// handling, in the server's process group, and waits for it: its CPU time is the server's children's
    /// (`cutime`/`cstime`) and its cgroup's.
    static func runChild(_ argv: [String]) -> ChildOutcome {
        guard let executable = argv.first else { return .failure("empty child command") }
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The server may ignore SIGINT/SIGTERM (it handles them with dispatch sources); an ignored signal stays
        // ignored across exec, which would make the child deaf to the group's SIGTERM.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, nil, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else {
            return .failure("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .failure("waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let signal = status & 0x7F
        let exitCode = (status >> 8) & 0xFF
        if signal != 0 { return .failure("child killed by signal \(signal)") }
        if exitCode != 0 { return .failure("child exited with status \(exitCode)") }
        return .success
    }

    @inline(never)
    private static func blackHole(_ value: UInt64) {
        if value == 0x1234_5678 { print("", terminator: "") }
    }
}

extension FixtureServer {
    /// The default `childBurnCommand`: a POSIX shell loop that runs until `ms` milliseconds of *wall* time have
    /// passed, forking `date` on every turn. Nearly all of that time is CPU (the shell and its short-lived
    /// `date` children, which it waits for), but not exactly: expect a little less CPU than `ms` on an idle
    /// machine, and less still on a busy one. Needs GNU `date` (`%N`). Prefer `selfBurnCommand` where the
    /// server runs in an executable that understands `--burn-child` (as `ecoscore-fixtures` does).
    public static let shellBurnCommand: @Sendable (Int) -> [String] = { ms in
        ["/bin/sh", "-c", "end=$(( $(date +%s%N) + \(ms) * 1000000 )); while [ $(date +%s%N) -lt $end ]; do :; done"]
    }

    /// A `childBurnCommand` that re-runs the current executable as `EXE --burn-child MS` (Linux: `/proc/self/exe`);
    /// that executable must then burn MS ms of its own CPU (`FixtureServer.burnThreadCPU`) and exit 0.
    public static let selfBurnCommand: @Sendable (Int) -> [String] = { ms in
        #if os(Linux)
        let executable = "/proc/self/exe"
        #else
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
        return [executable, "--burn-child", String(ms)]
    }

    /// Burns `milliseconds` of the calling thread's CPU time in a busy loop (what `/app/burn` does).
    public static func burnThreadCPU(milliseconds: Int) {
        CPUBurn.burnThreadCPU(milliseconds: milliseconds)
    }

    /// The password `/app/login` accepts for user `demo` unless told otherwise.
    public static let defaultAppPassword = "correct horse battery staple"
}
