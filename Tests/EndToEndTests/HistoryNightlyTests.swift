import Foundation
import History
import Testing

/// `scripts/nightly` end to end against the fixture app on 127.0.0.1, with the binaries already built: two nights,
/// each publishing the report and the JUnit file and recording its run; the second compares with the first.
@Suite struct HistoryNightlyTests {
    static let script = JourneyCommandTests.journeys.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/nightly")

    func night(_ label: String, out: URL, db: String, port: UInt16) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script.path]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "ECOSCORE_BIN": Ecoscore.binary.deletingLastPathComponent().path, "NIGHTLY_OUT": out.path,
            "ECOSCORE_DB": db, "ECOSCORE_LABEL": label, "APP_PORT": String(port),
        ]) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func twoNightsPublishAndRecord() throws {
        let folder = try Ecoscore.temporaryFolder()
        let out = folder.appendingPathComponent("nightly")
        let db = folder.appendingPathComponent("history/nightly.sqlite").path
        let port = try closedLoopbackPort()
        for n in 1...2 {
            let r = try night("night-\(n)", out: out, db: db, port: port)
            #expect(r.status == 0, "night \(n): \(r.stdout)\n\(r.stderr)")
            #expect(r.stdout.contains("nightly: audit exited 0"))
            let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(html.contains("Linden Health Centre"))
            let junit = try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8)
            #expect(junit.contains("<testsuite"))
            #expect(!junit.contains("<failure"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("runs/night-\(n)/scorecard.json").path))
        }
        let runs = try HistoryStore(path: db, access: .read).list()
        #expect(runs.map(\.label) == ["night-2", "night-1"])
        #expect(runs.allSatisfy { $0.passed == true && $0.target == "journey:Linden Health Centre — visit" })
        let csv = try String(contentsOf: out.appendingPathComponent("trend-transfer-bytes.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 3, "a header and one line per night")
    }
}
