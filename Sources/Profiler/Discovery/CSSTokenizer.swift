/// One token of CSS Syntax Level 3 (§4 "Tokenization").
///
/// Only what discovery needs is kept in the payloads: names and string values are decoded
/// (escapes resolved), numbers are `Double`s.
enum CSSToken: Equatable, Sendable {
    case ident(String)
    case function(String)
    case atKeyword(String)
    case hash(String)
    case string(String)
    case badString
    case url(String)
    case badURL
    case delim(UInt8)
    case number(Double)
    case percentage(Double)
    case dimension(Double, unit: String)
    case whitespace
    case cdo, cdc
    case colon, semicolon, comma
    case openSquare, closeSquare, openParen, closeParen, openCurly, closeCurly

    /// The lowercased name of an ident token, for keyword comparisons.
    var lowercasedIdent: String? {
        if case .ident(let name) = self { return name.lowercased() }
        return nil
    }

    var isWhitespace: Bool { self == .whitespace }
}

/// A small but complete CSS tokenizer, following CSS Syntax Level 3 §4.3 on UTF-8 bytes.
///
/// It handles comments, strings with escapes (and line continuations), `url(` tokens both unquoted
/// (a `url` token) and quoted (a `function("url")` followed by a string), at-keywords, numbers with
/// units, and the punctuation needed to follow blocks. Input preprocessing (§3.3) maps CR, CRLF and FF
/// to LF and NUL to U+FFFD. Non-ASCII bytes are ident code points, so UTF-8 sequences pass through whole.
/// It never fails: malformed input produces `badString` / `badURL` / `delim` tokens as the spec says.
///
/// Tokens are produced one at a time (`next()`), so a caller that consumes them as they come holds one
/// token, not the whole sheet. Memory stays within a small multiple of the input, whatever it holds:
/// - the input is the only buffer: CR and FF are rewritten in place (a copy only when there are some),
///   and a NUL stays one byte, read as the code point U+FFFD it stands for (§3.3) and written as its
///   three UTF-8 bytes only into a token's value;
/// - names (of idents, functions, at-keywords, hashes and units) keep their first `maximumNameLength`
///   bytes: discovery only compares them with keywords of a few bytes, which a longer name can never
///   equal, so the rest would be memory spent for nothing (16 MiB of NUL bytes are one ident token).
///   String and URL values are kept whole: they are what discovery reports.
struct CSSTokenizer {
    /// Names longer than this are cut here (see above); every keyword compared is far shorter.
    static let maximumNameLength = 256

    private let bytes: [UInt8]
    private var position = 0

    init(_ css: String) {
        self.init(utf8: Array(css.utf8))
    }

    /// Tokenizes UTF-8 bytes (invalid sequences become U+FFFD in token values).
    init(utf8 bytes: [UInt8]) {
        self.bytes = CSSTokenizer.preprocess(bytes)
    }

