import Foundation

/// A strict reader of the HTML the report writes, enough to check its structure: every element closed in order,
/// attribute values quoted, no stray `<` or `&` in text (either would mean something escaped badly), raw text
/// only in `<style>`. Throws on anything else, so that "well-formed" is itself a test.
struct HTMLTagWalker {
    struct Element {
        let name: String
        let attributes: [String: String]
        let parent: Int?
        var children: [Int] = []
        /// Text and child elements in order: `.text` or `.element(index)`.
        var content: [Content] = []
    }

    enum Content { case text(String), element(Int) }

    struct Malformed: Error, CustomStringConvertible {
        let message: String
        let offset: Int
        var description: String { "malformed HTML at character \(offset): \(message)" }
    }

    static let voidElements: Set<String> = ["meta", "br", "link", "img", "input", "hr", "col", "source", "wbr", "area",
                                            "base", "embed", "track"]

    private(set) var elements: [Element] = []
    private(set) var doctype = false

    init(_ html: String) throws {
        let s = Array(html.unicodeScalars)
        var i = 0
        var stack: [Int] = []

        func fail(_ message: String) -> Malformed { Malformed(message: message, offset: i) }
        func starts(_ text: String, at position: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            guard position + t.count <= s.count else { return false }
            for (k, c) in t.enumerated() where s[position + k].properties.lowercaseMapping != String(c).lowercased() {
                return false
            }
            return true
        }
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" || c == "_"
        }
        func addText(_ text: String) throws {
            guard !text.isEmpty else { return }
            let decoded = try Self.decodeEntities(text)
            if let top = stack.last { elements[top].content.append(.text(decoded)) }
            else if !decoded.allSatisfy(\.isWhitespace) { throw fail("text outside the root element") }
        }

        var textStart = 0
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            try addText(String(String.UnicodeScalarView(s[textStart..<i])))
            if starts("<!--", at: i) {
                guard let end = Self.find("-->", in: s, from: i + 4) else { throw fail("unclosed comment") }
                i = end + 3
            } else if starts("<!doctype", at: i) {
                guard let end = Self.find(">", in: s, from: i) else { throw fail("unclosed doctype") }
                doctype = true
                i = end + 1
            } else if starts("</", at: i) {
                var j = i + 2
                while j < s.count, isNameChar(s[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(s[(i + 2)..<j])).lowercased()
                guard j < s.count, s[j] == ">" else { throw fail("bad closing tag </\(name)") }
                guard let top = stack.last else { throw fail("closing </\(name)> with nothing open") }
                guard elements[top].name == name else { throw fail("closing </\(name)> while <\(elements[top].name)> is open") }
                stack.removeLast()
                i = j + 1
            } else {
                var j = i + 1
                while j < s.count, isNameChar(s[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<j])).lowercased()
                guard !name.isEmpty else { throw fail("a raw '<' in text") }
                var attributes: [String: String] = [:]
                var selfClosing = false
                while true {
                    while j < s.count, s[j].properties.isWhitespace { j += 1 }
                    guard j < s.count else { throw fail("unclosed tag <\(name)") }
                    if s[j] == ">" { j += 1; break }
                    if s[j] == "/", j + 1 < s.count, s[j + 1] == ">" { selfClosing = true; j += 2; break }
                    let start = j
                    while j < s.count, isNameChar(s[j]) { j += 1 }
                    let attribute = String(String.UnicodeScalarView(s[start..<j])).lowercased()
                    guard !attribute.isEmpty else { throw fail("bad character '\(s[j])' in tag <\(name)") }
                    guard attributes[attribute] == nil else { throw fail("attribute \(attribute) twice in <\(name)>") }
                    if j < s.count, s[j] == "=" {
                        guard j + 1 < s.count, s[j + 1] == "\"" else { throw fail("unquoted value of \(attribute) in <\(name)>") }
                        guard let end = Self.find("\"", in: s, from: j + 2) else { throw fail("unclosed value of \(attribute)") }
                        let raw = String(String.UnicodeScalarView(s[(j + 2)..<end]))
                        guard !raw.contains("<") else { throw fail("a raw '<' in the value of \(attribute) in <\(name)>") }
                        attributes[attribute] = try Self.decodeEntities(raw)
                        j = end + 1
                    } else {
                        attributes[attribute] = ""
                    }
                }
                let index = elements.count
                elements.append(Element(name: name, attributes: attributes, parent: stack.last))
                if let parent = stack.last {
                    elements[parent].children.append(index)
                    elements[parent].content.append(.element(index))
                } else if index != 0 {
                    throw fail("a second root element <\(name)>")
                }
                i = j
                if name == "style" || name == "script" {
                    guard let end = Self.find("</\(name)>", in: s, from: i) else { throw fail("unclosed <\(name)>") }
                    elements[index].content.append(.text(String(String.UnicodeScalarView(s[i..<end]))))
                    i = end + name.count + 3
                } else if !selfClosing && !Self.voidElements.contains(name) {
                    stack.append(index)
                }
            }
            textStart = i
        }
        try addText(String(String.UnicodeScalarView(s[textStart..<s.count])))
        if let open = stack.last { throw Malformed(message: "<\(elements[open].name)> never closed", offset: s.count) }
        guard !elements.isEmpty else { throw Malformed(message: "no element", offset: 0) }
    }

    private static func find(_ needle: String, in s: [Unicode.Scalar], from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard n.count <= s.count else { return nil }
        var i = start
        while i + n.count <= s.count {
            if s[i] == n[0], Array(s[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    static let namedEntities = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]

    /// Text with its character references decoded; a bare `&` is an error.
    static func decodeEntities(_ text: String) throws -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                throw Malformed(message: "a bare '&' in \"\(text.prefix(60))\"", offset: 0)
            }
            let name = String(rest[rest.index(after: amp)..<semicolon])
            if let named = namedEntities[name] {
                result += named
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let c = Unicode.Scalar(code) {
                result.unicodeScalars.append(c)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let c = Unicode.Scalar(code) {
                result.unicodeScalars.append(c)
            } else {
                throw Malformed(message: "unknown entity &\(name);", offset: 0)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    // MARK: reading

    var root: Element { elements[0] }

    func all(_ name: String) -> [Int] { elements.indices.filter { elements[$0].name == name } }

    /// The text of an element and its descendants, whitespace collapsed.
    func text(_ index: Int) -> String {
        var out = ""
        func walk(_ i: Int) {
            for part in elements[i].content {
                switch part {
                case .text(let t): out += t
                case .element(let child): walk(child)
                }
            }
        }
        walk(index)
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func ancestors(_ index: Int) -> [Int] {
        var result: [Int] = []
        var current = elements[index].parent
        while let p = current { result.append(p); current = elements[p].parent }
        return result
    }

    func descendants(_ index: Int) -> [Int] {
        elements[index].children.flatMap { [$0] + descendants($0) }
    }

    /// Every text node outside `<style>`, trimmed, for language checks.
    var textNodes: [String] {
        elements.indices.filter { elements[$0].name != "style" }.flatMap { i in
            elements[i].content.compactMap { part -> String? in
                if case .text(let t) = part {
                    let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
                    return trimmed.isEmpty ? nil : trimmed
                }
                return nil
            }
        }
    }
}
