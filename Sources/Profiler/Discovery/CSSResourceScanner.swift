import Foundation
import Model

/// The rule-level walk of `CSSDiscovery`, in one pass over the tokens as they are produced
/// (`CSSTokenStream`): rules, at-rules and blocks are followed by bracket level, and only what a rule
/// needs is remembered (an `@import` reference, the chosen `image-set()` option, the outcome of the last
/// `@font-face` `src`), never the tokens themselves.
struct CSSResourceScanner {
    var stream: CSSTokenStream
    let baseURL: URL
    let viewport: Viewport
    var found = ResourceList()
    private var importsAllowed = true

    init(_ tokenizer: CSSTokenizer, baseURL: URL, viewport: Viewport) {
        stream = CSSTokenStream(tokenizer)
        self.baseURL = baseURL
        self.viewport = viewport
    }

    /// A whole stylesheet.
    mutating func scanStylesheet() {
        ruleList(0, topLevel: true)
    }

    /// A declaration list (a `style` attribute): its images.
    mutating func scanDeclarationList() {
        scanImages(0)
    }

    mutating func append(_ reference: String, _ type: ResourceType) {
        found.append(URLResolver.resolve(reference, against: baseURL), type)
    }

    // MARK: - Rules

    /// Conditional group rules nested deeper than this are scanned flat for images (keeps hostile
    /// input from exhausting the stack; no real stylesheet nests that deep).
    private static let maximumNesting = 64
    private var nesting = 0

    /// The rules of the block at `level` (0: the stylesheet), up to its end.
    private mutating func ruleList(_ level: Int, topLevel: Bool) {
        guard nesting < CSSResourceScanner.maximumNesting else {
            scanImages(level)
            return
        }
        nesting += 1
        defer { nesting -= 1 }
        while !stream.isEnd(of: level), let token = stream.token {
            switch token {
            case .whitespace, .cdo, .cdc, .semicolon, .closeCurly, .closeParen, .closeSquare:
                stream.advance()
            case .atKeyword(let name):
                atRule(name.lowercased(), level, topLevel: topLevel)
            default:
                qualifiedRule(level, topLevel: topLevel)
            }
        }
    }

    /// What is read in an at-rule's `{}` block.
    private enum BlockContent { case ignored, rules, images, fontFace }

    /// The at-rule at the current token, up to its `;`, the end of its block or the end of `level`.
    private mutating func atRule(_ name: String, _ level: Int, topLevel: Bool) {
        stream.advance()
        // The prelude. Only its first component is read (what `@import` imports); blocks in it are skipped.
        var reference: String?
        var preludeStarted = false
        while !stream.isEnd(of: level), let token = stream.token, token != .semicolon, token != .openCurly {
            if !preludeStarted, token != .whitespace {
                preludeStarted = true
                reference = importReference()
            } else {
                stream.skipComponent()
            }
        }
        let hasBlock = stream.token == .openCurly

        let content: BlockContent
        switch name {
        case "import":
            if topLevel, importsAllowed, !hasBlock, let reference { append(reference, .stylesheet) }
            content = .ignored
        case "charset":
            content = .ignored
        case "layer" where !hasBlock:
            content = .ignored  // a statement: @import may still follow
        case "namespace":
            if topLevel { importsAllowed = false }
            content = .ignored
        case "font-face":
            if topLevel { importsAllowed = false }
            content = .fontFace
        case "media", "supports", "container", "layer", "scope", "starting-style", "document", "-moz-document":
            if topLevel { importsAllowed = false }
            content = .rules
        default:
            if topLevel { importsAllowed = false }
            content = .images
        }

        guard hasBlock else {
            if stream.token == .semicolon { stream.advance() }
            return
        }
        let block = stream.enter()
        switch content {
        case .ignored: break
        case .rules: ruleList(block, topLevel: false)
        case .images: scanImages(block)
        case .fontFace: fontFace(block)
        }
        stream.leave(block)
    }

