/// What a request was for, decided by the context that referenced it (as a browser's
/// HAR `_resourceType` is), not by the Content-Type the server answered with.
public enum ResourceType: String, Codable, CaseIterable, Sendable, Comparable {
    case document, stylesheet, script, image, font, media, fetch, other

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How the profiler came to make a request.
public enum Discovery: String, Codable, Sendable {
    /// The page URL itself.
    case navigation
    /// A `Location` header of the previous hop.
    case redirect
    /// An element or attribute of an HTML document (including inline `<style>` and `style=`).
    case html
    /// A stylesheet's `@import`, `url()` or `@font-face` source.
    case css
    /// What a browser asks for unprompted (`/favicon.ico` when no icon is declared).
    case implicit
}
