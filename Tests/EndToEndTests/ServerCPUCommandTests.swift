import Foundation
import Model
import Testing

/// The burn journey (three steps, each making the fixture app burn 100 ms of CPU) under `--launch` and `--pid`:
/// the server CPU measured per step is within ±15 % of 100 ms, and a forked worker's CPU is counted.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "server metering is Linux-only"))
struct ServerCPUCommandTests {
    static let journeys = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/journeys")
    static var fixtures: String { Ecoscore.binary.deletingLastPathComponent().appendingPathComponent("ecoscore-fixtures").path }

    func profile(_ journey: URL, port: UInt16, meter: [String]) throws -> Profile {
        let output = try Ecoscore.temporaryFolder().appendingPathComponent("p.json").path
        let r = try Ecoscore.run(["profile", journey.path, "--base-url", "http://127.0.0.1:\(port)/", "--runs", "3",
                                  "--idle-baseline", "0.5", "--output", output] + meter)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
    }

    func expectAbout(_ ms: Double, _ profile: Profile) {
        #expect(profile.pages.count == 3)
        for step in profile.pages {
            let cpu = step.summary.serverCPUms?.median ?? 0
            #expect(abs(cpu - ms) <= ms * 0.15, "\(step.name ?? step.url): \(cpu) ms")
        }
    }

    @Test func launchedApp() throws {
        let port = try closedLoopbackPort()
        let profile = try self.profile(Self.journeys.appendingPathComponent("burn.yaml"), port: port,
                                       meter: ["--launch", "\(Self.fixtures) --port \(port)", "--ready", "http://127.0.0.1:\(port)/"])
        #expect(profile.meter?.target == "launched")
        expectAbout(100, profile)
        // Stopped at the end: the port is free again.
        #expect(try Ecoscore.run(["profile", "http://127.0.0.1:\(port)/lean/"]).status == 3)
    }

    @Test func attachedByPID() throws {
        let port = try closedLoopbackPort()
        let app = Process()
        app.executableURL = URL(fileURLWithPath: Self.fixtures)
        app.arguments = ["--port", "\(port)"]
        app.standardOutput = Pipe()
        try app.run()
        defer { kill(app.processIdentifier, SIGKILL); app.waitUntilExit() }
        let ready = (app.standardOutput as! Pipe).fileHandleForReading.availableData  // "serving …" once listening
        #expect(String(decoding: ready, as: UTF8.self).contains("serving"))
        let profile = try self.profile(Self.journeys.appendingPathComponent("burn.yaml"), port: port,
                                       meter: ["--pid", "\(app.processIdentifier)"])
        #expect(profile.meter?.source == "process-tree")
        expectAbout(100, profile)
    }

    @Test func forkedWorkerIsCounted() throws {
        let port = try closedLoopbackPort()
        let journey = try Ecoscore.temporaryFolder().appendingPathComponent("fork.yaml")
        try Data("name: fork\nsteps:\n  - api: app/fork?ms=100\n  - api: app/fork?ms=100\n  - api: app/fork?ms=100\n".utf8)
            .write(to: journey)
        let profile = try self.profile(journey, port: port,
                                       meter: ["--launch", "\(Self.fixtures) --port \(port)", "--ready", "http://127.0.0.1:\(port)/"])
        for step in profile.pages {
            // The child burns 100 ms; starting it costs a little more, never less.
            #expect((step.summary.serverCPUms?.median ?? 0) >= 85)
        }
    }
}
