import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hostile suites (issue 7), nested here so that they run one test at a time: several load the CPU (bombs
/// decoded to 100 MB, 5,000 requests) and, run alongside everything else on a small machine, they starved
/// timing-sensitive tests of other suites. Their own time is bounded by short profiler timeouts and a time limit.
@Suite(.serialized) struct HostileTests {}

/// Shared by the hostile suites: a fixture server per test (its `/hostile/...` routes are documented in
/// Fixtures/Server/Hostile/Hostile.swift), short timeouts so that a hang would show as a timeout error
/// within seconds, and lookups by request-target.
enum HostileSupport {
    /// Short enough that every hostile page finishes within seconds, long enough for a slow CI machine.
    static var options: FetchOptions {
        var o = FetchOptions()
        o.connectTimeoutMs = 5_000
        o.requestTimeoutMs = 15_000
        o.pageTimeoutMs = 30_000
        return o
    }

    struct Load {
        var run: PageRun
        var log: [AccessLogEntry]
        var server: FixtureServer
        /// Wall time of the whole `profile` call, measured outside the profiler.
        var seconds: Double

        /// The only record whose request-target is `target` (fails the test otherwise).
        func record(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RequestRecord {
            let matches = run.requests.filter { HostileSupport.target($0.url) == target }
            try #require(matches.count == 1, "\(target): \(matches.count) records in \(run.requests.map { HostileSupport.target($0.url) })",
                         sourceLocation: sourceLocation)
            return matches[0]
        }

        /// The server's log entries for `target`.
        func logged(_ target: String) -> [AccessLogEntry] { log.filter { $0.path == target } }

        /// Records of the requests that must have succeeded: status 200 and no error.
        func expectSucceeded(_ targets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            for target in targets {
                let matches = run.requests.filter { HostileSupport.target($0.url) == target }
                #expect(matches.count == 1, "\(target) requested once", sourceLocation: sourceLocation)
                for record in matches {
                    #expect(record.status == 200 && record.error == nil,
                            "\(target): \(record.status.map(String.init) ?? "-") \(record.error?.code ?? "")", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Starts a server, profiles `path` once, stops the server; returns the run and the server's log.
    static func load(_ path: String, options: FetchOptions = HostileSupport.options) throws -> Load {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        let page = PageProfiler(options: options).profile([server.url(path)], runs: 1, concurrency: 1)[0]
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Load(run: page.runs[0], log: server.accessLog(), server: server, seconds: seconds)
    }

    /// The request-target libcurl sends for a URL: its path (escapes kept) and query.
    static func target(_ url: String) -> String {
        guard let c = URLComponents(string: url) else { return url }
        return c.percentEncodedPath + (c.percentEncodedQuery.map { "?\($0)" } ?? "")
    }
}

/// Runs the built `ecoscore` binary in a child process and measures its peak resident memory: what profiling
/// costs as a user runs it, unaffected by the other tests sharing this process.
///
/// Not `wait4`'s `ru_maxrss` of a child spawned from here: Linux starts a new program's `maxrss` at the
/// high-water mark of the address space it replaced, which for `posix_spawn` (vfork) is this test process's
/// — every child would seem at least as big as the test runner. So:
/// - with GNU time (`/usr/bin/time`, Debian package `time`), it runs the profiler as its own forked child
///   and reports that child's `ru_maxrss` (`%M`): a small process's address space is replaced, the figure
///   is the profiler's own peak, exactly;
/// - otherwise the child's `VmHWM` (`/proc/PID/status`, the peak of its own address space) is read every
///   2 ms until it exits: a lower bound that misses at most the last 2 ms.
enum MeasuredRun {
    /// Peak memory means nothing under a sanitizer (shadow memory, quarantined frees): `scripts/sanitize` sets
    /// ECOSCORE_SANITIZER and the memory bounds are not checked then.
    static var sanitized: Bool { ProcessInfo.processInfo.environment["ECOSCORE_SANITIZER"] != nil }

    /// The executable SwiftPM built beside the test bundle, if it did (Linux only: the measurement reads `/proc`
    /// or GNU time).
    static var binary: URL? {
        #if os(Linux)
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("ecoscore")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
        #else
        return nil
        #endif
    }

    static let gnuTime = ["/usr/bin/time"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Result {
        var exitStatus: Int32
        /// Peak resident set size of the profiler process, bytes.
        var peakRSSBytes: Int
        /// How `peakRSSBytes` was measured.
        var method: String
        var profile: Data
        var stderr: String
        var seconds: Double
    }

    /// `ecoscore profile ARGS --output FILE`.
    static func profile(_ arguments: [String]) throws -> Result {
        #if os(Linux)
        let binary = try #require(binary, "the ecoscore executable was not built")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("profile.json").path
        let errors = folder.appendingPathComponent("stderr.txt").path
        let timeReport = folder.appendingPathComponent("time.txt").path
        let command = [binary.path, "profile"] + arguments + ["--output", output]
        let argv = gnuTime.map { [$0, "-f", "%M", "-o", timeReport] + command } ?? command

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        try #require(spawned == 0, "posix_spawn: \(String(cString: strerror(spawned)))")
        var sampled = 0
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 {
                try #require(errno == EINTR, "waitpid: \(String(cString: strerror(errno)))")
                continue
            }
            if gnuTime == nil { sampled = max(sampled, peakOfProfiler(pid)) }
            usleep(2_000)
        }
        let elapsed = started.duration(to: clock.now)
        let exited = status & 0x7F == 0
        var peak = sampled
        var method = "VmHWM of the child, read every 2 ms (a lower bound)"
        if gnuTime != nil {
            let report = (try? String(contentsOfFile: timeReport, encoding: .utf8)) ?? ""
            let kib = report.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            peak = try #require(kib, "GNU time wrote: \(report)") * 1024
            method = "GNU time %M (ru_maxrss of its forked child)"
        }
        return Result(
            exitStatus: exited ? (status >> 8) & 0xFF : -1,
            peakRSSBytes: peak,
            method: method,
            profile: (try? Data(contentsOf: URL(fileURLWithPath: output))) ?? Data(),
            stderr: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
        #else
        throw POSIXError(.ENOTSUP)
        #endif
    }

    /// `VmHWM` of `pid` in bytes once it runs the profiler (before its exec it still shares this process's
    /// address space), else 0.
    private static func peakOfProfiler(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              text.split(separator: "\n").contains(where: { $0.hasPrefix("Name:") && $0.hasSuffix("ecoscore") })
        else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
        }
        return 0
    }

    /// Just the parts of the profile JSON these tests read.
    struct Summary: Decodable {
        struct Page: Decodable { var runs: [Run] }
        struct Run: Decodable {
            var requests: [Request]
            var error: RequestError?
        }
        struct Request: Decodable {
            var url: String
            var status: Int?
            var decodedBytes: Int?
            var error: RequestError?
        }
        var pages: [Page]
    }
}
