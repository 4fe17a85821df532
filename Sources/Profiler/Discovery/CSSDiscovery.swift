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
        scanStylesheet(CSSTokenizer(css), baseURL: baseURL, viewport: viewport)
    }

    /// `scan(_:baseURL:viewport:)` for the bytes of a stylesheet response, decoded as CSS Syntax §3.2
    /// says: a BOM wins, then the `Content-Type` charset, then an `@charset "…";` rule at the very start
    /// of the file (a UTF-16 label there means UTF-8), else UTF-8 (invalid bytes become U+FFFD).
    /// Tokens are walked as they are produced: memory stays within a small multiple of the body's size
    /// (see `CSSTokenizer` and `CSSTokenStream`).
    public static func scan(_ bytes: [UInt8], baseURL: URL, charset: String?, viewport: Viewport = .desktop) -> [DiscoveredResource] {
        scanStylesheet(CSSTokenizer(utf8: decode(bytes, charset: charset)), baseURL: baseURL, viewport: viewport)
    }

    private static func scanStylesheet(_ tokenizer: CSSTokenizer, baseURL: URL, viewport: Viewport) -> [DiscoveredResource] {
        var scanner = CSSResourceScanner(tokenizer, baseURL: baseURL, viewport: viewport)
        scanner.scanStylesheet()
        return scanner.found.resources
    }

    /// Decodes stylesheet bytes to UTF-8 (see `scan(_:baseURL:charset:viewport:)`); valid UTF-8 comes
    /// back as it is, without a copy.
    static func decode(_ bytes: [UInt8], charset: String?) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return HTMLCharset.decode(bytes, contentTypeCharset: nil).utf8
        }
        if let charset, let encoding = HTMLCharset.encoding(forLabel: charset),
           let decoded = HTMLCharset.decode(bytes[...], as: encoding) {
            return decoded
        }
        let prefix = Array("@charset \"".utf8)
        if bytes.starts(with: prefix) {
            let rest = bytes.dropFirst(prefix.count).prefix(64)
            if let quote = rest.firstIndex(of: 0x22), quote + 1 < bytes.count, bytes[quote + 1] == 0x3B {
                let label = String(decoding: bytes[rest.startIndex..<quote], as: UTF8.self)
                if var encoding = HTMLCharset.encoding(forLabel: label) {
                    if encoding == .utf16LE || encoding == .utf16BE { encoding = .utf8 }
                    if let decoded = HTMLCharset.decode(bytes[...], as: encoding) { return decoded }
                }
            }
        }
        return HTMLCharset.decodeUTF8(bytes[...])
    }

    /// Resources of a `style` attribute (a declaration list): `url()` and `image-set()` → `.image`.
    public static func scanDeclarations(_ css: String, baseURL: URL, viewport: Viewport = .desktop) -> [DiscoveredResource] {
        var scanner = CSSResourceScanner(CSSTokenizer(css), baseURL: baseURL, viewport: viewport)
        scanner.scanDeclarationList()
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
