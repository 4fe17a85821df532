/// Gzip streams that are tiny on the wire and huge once decoded, built by hand (no zlib binding: the package's
/// only C is CCurl and CGumbo), in microseconds, never holding the decoded bytes.
///
/// - One layer (`Content-Encoding: gzip`): a single dynamic-Huffman deflate block whose literal/length code
///   gives "length 258" a 1-bit code and whose distance code gives "distance 1" a 1-bit code, both `0`. After
///   one literal zero, every 2 zero bits decode to 258 zero bytes: the stream is a short head, then nothing
///   but 0x00 bytes (1 byte → 1,032 decoded bytes, deflate's best ratio), then a few bits and the trailer.
///   4 GiB decode from about 4 MB.
/// - Two layers (`Content-Encoding: gzip, gzip`): that stream gzipped again with fixed-Huffman codes,
///   encoding its long run of 0x00 as "length 258, distance 1" pairs (13 bits each): 4 GiB from about 26 kB.
///
/// The CRC-32 in each trailer is exact (a run of zeros advances the CRC by a GF(2) matrix power, as zlib's
/// `crc32_combine`), so a client that inflated everything would accept the stream: only a size limit saves it.
enum GzipBomb {
    /// A byte stream described without materializing its long runs of zeros.
    enum Piece: Equatable {
        case bytes([UInt8])
        case zeros(Int)

        var count: Int {
            switch self {
            case .bytes(let b): return b.count
            case .zeros(let n): return n
            }
        }
    }

    /// The gzip member (one or two layers of gzip) of `decodedBytes` zero bytes.
    static func stream(decodedBytes: Int, layers: Int) -> [Piece] {
        let inner = gzipMember(deflate: zerosBlock(decodedBytes), crc: CRC32.zeros(decodedBytes), size: decodedBytes)
        guard layers >= 2 else { return inner }
        var outer = inner
        for _ in 2...layers {
            let size = outer.reduce(0) { $0 + $1.count }
            outer = gzipMember(deflate: fixedRLEBlock(outer), crc: CRC32.of(outer), size: size)
        }
        return outer
    }

    // MARK: gzip framing (RFC 1952)

    private static func gzipMember(deflate: [Piece], crc: UInt32, size: Int) -> [Piece] {
        // ID1 ID2, CM = deflate, no flags, MTIME 0, XFL 0, OS 255 (unknown).
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        let isize = UInt32(truncatingIfNeeded: size)
        let trailer = [crc, isize].flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        return merge([.bytes(header)] + deflate + [.bytes(trailer)])
    }

    private static func merge(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for piece in pieces where piece.count > 0 {
            switch (out.last, piece) {
            case (.bytes(let a)?, .bytes(let b)): out[out.count - 1] = .bytes(a + b)
            case (.zeros(let a)?, .zeros(let b)): out[out.count - 1] = .zeros(a + b)
            default: out.append(piece)
            }
        }
        return out
    }

    // MARK: deflate (RFC 1951)

    /// One final dynamic block of `count` zero bytes (see the type's comment for the codes).
    static func zerosBlock(_ count: Int) -> [Piece] {
        precondition(count >= 1)
        var w = BitWriter()
        w.bits(1, 1)  // BFINAL
        w.bits(2, 2)  // BTYPE = 10, dynamic Huffman
        w.bits(286 - 257, 5)  // HLIT: literal/length codes 0…285
        w.bits(1 - 1, 5)  // HDIST: one distance code
        w.bits(18 - 4, 4)  // HCLEN: 18 code-length code lengths
        // Code-length alphabet: 18 (run of zeros) → "0", 1 → "10", 2 → "11".
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
        let clLengths: [Int: UInt32] = [18: 1, 1: 2, 2: 2]
        for symbol in order { w.bits(clLengths[symbol] ?? 0, 3) }
        func zeroRun(_ n: Int) { w.code(0b0, 1); w.bits(UInt32(n - 11), 7) }  // symbol 18: 11…138 zeros
        // Literal/length code lengths: 0 → 2, 1…255 → 0, 256 → 2, 257…284 → 0, 285 → 1.
        w.code(0b11, 2)
        zeroRun(138); zeroRun(117)
        w.code(0b11, 2)
        zeroRun(28)
        w.code(0b10, 2)
        // Distance code lengths: 0 (distance 1) → 1.
        w.code(0b10, 2)
        // Canonical codes: 285 → "0", literal 0 → "10", end of block → "11"; distance 0 → "0".
        w.code(0b10, 2)  // literal 0
        let pairs = (count - 1) / 258
        w.zeroBits(2 * pairs)  // each (258, distance 1) is "0" + "0"
        for _ in 0..<((count - 1) % 258) { w.code(0b10, 2) }
        w.code(0b11, 2)  // end of block
        return w.finish()
    }

