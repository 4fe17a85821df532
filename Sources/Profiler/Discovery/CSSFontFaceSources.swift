import Foundation

/// `@font-face` for `CSSResourceScanner`: which font file a browser fetches.
extension CSSResourceScanner {
    /// What the `src` descriptor makes a browser do.
    enum FontSourceOutcome {
        /// No source it can use (or no `src`).
        case none
        /// The first usable source is a `data:` URL: the font is inline, nothing is fetched.
        case inline
        case fetch(URL)
    }

    /// The declarations of the `@font-face` block at `level`. The last `src` descriptor wins; in it, the
    /// first source a browser can use.
    mutating func fontFace(_ level: Int) {
        var outcome = FontSourceOutcome.none
        while !stream.isEnd(of: level) {
            // One declaration: `name : value`, up to a `;` of this block.
            while stream.token == .whitespace { stream.advance() }
            if stream.token?.lowercasedIdent == "src" {
                stream.advance()
                while stream.token == .whitespace { stream.advance() }
                if stream.token == .colon {
                    stream.advance()
                    outcome = fontSources(level)
                }
            }
            while !stream.isEnd(of: level), stream.token != .semicolon { stream.skipComponent() }
            if stream.token == .semicolon { stream.advance() }
        }
        if case .fetch(let url) = outcome { found.append(url, .font) }
    }

    /// A `src` value, read up to the `;` that ends it (left for the caller) or the end of the block: its
    /// comma-separated sources in order, until one decides.
    private mutating func fontSources(_ level: Int) -> FontSourceOutcome {
        var outcome = FontSourceOutcome.none
        var entry = FontSourceEntry()
        while !stream.isEnd(of: level), let token = stream.token, token != .semicolon {
            if token == .comma {
                decide(&outcome, entry)
                entry = FontSourceEntry()
                stream.advance()
            } else {
                read(into: &entry)
            }
        }
        decide(&outcome, entry)
        return outcome
    }

    /// Reads the component at the current token into a source entry; a component that does not belong
    /// in a usable source (`local()`, a keyword, a second URL…) spoils the entry and is skipped whole.
    private mutating func read(into entry: inout FontSourceEntry) {
        guard !entry.spoiled, let token = stream.token else {
            stream.skipComponent()
            return
        }
        switch token {
        case .whitespace:
            stream.advance()
        case .url(let value) where entry.reference == nil:
            entry.reference = value
            stream.advance()
        case .function(let name):
            switch name.lowercased() {
            case "url" where entry.reference == nil:
                entry.reference = stream.stringArgument()
            case "format":
                var known = false
                stream.forEachArgument { known = known || CSSDiscovery.supportedFontFormats.contains($0) }
                if !known { entry.usable = false }
            case "tech":
                var supported = true
                stream.forEachArgument { supported = supported && CSSDiscovery.supportedFontTechnologies.contains($0) }
                if !supported { entry.usable = false }
            default:
                entry.spoiled = true
                stream.skipComponent()
            }
        default:
            entry.spoiled = true
            stream.skipComponent()
        }
    }

    /// The first usable source decides: inline data, or a URL that resolves (one that does not is passed).
    private func decide(_ outcome: inout FontSourceOutcome, _ entry: FontSourceEntry) {
        guard case .none = outcome, !entry.spoiled, entry.usable, let reference = entry.reference else { return }
        if URLResolver.isDataURL(reference) {
            outcome = .inline
        } else if let url = URLResolver.resolve(reference, against: baseURL) {
            outcome = .fetch(url)
        }
    }
}

/// One source of a `src` descriptor being read.
private struct FontSourceEntry {
    var reference: String?
    /// False when a `format()` or `tech()` hint names something Chrome does not load.
    var usable = true
    /// True once the entry holds something no usable source has (it is then ignored).
    var spoiled = false
}
