import Foundation
import Model
import Profiler
import Testing

/// Every kind of file a user hands to Ecoscore, broken the way hand-edited or cut-off files are: each gives exit 2
/// and one clear message naming the file (and the line when the format has lines) — never a crash or a trace.
@Suite struct BadInputFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var content: String
        /// The command, with FILE for the broken file and PROFILE for a valid empty profile.
        var arguments: [String]
        /// What the message must say besides the file's path (e.g. its line).
        var mentions: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "truncated profile JSON", file: "cut.profile.json",
             content: #"{"schemaVersion": 1, "tool": {"name": "ecoscore", "ver"#,
             arguments: ["score", "FILE", "--grid", "app-referencing"], mentions: []),
        Case(name: "profile JSON of the wrong shape", file: "shape.profile.json",
             content: #"{"schemaVersion": 1, "pages": "none"}"#,
             arguments: ["score", "FILE", "--grid", "app-referencing"], mentions: []),
        Case(name: "malformed answers YAML", file: "answers.yaml",
             content: "grid: rgesn-2024\nanswers:\n  1.1: [yes\n",
             // The flow sequence opened on line 3 is found unclosed at the end of the input, line 4.
             arguments: ["score", "PROFILE", "--grid", "rgesn-2024", "--answers", "FILE"], mentions: [":4:"]),
        Case(name: "answers for an unknown criterion", file: "unknown.yaml",
             content: "grid: rgesn-2024\nanswers:\n  99.9: yes\n",
             arguments: ["score", "PROFILE", "--grid", "rgesn-2024", "--answers", "FILE"], mentions: ["99.9"]),
        Case(name: "inventory CSV with a short row", file: "parc.csv",
             content: "type;quantity;lifespan_years\nEcran;10;5\nEcran;\n",
             arguments: ["inventory", "FILE"], mentions: [":3"]),
        Case(name: "inventory CSV with a word for a number", file: "words.csv",
             content: "type;quantity\nEcran;ten\n",
             arguments: ["inventory", "FILE"], mentions: [":2", "quantity"]),
        Case(name: "inventory YAML that is not YAML", file: "parc.yaml",
             content: "lines:\n  - type: Ecran\n    quantity: [3\n",
             arguments: ["inventory", "FILE"], mentions: []),
        Case(name: "truncated HAR", file: "cut.har",
             content: #"{"log": {"version": "1.2", "entries": [{"request": {"url": "#,
             arguments: ["profile", "FILE"], mentions: [":1:"]),
        Case(name: "HAR without entries", file: "empty.har", content: #"{"log": {"version": "1.2"}}"#,
             arguments: ["profile", "FILE"], mentions: []),
        Case(name: "grid with a YAML syntax error", file: "grid.yaml",
             content: "id: mine\nversion: '1'\nfamilies:\n  - id: a\n    criteria: [\n",
             arguments: ["grids", "validate", "FILE"], mentions: []),
        Case(name: "journey that is not UTF-8", file: "latin1.yaml", content: "name: Caf\u{E9}\n",
             arguments: ["profile", "FILE"], mentions: []),
    ]

    @Test(arguments: cases)
    func refusedWithExit2NamingTheFile(_ c: Case) throws {
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(c.file)
        // The journey case is written in Latin-1 to be invalid UTF-8; the others are UTF-8 text.
        let bytes = c.file == "latin1.yaml" ? c.content.data(using: .isoLatin1)! : Data(c.content.utf8)
        try bytes.write(to: file)
        let profile = folder.appendingPathComponent("empty.profile.json")
        try ScoreLeanBloatedTests.write(Profile(tool: ScoreLeanBloatedTests.tool, createdAt: Date(),
                                                settings: PageProfiler().settings(runs: 1), pages: []), to: profile)
        let arguments = c.arguments.map { $0 == "FILE" ? file.path : $0 == "PROFILE" ? profile.path : $0 }
        let r = try Ecoscore.run(arguments)
        #expect(r.status == 2, "\(c.name): exit \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.contains(file.path), "\(c.name): the message does not name the file: \(r.stderr)")
        for m in c.mentions { #expect(r.stderr.contains(m), "\(c.name): expected '\(m)' in: \(r.stderr)") }
        for trace in ["Fatal error", "Stack dump", "Current stack trace", "Swift runtime failure"] {
            #expect(!r.stderr.contains(trace), "\(c.name): crashed: \(r.stderr)")
        }
        #expect(r.stderr.split(separator: "\n").count <= 4, "\(c.name): a message, not a dump: \(r.stderr)")
    }
}
