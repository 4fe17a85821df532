import Foundation
import Model

/// Finds what a stylesheet makes a browser request, from the tokens of `CSSTokenizer` and the
/// rule structure of CSS Syntax Level 3 (rules, at-rules, blocks matched by bracket), never by
/// pattern matching on text.
public enum CSSDiscovery {
    /// Resources referenced by a stylesheet (a `.css` file or an inline `<style>`):
    ///
    /// - `@import "x"` and `@import url(x)` (with any layer/supports/media conditions: Chrome fetches
    ///   imports whatever their media) → `.stylesheet`. Only where CSS allows it: at top level, before
    ///   any rule other than `@charset`, `@layer` statements and other `@import`s; a misplaced
    ///   `@import` is ignored by browsers and here.
    /// - `@font-face { src: … }` → `.font`: the last `src` descriptor of the block; in it the first
    ///   source a browser can use — a `url()` whose `format()` is absent or one of `woff2`, `woff`,
    ///   `truetype`, `opentype` (also their `-variations` forms and `collection`) and whose `tech()`, if
    ///   any, Chrome supports. `local()` sources are skipped (the font is assumed not installed). If
    ///   that first usable source is a `data:` URL the font is inline: no request.
    /// - every other `url()` / `url("…")` in rule blocks (declarations, `@media`/`@supports`/`@layer`/
    ///   `@container` contents, `@keyframes`, `@page`…) → `.image`. Browsers only fetch images of rules
    ///   that match a rendered element; without layout Ecoscore counts every referenced image (an
    ///   upper bound, documented). Likewise a `@font-face` is fetched by a browser only when text uses
    ///   it; Ecoscore counts every declared face.
    /// - `image-set()` / `-webkit-image-set()` → only the option a browser picks: supported `type()`,
    ///   then the smallest resolution ≥ the device pixel ratio, else the largest (Blink's rule).
    /// - not requests: `url()` in selectors or in at-rule preludes (`@namespace url(…)`,
    ///   `@document url(…)`), fragment-only references (`url(#clip)`), `data:` URLs.
    ///
    /// Relative URLs resolve against `baseURL`: the stylesheet's own URL for files, the document base
    /// URL for inline `<style>` and `style` attributes. Duplicates are removed (first kept).
    public static func scan(_ css: String, baseURL: URL) -> [DiscoveredResource] {
        scan(css, baseURL: baseURL, viewport: .desktop)
    }

    /// `scan(_:baseURL:)` with another viewport (only `image-set()` depends on it).
    public static func scan(_ css: String, baseURL: URL, viewport: Viewport) -> [DiscoveredResource] {
        var scanner = CSSResourceScanner(css, baseURL: baseURL, viewport: viewport)
        scanner.scanStylesheet()
        return scanner.found.resources
    }

    /// `scan(_:baseURL:viewport:)` for the bytes of a stylesheet response, decoded as CSS Syntax §3.2
    /// says: a BOM wins, then the `Content-Type` charset, then an `@charset "…";` rule at the very start
    /// of the file (a UTF-16 label there means UTF-8), else UTF-8 (invalid bytes become U+FFFD).
    public static func scan(_ bytes: [UInt8], baseURL: URL, charset: String?, viewport: Viewport = .desktop) -> [DiscoveredResource] {
        scan(decode(bytes, charset: charset), baseURL: baseURL, viewport: viewport)
    }

