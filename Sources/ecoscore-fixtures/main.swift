import ArgumentParser
import Dispatch
import FixtureServer
import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `ecoscore-fixtures [--port N] [--root DIR] [--log]`: serves the fixture sites and the fixture app (`/app/`)
/// until SIGINT or SIGTERM. `ECOSCORE_FIXTURE_PASSWORD` sets the app's password for user `demo`.
/// `--burn-child MS` (hidden) is the child process `/app/fork` starts: it burns MS ms of CPU and exits.
struct EcoscoreFixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecoscore-fixtures",
        abstract: "Serve the Ecoscore fixture sites (lean, bloated, edge) over HTTP/1.1.",
        discussion: """
            Prints `serving <base URL>` on stdout once listening; stops cleanly on SIGINT or SIGTERM.
            With --log, each response goes to stderr with the exact bytes written (head + body).
            The fixture app lives under /app/ (login as `demo`; password from ECOSCORE_FIXTURE_PASSWORD,
            default "\(FixtureServer.defaultAppPassword)"); /app/burn?ms=N, /app/alloc?mb=N and
            /app/fork?ms=N cost the server a known amount of CPU or memory.
            """
    )

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 0

    @Option(name: .long, help: "IPv4 address to bind.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Folder of sites to serve (default: the bundled fixture sites).")
    var root: String?

    @Flag(name: .long, help: "Log each response to stderr: METHOD TARGET STATUS BYTES (head, body, encoding).")
    var log = false

    /// Run as `/app/fork`'s child: burn this many milliseconds of CPU, then exit.
    @Option(name: .customLong("burn-child"), help: .hidden)
    var burnChild: Int?

    func run() throws {
        if let burnChild {
            FixtureServer.burnThreadCPU(milliseconds: max(0, burnChild))
            return
        }
        let rootURL = root.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FixtureServer.bundledSites
        let password = ProcessInfo.processInfo.environment["ECOSCORE_FIXTURE_PASSWORD"] ?? FixtureServer.defaultAppPassword
        let server = FixtureServer(root: rootURL, host: host, port: port, appPassword: password,
                                   childBurnCommand: FixtureServer.selfBurnCommand)
        if log {
            server.setLogHandler { entry in
                FileHandle.standardError.write(Data((entry.logLine + "\n").utf8))
            }
        }
        do {
            try server.start()
        } catch {
            FileHandle.standardError.write(Data("ecoscore-fixtures: \(error)\n".utf8))
            throw ExitCode.failure
        }

        let stopRequested = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            sources.append(source)
        }

        // Unbuffered write: the line is out before anyone waiting for it reads stdout.
        FileHandle.standardOutput.write(Data("serving \(server.baseURL.absoluteString)\n".utf8))
        stopRequested.wait()
        sources.forEach { $0.cancel() }
        server.stop()
    }
}

// main.swift rather than @main: SwiftPM treats a single-file executable as top-level code.
EcoscoreFixtures.main()
