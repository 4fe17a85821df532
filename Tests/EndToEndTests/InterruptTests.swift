import FixtureServer
import Foundation
import Model
import Testing

/// Ctrl-C during a multi-page run: the command writes what was measured, marked incomplete, stops a launched app
/// and exits 130 — without waiting for the load in flight.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct InterruptTests {
    /// Starts `ecoscore` with its output piped; the caller signals and waits.
    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Ecoscore.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func finish(_ p: (Process, Pipe, Pipe)) -> CommandResult {
        let stdout = p.1.fileHandleForReading.readDataToEndOfFile()
        let stderr = p.2.fileHandleForReading.readDataToEndOfFile()
        p.0.waitUntilExit()
        return CommandResult(status: p.0.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Waits until `condition` holds, polling; false after `seconds`.
    static func wait(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    @Test func ctrlCWritesWhatWasMeasuredMarkedIncomplete() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("p.json")
        // The drip page's image sends a byte a second: without the interruption this run would take minutes.
        let pages = ["/lean/", "/hostile/drip/", "/edge/"].map { server.url($0).absoluteString }
        let p = try Self.start(["profile"] + pages + ["--runs", "2", "--concurrency", "1", "--page-timeout", "120",
                                                     "--request-timeout", "120", "--output", output.path])
        // The log lists a request once answered: the drip page's stylesheet answered means its image is dripping.
        let dripping = Self.wait(seconds: 60) { server.accessLog().contains { $0.path == "/hostile/ok/fine.css" } }
        #expect(dripping, "the drip page's subresources were requested")
        kill(p.0.processIdentifier, SIGINT)
        let r = Self.finish(p)
        #expect(r.status == 130, "\(r.stderr)")
        #expect(r.stderr.contains("interrupted by SIGINT"), "\(r.stderr)")
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: output))
        #expect(profile.incomplete == "interrupted by SIGINT after 1 of 6 measured loads")
        #expect(profile.pages.map(\.url) == pages)
        #expect(profile.pages.map(\.runs.count) == [1, 0, 0])
        #expect(!server.accessLog().contains { $0.path == "/edge/" }, "no load started after Ctrl-C")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "server metering is Linux-only"))
    func ctrlCStopsALaunchedApp() throws {
        let port = try closedLoopbackPort()
        let fixtures = Ecoscore.binary.deletingLastPathComponent().appendingPathComponent("ecoscore-fixtures").path
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("p.json")
        let base = "http://127.0.0.1:\(port)"
        let p = try Self.start(["profile", "\(base)/lean/", "\(base)/hostile/drip/", "--runs", "3", "--page-timeout", "120",
                                "--request-timeout", "120", "--idle-baseline", "0.2", "--output", output.path,
                                "--launch", "\(fixtures) --port \(port)", "--ready", "\(base)/"])
        // Interrupted a second after the app listens, whatever has been measured by then.
        let up = Self.wait(seconds: 60) { loopbackPortAnswers(port) }
        #expect(up, "the launched app answered")
        Thread.sleep(forTimeInterval: 1)
        kill(p.0.processIdentifier, SIGINT)
        let r = Self.finish(p)
        #expect(r.status == 130, "\(r.stderr)")
        let profile = try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: output))
        #expect(profile.incomplete?.hasPrefix("interrupted by SIGINT after ") == true, "\(profile.incomplete ?? "nil")")
        #expect(profile.meter?.target == "launched")
        #expect(profile.pages.count == 2)
        #expect(profile.pages[1].runs.isEmpty, "the drip page never completes a run")
        // The app was stopped: its port no longer answers.
        #expect(Self.wait(seconds: 10) { !loopbackPortAnswers(port) })
    }
}
