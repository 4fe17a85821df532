import ArgumentParser
import Foundation
import Model
import Profiler

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Load pages or a user journey as a browser would and measure what they cost.",
        discussion: """
            TARGET is one or more absolute http(s) URLs, one journey file (.yaml/.yml: ordered steps — page \
            loads, form submissions, API calls — with one browser session across them), or one HAR file \
            recorded by a browser (.har: each page becomes a step with its requests; nothing is fetched).

            Each page is loaded with a cold cache: the document (every redirect hop recorded), then the \
            stylesheets, scripts, images, fonts, media and frames it references, found by parsing its HTML \
            and CSS. A journey's steps share cookies and, unless --cold, the HTTP cache. Prints a summary \
            table and, with --output, writes the versioned Profile JSON.

            Exit codes: 0 everything loaded; 2 usage error or unreadable journey file; 3 a page could not be \
            loaded or a step's assertion failed (the profile is still written, with the error recorded).
            """
    )

    @Argument(help: "URLs of pages, or one journey file.")
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

    @Option(name: .shortAndLong, help: "Write the Profile JSON to this file (atomically).")
    var output: String?

    @Flag(help: "Print the Profile JSON on stdout instead of the table.")
    var json = false

    @Option(help: "Also export the profile as HAR 1.2 (secrets redacted), for browser dev tools and HAR viewers.")
    var har: String?

    @OptionGroup(title: "Fetching")
    var fetch: FetchFlags

    @OptionGroup(title: "Server CPU (Linux)")
    var server: MeterFlags

    func validate() throws {
        guard !targets.isEmpty else { throw ValidationError("give at least one URL or a journey file") }
        if let runs, !(1...100).contains(runs) { throw ValidationError("--runs must be between 1 and 100") }
        guard (0...10).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 10") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    func run() throws {
        fetch.warnIfInsecure()
        let target = try Target.parse(targets)
        if case .har = target, server.isMetering {
            throw CommandFailure.usage("a HAR file is not measured again: --launch, --pid and --cgroup do not apply")
        }
        let journey = try target.journeyFile.map { try loadJourney($0, baseURL: baseURL) }
        let meter = try server.start()
        defer { meter?.stop() }
        let profile: Profile
        switch target {
        case .pages(let urls):
            profile = try measure(urls, runs: runs ?? 1, concurrency: concurrency, options: fetch.options, meter: meter)
        case .journey:
            profile = try measure(journey!, runs: runs ?? 3, warmUp: warmup, cache: cold ? .cold : .warm,
                                  options: fetch.options, meter: meter)
        case .har(let file):
            profile = try importHAR(file, options: fetch.options)
        }
        if let output { try ProfileJSON.write(profile, to: output) }
        if let har { try writeAtomically(try HARExporter.data(profile), to: har) }
        if json {
            try ProfileJSON.print(profile)
        } else {
            print(SummaryTable(profile: profile).render(), terminator: "")
            if let output { print("Profile written to \(output)") }
            if let har { print("HAR written to \(har)") }
        }
        if reportUnloadedPages(profile) { throw ExitCode(ExitStatus.unreachable.rawValue) }
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