    /// Tokenizes a whole stylesheet (or attribute value) into an array, without EOF marker.
    static func tokenize(_ css: String) -> [CSSToken] {
        var tokenizer = CSSTokenizer(css)
        var tokens: [CSSToken] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    /// §3.3 for CR, CRLF and FF, in place: the output is never longer than the input. NUL is left as
    /// is (see `TokenText`).
    private static func preprocess(_ input: [UInt8]) -> [UInt8] {
        guard let first = input.firstIndex(where: { $0 == 0x0D || $0 == 0x0C }) else { return input }
        var output = input
        var write = first
        var read = first
        while read < input.count {
            let byte = input[read]
            switch byte {
            case 0x0D:
                output[write] = 0x0A
                if read + 1 < input.count, input[read + 1] == 0x0A { read += 1 }
            case 0x0C:
                output[write] = 0x0A
            default:
                output[write] = byte
            }
            write += 1
            read += 1
        }
        output.removeLast(output.count - write)
        return output
    }

    // MARK: - Character classes

    private func byte(at offset: Int) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    private static func isWhitespace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }
    private static func isDigit(_ b: UInt8?) -> Bool { guard let b else { return false }; return b >= 0x30 && b <= 0x39 }
    private static func isHexDigit(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }
    private static func isIdentStart(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        // NUL stands for U+FFFD (see `preprocess`), a non-ASCII ident code point.
        return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80 || b == 0x00
    }
    private static func isIdentChar(_ b: UInt8?) -> Bool {
        isIdentStart(b) || isDigit(b) || b == 0x2D
    }
    private static func isNonPrintable(_ b: UInt8) -> Bool {
        (b >= 0x01 && b <= 0x08) || b == 0x0B || (b >= 0x0E && b <= 0x1F) || b == 0x7F
    }
    /// §4.3.8: two code points are a valid escape.
    private static func isValidEscape(_ first: UInt8?, _ second: UInt8?) -> Bool {
        first == 0x5C && second != 0x0A && second != nil
    }
    /// §4.3.9: three code points would start an ident sequence.
    private static func startsIdent(_ a: UInt8?, _ b: UInt8?, _ c: UInt8?) -> Bool {
        if a == 0x2D { return isIdentStart(b) || b == 0x2D || isValidEscape(b, c) }
        if isIdentStart(a) { return true }
        return isValidEscape(a, b)
    }
    /// §4.3.10: three code points would start a number.
    private static func startsNumber(_ a: UInt8?, _ b: UInt8?, _ c: UInt8?) -> Bool {
        if a == 0x2B || a == 0x2D { return isDigit(b) || (b == 0x2E && isDigit(c)) }
        if a == 0x2E { return isDigit(b) }
        return isDigit(a)
    }

    // MARK: - Tokens

    /// The next token, or nil at end of input.
    mutating func next() -> CSSToken? {
        consumeComments()
        guard let current = byte(at: 0) else { return nil }
        switch current {
        case 0x20, 0x09, 0x0A:
            while CSSTokenizer.isWhitespace(byte(at: 0)) { position += 1 }
            return .whitespace
        case 0x22, 0x27:
            position += 1
            return consumeString(ending: current)
        case 0x23:  // #
            if CSSTokenizer.isIdentChar(byte(at: 1)) || CSSTokenizer.isValidEscape(byte(at: 1), byte(at: 2)) {
                position += 1
                return .hash(consumeIdentSequence())
            }
            position += 1
            return .delim(current)
        case 0x28: position += 1; return .openParen
        case 0x29: position += 1; return .closeParen
        case 0x2C: position += 1; return .comma
        case 0x3A: position += 1; return .colon
        case 0x3B: position += 1; return .semicolon
        case 0x5B: position += 1; return .openSquare
        case 0x5D: position += 1; return .closeSquare
        case 0x7B: position += 1; return .openCurly
        case 0x7D: position += 1; return .closeCurly
        case 0x2B, 0x2E:  // + .
            if CSSTokenizer.startsNumber(current, byte(at: 1), byte(at: 2)) { return consumeNumeric() }
            position += 1
            return .delim(current)
        case 0x2D:  // -
            if CSSTokenizer.startsNumber(current, byte(at: 1), byte(at: 2)) { return consumeNumeric() }
            if byte(at: 1) == 0x2D, byte(at: 2) == 0x3E { position += 3; return .cdc }
            if CSSTokenizer.startsIdent(current, byte(at: 1), byte(at: 2)) { return consumeIdentLike() }
            position += 1
            return .delim(current)
        case 0x3C:  // <
            if byte(at: 1) == 0x21, byte(at: 2) == 0x2D, byte(at: 3) == 0x2D { position += 4; return .cdo }
            position += 1
            return .delim(current)
        case 0x40:  // @
            if CSSTokenizer.startsIdent(byte(at: 1), byte(at: 2), byte(at: 3)) {
                position += 1
                return .atKeyword(consumeIdentSequence())
            }
            position += 1
            return .delim(current)
        case 0x5C:  // backslash
            if CSSTokenizer.isValidEscape(current, byte(at: 1)) { return consumeIdentLike() }
            position += 1
            return .delim(current)
        default:
            if CSSTokenizer.isDigit(current) { return consumeNumeric() }
            if CSSTokenizer.isIdentStart(current) { return consumeIdentLike() }
            position += 1
            return .delim(current)
        }
    }

