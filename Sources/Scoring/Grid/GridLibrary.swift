import Foundation
import ScoringData

/// The grids bundled with Ecoscore (`Scoring/grids/*.yaml`).
public enum GridLibrary {
    public static func bundledFiles() -> [URL] {
        ScoringData.files(in: "grids").filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
    }

    /// Every bundled grid file with its grid, or the problem that keeps it from loading.
    public static func all() -> [(file: URL, grid: Result<LoadedGrid, DataFileError>)] {
        bundledFiles().map { url in
            do { return (url, .success(try GridLoader.load(url, bundled: true))) } catch let e as DataFileError {
                return (url, .failure(e))
            } catch {
                return (url, .failure(DataFileError(file: url.path, message: "\(error)")))
            }
        }
    }

    /// The bundled grid with this id: the file named `ID.yaml`, else the file whose `id` is ID.
    public static func bundled(_ id: String) throws -> LoadedGrid {
        let files = bundledFiles()
        if let named = files.first(where: { $0.deletingPathExtension().lastPathComponent == id }) {
            let loaded = try GridLoader.load(named, bundled: true)
            guard loaded.grid.id == id else {
                throw DataFileError(file: named.path, message: "the file is named '\(id)' but its grid id is '\(loaded.grid.id)'")
            }
            return loaded
        }
        for url in files {
            if let loaded = try? GridLoader.load(url, bundled: true), loaded.grid.id == id { return loaded }
        }
        let known = files.map { $0.deletingPathExtension().lastPathComponent }
        throw DataFileError(file: "grids", message: "no bundled grid '\(id)' (bundled: \(known.joined(separator: ", ")))")
    }
}
