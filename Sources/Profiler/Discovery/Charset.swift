import Foundation

/// Decides the character encoding of an HTML byte stream and converts it to UTF-8 for gumbo,
/// following the HTML "determining the character encoding" steps in the order a browser applies them:
///
/// 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
/// 2. else the `charset` parameter of the `Content-Type` header;
/// 3. else the prescan of the first 1024 bytes for `<meta charset>` or
///    `<meta http-equiv="Content-Type" content="…charset=…">` (a UTF-16 label found there means UTF-8,
///    `x-user-defined` means windows-1252, as the spec says);
/// 4. else — where a browser would fall back to windows-1252 for most locales — UTF-8 when the whole
///    input is valid UTF-8, windows-1252 otherwise.
///
/// Labels are matched per the WHATWG Encoding Standard (ASCII case-insensitive, trimmed; `latin1`,
/// `iso-8859-1` and `us-ascii` all mean windows-1252; `gb2312` and `gbk` decode as gb18030).
/// UTF-8, UTF-16 and windows-1252 are decoded here; other legacy encodings (Shift_JIS, Big5, EUC-KR,
/// ISO-2022-JP, the ISO-8859 and Windows code pages, KOI8) through Foundation. An unknown label, or bytes
/// Foundation rejects, fall back to step 4. Decoding never fails: invalid sequences become U+FFFD.
public enum HTMLCharset {
    /// The encodings Ecoscore decodes itself or through Foundation.
    enum Encoding: Equatable, Sendable {
        case utf8, utf16LE, utf16BE, windows1252
        case foundation(UInt)  // a `String.Encoding` raw value

        var name: String {
            switch self {
            case .utf8: return "utf-8"
            case .utf16LE: return "utf-16le"
            case .utf16BE: return "utf-16be"
            case .windows1252: return "windows-1252"
            case .foundation(let raw): return HTMLCharset.foundationNames[raw] ?? "legacy"
            }
        }
    }

