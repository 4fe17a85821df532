import Foundation
import Model

/// What one HTML document says about itself and what it makes a browser request.
public struct HTMLScan: Sendable {
    /// Text of the first `<title>` element, ASCII whitespace collapsed and trimmed (as
    /// `document.title`); nil when there is no title element or it is empty.
    public var title: String?
    /// EcoIndex DOM element count (see `DOMCounter`).
    public var domElements: Int
    /// Subresources in document order, duplicates removed (the first occurrence and its type kept).
    public var resources: [DiscoveredResource]
    /// Whether a `<link rel~=icon>` with a non-empty `href` was present (if not, a browser asks for
    /// `/favicon.ico`; a `data:` icon counts as declared: the browser uses it and asks for nothing).
    public var declaresIcon: Bool
    /// The document base URL after `<base href>`.
    public var baseURL: URL
    /// The encoding the bytes were decoded from (`utf-8`, `windows-1252`, `shift_jis`…).
    public var encoding: String
    /// UTF-8 bytes of the document past the parsed prefix (see `HTMLParsedPrefix`), 0 when all of it was
    /// parsed. When not 0, what those bytes reference is missing from `resources` and `domElements` is a
    /// lower bound.
    public var unparsedBytes: Int

    public init(title: String?, domElements: Int, resources: [DiscoveredResource], declaresIcon: Bool, baseURL: URL,
                encoding: String = "utf-8", unparsedBytes: Int = 0) {
        self.title = title
        self.domElements = domElements
        self.resources = resources
        self.declaresIcon = declaresIcon
        self.baseURL = baseURL
        self.encoding = encoding
        self.unparsedBytes = unparsedBytes
    }
}

/// Browser-like discovery of the requests an HTML page makes, without a browser: pure, synchronous,
/// no network. The rules are those of Chrome on a 1920 px desktop window at DPR 1 with scripting on;
/// each is documented where it is implemented and collected in `METHODOLOGY.md`.
public enum HTMLDiscovery {
    /// How deep `<iframe srcdoc>` documents are scanned inside one another.
    static let maximumSrcdocDepth = 4

    /// UTF-8 bytes of a document parsed at most, by default (`FetchOptions.maxParsedHTMLBytes`): far more
    /// than real pages have (see `HTMLParsedPrefix`, which also bounds the number of tags).
    public static let defaultMaxParsedBytes = 4 * 1024 * 1024

    /// Scans an HTML document.
    ///
    /// `charset` is the `Content-Type` charset, if any. The bytes are converted to UTF-8 for gumbo
    /// (BOM, then `charset`, then the `<meta>` prescan of the first 1024 bytes, else UTF-8 when valid,
    /// windows-1252 otherwise; see `HTMLCharset`). Only the first `maxParsedBytes` of UTF-8 are parsed
    /// (`HTMLParsedPrefix`; `unparsedBytes` says what was left). Never crashes on any input.
    public static func scan(_ html: [UInt8], documentURL: URL, charset: String?, viewport: Viewport = .desktop,
                            maxParsedBytes: Int = defaultMaxParsedBytes) -> HTMLScan {
        let decoded = HTMLCharset.decode(html, contentTypeCharset: charset)
        let parsedBytes = HTMLParsedPrefix.length(of: decoded.utf8, maxBytes: maxParsedBytes)
        let input = parsedBytes < decoded.utf8.count ? Array(decoded.utf8[..<parsedBytes]) : decoded.utf8
        let document = GumboDocument.parse(utf8: input)
        var walker = HTMLResourceWalker(document: document, documentURL: documentURL, viewport: viewport, srcdocDepth: 0)
        walker.walk()
        var title = walker.title
        if let text = title, text.range(of: "<noframes", options: .caseInsensitive) != nil {
            // The rename also rewrote a literal "<noscript" inside the title text (rare): read the
            // title from a parse of the original bytes.
            title = HTMLResourceWalker.firstTitle(of: GumboDocument.parse(utf8: input, scripting: false))
        }
        return HTMLScan(
            title: title,
            domElements: DOMCounter.count(document),
            resources: walker.found.resources,
            declaresIcon: walker.declaresIcon,
            baseURL: walker.base,
            encoding: decoded.encoding,
            unparsedBytes: decoded.utf8.count - parsedBytes
        )
    }

