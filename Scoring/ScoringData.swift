import Foundation

/// Locates the grids and models shipped as data in `Scoring/` (bundled as resources, so an installed
/// binary finds them without the source tree).
public enum ScoringData {
    /// A bundled data file by its path below `Scoring/`, e.g. "models/ecoindex.yaml".
    public static func url(forResource path: String) -> URL? {
        let url = Bundle.module.bundleURL.appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The bundled files of one folder (e.g. "grids"), sorted by name.
    public static func files(in folder: String) -> [URL] {
        let dir = Bundle.module.bundleURL.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
    }
}
