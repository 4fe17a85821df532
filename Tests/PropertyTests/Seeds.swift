import Foundation

/// Valid files of each kind the parsers read, from this repository (and the shared HAR recordings beside it):
/// the starting points of the mutations.
enum Seeds {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: String, ext: String) -> [URL] {
        let url = repository.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map { url.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] { (try? [UInt8](Data(contentsOf: url))) ?? [] }

    static let html = (files("Fixtures/sites/lean", ext: "html") + files("Fixtures/sites/bloated", ext: "html")
                       + files("Fixtures/sites/edge", ext: "html")).map(bytes)
    static let css = (files("Fixtures/sites/lean", ext: "css") + files("Fixtures/sites/bloated", ext: "css")
                      + files("Fixtures/sites/edge", ext: "css")).map(bytes)
    static let grids = files("Scoring/grids", ext: "yaml").map(bytes)
    static let journeys = files("Fixtures/journeys", ext: "yaml").map(bytes)
    static let answers = [bytes(repository.appendingPathComponent("Fixtures/answers/rgesn-example.yaml"))]
    static let inventoryCSV = files("Fixtures/inventories", ext: "csv").map(bytes)
    static let inventoryYAML = files("Fixtures/inventories", ext: "yaml").map(bytes)
    /// The smaller shared recordings (the large ones would only slow the mutations down).
    static let har = files("../shared/data/har", ext: "har")
        .filter { ((try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) < 200_000 }.map(bytes)
}

extension Seeds {
    static let budgets = (files("Fixtures/budgets", ext: "yaml") + files("Fixtures/budgets", ext: "json")).map(bytes)
}
