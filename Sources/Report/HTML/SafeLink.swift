import Foundation

/// Which link targets the report writes as links: relative paths and plain web or file URLs. Anything else
/// (`javascript:`, `data:`…) is shown as text, never followed.
enum SafeLink {
    static func href(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        // A colon after a slash, question mark or hash belongs to a relative path, not to a scheme.
        if let separator = trimmed.firstIndex(where: { "/?#".contains($0) }), separator < colon { return trimmed }
        let scheme = trimmed[..<colon].lowercased()
        return ["http", "https", "file"].contains(scheme) ? trimmed : nil
    }
}
