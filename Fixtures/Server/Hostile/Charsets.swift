extension Hostile {
    /// Pages whose bytes do not match what they say about their encoding. Every page has the same 11
    /// elements (html head meta title link link body h1 p img script) and references `/hostile/ok/s.css`,
    /// `/hostile/ok/i.png` and `/hostile/ok/j.js`; `invalid-utf8.html` has two more elements, an `<img>` whose
    /// URL holds invalid bytes and a `<style>` importing `invalid.css` (which references `from-css.png`).
    ///
    /// | name | `Content-Type` charset | bytes |
    /// |---|---|---|
    /// | `invalid-utf8.html` | utf-8 | invalid UTF-8 everywhere: stray continuation bytes, truncated and overlong sequences, UTF-16 surrogates, 0xFE/0xFF, a NUL, an invalid byte in an image URL; a stylesheet with invalid UTF-8 before a `url()` |
    /// | `latin1-declared-utf8.html` | utf-8 | windows-1252 (`é` as 0xE9), declared UTF-8 |
    /// | `utf8-declared-sjis.html` | Shift_JIS | UTF-8 (French, Japanese, an emoji), declared Shift_JIS |
    /// | `bogus-charset.html` | x-no-such-charset | windows-1252, with `<meta charset=utf-16>` (which means UTF-8) |
    /// | `invalid.css` | utf-8 | a stylesheet with invalid UTF-8 in a comment, a string and an identifier, then `url(/hostile/ok/from-css.png)` |
    static func charset(_ x: inout HostileExchange, name: String) -> HostileEnding {
        guard let (contentType, body) = charsetPages[name] else { return notFound(&x) }
        return x.respond(headers: [("Content-Type", contentType)], body: body)
    }

    private static func page(meta: String, title: [UInt8], text: [UInt8], attribute: [UInt8],
                             extra: [UInt8] = []) -> [UInt8] {
        Array("<!doctype html><html><head><meta charset=\"\(meta)\"><title>".utf8) + title
            + Array("</title><link rel=stylesheet href=\"/hostile/ok/s.css\"><link rel=icon href=\"data:,\"></head><body><h1>".utf8)
            + text + Array("</h1><!-- ".utf8) + text + Array(" --><p>".utf8) + text
            + Array("</p><img src=\"/hostile/ok/i.png\" alt=\"".utf8) + attribute
            + Array("\">".utf8) + extra + Array("<script src=\"/hostile/ok/j.js\"></script></body></html>\n".utf8)
    }

    /// Invalid UTF-8: lone continuation bytes, a truncated 3-byte sequence, an overlong "/", a UTF-16
    /// surrogate encoded in UTF-8, bytes that never occur in UTF-8, a NUL.
    private static let invalidUTF8: [UInt8] = [
        0x80, 0xBF, 0x20, 0xE2, 0x82, 0x20, 0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80, 0x20, 0xFE, 0xFF, 0x20, 0x00, 0x20, 0xC3, 0x28,
    ]

    /// "Clinique Sainte-Hélène — été" in windows-1252.
    private static let windows1252: [UInt8] = Array("Clinique Sainte-H".utf8) + [0xE9] + Array("l".utf8) + [0xE8]
        + Array("ne ".utf8) + [0x97] + Array(" ".utf8) + [0xE9, 0x74, 0xE9]

    static let charsetPages: [String: (String, [UInt8])] = [
        "invalid-utf8.html": ("text/html; charset=utf-8", page(
            meta: "utf-8", title: Array("Invalid ".utf8) + invalidUTF8, text: invalidUTF8, attribute: invalidUTF8,
            extra: Array("<img src=\"/hostile/ok/caf".utf8) + [0xE9, 0xFF] + Array(".png\"><style>@import url(/hostile/charset/invalid.css);</style>".utf8))),
        "latin1-declared-utf8.html": ("text/html; charset=utf-8", page(
            meta: "utf-8", title: windows1252, text: windows1252, attribute: windows1252)),
        "utf8-declared-sjis.html": ("text/html; charset=Shift_JIS", page(
            meta: "shift_jis", title: Array("Clinique été 病院 🏥".utf8), text: Array("Prenez rendez-vous — 予約 🩺".utf8),
            attribute: Array("Été".utf8))),
        "bogus-charset.html": ("text/html; charset=x-no-such-charset", page(
            meta: "utf-16", title: windows1252, text: windows1252, attribute: windows1252)),
        "invalid.css": ("text/css; charset=utf-8", Array("/* ".utf8) + invalidUTF8 + Array(" */ .a{content:\"".utf8)
            + invalidUTF8 + Array("\"} .b".utf8) + [0xFF, 0xC3] + Array("{background:url(/hostile/ok/from-css.png)}\n".utf8)),
    ]
}
