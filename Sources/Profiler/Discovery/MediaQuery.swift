/// A CSS component value (CSS Syntax §5): a preserved token, a simple block, or a function.
/// Whitespace tokens are dropped when building components: none of the grammars evaluated here
/// (media queries, `sizes`, `calc()`) needs them once tokenized.
indirect enum CSSComponent: Equatable, Sendable {
    case token(CSSToken)
    case block(CSSToken, [CSSComponent])  // the opening token: `(`, `[` or `{`
    case function(String, [CSSComponent])  // the lowercased name

    /// Nesting deeper than this is not built (the rest is dropped), so hostile attribute values
    /// cannot exhaust the stack; no real media query or `sizes` comes close.
    static let maximumDepth = 32

    /// Parses a token list into component values (CSS Syntax §5.4.8 "consume a component value").
    static func parse(_ tokens: [CSSToken]) -> [CSSComponent] {
        var index = 0
        return parseList(tokens, &index, closing: nil, depth: 0)
    }

    /// Splits at top-level commas (CSS Syntax "parse a comma-separated list of component values").
    static func splitOnCommas(_ components: [CSSComponent]) -> [[CSSComponent]] {
        var lists: [[CSSComponent]] = [[]]
        for component in components {
            if component == .token(.comma) { lists.append([]) } else { lists[lists.count - 1].append(component) }
        }
        return lists
    }

    private static func parseList(_ tokens: [CSSToken], _ index: inout Int, closing: CSSToken?, depth: Int) -> [CSSComponent] {
        var result: [CSSComponent] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if let closing, token == closing { return result }
            switch token {
            case .whitespace:
                continue
            case .openParen, .openSquare, .openCurly:
                let close: CSSToken = token == .openParen ? .closeParen : (token == .openSquare ? .closeSquare : .closeCurly)
                let inner = parseNested(tokens, &index, closing: close, depth: depth)
                result.append(.block(token, inner))
            case .function(let name):
                let inner = parseNested(tokens, &index, closing: .closeParen, depth: depth)
                result.append(.function(name.lowercased(), inner))
            default:
                result.append(.token(token))
            }
        }
        return result
    }

    private static func parseNested(_ tokens: [CSSToken], _ index: inout Int, closing: CSSToken, depth: Int) -> [CSSComponent] {
        if depth + 1 < maximumDepth { return parseList(tokens, &index, closing: closing, depth: depth + 1) }
        // Too deep: skip to the matching close without building anything.
        var level = 1
        while index < tokens.count, level > 0 {
            switch tokens[index] {
            case .openParen, .openSquare, .openCurly, .function: level += 1
            case .closeParen, .closeSquare, .closeCurly: level -= 1
            default: break
            }
            index += 1
        }
        return [.token(.badString)]  // poison: evaluates as invalid
    }
}

/// CSS lengths and `calc()` as needed for `sizes` and media features, with no layout:
/// `px`; `em`, `rem` = 16 px (the initial font size); `ex`, `ch` = 8 px; `lh`, `rlh` = 19.2 px;
/// `vw`, `vh`, `vmin`, `vmax` and their `sv*`/`lv*`/`dv*` and container-query (`cq*`, falling back to
/// the viewport) forms against the viewport; absolute units (`cm`, `mm`, `q`, `in`, `pt`, `pc`) at
/// 96 px per inch; a unitless `0`. `calc()`, `min()`, `max()` and `clamp()` with `+ - * /` and
/// parentheses. Percentages are invalid in `sizes` (and here).
enum CSSLength {
    enum Value { case number(Double), length(Double) }

    static func pixels(_ component: CSSComponent, viewport: Viewport) -> Double? {
        switch evaluate(component, viewport: viewport, depth: 0) {
        case .length(let px)?: return px
        case .number(0)?: return 0
        default: return nil
        }
    }

