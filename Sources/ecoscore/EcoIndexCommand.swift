import ArgumentParser
import Foundation
import Model
import Scoring

struct EcoIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecoindex",
        abstract: "Compute the EcoIndex of a page from its three figures.",
        discussion: "Same algorithm and tables as the reference implementation (GreenIT.fr); size in kB is bytes / 1000."
    )

    @Option(help: "DOM elements (descendants of <svg> excluded).")
    var dom: Int

    @Option(help: "HTTP requests.")
    var requests: Int

    @Option(name: .customLong("size-kb"), help: "Transfer size in kB (1 kB = 1000 bytes).")
    var sizeKB: Double

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard dom >= 0, requests >= 0, sizeKB >= 0, sizeKB.isFinite else {
            throw ValidationError("--dom, --requests and --size-kb must be zero or more")
        }
    }

    func run() throws {
        let eco: EcoIndex
        do { eco = try EcoIndex.bundled() } catch { throw CommandFailure.usage("cannot load the EcoIndex tables: \(error)") }
        let result = eco.compute(domElements: dom, requests: requests, sizeKB: sizeKB)
        if json {
            FileHandle.standardOutput.write(try encodeJSON(result) + [10])
        } else {
            print("EcoIndex \(result.score) (\(result.grade)) — \(result.ghg) gCO2e, \(result.water) cl of water per page view")
        }
    }
}