    /// One final fixed-Huffman block encoding `input`: literal bytes, and each run of zeros as one literal
    /// zero then (length, distance 1) copies.
    static func fixedRLEBlock(_ input: [Piece]) -> [Piece] {
        var w = BitWriter()
        w.bits(1, 1)  // BFINAL
        w.bits(1, 2)  // BTYPE = 01, fixed Huffman
        for piece in input {
            switch piece {
            case .bytes(let bytes):
                for byte in bytes { literal(Int(byte), &w) }
            case .zeros(let n):
                literal(0, &w)
                var left = n - 1
                while left >= 258 { copy(258, &w); left -= 258 }
                if left >= 3 { copy(left, &w) } else { for _ in 0..<left { literal(0, &w) } }
            }
        }
        literal(256, &w)  // end of block
        return w.finish()
    }

    /// Fixed literal/length code (RFC 1951 §3.2.6).
    private static func literal(_ symbol: Int, _ w: inout BitWriter) {
        switch symbol {
        case 0...143: w.code(UInt32(0x30 + symbol), 8)
        case 144...255: w.code(UInt32(0x190 + symbol - 144), 9)
        case 256...279: w.code(UInt32(symbol - 256), 7)
        default: w.code(UInt32(0xC0 + symbol - 280), 8)
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                                      4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// A copy of `length` (3…258) bytes from distance 1.
    private static func copy(_ length: Int, _ w: inout BitWriter) {
        let index = lengthBase.lastIndex { $0 <= length }!
        literal(257 + index, &w)
        w.bits(UInt32(length - lengthBase[index]), lengthExtra[index])
        w.code(0, 5)  // distance code 0 = distance 1
    }

    /// Writes bits least significant first, Huffman codes most significant first (RFC 1951 §3.1.1).
    private struct BitWriter {
        private var pieces: [Piece] = []
        private var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var count = 0

        mutating func bits(_ value: UInt32, _ n: Int) {
            guard n > 0 else { return }
            buffer |= UInt64(value & UInt32(truncatingIfNeeded: (1 << n) - 1)) << count
            count += n
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        mutating func code(_ code: UInt32, _ length: Int) {
            var reversed: UInt32 = 0
            for i in 0..<length where code & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
            bits(reversed, length)
        }

        /// `n` zero bits, whole zero bytes kept as a run.
        mutating func zeroBits(_ n: Int) {
            var left = n
            let fill = min(left, (8 - count) % 8)
            bits(0, fill)
            left -= fill
            if left >= 8 {
                pieces.append(.bytes(bytes))
                bytes = []
                pieces.append(.zeros(left / 8))
                left %= 8
            }
            bits(0, left)
        }

        mutating func finish() -> [Piece] {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            count = 0
            pieces.append(.bytes(bytes))
            bytes = []
            return GzipBomb.merge(pieces)
        }
    }
}

/// CRC-32 (IEEE, reflected, as gzip uses it), with runs of zeros in logarithmic time.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func of(_ pieces: [GzipBomb.Piece]) -> UInt32 {
        var register: UInt32 = 0xFFFF_FFFF
        for piece in pieces {
            switch piece {
            case .bytes(let bytes):
                for byte in bytes { register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8) }
            case .zeros(let n):
                register = advance(register, zeroBytes: n)
            }
        }
        return register ^ 0xFFFF_FFFF
    }

    static func zeros(_ n: Int) -> UInt32 { of([.zeros(n)]) }

    /// The register after `n` zero bytes: the one-zero-bit operator (a 32×32 GF(2) matrix) raised to 8n.
    private static func advance(_ register: UInt32, zeroBytes n: Int) -> UInt32 {
        // Column i is the image of bit i: bit 0 feeds the polynomial back, the others shift down.
        var op: [UInt32] = [0xEDB8_8320] + (1..<32).map { UInt32(1) << ($0 - 1) }
        var result = register
        var exponent = UInt64(n) * 8
        while exponent > 0 {
            if exponent & 1 != 0 { result = times(op, result) }
            op = op.map { times(op, $0) }
            exponent >>= 1
        }
        return result
    }

    private static func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
        var sum: UInt32 = 0
        var v = vector
        var i = 0
        while v != 0 {
            if v & 1 != 0 { sum ^= matrix[i] }
            v >>= 1
            i += 1
        }
        return sum
    }
}
