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

    @OptionGroup var target: TargetFlags

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

    func run() throws {
        fetch.warnIfInsecure()
        let profile = try target.resolve(server: server).profile(fetch: fetch, server: server)
        if let output { try ProfileJSON.write(profile, to: output) }
        if let har { try writeAtomically(try HARExporter.data(profile), to: har) }
        if json {
            try ProfileJSON.print(profile)
        } else {
            print(SummaryTable(profile: profile).render(), terminator: "")
            if let output { print("Profile written to \(output)") }
            if let har { print("HAR written to \(har)") }
        }
        try Interruption.exitIfInterrupted()
        if reportUnloadedPages(profile) { throw ExitCode(ExitStatus.unreachable.rawValue) }
    }
}
