import Foundation
import Model
import Profiler
import Scoring

/// Profile pages and attach their EcoIndex: what `profile` and `demo` share.
func measure(_ urls: [URL], runs: Int, concurrency: Int, options: FetchOptions,
             meter: ServerMeter? = nil) throws -> Profile {
    let profiler = PageProfiler(options: options)
    let progress = ProgressLine(total: urls.count * runs)
    // Server CPU is attributed to a load by time, so metered loads must not overlap.
    let width = meter == nil ? concurrency : 1
    let pages = Interruption.measuring {
        profiler.profile(urls, runs: runs, concurrency: width, around: meteredLoad(meter)) { event in
            progress.step("\(event.url.absoluteString) run \(event.run)/\(event.runs)")
        }
    }
    progress.finish()
    let profile = Profile(tool: PageProfiler.toolInfo(version: Ecoscore.version), createdAt: Date(),
                          settings: profiler.settings(runs: runs), meter: meter?.info, pages: pages,
                          incomplete: incompleteness(options, loads: pages.reduce(0) { $0 + $1.runs.count },
                                                     planned: urls.count * runs))
    return try annotateEcoIndex(profile)
}

func annotateEcoIndex(_ profile: Profile) throws -> Profile {
    do {
        return try EcoIndex.bundled().annotate(profile)
    } catch {
        throw CommandFailure(message: "cannot load the EcoIndex tables: \(error)", exitCode: .usage)
    }
}

/// Parses the URLs a user typed: absolute http(s) URLs with a host, or a usage error naming the bad one.
func parsePageURLs(_ arguments: [String]) throws -> [URL] {
    try arguments.map { text in
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw CommandFailure.usage("bad URL '\(text)': give an absolute http:// or https:// URL")
        }
        return url
    }
}

/// Prints the pages that could not be loaded, one line each; true when there was at least one.
func reportUnloadedPages(_ profile: Profile) -> Bool {
    var any = false
    for page in profile.pages {
        let errors = page.runs.compactMap(\.error)
        guard let first = errors.first else { continue }
        any = true
        let times = errors.count == page.runs.count ? "" : " (\(errors.count) of \(page.runs.count) runs)"
        let what = first.code == "assertion" ? "step failed" : "cannot load"
        FileHandle.standardError.write(Data("ecoscore: \(what) \(page.url)\(times): \(first.message)\n".utf8))
    }
    return any
}

/// A one-line progress display on stderr, only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let enabled = isatty(2) == 1

    init(total: Int) { self.total = total }

    func step(_ what: String) {
        guard enabled else { return }
        lock.withLock {
            done += 1
            let line = "[\(done)/\(total)] \(what)".prefix(120)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// A stage of a longer command (`audit`, `demo`), on its own line, only when stderr is a terminal.
    static func stage(_ what: String) {
        if isatty(2) == 1 { FileHandle.standardError.write(Data("\(what)\n".utf8)) }
    }
}

func loadJourney(_ file: URL, baseURL: String?) throws -> Journey {
    var base: URL?
    if let baseURL {
        guard let u = try parsePageURLs([baseURL]).first else { throw CommandFailure.usage("bad --base-url") }
        base = u
    }
    do {
        return try Journey.load(file, baseURL: base)
    } catch let error as JourneyError {
        throw CommandFailure.usage(error.description)
    }
}

/// Profile a journey's steps and attach their EcoIndex.
func measure(_ journey: Journey, runs: Int, warmUp: Int, cache: JourneyProfiler.CacheMode, options: FetchOptions,
             meter: ServerMeter? = nil) throws -> Profile {
    let profiler = JourneyProfiler(options: options, cache: cache)
    let progress = ProgressLine(total: (runs + warmUp) * journey.steps.count)
    let pages = Interruption.measuring {
        profiler.profile(journey, runs: runs, warmUp: warmUp, around: meteredLoad(meter)) { event in
            progress.step("\(event.warmUp ? "warm-up" : "run \(event.run)/\(event.runs)") · \(event.step)")
        }
    }
    progress.finish()
    let settings = PageProfiler(options: options).settings(runs: runs)
    let profile = Profile(tool: PageProfiler.toolInfo(version: Ecoscore.version), createdAt: Date(),
                          settings: settings,
                          journey: JourneyInfo(name: journey.name, cache: cache.rawValue, runs: runs, warmUpRuns: warmUp),
                          meter: meter?.info, pages: pages,
                          incomplete: incompleteness(options, loads: pages.reduce(0) { $0 + $1.runs.count },
                                                     planned: journey.steps.count * runs))
    return try annotateEcoIndex(profile)
}

/// Why a profile is incomplete: the stop's reason and how many of the planned loads were kept; nil when it ran out.
func incompleteness(_ options: FetchOptions, loads: Int, planned: Int) -> String? {
    options.stop?.reason.map { "\($0) after \(loads) of \(planned) measured loads" }
}

/// A browser's recording as a profile; its DOM is unknown, so its pages have no EcoIndex.
func importHAR(_ file: URL, options: FetchOptions) throws -> Profile {
    do {
        return try HARImporter.profile(from: file, tool: PageProfiler.toolInfo(version: Ecoscore.version),
                                       settings: PageProfiler(options: options).settings(runs: 1))
    } catch {
        throw CommandFailure.usage(error.description)
    }
}
