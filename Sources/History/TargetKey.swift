import Foundation
import Model

/// What a recorded run measured, as a stable text, so that trends and `--baseline last` compare like with like:
///
/// - a journey: `journey:NAME` — its name is what a team keeps while it edits the steps;
/// - pages: `url:FIRST-URL`, with ` +N` when N more pages were loaded — the URL without its fragment and
///   credentials, scheme and host in lower case, default port dropped, an empty path as `/`;
/// - a grid answered without a profile: `declared`.
///
/// The port stays: two apps on one host are two targets. A nightly job should therefore serve its app on a
/// fixed port (a journey is keyed by its name, whatever `--base-url` says).
public enum TargetKey {
    public static func of(_ card: ScoreCard) -> String {
        guard let profile = card.profile else { return "declared" }
        if let name = profile.journeyName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            return "journey:\(name)"
        }
        guard let first = profile.steps.min(by: { $0.index < $1.index }) else { return "declared" }
        let more = profile.steps.count - 1
        return "url:\(normalized(first.url))" + (more > 0 ? " +\(more)" : "")
    }

    static func normalized(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.scheme != nil, parts.host != nil else { return url }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        parts.user = nil
        parts.password = nil
        parts.fragment = nil
        if (parts.scheme == "http" && parts.port == 80) || (parts.scheme == "https" && parts.port == 443) { parts.port = nil }
        if parts.path.isEmpty { parts.path = "/" }
        return parts.string ?? url
    }
}