    static func unitToPixels(_ unit: String, viewport: Viewport) -> Double? {
        let width = Double(viewport.width), height = Double(viewport.height)
        switch unit.lowercased() {
        case "px": return 1
        case "em", "rem", "ic", "ric": return 16
        case "ex", "rex", "ch", "rch": return 8
        case "cap", "rcap": return 11.2
        case "lh", "rlh": return 19.2
        case "vw", "svw", "lvw", "dvw", "cqw", "cqi", "vi", "svi", "lvi", "dvi": return width / 100
        case "vh", "svh", "lvh", "dvh", "cqh", "cqb", "vb", "svb", "lvb", "dvb": return height / 100
        case "vmin", "svmin", "lvmin", "dvmin", "cqmin": return min(width, height) / 100
        case "vmax", "svmax", "lvmax", "dvmax", "cqmax": return max(width, height) / 100
        case "cm": return 96 / 2.54
        case "mm": return 96 / 25.4
        case "q": return 96 / 101.6
        case "in": return 96
        case "pt": return 96.0 / 72.0
        case "pc": return 16
        default: return nil
        }
    }

    static func evaluate(_ component: CSSComponent, viewport: Viewport, depth: Int) -> Value? {
        guard depth < CSSComponent.maximumDepth else { return nil }
        switch component {
        case .token(.number(let n)):
            return .number(n)
        case .token(.dimension(let n, let unit)):
            guard let factor = unitToPixels(unit, viewport: viewport) else { return nil }
            return .length(n * factor)
        case .block(.openParen, let inner):
            return sum(inner, viewport: viewport, depth: depth + 1)
        case .function(let name, let arguments):
            switch name {
            case "calc", "-webkit-calc":
                return sum(arguments, viewport: viewport, depth: depth + 1)
            case "min", "max":
                let values = CSSComponent.splitOnCommas(arguments).map { sum($0, viewport: viewport, depth: depth + 1) }
                guard !values.isEmpty, let lengths = sameKind(values) else { return nil }
                let pick = name == "min" ? lengths.values.min()! : lengths.values.max()!
                return lengths.isLength ? .length(pick) : .number(pick)
            case "clamp":
                let values = CSSComponent.splitOnCommas(arguments).map { sum($0, viewport: viewport, depth: depth + 1) }
                guard values.count == 3, let lengths = sameKind(values) else { return nil }
                let result = max(lengths.values[0], min(lengths.values[1], lengths.values[2]))
                return lengths.isLength ? .length(result) : .number(result)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static func sameKind(_ values: [Value?]) -> (values: [Double], isLength: Bool)? {
        var numbers: [Double] = []
        var lengths: [Double] = []
        for value in values {
            switch value {
            case .number(let n)?: numbers.append(n)
            case .length(let px)?: lengths.append(px)
            case nil: return nil
            }
        }
        if lengths.isEmpty { return (numbers, false) }
        // A bare 0 is a valid length.
        if numbers.allSatisfy({ $0 == 0 }) { return (lengths + numbers, true) }
        return nil
    }

    /// sum := product (('+' | '-') product)*
    private static func sum(_ components: [CSSComponent], viewport: Viewport, depth: Int) -> Value? {
        var index = 0
        guard var result = product(components, &index, viewport: viewport, depth: depth) else { return nil }
        while index < components.count {
            let op = components[index]
            index += 1
            guard op == .token(.delim(0x2B)) || op == .token(.delim(0x2D)),
                  let rhs = product(components, &index, viewport: viewport, depth: depth) else { return nil }
            let sign: Double = op == .token(.delim(0x2B)) ? 1 : -1
            switch (result, rhs) {
            case (.number(let a), .number(let b)): result = .number(a + sign * b)
            case (.length(let a), .length(let b)): result = .length(a + sign * b)
            default: return nil
            }
        }
        return result
    }

    /// product := value (('*' | '/') value)*
    private static func product(_ components: [CSSComponent], _ index: inout Int, viewport: Viewport, depth: Int) -> Value? {
        guard index < components.count, var result = evaluate(components[index], viewport: viewport, depth: depth) else { return nil }
        index += 1
        while index < components.count {
            let op = components[index]
            guard op == .token(.delim(0x2A)) || op == .token(.delim(0x2F)) else { break }
            index += 1
            guard index < components.count, let rhs = evaluate(components[index], viewport: viewport, depth: depth) else { return nil }
            index += 1
            if op == .token(.delim(0x2A)) {
                switch (result, rhs) {
                case (.number(let a), .number(let b)): result = .number(a * b)
                case (.number(let a), .length(let b)), (.length(let b), .number(let a)): result = .length(a * b)
                default: return nil
                }
            } else {
                switch (result, rhs) {
                case (_, .number(0)): return nil
                case (.number(let a), .number(let b)): result = .number(a / b)
                case (.length(let a), .number(let b)): result = .length(a / b)
                default: return nil
                }
            }
        }
        return result
    }
}

/// Evaluates media queries (`media` attributes of `<source>` and `<link>`) and media conditions
/// (`sizes` entries) against the fixed viewport, without a browser.
///
/// Supported (Media Queries Level 4): media types `all` and `screen` (true) and the others (false);
/// `not` / `only`; `and`, `or`, `not` and nesting; plain, `min-`/`max-` and range (`width >= 600px`,
/// `400px < width <= 800px`) forms of `width`, `height`, `device-width`, `device-height`,
/// `aspect-ratio`, `resolution`, `-webkit-device-pixel-ratio`; `orientation`; and the discrete
/// features of a desktop screen: `prefers-color-scheme: light`, `prefers-reduced-motion:
/// no-preference`, `hover: hover`, `pointer: fine`, `scripting: enabled`, `color`… Lengths use
/// `CSSLength` (1 em = 16 px). Anything else is "unknown", which evaluates to false (three-valued
/// logic as in the spec: `not unknown` is unknown, `unknown or true` is true), and a query that does
/// not parse is false.
struct MediaQueryEvaluator {
    let viewport: Viewport

    private enum Tri { case yes, no, unknown
        init(_ value: Bool) { self = value ? .yes : .no }
        var negated: Tri { self == .yes ? .no : (self == .no ? .yes : .unknown) }
    }

    /// A media query list, as in a `media` attribute. Empty or absent means "all" (true).
    func matches(mediaQueryList text: String) -> Bool {
        let components = CSSComponent.parse(CSSTokenizer.tokenize(text))
        if components.isEmpty { return true }
        return CSSComponent.splitOnCommas(components).contains { matches(query: $0) }
    }

    /// A media condition (the part of a `sizes` entry before its length). Nil when it does not parse.
    func evaluate(condition components: [CSSComponent]) -> Bool? {
        guard let result = condition(components, allowOr: true) else { return nil }
        return result == .yes
    }

    private func matches(query components: [CSSComponent]) -> Bool {
        guard let first = components.first else { return false }
        var index = 0
        var negate = false
        var typeMatches = true
        if case .token(.ident(let word)) = first {
            let lowered = word.lowercased()
            if lowered == "not" || lowered == "only" {
                guard components.count > 1, case .token(.ident(let type)) = components[1] else {
                    // `not (condition)`
                    return condition(components, allowOr: true) == .yes
                }
                negate = lowered == "not"
                typeMatches = mediaType(type)
                index = 2
            } else {
                typeMatches = mediaType(word)
                index = 1
            }
            if index < components.count {
                guard case .token(.ident(let and)) = components[index], and.lowercased() == "and",
                      index + 1 < components.count,
                      let rest = condition(Array(components[(index + 1)...]), allowOr: false) else { return false }
                if rest == .unknown { return false }
                let result = typeMatches && rest == .yes
                return negate ? !result : result
            }
            return negate ? !typeMatches : typeMatches
        }
        return condition(components, allowOr: true) == .yes
    }

    private func mediaType(_ name: String) -> Bool {
        switch name.lowercased() {
        case "all", "screen": return true
        default: return false  // print, speech, tv… and unknown types
        }
    }

    private func condition(_ components: [CSSComponent], allowOr: Bool) -> Tri? {
        guard let first = components.first else { return nil }
        if case .token(.ident(let word)) = first, word.lowercased() == "not" {
            guard components.count == 2 else { return nil }
            return inParens(components[1])?.negated
        }
        guard var result = inParens(first) else { return nil }
        var connective: String?
        var index = 1
        while index < components.count {
            guard case .token(.ident(let word)) = components[index] else { return nil }
            let lowered = word.lowercased()
            guard lowered == "and" || (lowered == "or" && allowOr) else { return nil }
            if let connective, connective != lowered { return nil }
            connective = lowered
            guard index + 1 < components.count, let next = inParens(components[index + 1]) else { return nil }
            if lowered == "and" {
                result = (result == .no || next == .no) ? .no : ((result == .unknown || next == .unknown) ? .unknown : .yes)
            } else {
                result = (result == .yes || next == .yes) ? .yes : ((result == .unknown || next == .unknown) ? .unknown : .no)
            }
            index += 2
        }
        return result
    }

    private func inParens(_ component: CSSComponent) -> Tri? {
        switch component {
        case .block(.openParen, let inner):
            guard let first = inner.first else { return .unknown }
            if case .block(.openParen, _) = first { return condition(inner, allowOr: true) ?? .unknown }
            if case .token(.ident(let word)) = first, word.lowercased() == "not" {
                return condition(inner, allowOr: true) ?? .unknown
            }
            return feature(inner) ?? .unknown  // <general-enclosed>
        case .function:
            return .unknown  // <general-enclosed>
        default:
            return nil
        }
    }

    // MARK: - Features

    private func feature(_ inner: [CSSComponent]) -> Tri? {
        // Boolean context: (name)
        if inner.count == 1, case .token(.ident(let name)) = inner[0] {
            return booleanFeature(name.lowercased())
        }
        // Plain: (name: value)
        if inner.count >= 3, case .token(.ident(let name)) = inner[0], inner[1] == .token(.colon) {
            return plainFeature(name.lowercased(), Array(inner[2...]))
        }
        return rangeFeature(inner)
    }

    private func booleanFeature(_ name: String) -> Tri {
        switch name {
        case "width", "height", "device-width", "device-height", "aspect-ratio", "device-aspect-ratio",
             "resolution", "-webkit-device-pixel-ratio", "orientation", "color", "hover", "any-hover",
             "pointer", "any-pointer", "scripting", "display-mode", "update", "overflow-block",
             "overflow-inline", "color-gamut", "dynamic-range", "video-dynamic-range", "prefers-color-scheme":
            return .yes
        case "prefers-reduced-motion", "prefers-contrast", "prefers-reduced-transparency", "prefers-reduced-data",
             "forced-colors", "inverted-colors", "monochrome", "color-index", "grid":
            return .no
        default:
            return .unknown
        }
    }

    private func discreteValue(_ name: String) -> String? {
        switch name {
        case "orientation": return viewport.width >= viewport.height ? "landscape" : "portrait"
        case "prefers-color-scheme": return "light"
        case "prefers-reduced-motion", "prefers-contrast", "prefers-reduced-transparency", "prefers-reduced-data":
            return "no-preference"
        case "forced-colors", "inverted-colors": return "none"
        case "hover", "any-hover": return "hover"
        case "pointer", "any-pointer": return "fine"
        case "scripting": return "enabled"
        case "display-mode": return "browser"
        case "update": return "fast"
        case "overflow-block", "overflow-inline": return "scroll"
        case "color-gamut": return "srgb"
        case "dynamic-range", "video-dynamic-range": return "standard"
        default: return nil
        }
    }

    /// The viewport's value of a numeric feature and how to read a value for it.
    private enum Kind { case length, ratio, resolution, number }
    private func numericFeature(_ name: String) -> (value: Double, kind: Kind)? {
        switch name {
        case "width", "device-width": return (Double(viewport.width), .length)
        case "height", "device-height": return (Double(viewport.height), .length)
        case "aspect-ratio", "device-aspect-ratio": return (Double(viewport.width) / Double(max(viewport.height, 1)), .ratio)
        case "resolution": return (viewport.devicePixelRatio, .resolution)
        case "-webkit-device-pixel-ratio": return (viewport.devicePixelRatio, .number)
        case "color": return (8, .number)
        case "color-index", "monochrome", "grid": return (0, .number)
        default: return nil
        }
    }

    private func read(_ components: [CSSComponent], as kind: Kind) -> Double? {
        switch kind {
        case .length:
            guard components.count == 1 else { return nil }
            return CSSLength.pixels(components[0], viewport: viewport)
        case .number:
            guard components.count == 1, case .token(.number(let n)) = components[0] else { return nil }
            return n
        case .resolution:
            guard components.count == 1, case .token(.dimension(let n, let unit)) = components[0] else { return nil }
            switch unit.lowercased() {
            case "dppx", "x": return n
            case "dpi": return n / 96
            case "dpcm": return n * 2.54 / 96
            default: return nil
            }
        case .ratio:
            if components.count == 1, case .token(.number(let n)) = components[0] { return n }
            guard components.count == 3, components[1] == .token(.delim(0x2F)),
                  case .token(.number(let a)) = components[0], case .token(.number(let b)) = components[2], b != 0
            else { return nil }
            return a / b
        }
    }

    private func plainFeature(_ name: String, _ value: [CSSComponent]) -> Tri? {
        if let expected = discreteValue(name) {
            guard value.count == 1, case .token(.ident(let given)) = value[0] else { return nil }
            return Tri(given.lowercased() == expected)
        }
        var base = name
        var comparison = 0  // -1 max, 0 equal, 1 min
        for (prefix, kind) in [("min-", 1), ("max-", -1), ("-webkit-min-", 1), ("-webkit-max-", -1)] where name.hasPrefix(prefix) {
            base = String(name.dropFirst(prefix.count))
            if prefix.hasPrefix("-webkit-") { base = "-webkit-" + base }
            comparison = kind
        }
        guard let (actual, kind) = numericFeature(base) else { return .unknown }
        guard let given = read(value, as: kind) else { return nil }
        switch comparison {
        case 1: return Tri(actual >= given - 1e-9)
        case -1: return Tri(actual <= given + 1e-9)
        default: return Tri(abs(actual - given) < 1e-9)
        }
    }

    /// `(width >= 600px)`, `(600px <= width)`, `(400px < width < 800px)`.
    private func rangeFeature(_ inner: [CSSComponent]) -> Tri? {
        // Split into operands and operators.
        var parts: [[CSSComponent]] = [[]]
        var operators: [String] = []
        var index = 0
        while index < inner.count {
            if case .token(.delim(let d)) = inner[index], d == 0x3C || d == 0x3E || d == 0x3D {
                var op = String(UnicodeScalar(d))
                if d != 0x3D, index + 1 < inner.count, inner[index + 1] == .token(.delim(0x3D)) {
                    op += "="
                    index += 1
                }
                operators.append(op)
                parts.append([])
            } else {
                parts[parts.count - 1].append(inner[index])
            }
            index += 1
        }
        guard operators.count == 1 || operators.count == 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        func featureName(_ part: [CSSComponent]) -> String? {
            if part.count == 1, case .token(.ident(let name)) = part[0] { return name.lowercased() }
            return nil
        }
        func compare(_ a: Double, _ op: String, _ b: Double) -> Bool? {
            switch op {
            case "<": return a < b
            case "<=": return a <= b + 1e-9
            case ">": return a > b
            case ">=": return a >= b - 1e-9
            case "=": return abs(a - b) < 1e-9
            default: return nil
            }
        }
        if operators.count == 1 {
            if let name = featureName(parts[0]) {
                guard let (actual, kind) = numericFeature(name) else { return .unknown }
                guard let value = read(parts[1], as: kind), let result = compare(actual, operators[0], value) else { return nil }
                return Tri(result)
            }
            guard let name = featureName(parts[1]) else { return nil }
            guard let (actual, kind) = numericFeature(name) else { return .unknown }
            guard let value = read(parts[0], as: kind), let result = compare(value, operators[0], actual) else { return nil }
            return Tri(result)
        }
        guard let name = featureName(parts[1]) else { return nil }
        guard let (actual, kind) = numericFeature(name) else { return .unknown }
        guard let low = read(parts[0], as: kind), let high = read(parts[2], as: kind),
              let first = compare(low, operators[0], actual), let second = compare(actual, operators[1], high)
        else { return nil }
        return Tri(first && second)
    }
}
