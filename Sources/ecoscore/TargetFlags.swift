import ArgumentParser
import Foundation
import Model
import Profiler

/// What to profile and how many times: the TARGET argument and the run flags that `profile` and `audit` share.
struct TargetFlags: ParsableArguments {
    @Argument(help: "URLs of pages, one journey file (.yaml) or one HAR file (.har).")
    var targets: [String]

    @Option(help: "Measured runs (each page load cold; each journey run a new session). Default: 1 for pages, 3 for a journey.")
    var runs: Int?

    @Option(help: "Journey runs made first and discarded (default 1).")
    var warmup = 1

    @Flag(help: "Journey: start every step with an empty HTTP cache (cookies still persist).")
    var cold = false

    @Option(name: .customLong("base-url"), help: "Journey: resolve relative step URLs against this URL instead of the file's baseURL.")
    var baseURL: String?

    @Option(help: "Pages loaded at the same time (each on its own connections).")
    var concurrency = 4

    func validate() throws {
        guard !targets.isEmpty else { throw ValidationError("give at least one URL or a journey file") }
        if let runs, !(1...100).contains(runs) { throw ValidationError("--runs must be between 1 and 100") }
        guard (0...10).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 10") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    /// Reads the target (a usage error names what is wrong) before anything is started or measured.
    func resolve(server: MeterFlags) throws -> ResolvedTarget {
        let target = try Target.parse(targets)
        if case .har = target, server.isMetering {
            throw CommandFailure.usage("a HAR file is not measured again: --launch, --pid and --cgroup do not apply")
        }
        return ResolvedTarget(target: target, journey: try target.journeyFile.map { try loadJourney($0, baseURL: baseURL) },
                              flags: self)
    }
}

/// A target whose files were read: ready to be measured.
struct ResolvedTarget {
    let target: Target
    let journey: Journey?
    let flags: TargetFlags

    /// Measures the pages or the journey (with the server meter when one is asked for), or imports the HAR file.
    func profile(fetch: FetchFlags, server: MeterFlags) throws -> Profile {
        let meter = try server.start()
        defer { meter?.stop() }
        switch target {
        case .pages(let urls):
            return try measure(urls, runs: flags.runs ?? 1, concurrency: flags.concurrency, options: fetch.options, meter: meter)
        case .journey:
            return try measure(journey!, runs: flags.runs ?? 3, warmUp: flags.warmup, cache: flags.cold ? .cold : .warm,
                               options: fetch.options, meter: meter)
        case .har(let file):
            return try importHAR(file, options: fetch.options)
        }
    }
}

/// What the user asked to profile, told apart by form.
enum Target {
    case pages([URL])
    case journey(URL)
    case har(URL)

    var journeyFile: URL? {
        if case .journey(let url) = self { return url }
        return nil
    }

    static func parse(_ arguments: [String]) throws -> Target {
        let files = arguments.filter { [".yaml", ".yml", ".har"].contains(where: $0.lowercased().hasSuffix) }
        if files.isEmpty { return .pages(try parsePageURLs(arguments)) }
        guard arguments.count == 1 else {
            throw CommandFailure.usage("give either URLs or one journey or HAR file (got \(arguments.count) targets)")
        }
        let url = URL(fileURLWithPath: files[0])
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CommandFailure.usage("cannot read \(files[0])")
        }
        return files[0].lowercased().hasSuffix(".har") ? .har(url) : .journey(url)
    }
}
