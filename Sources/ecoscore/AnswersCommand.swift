import ArgumentParser
import Foundation
import Scoring

struct AnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Answers files for the declared criteria of a grid.",
        subcommands: [Init.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an answers template: every declared criterion, its help text and its allowed answers.",
            discussion: """
                The template lists each question with its objective and how to check it as YAML comments, and an \
                empty status to fill in. `ecoscore score PROFILE --grid ID --answers FILE` reads it back; criteria \
                the profile can evidence are pre-filled when left empty.
                """
        )

        @Option(help: "Id of a bundled grid (see `ecoscore grids list`).")
        var grid: String?

        @Option(name: .customLong("grid-file"), help: "A grid file of your own instead.")
        var gridFile: String?

        @Option(name: .shortAndLong, help: "Write the template to this file (atomically) instead of stdout.")
        var output: String?

        @Flag(help: "Replace --output when it exists (an answers file is a team's work: it is kept by default).")
        var force = false

        func validate() throws {
            guard grid != nil || gridFile != nil else { throw ValidationError("give --grid ID or --grid-file FILE") }
        }

        func run() throws {
            let loaded = try loadGrid(id: grid, file: gridFile)
            let text = AnswersTemplate.render(loaded.grid)
            guard let output else {
                print(text, terminator: "")
                return
            }
            if FileManager.default.fileExists(atPath: output), !force {
                throw CommandFailure.usage("\(output) exists: give --force to replace it")
            }
            try writeAtomically(Data(text.utf8), to: output)
            FileHandle.standardError.write(Data("ecoscore: wrote \(output)\n".utf8))
        }
    }
}
