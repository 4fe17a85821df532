import Foundation

/// Random edits of a valid file — the kinds a hand-edited or truncated file shows: bytes dropped, inserted,
/// duplicated, flipped, the file cut short, lines swapped. Driven by one seed so a failure names its input.
struct Mutation {
    /// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// One to four edits of `bytes`.
    mutating func apply(to bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        for _ in 0...below(4) {
            let at = below(b.count + 1)
            let length = 1 + below(64)
            switch below(7) {
            case 0: b.removeSubrange(at..<min(b.count, at + length))
            case 1: b.insert(contentsOf: (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }, at: at)
            case 2: b.insert(contentsOf: b[at..<min(b.count, at + length)], at: at)
            case 3: if at < b.count { b[at] ^= UInt8(truncatingIfNeeded: 1 << below(8)) }
            case 4: b.removeSubrange(at..<b.count)
            case 5: b.insert(contentsOf: Self.syntax[below(Self.syntax.count)].utf8, at: at)
            default: b = swapLines(b)
            }
        }
        return b
    }

    /// Characters that mean something to one of the parsers, so mutations reach past the first syntax check.
    private static let syntax = ["\"", "'", "{", "}", "[", "]", ":", ": ", "- ", "\n", "\t", "<", ">", "</", "<!--",
                                 "-->", "&", ";", ",", "\\", "@import ", "url(", ")", "*", "#", "%", "\u{FEFF}",
                                 "\r\n", "\0", "&&&", "<<", "!!binary", "\u{1F600}", "\u{FFFD}"]

    private mutating func swapLines(_ b: [UInt8]) -> [UInt8] {
        var lines = b.split(separator: 10, omittingEmptySubsequences: false)
        guard lines.count > 1 else { return b }
        lines.swapAt(below(lines.count), below(lines.count))
        return Array(lines.joined(separator: [10]))
    }
}