    /// Scans HTML already held as a string (UTF-8), e.g. an `<iframe srcdoc>`.
    public static func scan(_ html: String, documentURL: URL, viewport: Viewport = .desktop) -> HTMLScan {
        scan(Array(html.utf8), documentURL: documentURL, charset: "utf-8", viewport: viewport)
    }

    /// JavaScript MIME type essences (HTML "JavaScript MIME type"): a `<script type>` must be one of
    /// these, ASCII case-insensitive and without parameters, to be a classic script.
    static let javaScriptMIMETypes: Set<String> = [
        "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
        "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
        "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
        "text/x-ecmascript", "text/x-javascript",
    ]

    /// Media MIME types a `<source type>` of `<video>`/`<audio>` may have for Chrome to pick it.
    static func isSupportedMediaType(_ type: String) -> Bool {
        let essence = mimeEssence(type)
        if essence.isEmpty { return true }
        if essence.hasPrefix("audio/") { return true }
        return ["video/mp4", "video/webm", "video/ogg"].contains(essence)
    }

    /// The MIME type without parameters, trimmed and lowercased.
    static func mimeEssence(_ type: String) -> String {
        let head = type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return head.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// The tree walk. Elements are visited in pre-order (document order); `<template>` and `<noscript>`
/// content was already left out of the tree by `GumboDocument`, so nothing inside them is discovered.
struct HTMLResourceWalker {
    let document: GumboDocument
    let documentURL: URL
    let viewport: Viewport
    let srcdocDepth: Int
    private let media: MediaQueryEvaluator

    private(set) var base: URL
    private var baseSet = false
    private(set) var found = ResourceList()
    private(set) var title: String?
    private var titleSeen = false
    private(set) var declaresIcon = false
    private var iconChosen = false

    init(document: GumboDocument, documentURL: URL, viewport: Viewport, srcdocDepth: Int) {
        self.document = document
        self.documentURL = documentURL
        self.viewport = viewport
        self.srcdocDepth = srcdocDepth
        self.media = MediaQueryEvaluator(viewport: viewport)
        self.base = documentURL
    }

    mutating func walk() {
        let nodes = document.nodes
        for index in nodes.indices where nodes[index].isElement {
            visit(index)
        }
    }

    private mutating func add(_ reference: String?, _ type: ResourceType) {
        guard let reference else { return }
        found.append(URLResolver.resolve(reference, against: base), type)
    }

    private mutating func visit(_ index: Int) {
        let node = document.nodes[index]
        switch node.namespace {
        case .html: visitHTML(node, index)
        case .svg: visitSVG(node, index)
        case .mathml: break
        }
        // `style` attribute on any element: only its url()s (document base).
        if let style = node.attribute("style"), !style.isEmpty {
            found.append(contentsOf: CSSDiscovery.scanDeclarations(style, baseURL: base, viewport: viewport))
        }
    }

    // MARK: - HTML elements

    private mutating func visitHTML(_ node: GumboDocument.Node, _ index: Int) {
        switch node.name {
        case "base":
            // The first <base> with an href sets the base URL for everything after it, resolved against
            // the document URL; a base that does not resolve to http(s) leaves the document URL.
            if !baseSet, let href = node.attribute("href") {
                baseSet = true
                base = URLResolver.resolve(href, against: documentURL) ?? documentURL
            }
        case "title":
            // document.title: the first <title> element, whitespace collapsed.
            if !titleSeen {
                titleSeen = true
                title = HTMLResourceWalker.collapse(textContent(of: index))
            }
        case "link":
            visitLink(node)
        case "script":
            visitScript(node)
        case "style":
            // Inline <style> → CSSDiscovery with the document base; a `type` other than text/css
            // (or empty) is not CSS and is not applied.
            if let type = node.attribute("type"), !type.isEmpty, HTMLDiscovery.mimeEssence(type) != "text/css" { break }
            found.append(contentsOf: CSSDiscovery.scan(textContent(of: index), baseURL: base, viewport: viewport))
        case "img":
            visitImage(node, index)
        case "video", "audio":
            visitMedia(node, index)
        case "iframe":
            // srcdoc wins over src: its HTML is scanned here as a nested document whose resources are
            // returned directly, resolved against this document's base (an about:srcdoc document's
            // fallback base URL). Otherwise src → .document, for the caller to fetch and scan.
            if let srcdoc = node.attribute("srcdoc") {
                scanSrcdoc(srcdoc)
            } else {
                add(node.attribute("src").flatMap(nonEmpty), .document)
            }
        case "frame":
            add(node.attribute("src").flatMap(nonEmpty), .document)
        case "embed":
            add(node.attribute("src").flatMap(nonEmpty), .other)
        case "object":
            add(node.attribute("data").flatMap(nonEmpty), .other)
        case "input":
            // <input type=image src> is an image button: its image is fetched.
            if node.attribute("type")?.trimmingCharacters(in: .whitespaces).lowercased() == "image" {
                add(node.attribute("src").flatMap(nonEmpty), .image)
            }
        case "body", "table", "thead", "tbody", "tfoot", "tr", "td", "th":
            // The legacy `background` attribute is a background image (Blink maps it on body, table,
            // table sections and rows, and cells).
            add(node.attribute("background").flatMap(nonEmpty), .image)
        default:
            break
        }
    }

    /// `<link>`: rel tokens are ASCII case-insensitive and space-separated.
    /// - `stylesheet` (not with `alternate`, not `disabled`, `type` absent or text/css) → .stylesheet,
    ///   whatever its `media` (Chrome fetches non-matching stylesheets too, at low priority);
    /// - `icon` (so also `shortcut icon`) → .image, only the first icon link (with an href) is fetched;
    ///   any icon link sets `declaresIcon`; `apple-touch-icon`, `mask-icon` are not fetched;
    /// - `preload` with `as`: style → .stylesheet, script → .script, font → .font, image → .image
    ///   (with `imagesrcset`/`imagesizes`, srcset selection), fetch → .fetch, audio/video/track →
    ///   .media, document → .document; an unknown or missing `as` is ignored as browsers do, and so is
    ///   a preload whose `media` does not match;
    /// - `modulepreload` → .script; `manifest` → .other;
    /// - `prefetch`, `preconnect`, `dns-prefetch`, `prerender`, `next`, `canonical`… → nothing.
    private mutating func visitLink(_ node: GumboDocument.Node) {
        let rels = Set((node.attribute("rel") ?? "").lowercased().split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).map(String.init))
        guard !rels.isEmpty else { return }
        let href = node.attribute("href").flatMap(nonEmpty)

        if rels.contains("stylesheet"), !rels.contains("alternate"), !node.hasAttribute("disabled") {
            let type = node.attribute("type").map(HTMLDiscovery.mimeEssence) ?? ""
            if type.isEmpty || type == "text/css" { add(href, .stylesheet) }
        }
        if rels.contains("icon"), let href {
            declaresIcon = true
            if !iconChosen {
                iconChosen = true
                add(href, .image)
            }
        }
        if rels.contains("preload") {
            if let mediaQuery = node.attribute("media"), !media.matches(mediaQueryList: mediaQuery) { return }
            let destination = (node.attribute("as") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            switch destination {
            case "style": add(href, .stylesheet)
            case "script": add(href, .script)
            case "font": add(href, .font)
            case "fetch": add(href, .fetch)
            case "audio", "video", "track": add(href, .media)
            case "document": add(href, .document)
            case "image":
                if let srcset = node.attribute("imagesrcset").flatMap(nonEmpty) {
                    let chosen = SrcsetSelection.select(srcset: srcset, sizes: node.attribute("imagesizes"), src: href, viewport: viewport)
                    add(chosen, .image)
                } else {
                    add(href, .image)
                }
            default: break
            }
        }
        if rels.contains("modulepreload") { add(href, .script) }
        if rels.contains("manifest") { add(href, .other) }
    }

    /// `<script src>` is fetched when it is a classic script — `type` absent or empty (or, without
    /// `type`, a `language` giving `text/<language>`), or a JavaScript MIME type essence — or a module
    /// (`type=module`). Data blocks (`application/ld+json`, `text/template`, `importmap`…) are not
    /// fetched. A classic script with `nomodule` is skipped by a module-supporting browser (a module
    /// script ignores `nomodule`). An empty `src` fetches nothing.
    private mutating func visitScript(_ node: GumboDocument.Node) {
        guard let src = node.attribute("src").flatMap(nonEmpty), isFetchedScript(node) else { return }
        add(src, .script)
    }

    private func isFetchedScript(_ node: GumboDocument.Node) -> Bool {
        let typeString: String
        if let type = node.attribute("type"), !type.isEmpty {
            typeString = type
        } else if node.attribute("type") == nil, let language = node.attribute("language"), !language.isEmpty {
            typeString = "text/" + language
        } else {
            typeString = "text/javascript"
        }
        let trimmed = typeString.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}")).lowercased()
        if HTMLDiscovery.javaScriptMIMETypes.contains(trimmed) {
            return !node.hasAttribute("nomodule")
        }
        return trimmed == "module"
    }

    /// `<img>`: srcset selection (`SrcsetSelection`), `src` as the 1x fallback. Inside `<picture>`,
    /// the first `<source>` before the `<img>` that has a `srcset` giving candidates, a `type` (if
    /// any) among the supported image MIME types (an empty `type` counts as supported, as in Blink)
    /// and a `media` (if any) matching the viewport wins with its own `srcset`/`sizes`; else the
    /// `<img>` itself. An `<img>` with `loading=lazy` is counted like any other (Chrome would defer
    /// it until near the viewport, which needs layout).
    private mutating func visitImage(_ node: GumboDocument.Node, _ index: Int) {
        if node.parent >= 0, document.nodes[node.parent].isHTML("picture") {
            for sibling in document.children(of: node.parent) {
                if sibling == index { break }
                let source = document.nodes[sibling]
                guard source.isHTML("source"), let srcset = source.attribute("srcset") else { continue }
                if let type = source.attribute("type"), !CSSDiscovery.supportedImageTypes.contains(HTMLDiscovery.mimeEssence(type)),
                   !HTMLDiscovery.mimeEssence(type).isEmpty { continue }
                if let query = source.attribute("media"), !media.matches(mediaQueryList: query) { continue }
                let candidates = SrcsetSelection.parseSrcset(srcset)
                guard !candidates.isEmpty else { continue }
                add(SrcsetSelection.choose(candidates, sizes: source.attribute("sizes"), viewport: viewport), .image)
                return
            }
        }
        let chosen = SrcsetSelection.select(srcset: node.attribute("srcset"), sizes: node.attribute("sizes"),
                                            src: node.attribute("src") ?? "", viewport: viewport)
        add(chosen, .image)
    }

    /// `<video>` / `<audio>`: `poster` → .image (fetched whatever `preload` says). The media resource —
    /// the `src` attribute if present (an empty one fails: nothing), else the first `<source>` child
    /// with a non-empty `src`, a `type` (if any) Chrome plays (video/mp4, video/webm, video/ogg,
    /// audio/*) and a `media` (if any) that matches → .media, unless `preload="none"` without
    /// `autoplay`. `<track src>` children the browser enables → .other (text tracks; see below). A real
    /// browser may fetch only metadata or byte ranges of the media (`preload="metadata"` sends a
    /// `Range: bytes=0-` request); Ecoscore counts one GET of the whole resource.
    private mutating func visitMedia(_ node: GumboDocument.Node, _ index: Int) {
        if node.name == "video" { add(node.attribute("poster").flatMap(nonEmpty), .image) }
        let children = document.children(of: index)
        let preload = node.attribute("preload")?.trimmingCharacters(in: .whitespaces).lowercased()
        if preload != "none" || node.hasAttribute("autoplay") {
            if let src = node.attribute("src") {
                add(nonEmpty(src), .media)
            } else {
                for child in children {
                    let source = document.nodes[child]
                    guard source.isHTML("source"), let src = source.attribute("src").flatMap(nonEmpty) else { continue }
                    if let type = source.attribute("type"), !HTMLDiscovery.isSupportedMediaType(type) { continue }
                    if let query = source.attribute("media"), !media.matches(mediaQueryList: query) { continue }
                    add(src, .media)
                    break
                }
            }
        }
        // Text tracks: only those the browser enables by itself load (HTML "honor user preferences
        // for automatic text track selection", no user preference): a track needs `default`; of the
        // subtitles/captions (the kind when `kind` is missing) only the first default one, of the
        // descriptions only the first default one, chapters and metadata (the kind when `kind` is
        // invalid) every default one.
        var subtitlesChosen = false
        var descriptionsChosen = false
        for child in children where document.nodes[child].isHTML("track") {
            let track = document.nodes[child]
            guard track.hasAttribute("default") else { continue }
            let kind = track.attribute("kind").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "subtitles"
            switch kind {
            case "subtitles", "captions":
                if subtitlesChosen { continue }
                subtitlesChosen = true
            case "descriptions":
                if descriptionsChosen { continue }
                descriptionsChosen = true
            default:
                break  // chapters, metadata
            }
            add(track.attribute("src").flatMap(nonEmpty), .other)
        }
    }

    private mutating func scanSrcdoc(_ srcdoc: String) {
        guard srcdocDepth < HTMLDiscovery.maximumSrcdocDepth else { return }
        let nested = GumboDocument.parse(utf8: Array(srcdoc.utf8))
        var walker = HTMLResourceWalker(document: nested, documentURL: base, viewport: viewport, srcdocDepth: srcdocDepth + 1)
        walker.walk()
        found.append(contentsOf: walker.found.resources)
    }

    // MARK: - SVG elements

    /// SVG: `<image href>` / `<feImage href>` (or `xlink:href`) → .image; `<use href>` → the external
    /// file only (`sprite.svg#icon` → `sprite.svg` as .image; a local `#id` → nothing); `<script href>`
    /// → .script; `<style>` → CSSDiscovery.
    private mutating func visitSVG(_ node: GumboDocument.Node, _ index: Int) {
        switch node.name {
        case "image", "feimage", "use":
            add(node.svgHref.flatMap(nonEmpty), .image)
        case "script":
            if isFetchedScript(node) { add(node.svgHref.flatMap(nonEmpty), .script) }
        case "style":
            found.append(contentsOf: CSSDiscovery.scan(textContent(of: index), baseURL: base, viewport: viewport))
        default:
            break
        }
    }

    // MARK: - Helpers

    /// ASCII whitespace collapsed to single spaces and trimmed; nil when nothing is left.
    static func collapse(_ text: String) -> String? {
        let collapsed = text.split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// The collapsed text of the first HTML `<title>` of a document.
    static func firstTitle(of document: GumboDocument) -> String? {
        guard let index = document.nodes.firstIndex(where: { $0.isHTML("title") }) else { return nil }
        let text = document.children(of: index).filter { !document.nodes[$0].isElement }.map { document.nodes[$0].text }.joined()
        return collapse(text)
    }

    private func textContent(of index: Int) -> String {
        var text = ""
        for child in document.children(of: index) where !document.nodes[child].isElement {
            text += document.nodes[child].text
        }
        return text
    }

    private func nonEmpty(_ value: String) -> String? {
        value.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) ? nil : value
    }
}