    /// §4.3.2: comments are dropped; an unterminated comment runs to the end of input.
    private mutating func consumeComments() {
        while byte(at: 0) == 0x2F, byte(at: 1) == 0x2A {
            position += 2
            while position < bytes.count {
                if bytes[position] == 0x2A, byte(at: 1) == 0x2F { position += 2; break }
                position += 1
            }
            if position >= bytes.count { position = bytes.count }
        }
    }

    /// §4.3.5 consume a string token. The opening quote has been consumed.
    private mutating func consumeString(ending quote: UInt8) -> CSSToken {
        var value = TokenText()
        while let current = byte(at: 0) {
            if current == quote { position += 1; return .string(value.string) }
            if current == 0x0A { return .badString }  // newline is not consumed
            if current == 0x5C {
                guard let next = byte(at: 1) else { position += 1; continue }  // escape at EOF: nothing
                if next == 0x0A { position += 2; continue }  // line continuation
                position += 1
                consumeEscape(into: &value)
                continue
            }
            value.append(current)
            position += 1
        }
        return .string(value.string)  // EOF: parse error, string returned
    }

    /// §4.3.7 consume an escaped code point. The backslash has been consumed.
    private mutating func consumeEscape(into text: inout TokenText) {
        guard let first = byte(at: 0) else { text.append(contentsOf: "\u{FFFD}".utf8); return }
        if CSSTokenizer.isHexDigit(first) {
            var value: UInt32 = 0
            var count = 0
            while count < 6, let digit = byte(at: 0), CSSTokenizer.isHexDigit(digit) {
                value = value * 16 + UInt32(CSSTokenizer.hexValue(digit))
                position += 1
                count += 1
            }
            if CSSTokenizer.isWhitespace(byte(at: 0)) { position += 1 }
            let scalar: Unicode.Scalar
            if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                scalar = "\u{FFFD}"
            } else {
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        // Any other code point stands for itself; take a whole UTF-8 sequence.
        let length = CSSTokenizer.utf8SequenceLength(first)
        let end = min(position + length, bytes.count)
        text.append(contentsOf: bytes[position..<end])
        position = end
    }

    private static func hexValue(_ b: UInt8) -> UInt8 {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        default: return b - 0x61 + 10
        }
    }

    private static func utf8SequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// §4.3.11 consume an ident sequence.
    private mutating func consumeIdentSequence() -> String {
        var value = TokenText(limit: CSSTokenizer.maximumNameLength)
        while let current = byte(at: 0) {
            if CSSTokenizer.isIdentChar(current) {
                value.append(current)
                position += 1
            } else if CSSTokenizer.isValidEscape(current, byte(at: 1)) {
                position += 1
                consumeEscape(into: &value)
            } else {
                break
            }
        }
        return value.string
    }

    /// §4.3.4 consume an ident-like token: ident, function, or url.
    private mutating func consumeIdentLike() -> CSSToken {
        let name = consumeIdentSequence()
        if name.lowercased() == "url", byte(at: 0) == 0x28 {
            position += 1
            while CSSTokenizer.isWhitespace(byte(at: 0)), CSSTokenizer.isWhitespace(byte(at: 1)) { position += 1 }
            let next = byte(at: 0)
            let afterSpace = CSSTokenizer.isWhitespace(next) ? byte(at: 1) : next
            if afterSpace == 0x22 || afterSpace == 0x27 { return .function(name) }
            return consumeURL()
        }
        if byte(at: 0) == 0x28 {
            position += 1
            return .function(name)
        }
        return .ident(name)
    }

