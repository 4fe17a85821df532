import Foundation

/// Locates the grids and models shipped as data in `Scoring/` (bundled as resources, so an installed
/// binary finds them without the source tree).
public enum ScoringData {
    public static func url(forResource name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil)
    }
}
