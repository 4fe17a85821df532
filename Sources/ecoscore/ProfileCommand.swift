import ArgumentParser
import Foundation
import Model
import Profiler

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Load pages as a browser would and measure what they cost.",
        discussion: """
            Each page is loaded with a cold cache: the document (every redirect hop recorded), then the \
            stylesheets, scripts, images, fonts, media and frames it references, found by parsing its HTML \
            and CSS. Prints a summary table and, with --output, writes the versioned Profile JSON.

            Exit codes: 0 every page loaded; 2 usage error; 3 a page could not be loaded (the profile is \
            still written, with the error recorded).
            """
    )

    @Argument(help: "Absolute http:// or https:// URLs of the pages to profile.")
    var urls: [String]

    @Option(help: "Loads of each page, each with a cold cache; figures are reported as median and spread.")
    var runs = 1

    @Option(help: "Pages loaded at the same time (each on its own connections).")
    var concurrency = 4

    @Option(name: .shortAndLong, help: "Write the Profile JSON to this file (atomically).")
    var output: String?

    @Flag(help: "Print the Profile JSON on stdout instead of the table.")
    var json = false

    @OptionGroup(title: "Fetching")
    var fetch: FetchFlags

    func validate() throws {
        guard !urls.isEmpty else { throw ValidationError("give at least one URL") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be between 1 and 100") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
    }

    func run() throws {
        let pages = try parsePageURLs(urls)
        fetch.warnIfInsecure()
        let profile = try measure(pages, runs: runs, concurrency: concurrency, options: fetch.options)
        if let output { try ProfileJSON.write(profile, to: output) }
        if json {
            try ProfileJSON.print(profile)
        } else {
            print(SummaryTable(profile: profile).render(), terminator: "")
            if let output { print("Profile written to \(output)") }
        }
        if reportUnloadedPages(profile) { throw ExitCode(ExitStatus.unreachable.rawValue) }
    }
}
