#if os(Linux)
import Foundation
import Glibc
import Model
import Testing
@testable import Profiler

/// The meter attached by pid to an app started by someone else (here: the test, with Foundation's `Process`).
@Suite("ServerMeter attach(pid:)", .serialized)
struct ServerMeterPidTests {
    /// A running `ecoscore-fixtures`, terminated on deinit.
    final class RunningFixtures {
        let process = Process()
        let port: UInt16

        init() throws {
            port = try MeterTestSupport.freePort()
            let executable = try #require(MeterTestSupport.fixturesExecutable, "ecoscore-fixtures not built")
            process.executableURL = executable
            process.arguments = ["--port", String(port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = ContinuousClock.now + .seconds(30)
            while (try? MeterTestSupport.request(port: port, "/app/", timeout: 2)) == nil {
                guard ContinuousClock.now < deadline, process.isRunning else {
                    throw MeterTestSupport.Failure(description: "ecoscore-fixtures did not start")
                }
                usleep(50_000)
            }
        }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test("a 100 ms burn costs 100 ms ± 15 % of net CPU through the process tree, three times")
    func burnIsMeasured() throws {
        let app = try RunningFixtures()
        let meter = try ServerMeter.attach(pid: app.process.processIdentifier)
        #expect(meter.info.source == "process-tree")
        #expect(meter.info.target == "pid")
        try meter.measureBaseline(for: .seconds(1))
        let usages = try ServerMeterLaunchTests.measure(meter, port: app.port, "/app/burn?ms=100", times: 3)
        print("ServerMeter [pid → process-tree] burn 100 ms: net \(MeterTestSupport.format(usages.map(\.netCPUms))) ms, "
              + "baseline \(String(format: "%.2f", meter.info.baselineMsPerSecond)) ms/s")
        for usage in usages {
            #expect(abs(usage.netCPUms - 100) <= 15, "\(usage)")
        }
    }

    /// The child lives and dies between the two samples, so no sample ever sees it in the tree. It is still
    /// counted: the server waits for it (`waitpid`), which adds the child's user and system time to the
    /// server's `cutime`/`cstime`, and the process-tree source reads those with `utime`/`stime`.
    @Test("a child that burns 100 ms and exits between two samples is counted, through the parent's cutime")
    func forkIsMeasured() throws {
        let app = try RunningFixtures()
        let meter = try ServerMeter.attach(pid: app.process.processIdentifier)
        let usages = try ServerMeterLaunchTests.measure(meter, port: app.port, "/app/fork?ms=100", times: 2)
        print("ServerMeter [pid → process-tree] fork 100 ms: net \(MeterTestSupport.format(usages.map(\.netCPUms))) ms")
        for usage in usages {
            #expect(usage.netCPUms >= 85 && usage.netCPUms <= 250, "\(usage)")
        }
    }

    @Test("a live child is counted while it runs, and its time stays counted once reaped")
    func liveChildren() throws {
        // sh → a child that burns 1000 ms of its own CPU and exits; the root sh waits for it, then sleeps.
        let fixtures = try #require(MeterTestSupport.fixturesExecutable, "ecoscore-fixtures not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(fixtures.path)' --burn-child 1000; exec sleep 300"]
        try process.run()
        defer {
            // SIGKILL: a child of the test runner may start with SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let root = process.processIdentifier
        let meter = try ServerMeter.attach(pid: root)
        let mark = try meter.begin()
        usleep(300_000)
        let running = try meter.end(mark)
        #expect(ProcFS.tree(of: root, in: ProcFS.allStats()).count == 2, "the child is running")
        // Wait until the child has exited and been reaped (the root is then alone, sleeping).
        let deadline = ContinuousClock.now + .seconds(30)
        while ProcFS.tree(of: root, in: ProcFS.allStats()).count > 1, ContinuousClock.now < deadline { usleep(20_000) }
        let afterReap = try meter.end(mark)
        print("ServerMeter [pid → process-tree] busy child: \(running.cpuMs) ms after 0.3 s, \(afterReap.cpuMs) ms after it was reaped")
        #expect(running.cpuMs >= 50)
        #expect(afterReap.cpuMs >= running.cpuMs)
        // The reaped child's time comes from cutime + cstime, each rounded down to a clock tick: up to two
        // ticks (20 ms at 100 Hz) under the 1000 ms it burned plus its start-up.
        #expect(afterReap.cpuMs >= 1000 - 2000 / ProcFS.clockTicksPerSecond && afterReap.cpuMs <= 1200, "\(afterReap)")
    }

    @Test("attach(pid:) to no process; sampling a process that has exited")
    func missingProcess() throws {
        #expect(throws: ServerMeterError.noSuchProcess(pid: Int32.max)) { try ServerMeter.attach(pid: Int32.max) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["300"]
        try process.run()
        let pid = process.processIdentifier
        let meter = try ServerMeter.attach(pid: pid)
        _ = try meter.begin()
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(throws: ServerMeterError.processGone(pid: pid)) { try meter.begin() }
        // Attached meters own nothing: stop does nothing.
        meter.stop()
    }
}
#endif