    /// §4.3.6 consume a url token (unquoted `url(...)`). `url(` has been consumed.
    private mutating func consumeURL() -> CSSToken {
        var value = TokenText()
        while CSSTokenizer.isWhitespace(byte(at: 0)) { position += 1 }
        while true {
            guard let current = byte(at: 0) else { return .url(value.string) }
            switch current {
            case 0x29:
                position += 1
                return .url(value.string)
            case 0x20, 0x09, 0x0A:
                while CSSTokenizer.isWhitespace(byte(at: 0)) { position += 1 }
                if byte(at: 0) == nil { return .url(value.string) }
                if byte(at: 0) == 0x29 { position += 1; return .url(value.string) }
                consumeBadURLRemnants()
                return .badURL
            case 0x22, 0x27, 0x28:
                consumeBadURLRemnants()
                return .badURL
            case 0x5C:
                if CSSTokenizer.isValidEscape(current, byte(at: 1)) {
                    position += 1
                    consumeEscape(into: &value)
                } else {
                    consumeBadURLRemnants()
                    return .badURL
                }
            default:
                if CSSTokenizer.isNonPrintable(current) {
                    consumeBadURLRemnants()
                    return .badURL
                }
                value.append(current)
                position += 1
            }
        }
    }

    /// §4.3.14 consume the remnants of a bad url.
    private mutating func consumeBadURLRemnants() {
        while let current = byte(at: 0) {
            if current == 0x29 { position += 1; return }
            if CSSTokenizer.isValidEscape(current, byte(at: 1)) {
                position += 1
                var ignored = TokenText(limit: 0)
                consumeEscape(into: &ignored)
            } else {
                position += 1
            }
        }
    }

    /// §4.3.3 consume a numeric token.
    private mutating func consumeNumeric() -> CSSToken {
        let number = consumeNumber()
        if CSSTokenizer.startsIdent(byte(at: 0), byte(at: 1), byte(at: 2)) {
            return .dimension(number, unit: consumeIdentSequence())
        }
        if byte(at: 0) == 0x25 {
            position += 1
            return .percentage(number)
        }
        return .number(number)
    }

    /// §4.3.12 consume a number.
    private mutating func consumeNumber() -> Double {
        let start = position
        if byte(at: 0) == 0x2B || byte(at: 0) == 0x2D { position += 1 }
        while CSSTokenizer.isDigit(byte(at: 0)) { position += 1 }
        if byte(at: 0) == 0x2E, CSSTokenizer.isDigit(byte(at: 1)) {
            position += 1
            while CSSTokenizer.isDigit(byte(at: 0)) { position += 1 }
        }
        if byte(at: 0) == 0x45 || byte(at: 0) == 0x65 {
            if CSSTokenizer.isDigit(byte(at: 1)) {
                position += 1
                while CSSTokenizer.isDigit(byte(at: 0)) { position += 1 }
            } else if (byte(at: 1) == 0x2B || byte(at: 1) == 0x2D), CSSTokenizer.isDigit(byte(at: 2)) {
                position += 2
                while CSSTokenizer.isDigit(byte(at: 0)) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return Double(text) ?? 0
    }
}

/// The value of a token being consumed: NUL bytes (kept in the input for U+FFFD, see `CSSTokenizer`) are
/// written as U+FFFD, and bytes past `limit` are dropped (a name is cut, see `maximumNameLength`).
private struct TokenText {
    private var bytes: [UInt8] = []
    private let limit: Int

    init(limit: Int = .max) { self.limit = limit }

    mutating func append(_ byte: UInt8) {
        guard bytes.count < limit else { return }
        if byte == 0x00 {
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
        } else {
            bytes.append(byte)
        }
    }

    mutating func append(contentsOf sequence: some Sequence<UInt8>) {
        for byte in sequence { append(byte) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
