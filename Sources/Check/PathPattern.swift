import Foundation

/// A Lighthouse path pattern, matched against a URL's path and query (`/shop/*`, `/checkout$`): the URL must
/// start with the pattern, `*` stands for any run of characters, a final `$` makes the match exact.
/// With Lighthouse's own limits (one `*`, `$` only at the end) this is exactly Lighthouse's
/// `Budget.urlMatchesPattern`; Ecoscore budgets may use several `*`.
public struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    private let pieces: [Substring]
    private let anchored: Bool

    /// Nil when the pattern does not start with `/` or has `$` anywhere but at the end.
    public init?(_ text: String) {
        guard text.hasPrefix("/") else { return nil }
        let anchored = text.hasSuffix("$")
        let body = anchored ? text.dropLast() : Substring(text)
        guard !body.contains("$") else { return nil }
        self.text = text
        self.anchored = anchored
        pieces = body.split(separator: "*", omittingEmptySubsequences: false)
    }

    public var description: String { text }

    /// Whether `pathAndQuery` (e.g. `/lean/about.html?x=1`) matches.
    public func matches(_ pathAndQuery: String) -> Bool {
        Wildcard.matches(pieces: pieces, in: Substring(pathAndQuery), anchored: anchored)
    }

    /// The path and query of an absolute URL, as Lighthouse reads them (`new URL(url).pathname + search`);
    /// nil when `url` has no scheme and host.
    public static func pathAndQuery(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let withoutFragment = afterScheme.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let slash = withoutFragment.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let rest = withoutFragment[slash...]
        return rest.hasPrefix("?") ? "/" + rest : String(rest)
    }
}

/// A glob on a whole step name: `*` any run of characters, `?` exactly one.
public struct NamePattern: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }

    public func matches(_ name: String) -> Bool {
        Wildcard.glob(Array(text), Array(name))
    }
}

enum Wildcard {
    /// `pieces` are the pattern's literal parts between `*`s. Unanchored patterns match any prefix of `text`.
    static func matches(pieces: [Substring], in text: Substring, anchored: Bool) -> Bool {
        guard let first = pieces.first, text.hasPrefix(first) else { return false }
        var rest = text.dropFirst(first.count)
        if pieces.count == 1 { return !anchored || rest.isEmpty }
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        // The last piece is found leftmost when unanchored, and at the very end when anchored.
        return anchored ? rest.hasSuffix(last) : last.isEmpty || rest.range(of: last) != nil
    }

    /// Classic glob with backtracking on the last `*`: linear in practice, never exponential.
    static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0
        var star: Int?, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; resume = t; p += 1
            } else if let s = star {
                p = s + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
