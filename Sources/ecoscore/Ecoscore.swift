import ArgumentParser
import Foundation

@main
struct Ecoscore: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ecoscore",
        abstract: "Measure and score the environmental sobriety of a web application.",
        discussion: """
            Exit codes:
              0  success
              1  a budget was exceeded or a figure regressed against the baseline (check, audit)
              2  usage error or unreadable input (bad flag, bad URL, malformed file)
              3  a page could not be loaded (unreachable host, TLS failure, timeout, HTTP error on the page)
            130  interrupted (Ctrl-C, SIGTERM): what was measured is written, marked incomplete; a
                 launched app is stopped. A second Ctrl-C quits at once.
            """,
        version: version,
        subcommands: [ProfileCommand.self, ScoreCommand.self, GridsCommand.self, AnswersCommand.self, EcoIndexCommand.self,
                      FootprintCommand.self, InventoryCommand.self, AuditCommand.self, ReportCommand.self,
                      CheckCommand.self, HistoryCommand.self, DemoCommand.self]
    )

    /// ArgumentParser exits 64 on usage errors; Ecoscore documents 2, so the mapping happens here.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("ecoscore: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode.rawValue)
        } catch let code as ExitCode {
            // Already explained on stderr by the command.
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message.isEmpty ? "ecoscore: \(error)" : message).utf8 + [10]))
            Foundation.exit(code == .validationFailure || code == .failure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

/// The documented exit codes.
enum ExitStatus: Int32 {
    case success = 0
    case regression = 1
    case usage = 2
    case unreachable = 3
}

/// An error already phrased for the user, with the exit code it maps to.
struct CommandFailure: Error {
    var message: String
    var exitCode: ExitStatus

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: .usage) }
}
