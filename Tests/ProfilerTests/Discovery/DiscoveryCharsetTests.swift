import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: character encodings")
struct DiscoveryCharsetTests {
    private func decode(_ bytes: [UInt8], _ charset: String? = nil) -> (text: String, encoding: String) {
        let decoded = HTMLCharset.decode(bytes, contentTypeCharset: charset)
        return (String(decoding: decoded.utf8, as: UTF8.self), decoded.encoding)
    }

    @Test func byteOrderMarksWin() {
        #expect(decode([0xEF, 0xBB, 0xBF] + Array("é".utf8), "windows-1252") == ("é", "utf-8"))
        let utf16LE: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00, 0xE9, 0x00]
        #expect(decode(utf16LE) == ("<p>é", "utf-16le"))
        let utf16BE: [UInt8] = [0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00]
        #expect(decode(utf16BE) == ("A😀", "utf-16be"))
    }

    @Test func contentTypeBeatsMeta() {
        let bytes = Array("<meta charset=utf-8><p>".utf8) + [0xE9]
        #expect(decode(bytes, "ISO-8859-1") == ("<meta charset=utf-8><p>é", "windows-1252"))
    }

    @Test func metaPrescan() {
        let charsetMeta = Array("<!-- <meta charset=utf-8> --><meta charset=\"windows-1252\"><p>".utf8) + [0x80]
        #expect(decode(charsetMeta).text.hasSuffix("€"))
        let pragma = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\"><p>".utf8) + [0xA4]
        #expect(decode(pragma) == (String(decoding: pragma.dropLast(), as: UTF8.self) + "€", "iso-8859-15"))
        let noPragma = Array("<meta content=\"text/html; charset=koi8-r\"><p>".utf8) + [0xC1]
        #expect(decode(noPragma).encoding == "windows-1252")  // content without http-equiv is ignored
        let utf16Meta = Array("<meta charset=utf-16><p>ok".utf8)
        #expect(decode(utf16Meta).encoding == "utf-8")
    }

    @Test func legacyEncodingsThroughFoundation() {
        #expect(decode([0x82, 0xA0], "Shift_JIS") == ("あ", "shift_jis"))
        #expect(decode([0xC4, 0xE3, 0xBA, 0xC3], "gb2312") == ("你好", "gb18030"))
        #expect(decode([0xC0], "windows-1251") == ("А", "windows-1251"))
    }

    @Test func fallbackIsUTF8WhenValidElseWindows1252() {
        #expect(decode(Array("<p>ünïcödé".utf8)) == ("<p>ünïcödé", "utf-8"))
        #expect(decode([0x3C, 0x70, 0x3E, 0x93, 0x71, 0x94, 0x81]) == ("<p>\u{201C}q\u{201D}\u{81}", "windows-1252"))
        // Unknown label: fallback too.
        #expect(decode(Array("x".utf8), "x-unknown-charset").encoding == "utf-8")
    }

    @Test func invalidUTF8DeclaredAsUTF8IsReplaced() {
        #expect(decode([0x41, 0xFF, 0x42], "utf-8") == ("A\u{FFFD}B", "utf-8"))
    }

    @Test func prescanIsLimitedTo1024Bytes() {
        let late = Array((String(repeating: " ", count: 1100) + "<meta charset=koi8-r>").utf8) + [0xC1]
        #expect(decode(late).encoding == "windows-1252")
    }
}
