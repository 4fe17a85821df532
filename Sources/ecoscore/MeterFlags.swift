import ArgumentParser
import Dispatch
import Foundation
import Model
import Profiler

/// Which process serves the app, so that its CPU time per page view can be measured.
struct MeterFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Start the app with this shell command, measure it, and stop it at the end (needs --ready).",
                               valueName: "command"))
    var launch: String?

    @Option(help: ArgumentHelp("URL that answers once the launched app is ready.", valueName: "url"))
    var ready: String?

    @Option(name: .customLong("ready-timeout"), help: "Seconds to wait for --ready to answer.")
    var readyTimeout = 30.0

    @Option(help: "Meter a running app: this process and all its descendants (Linux /proc).")
    var pid: Int32?

    @Option(help: "Meter a running app by its cgroup (v2 cpu.stat or v1 cpuacct): covers forked workers.")
    var cgroup: String?

    // Not `--baseline`: `audit` also takes `--baseline SCORECARD` (check), and one command cannot have both.
    @Option(name: .customLong("idle-baseline"),
            help: "Seconds of idle measurement before the run; that baseline is subtracted from every page view.")
    var baseline = 2.0

    func validate() throws {
        let chosen = [launch != nil, pid != nil, cgroup != nil].filter { $0 }.count
        guard chosen <= 1 else { throw ValidationError("give only one of --launch, --pid and --cgroup") }
        if launch != nil && ready == nil { throw ValidationError("--launch needs --ready URL (how to tell the app is up)") }
        if ready != nil && launch == nil { throw ValidationError("--ready goes with --launch") }
        guard readyTimeout > 0, baseline >= 0 else { throw ValidationError("--ready-timeout and --idle-baseline must be positive") }
    }

    var isMetering: Bool { launch != nil || pid != nil || cgroup != nil }

    /// Starts or attaches the meter and measures the idle baseline; nil when no meter was asked for.
    func start() throws -> ServerMeter? {
        guard isMetering else { return nil }
        Interruption.install()
        do {
            let meter: ServerMeter
            if let launch, let ready {
                guard let url = URL(string: ready), url.scheme != nil else { throw CommandFailure.usage("bad --ready URL '\(ready)'") }
                meter = try ServerMeter.launch(command: launch, ready: url, readyTimeout: .milliseconds(Int(readyTimeout * 1000)))
            } else if let pid {
                meter = try ServerMeter.attach(pid: pid)
            } else {
                meter = try ServerMeter.attach(cgroup: cgroup!)
            }
            if baseline > 0 { try meter.measureBaseline(for: .milliseconds(Int(baseline * 1000))) }
            return meter
        } catch let error as ServerMeterError {
            throw CommandFailure(message: "server meter: \(error)", exitCode: .unreachable)
        }
    }
}

/// Wraps each page load: the server's CPU over exactly that load (when metered) and Ecoscore's own CPU.
func meteredLoad(_ meter: ServerMeter?) -> @Sendable (() -> PageRun) -> PageRun {
    { load in
        let clientStart = ServerMeter.clientCPUSeconds()
        let mark: MeterMark?
        do { mark = try meter?.begin() } catch {
            warn("server meter: \(error)")
            mark = nil
        }
        var run = load()
        run.clientCPUms = (ServerMeter.clientCPUSeconds() - clientStart) * 1000
        if let meter, let mark {
            do { run.server = try meter.end(mark) } catch { warn("server meter: \(error)") }
        }
        return run
    }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("ecoscore: warning: \(message)\n".utf8))
}