    /// The reference of an `@import` whose prelude starts at the current component (a string,
    /// `url(x)` or `url("x")`), nil for anything else; the component is consumed.
    private mutating func importReference() -> String? {
        switch stream.token {
        case .string(let value), .url(let value):
            stream.advance()
            return value
        case .function(let name) where name.lowercased() == "url":
            return stream.stringArgument()
        default:
            stream.skipComponent()
            return nil
        }
    }

    /// A qualified rule (selector and `{}` block): `url()`s in the selector are not requests.
    private mutating func qualifiedRule(_ level: Int, topLevel: Bool) {
        if topLevel { importsAllowed = false }
        while !stream.isEnd(of: level) {
            if stream.token == .openCurly {
                let block = stream.enter()
                scanImages(block)
                stream.leave(block)
                return
            }
            stream.skipComponent()
        }
    }

    // MARK: - Images

    /// Every `url()` up to the end of the block at `level` → `.image`, `image-set()` → its chosen option.
    mutating func scanImages(_ level: Int) {
        while !stream.isEnd(of: level), let token = stream.token {
            switch token {
            case .url(let value):
                append(value, .image)
                stream.advance()
            case .function(let name):
                switch name.lowercased() {
                case "url":
                    if let value = stream.stringArgument() { append(value, .image) }
                case "image-set", "-webkit-image-set":
                    imageSet()
                default:
                    stream.advance()  // look inside other functions (gradients, cross-fade, var fallbacks…)
                }
            default:
                stream.advance()
            }
        }
    }

    /// The `image-set()` function at the current token: its options are separated by its own commas.
    private mutating func imageSet() {
        let level = stream.enter()
        var choice = ImageSetChoice(devicePixelRatio: viewport.devicePixelRatio)
        var option = ImageSetOption()
        while !stream.isEnd(of: level), let token = stream.token {
            switch token {
            case .comma where stream.level == level:
                choice.consider(option)
                option = ImageSetOption()
                stream.advance()
            case .url(let value), .string(let value):
                option.take(value)
                stream.advance()
            case .dimension(let n, let unit):
                switch unit.lowercased() {
                case "x", "dppx": option.resolution = n
                case "dpi": option.resolution = n / 96
                case "dpcm": option.resolution = n * 2.54 / 96
                default: break
                }
                stream.advance()
            case .function(let name):
                switch name.lowercased() {
                case "url":
                    option.take(stream.stringArgument())
                case "type":
                    let type = stream.stringArgument()?.lowercased().split(separator: ";").first
                        .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    option.supported = CSSDiscovery.supportedImageTypes.contains(type)
                default:
                    option.take(nil)  // a gradient or other generated image: no request
                    stream.skipComponent()
                }
            default:
                stream.advance()
            }
        }
        choice.consider(option)
        stream.leave(level)
        if let reference = choice.chosen?.reference { append(reference, .image) }
    }
}

/// One `image-set()` option being read.
private struct ImageSetOption {
    /// The image's URL; nil for a generated image (a gradient).
    var reference: String?
    /// Whether the option has an image (the first one it names counts).
    var isImage = false
    var resolution = 1.0
    /// False when a `type()` names a format Chrome does not decode.
    var supported = true

    mutating func take(_ reference: String?) {
        guard !isImage else { return }
        self.reference = reference
        isImage = true
    }
}

/// Blink's pick among `image-set()` options with a supported image: the smallest resolution ≥ the device
/// pixel ratio (the first of equals), else the largest (the last of equals).
private struct ImageSetChoice {
    let devicePixelRatio: Double
    private var smallestEnough: ImageSetOption?
    private var largest: ImageSetOption?

    init(devicePixelRatio: Double) { self.devicePixelRatio = devicePixelRatio }

    mutating func consider(_ option: ImageSetOption) {
        guard option.isImage, option.supported else { return }
        if option.resolution >= devicePixelRatio, smallestEnough.map({ option.resolution < $0.resolution }) ?? true {
            smallestEnough = option
        }
        if largest.map({ option.resolution >= $0.resolution }) ?? true { largest = option }
    }

    var chosen: ImageSetOption? { smallestEnough ?? largest }
}
