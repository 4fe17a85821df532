import ArgumentParser
import Foundation
import Model
import Report

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Profile a target, score it and write every report, in one command.",
        discussion: """
            TARGET is what `ecoscore profile` takes: page URLs, one journey file (.yaml) or one HAR file. The \
            target is profiled (same flags as `profile`), scored through the grid (same flags as `score`; \
            app-referencing when neither --grid nor --grid-file is given), checked against budgets and a \
            baseline when they are given, and recorded in the history when it is on. Written under --out, each \
            file atomically:
              profile.json     the Profile
              scorecard.json   the ScoreCard
              report.html      the HTML report (self-contained, printable)
              csv/             one CSV file per table (docs/reports.md)
            Progress goes to stderr when it is a terminal; the score and the paths are printed at the end.

            Exit codes: 0 audited; 1 a budget was exceeded or a figure regressed against the baseline; 2 usage \
            error or unreadable input; 3 a page could not be loaded (every file is still written, with the error).
            """
    )

    @OptionGroup var target: TargetFlags

    @Option(help: ArgumentHelp("Folder for the profile, the score card and the reports.", valueName: "folder"))
    var out = "ecoscore-audit"

    @OptionGroup(title: "Scoring")
    var scoring: ScoreFlags

    @OptionGroup(title: "Report style")
    var style: ReportStyleFlags

    @OptionGroup(title: "Fetching")
    var fetch: FetchFlags

    @OptionGroup(title: "Server CPU (Linux)")
    var server: MeterFlags

    @OptionGroup(title: "Budgets and baseline")
    var check: CheckFlags

    @OptionGroup(title: "History")
    var history: HistoryFlags

    func run() throws {
        fetch.warnIfInsecure()
        // Every input file is read before the target is measured: a typo fails in a second, not after the runs.
        let inputs = try scoring.prepare(defaultGrid: "app-referencing")
        _ = try check.loadBudget()
        let resolved = try target.resolve(server: server)
        let folder = AuditFolder(path: out)

        ProgressLine.stage("Profiling \(target.targets.joined(separator: " "))")
        let profile = try resolved.profile(fetch: fetch, server: server)
        try ProfileJSON.write(profile, to: folder.profile)

        ProgressLine.stage("Scoring with \(inputs.gridID)")
        let card = try inputs.score(profile)
        let status = check.isRequested ? try check.evaluate(card, history: history) : .success
        _ = try history.record(card, passed: check.isRequested ? status == .success : nil)
        let trend = try history.trend(for: card)

        ProgressLine.stage("Writing the reports")
        let csvFiles = try folder.writeReports(card, style: style, trend: trend)

        print(AuditFolder.verdict(card))
        print("Profile:    \(folder.profile)")
        print("Score card: \(folder.scoreCard)")
        print("HTML:       \(folder.html)")
        print("CSV:        " + (csvFiles.count == 1 ? csvFiles[0] : "\(folder.csv)/ (\(csvFiles.count) tables)"))
        try Interruption.exitIfInterrupted()
        if reportUnloadedPages(profile) { throw ExitCode(ExitStatus.unreachable.rawValue) }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
