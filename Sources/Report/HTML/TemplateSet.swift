import Foundation
import Mustache

/// The report's Mustache templates, read once from the bundled `Templates` folder. Every template is a partial
/// of every other, named after its file (`verdict.mustache` → `{{> verdict}}`).
enum TemplateSet {
    struct MissingTemplates: Error, CustomStringConvertible {
        let reason: String
        var description: String { "the HTML report templates cannot be loaded: \(reason)" }
    }

    /// Loaded on first use; the error is kept so that every render reports it the same way.
    static let library: Result<MustacheLibrary, Error> = Result { try load() }

    static func render(_ view: Any, template name: String) throws -> String {
        let library = try library.get()
        guard let html = library.render(view, withTemplate: name) else {
            throw MissingTemplates(reason: "no template named \(name)")
        }
        return html
    }

    private static func load() throws -> MustacheLibrary {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw MissingTemplates(reason: "the Templates resource folder is missing from the bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
        var library = MustacheLibrary()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            do { try library.register(text, named: file.deletingPathExtension().lastPathComponent) } catch {
                throw MissingTemplates(reason: "\(file.lastPathComponent): \(error)")
            }
        }
        return library
    }
}
