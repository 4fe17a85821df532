/// The tokens of a stylesheet one at a time, each placed in the block structure of CSS Syntax §5
/// (blocks `{}`, `()`, `[]` and functions, matched by bracket), without holding the token list.
///
/// Matching is the parser's: a closing token ends the innermost open block only when it is that
/// block's closer; otherwise it is an ordinary token (`{ ( } )`: the `}` belongs to the parenthesis).
/// Blocks still open at the end of input end there. The only memory kept besides the current token is
/// one byte per open block.
struct CSSTokenStream {
    enum Role { case opens, closes, plain }

    private var tokenizer: CSSTokenizer
    /// The closing byte (`}`, `)`, `]`) each open block expects, innermost last.
    private var openBlocks: [UInt8] = []

    /// The current token; nil at the end of input.
    private(set) var token: CSSToken?
    /// Whether the current token opens a block, closes the innermost one, or neither.
    private(set) var role = Role.plain
    /// Blocks open before the current token: a block opened here is at `level + 1`, and a closing
    /// token here ends the block at `level`.
    private(set) var level = 0

    init(_ tokenizer: CSSTokenizer) {
        self.tokenizer = tokenizer
        advance()
    }

    mutating func advance() {
        level = openBlocks.count
        token = tokenizer.next()
        role = .plain
        guard let token else { return }
        switch token {
        case .openCurly: open(0x7D)
        case .openParen, .function: open(0x29)
        case .openSquare: open(0x5D)
        case .closeCurly: close(0x7D)
        case .closeParen: close(0x29)
        case .closeSquare: close(0x5D)
        default: break
        }
    }

    private mutating func open(_ closer: UInt8) {
        openBlocks.append(closer)
        role = .opens
    }

    private mutating func close(_ closer: UInt8) {
        guard openBlocks.last == closer else { return }
        openBlocks.removeLast()
        role = .closes
    }

    // MARK: - Blocks

    /// Whether the block at `level` (0: the whole sheet) ends here: at its closing token or at the end.
    func isEnd(of block: Int) -> Bool {
        token == nil || (role == .closes && level == block)
    }

    /// Steps into the block the current token opens; returns its level.
    mutating func enter() -> Int {
        let inner = level + 1
        advance()
        return inner
    }

    /// Skips what remains of the block at `level`, its closing token included.
    mutating func leave(_ block: Int) {
        while !isEnd(of: block) { advance() }
        if token != nil { advance() }
    }

    /// Skips the current component value: a token, or a whole block.
    mutating func skipComponent() {
        if role == .opens { leave(enter()) } else { advance() }
    }

    /// Consumes the function at the current token (`url(` or `type(`) and returns its string argument:
    /// the first token inside that is not whitespace, if it is a string.
    mutating func stringArgument() -> String? {
        let inner = enter()
        while token == .whitespace { advance() }
        var result: String?
        if case .string(let value) = token { result = value }
        leave(inner)
        return result
    }

    /// Consumes the function at the current token, passing each string and ident inside it (at any
    /// depth) lowercased, one at a time.
    mutating func forEachArgument(_ body: (String) -> Void) {
        let inner = enter()
        while !isEnd(of: inner), let token {
            switch token {
            case .string(let value), .ident(let value): body(value.lowercased())
            default: break
            }
            advance()
        }
        leave(inner)
    }
}
