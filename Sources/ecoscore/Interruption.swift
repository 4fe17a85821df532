import ArgumentParser
import Dispatch
import Foundation
import Profiler

/// Ctrl-C (SIGINT) and SIGTERM. The first one raises the measurement's `StopSignal`: the loads in flight end, the
/// command writes what was measured (the profile marked incomplete) and stops a launched app, then exits 130.
/// A second one, or one outside a measurement, stops a launched app and exits at once (128 + signal).
enum Interruption {
    /// Raised by the first signal; every measurement's `FetchOptions.stop`.
    static let stop = StopSignal()
    /// The exit status of a command interrupted after writing what it had (the shell's convention for SIGINT).
    static let exitStatus: Int32 = 130

    private static let state = SignalState()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Handles the signals from now on; idempotent.
    static func install() {
        state.once {
            for (sig, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    guard state.measuring, !stop.isRaised else {
                        ServerMeter.stopAllLaunched()
                        Foundation.exit(128 + sig)
                    }
                    stop.raise("interrupted by \(name)")
                    FileHandle.standardError.write(Data(
                        "\necoscore: \(name): stopping the loads in flight and writing what was measured (again to quit at once)\n".utf8))
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Runs a measurement during which the first signal stops it gracefully instead of exiting.
    static func measuring<T>(_ body: () throws -> T) rethrows -> T {
        install()
        state.measuring = true
        defer { state.measuring = false }
        return try body()
    }

    /// Exits 130 when the measurement was interrupted, once the caller has written what it had.
    static func exitIfInterrupted() throws {
        if let reason = stop.reason {
            FileHandle.standardError.write(Data("ecoscore: \(reason): the results written are incomplete\n".utf8))
            throw ExitCode(exitStatus)
        }
    }

    /// Whether the handlers are installed and a measurement is running, behind one lock.
    private final class SignalState: @unchecked Sendable {
        private let lock = NSLock()
        private var installed = false
        private var active = false

        func once(_ body: () -> Void) {
            lock.withLock {
                guard !installed else { return }
                installed = true
                body()
            }
        }

        var measuring: Bool {
            get { lock.withLock { active } }
            set { lock.withLock { active = newValue } }
        }
    }
}