    /// The result of decoding: UTF-8 bytes (without BOM) and the encoding's canonical name.
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        public var encoding: String
    }

    /// Converts an HTML byte stream to UTF-8. `contentTypeCharset` is the `charset` parameter of the
    /// response's `Content-Type`, if any.
    public static func decode(_ bytes: [UInt8], contentTypeCharset: String?) -> Decoded {
        // 1. BOM sniffing.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Decoded(utf8: decodeUTF8(bytes[3...]), encoding: "utf-8")
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Decoded(utf8: decodeUTF16(bytes[2...], littleEndian: true), encoding: "utf-16le")
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Decoded(utf8: decodeUTF16(bytes[2...], littleEndian: false), encoding: "utf-16be")
        }
        // 2. Transport layer.
        if let label = contentTypeCharset, let encoding = encoding(forLabel: label) {
            if let decoded = decode(bytes[...], as: encoding) { return Decoded(utf8: decoded, encoding: encoding.name) }
        }
        // 3. Prescan.
        if let label = prescan(bytes), var encoding = encoding(forLabel: label) {
            if encoding == .utf16LE || encoding == .utf16BE { encoding = .utf8 }
            if let decoded = decode(bytes[...], as: encoding) { return Decoded(utf8: decoded, encoding: encoding.name) }
        }
        // 4. Fallback.
        if isValidUTF8(bytes) { return Decoded(utf8: bytes, encoding: "utf-8") }
        return Decoded(utf8: decodeWindows1252(bytes[...]), encoding: "windows-1252")
    }

    /// Decodes as `encoding`; nil only when Foundation rejects the bytes for a legacy encoding.
    static func decode(_ bytes: ArraySlice<UInt8>, as encoding: Encoding) -> [UInt8]? {
        switch encoding {
        case .utf8: return decodeUTF8(bytes)
        case .utf16LE: return decodeUTF16(bytes, littleEndian: true)
        case .utf16BE: return decodeUTF16(bytes, littleEndian: false)
        case .windows1252: return decodeWindows1252(bytes)
        case .foundation(let raw):
            guard let string = String(bytes: bytes, encoding: String.Encoding(rawValue: raw)) else { return nil }
            return Array(string.utf8)
        }
    }

    // MARK: - Labels (WHATWG Encoding Standard, the subset Ecoscore decodes)

    private static let foundationNames: [UInt: String] = [
        String.Encoding.shiftJIS.rawValue: "shift_jis",
        String.Encoding.iso2022JP.rawValue: "iso-2022-jp",
        0x8000_0632: "gb18030", 0x8000_0A03: "big5", 0x8000_0940: "euc-kr",
        0x8000_0A02: "koi8-r", 0x8000_0A08: "koi8-u",
        String.Encoding.windowsCP1250.rawValue: "windows-1250", String.Encoding.windowsCP1251.rawValue: "windows-1251",
        String.Encoding.windowsCP1253.rawValue: "windows-1253", String.Encoding.windowsCP1254.rawValue: "windows-1254",
        0x8000_0505: "windows-1255", 0x8000_0506: "windows-1256", 0x8000_0507: "windows-1257",
        0x8000_0508: "windows-1258", 0x8000_041D: "windows-874",
        String.Encoding.isoLatin2.rawValue: "iso-8859-2",
        0x8000_0203: "iso-8859-3", 0x8000_0204: "iso-8859-4", 0x8000_0205: "iso-8859-5", 0x8000_0206: "iso-8859-6",
        0x8000_0207: "iso-8859-7", 0x8000_0208: "iso-8859-8", 0x8000_020A: "iso-8859-10", 0x8000_020D: "iso-8859-13",
        0x8000_020E: "iso-8859-14", 0x8000_020F: "iso-8859-15", 0x8000_0210: "iso-8859-16",
        String.Encoding.macOSRoman.rawValue: "macintosh",
    ]

    /// Maps an encoding label to an encoding (WHATWG "get an encoding"), nil when unknown here.
    static func encoding(forLabel label: String) -> Encoding? {
        let name = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}\"'")).lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return .utf8
        case "utf-16", "utf-16le", "unicode", "unicodefeff", "ucs-2", "iso-10646-ucs-2", "csunicode":
            return .utf16LE
        case "utf-16be", "unicodefffe":
            return .utf16BE
        case "windows-1252", "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
             "iso_8859-1:1987", "latin1", "l1", "cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
             "x-cp1252", "ansi_x3.4-1968", "x-user-defined":
            return .windows1252
        case "shift_jis", "shift-jis", "sjis", "ms_kanji", "ms932", "windows-31j", "x-sjis", "csshiftjis":
            return .foundation(String.Encoding.shiftJIS.rawValue)
        case "iso-2022-jp", "csiso2022jp":
            return .foundation(String.Encoding.iso2022JP.rawValue)
        case "gb18030", "gbk", "gb2312", "chinese", "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80",
             "iso-ir-58", "x-gbk", "cp936", "windows-936":
            return .foundation(0x8000_0632)
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
            return .foundation(0x8000_0A03)
        case "euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
             "ksc5601", "ksc_5601", "windows-949":
            return .foundation(0x8000_0940)
        case "koi8-r", "koi8", "koi", "cskoi8r", "koi8_r": return .foundation(0x8000_0A02)
        case "koi8-u", "koi8-ru": return .foundation(0x8000_0A08)
        case "windows-1250", "cp1250", "x-cp1250": return .foundation(String.Encoding.windowsCP1250.rawValue)
        case "windows-1251", "cp1251", "x-cp1251": return .foundation(String.Encoding.windowsCP1251.rawValue)
        case "windows-1253", "cp1253", "x-cp1253": return .foundation(String.Encoding.windowsCP1253.rawValue)
        case "windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "iso8859-9", "latin5", "l5", "iso-ir-148":
            return .foundation(String.Encoding.windowsCP1254.rawValue)
        case "windows-1255", "cp1255", "x-cp1255": return .foundation(0x8000_0505)
        case "windows-1256", "cp1256", "x-cp1256": return .foundation(0x8000_0506)
        case "windows-1257", "cp1257", "x-cp1257": return .foundation(0x8000_0507)
        case "windows-1258", "cp1258", "x-cp1258": return .foundation(0x8000_0508)
        case "windows-874", "dos-874", "iso-8859-11", "iso8859-11", "tis-620": return .foundation(0x8000_041D)
        case "iso-8859-2", "iso8859-2", "latin2", "l2", "iso_8859-2", "csisolatin2":
            return .foundation(String.Encoding.isoLatin2.rawValue)
        case "iso-8859-3", "iso8859-3", "latin3", "l3": return .foundation(0x8000_0203)
        case "iso-8859-4", "iso8859-4", "latin4", "l4": return .foundation(0x8000_0204)
        case "iso-8859-5", "iso8859-5", "cyrillic", "csisolatincyrillic": return .foundation(0x8000_0205)
        case "iso-8859-6", "iso8859-6", "arabic": return .foundation(0x8000_0206)
        case "iso-8859-7", "iso8859-7", "greek", "greek8": return .foundation(0x8000_0207)
        case "iso-8859-8", "iso8859-8", "hebrew", "iso-8859-8-i", "visual", "logical": return .foundation(0x8000_0208)
        case "iso-8859-10", "iso8859-10", "latin6", "l6": return .foundation(0x8000_020A)
        case "iso-8859-13", "iso8859-13": return .foundation(0x8000_020D)
        case "iso-8859-14", "iso8859-14": return .foundation(0x8000_020E)
        case "iso-8859-15", "iso8859-15", "latin9", "l9", "csisolatin9", "iso_8859-15": return .foundation(0x8000_020F)
        case "iso-8859-16": return .foundation(0x8000_0210)
        case "macintosh", "mac", "x-mac-roman", "csmacintosh": return .foundation(String.Encoding.macOSRoman.rawValue)
        default: return nil
        }
    }

    // MARK: - Decoders

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        if isValidUTF8(bytes) { return Array(bytes) }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        var string = String(decoding: units, as: UTF16.self)
        if index < bytes.endIndex { string.append("\u{FFFD}") }  // odd trailing byte
        return Array(string.utf8)
    }

    /// windows-1252 per the WHATWG index: 0x80–0x9F map to typographic characters, five of them
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 controls of the same value; the rest is Latin-1.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { output.append(byte); continue }
            let scalar: UInt32 = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    // MARK: - Prescan (HTML §13.2.3.2 "prescan a byte stream to determine its encoding")

    /// The encoding label declared by a `<meta>` in the first 1024 bytes, if any.
    static func prescan(_ input: [UInt8]) -> String? {
        let bytes = input.prefix(1024)
        var position = bytes.startIndex
        let end = bytes.endIndex
        func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }
        func isSpace(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20 }
        func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        func matches(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= end else { return false }
            for (offset, byte) in pattern.enumerated() where lower(bytes[index + offset]) != byte { return false }
            return true
        }
        /// "get an attribute": returns (name, value) and advances; nil when the tag ends.
        func getAttribute() -> (String, String)? {
            while position < end, isSpace(bytes[position]) || bytes[position] == 0x2F { position += 1 }
            guard position < end, bytes[position] != 0x3E else { return nil }
            var name: [UInt8] = []
            var value: [UInt8] = []
            // Name.
            nameLoop: while position < end {
                let b = bytes[position]
                if b == 0x3D, !name.isEmpty { position += 1; break nameLoop }
                if isSpace(b) {
                    while position < end, isSpace(bytes[position]) { position += 1 }
                    guard position < end, bytes[position] == 0x3D else {
                        return (String(decoding: name, as: UTF8.self), "")
                    }
                    position += 1
                    break nameLoop
                }
                if b == 0x2F || b == 0x3E { return (String(decoding: name, as: UTF8.self), "") }
                name.append(lower(b))
                position += 1
            }
            while position < end, isSpace(bytes[position]) { position += 1 }
            guard position < end else { return (String(decoding: name, as: UTF8.self), "") }
            let b = bytes[position]
            if b == 0x22 || b == 0x27 {
                position += 1
                while position < end, bytes[position] != b { value.append(lower(bytes[position])); position += 1 }
                position += 1
                return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
            }
            if b == 0x3E { return (String(decoding: name, as: UTF8.self), "") }
            while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E {
                value.append(lower(bytes[position]))
                position += 1
            }
            return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        }

        while position < end {
            if matches("<!--", at: position) {
                position += 4
                while position < end, !matches("-->", at: position) { position += 1 }
                position += 3
                continue
            }
            if matches("<meta", at: position), position + 5 < end, isSpace(bytes[position + 5]) || bytes[position + 5] == 0x2F {
                position += 6
                var seen = Set<String>()
                var gotPragma = false
                var needPragma: Bool?
                var charset: String?
                while let (name, value) = getAttribute() {
                    guard seen.insert(name).inserted else { continue }
                    switch name {
                    case "http-equiv":
                        if value == "content-type" { gotPragma = true }
                    case "content":
                        if charset == nil, let extracted = extractCharset(fromMetaContent: value) {
                            charset = extracted
                            needPragma = true
                        }
                    case "charset":
                        charset = value
                        needPragma = false
                    default:
                        break
                    }
                }
                guard let need = needPragma, let label = charset else { continue }
                if need, !gotPragma { continue }
                if encoding(forLabel: label) == nil { continue }
                return label
            }
            if bytes[position] == 0x3C, position + 1 < end,
               isAlpha(bytes[position + 1]) || (bytes[position + 1] == 0x2F && position + 2 < end && isAlpha(bytes[position + 2])) {
                position += 1
                while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
                while getAttribute() != nil {}
                position += 1
                continue
            }
            if matches("<!", at: position) || matches("</", at: position) || matches("<?", at: position) {
                while position < end, bytes[position] != 0x3E { position += 1 }
                position += 1
                continue
            }
            position += 1
        }
        return nil
    }

    /// HTML "algorithm for extracting a character encoding from a meta element".
    static func extractCharset(fromMetaContent content: String) -> String? {
        let bytes = Array(content.utf8)
        var position = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20 }
        while true {
            guard let found = findCharset(bytes, from: position) else { return nil }
            position = found + 7
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == 0x3D else { continue }
            position += 1
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { return nil }
            let b = bytes[position]
            if b == 0x22 || b == 0x27 {
                guard let close = bytes[(position + 1)...].firstIndex(of: b) else { return nil }
                return String(decoding: bytes[(position + 1)..<close], as: UTF8.self)
            }
            var endIndex = position
            while endIndex < bytes.count, !isSpace(bytes[endIndex]), bytes[endIndex] != 0x3B { endIndex += 1 }
            return String(decoding: bytes[position..<endIndex], as: UTF8.self)
        }
    }

    private static func findCharset(_ bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array("charset".utf8)
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            var matched = true
            for offset in 0..<pattern.count {
                var b = bytes[index + offset]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != pattern[offset] { matched = false; break }
            }
            if matched { return index }
            index += 1
        }
        return nil
    }
}

/// Whether `bytes` are valid UTF-8, without building a String.
private func isValidUTF8(_ bytes: some Sequence<UInt8>) -> Bool {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