    /// Decodes stylesheet bytes (see `scan(_:baseURL:charset:viewport:)`).
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(decoding: HTMLCharset.decode(bytes, contentTypeCharset: nil).utf8, as: UTF8.self)
        }
        if let charset, let encoding = HTMLCharset.encoding(forLabel: charset),
           let decoded = HTMLCharset.decode(bytes[...], as: encoding) {
            return String(decoding: decoded, as: UTF8.self)
        }
        let prefix = Array("@charset \"".utf8)
        if bytes.starts(with: prefix) {
            let rest = bytes.dropFirst(prefix.count).prefix(64)
            if let quote = rest.firstIndex(of: 0x22), quote + 1 < bytes.count, bytes[quote + 1] == 0x3B {
                let label = String(decoding: bytes[rest.startIndex..<quote], as: UTF8.self)
                if var encoding = HTMLCharset.encoding(forLabel: label) {
                    if encoding == .utf16LE || encoding == .utf16BE { encoding = .utf8 }
                    if let decoded = HTMLCharset.decode(bytes[...], as: encoding) { return String(decoding: decoded, as: UTF8.self) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Resources of a `style` attribute (a declaration list): `url()` and `image-set()` → `.image`.
    public static func scanDeclarations(_ css: String, baseURL: URL, viewport: Viewport = .desktop) -> [DiscoveredResource] {
        var scanner = CSSResourceScanner(css, baseURL: baseURL, viewport: viewport)
        scanner.scanImages(0, scanner.tokens.count)
        return scanner.found.resources
    }

    /// Image MIME types Chrome decodes (also used for `<picture><source type>`).
    static let supportedImageTypes: Set<String> = [
        "image/avif", "image/webp", "image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/x-png",
        "image/apng", "image/gif", "image/svg+xml", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon",
        "image/x-xbitmap",
    ]

    /// `@font-face` `format()` hints Chrome loads.
    static let supportedFontFormats: Set<String> = [
        "woff2", "woff", "truetype", "opentype", "collection",
        "woff2-variations", "woff-variations", "truetype-variations", "opentype-variations",
    ]

    /// `@font-face` `tech()` keywords Chrome supports.
    static let supportedFontTechnologies: Set<String> = [
        "features-opentype", "variations", "color-colrv0", "color-colrv1", "color-sbix", "color-cbdt", "palettes",
        "incremental",
    ]
}

/// The rule-level walk over a token list.
struct CSSResourceScanner {
    let tokens: [CSSToken]
    /// For each opening token (`{`, `(`, `[`, function), the index of its matching closing token
    /// (or `tokens.count` when unclosed); -1 elsewhere.
    private var partner: [Int]
    private let baseURL: URL
    private let viewport: Viewport
    private(set) var found = ResourceList()
    private var importsAllowed = true

    init(_ css: String, baseURL: URL, viewport: Viewport) {
        tokens = CSSTokenizer.tokenize(css)
        self.baseURL = baseURL
        self.viewport = viewport
        partner = Array(repeating: -1, count: tokens.count)
        var stack: [(index: Int, closer: CSSToken)] = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case .openCurly: stack.append((index, .closeCurly))
            case .openParen, .function: stack.append((index, .closeParen))
            case .openSquare: stack.append((index, .closeSquare))
            case .closeCurly, .closeParen, .closeSquare:
                // A closer only ends the innermost open block of its kind; otherwise it is a plain token.
                if let top = stack.last, top.closer == token {
                    partner[top.index] = index
                    stack.removeLast()
                }
            default: break
            }
        }
        for open in stack { partner[open.index] = tokens.count }
    }

    private func end(of open: Int, limit: Int) -> Int { min(partner[open] < 0 ? open + 1 : partner[open], limit) }

    mutating func scanStylesheet() {
        ruleList(0, tokens.count, topLevel: true)
    }

    // MARK: - Rules

    /// Conditional group rules nested deeper than this are scanned flat for images (keeps hostile
    /// input from exhausting the stack; no real stylesheet nests that deep).
    private static let maximumNesting = 64
    private var nesting = 0

    private mutating func ruleList(_ start: Int, _ end: Int, topLevel: Bool) {
        guard nesting < CSSResourceScanner.maximumNesting else {
            scanImages(start, end)
            return
        }
        nesting += 1
        defer { nesting -= 1 }
        var index = start
        while index < end {
            switch tokens[index] {
            case .whitespace, .cdo, .cdc, .semicolon, .closeCurly, .closeParen, .closeSquare:
                index += 1
            case .atKeyword(let name):
                index = atRule(name.lowercased(), at: index, end: end, topLevel: topLevel)
            default:
                index = qualifiedRule(at: index, end: end, topLevel: topLevel)
            }
        }
    }

    /// Returns the index after the at-rule.
    private mutating func atRule(_ name: String, at start: Int, end: Int, topLevel: Bool) -> Int {
        var index = start + 1
        var blockStart: Int?
        while index < end {
            let token = tokens[index]
            if token == .semicolon { break }
            if token == .openCurly { blockStart = index; break }
            if token == .closeCurly, !topLevel { break }
            if partner[index] >= 0 { index = self.end(of: index, limit: end) + 1 } else { index += 1 }
        }
        let preludeEnd = min(index, end)
        let prelude = start + 1..<preludeEnd
        let after: Int
        var block: Range<Int>?
        if let open = blockStart {
            let close = self.end(of: open, limit: end)
            block = open + 1..<max(open + 1, close)
            after = close + 1
        } else {
            after = (index < end && tokens[index] == .semicolon) ? index + 1 : index
        }

        switch name {
        case "import":
            if topLevel, importsAllowed, block == nil, let reference = importReference(prelude) {
                append(reference, .stylesheet)
            }
        case "charset":
            break
        case "layer" where block == nil:
            break  // a statement: @import may still follow
        case "namespace":
            if topLevel { importsAllowed = false }
        case "font-face":
            if topLevel { importsAllowed = false }
            if let block { fontFace(block) }
        case "media", "supports", "container", "layer", "scope", "starting-style", "document", "-moz-document":
            if topLevel { importsAllowed = false }
            if let block { ruleList(block.lowerBound, block.upperBound, topLevel: false) }
        default:
            if topLevel { importsAllowed = false }
            if let block { scanImages(block.lowerBound, block.upperBound) }
        }
        return after
    }

    private mutating func qualifiedRule(at start: Int, end: Int, topLevel: Bool) -> Int {
        if topLevel { importsAllowed = false }
        var index = start
        while index < end {
            let token = tokens[index]
            if token == .openCurly {
                let close = self.end(of: index, limit: end)
                scanImages(index + 1, close)
                return close + 1
            }
            if token == .closeCurly, !topLevel { return index }
            if partner[index] >= 0 { index = self.end(of: index, limit: end) + 1 } else { index += 1 }
        }
        return end
    }

    private func importReference(_ prelude: Range<Int>) -> String? {
        guard let first = prelude.first(where: { tokens[$0] != .whitespace }) else { return nil }
        switch tokens[first] {
        case .string(let value), .url(let value): return value
        case .function(let name) where name.lowercased() == "url": return firstString(after: first)
        default: return nil
        }
    }

    /// The string argument of a `url("…")` function starting at `index`.
    private func firstString(after index: Int) -> String? {
        let close = end(of: index, limit: tokens.count)
        for position in (index + 1)..<max(index + 1, close) {
            if case .string(let value) = tokens[position] { return value }
            if tokens[position] != .whitespace { return nil }
        }
        return nil
    }

    // MARK: - Images

    /// Every `url()` in a token range → `.image`, `image-set()` → its chosen option.
    mutating func scanImages(_ start: Int, _ end: Int) {
        var index = start
        while index < end {
            switch tokens[index] {
            case .url(let value):
                append(value, .image)
                index += 1
            case .function(let name):
                let lowered = name.lowercased()
                let close = self.end(of: index, limit: end)
                if lowered == "url" {
                    if let value = firstString(after: index) { append(value, .image) }
                    index = close + 1
                } else if lowered == "image-set" || lowered == "-webkit-image-set" {
                    imageSet(index + 1, close)
                    index = close + 1
                } else {
                    index += 1  // look inside other functions (gradients, cross-fade, var fallbacks…)
                }
            default:
                index += 1
            }
        }
    }

    private mutating func imageSet(_ start: Int, _ end: Int) {
        var options: [(reference: String?, resolution: Double)] = []
        for range in splitOnCommas(start, end) {
            var reference: String?
            var isImage = false
            var resolution = 1.0
            var supported = true
            var index = range.lowerBound
            while index < range.upperBound {
                switch tokens[index] {
                case .url(let value), .string(let value):
                    if !isImage { reference = value; isImage = true }
                    index += 1
                case .dimension(let n, let unit):
                    switch unit.lowercased() {
                    case "x", "dppx": resolution = n
                    case "dpi": resolution = n / 96
                    case "dpcm": resolution = n * 2.54 / 96
                    default: break
                    }
                    index += 1
                case .function(let name):
                    let lowered = name.lowercased()
                    let close = self.end(of: index, limit: end)
                    if lowered == "url" {
                        if !isImage { reference = firstString(after: index); isImage = true }
                    } else if lowered == "type" {
                        let type = firstString(after: index)?.lowercased().split(separator: ";").first
                            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                        supported = CSSDiscovery.supportedImageTypes.contains(type)
                    } else if !isImage {
                        isImage = true  // a gradient or other generated image: no request
                    }
                    index = close + 1
                default:
                    index += 1
                }
            }
            if isImage, supported { options.append((reference, resolution)) }
        }
        let sorted = options.enumerated().sorted {
            $0.element.resolution != $1.element.resolution ? $0.element.resolution < $1.element.resolution : $0.offset < $1.offset
        }.map(\.element)
        guard let chosen = sorted.first(where: { $0.resolution >= viewport.devicePixelRatio }) ?? sorted.last else { return }
        if let reference = chosen.reference { append(reference, .image) }
    }

    private func splitOnCommas(_ start: Int, _ end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var segmentStart = start
        var index = start
        while index < end {
            if tokens[index] == .comma {
                ranges.append(segmentStart..<index)
                segmentStart = index + 1
                index += 1
            } else if partner[index] >= 0 {
                index = self.end(of: index, limit: end) + 1
            } else {
                index += 1
            }
        }
        ranges.append(segmentStart..<min(max(segmentStart, end), tokens.count))
        return ranges
    }

    // MARK: - @font-face

    private mutating func fontFace(_ block: Range<Int>) {
        // Declarations: name ':' value ';'. The last `src` with a usable parse wins.
        var source: Range<Int>?
        var index = block.lowerBound
        while index < block.upperBound {
            var declarationEnd = index
            while declarationEnd < block.upperBound, tokens[declarationEnd] != .semicolon {
                declarationEnd = partner[declarationEnd] >= 0 ? self.end(of: declarationEnd, limit: block.upperBound) + 1 : declarationEnd + 1
            }
            declarationEnd = min(declarationEnd, block.upperBound)
            var position = index
            while position < declarationEnd, tokens[position] == .whitespace { position += 1 }
            if position < declarationEnd, tokens[position].lowercasedIdent == "src" {
                position += 1
                while position < declarationEnd, tokens[position] == .whitespace { position += 1 }
                if position < declarationEnd, tokens[position] == .colon {
                    source = position + 1..<declarationEnd
                }
            }
            index = declarationEnd + 1
        }
        guard let source else { return }
        for entry in splitOnCommas(source.lowerBound, source.upperBound) {
            guard let (reference, usable) = fontSource(entry), usable else { continue }
            if URLResolver.isDataURL(reference) { return }  // inline font: the browser uses it, no request
            if let url = URLResolver.resolve(reference, against: baseURL) {
                found.append(url, .font)
                return
            }
        }
    }

    /// One `src` entry: its URL and whether Chrome can use it. Nil for `local()` or garbage.
    private func fontSource(_ range: Range<Int>) -> (String, Bool)? {
        var reference: String?
        var usable = true
        var index = range.lowerBound
        while index < range.upperBound {
            switch tokens[index] {
            case .whitespace:
                index += 1
            case .url(let value) where reference == nil:
                reference = value
                index += 1
            case .function(let name):
                let lowered = name.lowercased()
                let close = end(of: index, limit: range.upperBound)
                if lowered == "url", reference == nil {
                    reference = firstString(after: index)
                } else if lowered == "format" {
                    let hints = arguments(index + 1, close)
                    if !hints.contains(where: { CSSDiscovery.supportedFontFormats.contains($0) }) { usable = false }
                } else if lowered == "tech" {
                    let techs = arguments(index + 1, close)
                    if !techs.allSatisfy({ CSSDiscovery.supportedFontTechnologies.contains($0) }) { usable = false }
                } else {
                    return nil  // local() or unknown
                }
                index = close + 1
            default:
                return nil
            }
        }
        guard let reference else { return nil }
        return (reference, usable)
    }

    /// The string and ident arguments of a function, lowercased.
    private func arguments(_ start: Int, _ end: Int) -> [String] {
        (start..<max(start, end)).compactMap { index in
            switch tokens[index] {
            case .string(let value), .ident(let value): return value.lowercased()
            default: return nil
            }
        }
    }

    private mutating func append(_ reference: String, _ type: ResourceType) {
        found.append(URLResolver.resolve(reference, against: baseURL), type)
    }
}
