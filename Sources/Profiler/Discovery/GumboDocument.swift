import CGumbo
import Foundation

/// An HTML5 document tree parsed by gumbo, copied into Swift values (a flat pre-order array), so
/// that no gumbo memory outlives the parse.
///
/// Parsing rules:
/// - The input is UTF-8 (see `HTMLCharset`).
/// - **Scripting on.** gumbo parses as a browser with scripting disabled would, where `<noscript>`
///   content becomes elements (and, in `<head>`, an `<img>` inside `<noscript>` even closes the head
///   and lands in `<body>`). A browser with scripting enabled parses `<noscript>` content as raw text.
///   Before parsing, every `<noscript` / `</noscript` tag name is therefore renamed `noframes`, a raw
///   text element with exactly the tree-building behaviour of a scripting-enabled `<noscript>` in
///   every insertion mode that matters (in head, in body, in table via foster parenting, in select),
///   and of the same length. The element still counts as one element; its content is text. Elements
///   named `noscript` that would remain (none should) have their children skipped.
/// - `<template>` content (gumbo node type `GUMBO_NODE_TEMPLATE`) is not part of the document: the
///   template element is kept, its content dropped.
/// - Text is kept only where discovery reads it: inside `<title>` and `<style>`.
/// - gumbo frees its tree recursively, which overflows the stack on deeply nested input (20 000
///   unclosed `<div>`s crash a 512 KB thread). All gumbo allocations go through an arena here (an
///   intrusive list of malloc'ed blocks; gumbo's own frees unlink and free as usual) and whatever is
///   left is released in one loop after the copy, so `gumbo_destroy_output` is never called. The
///   options struct and the output are used only inside the `withUnsafePointer` closure.
/// - Error recording is off (`max_errors = 0`): errors cost memory and are not used.
/// - Known cost: gumbo's "has an element in scope" checks are linear in the stack of open elements,
///   so tens of thousands of unclosed nested elements parse in quadratic time (20 000 nested `<div>`
///   take about 0.5 s; 200 000 take about a minute). Real pages are far from it.
struct GumboDocument: Sendable {
    enum Namespace: UInt8, Sendable { case html, svg, mathml }

    struct Attribute: Sendable {
        /// Lowercased local name (`href` for both `href` and `xlink:href`).
        var name: String
        /// True for `xlink:`-namespaced attributes (gumbo's `GUMBO_ATTR_NAMESPACE_XLINK`).
        var isXLink: Bool
        var value: String
    }

    struct Node: Sendable {
        /// Lowercased tag name; empty for a text node.
        var name: String
        var namespace: Namespace
        var isElement: Bool
        var attributes: [Attribute]
        /// Text content, for text nodes only.
        var text: String
        /// Index of the parent element, -1 at the root.
        var parent: Int
        /// Index one past the last descendant (pre-order), so a subtree is `index..<end`.
        var end: Int

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name && !$0.isXLink }?.value
        }

        func hasAttribute(_ name: String) -> Bool { attributes.contains { $0.name == name && !$0.isXLink } }

        /// `href`, else `xlink:href` (SVG 2 precedence).
        var svgHref: String? {
            attribute("href") ?? attributes.first { $0.name == "href" && $0.isXLink }?.value
        }

        func isHTML(_ tag: String) -> Bool { isElement && namespace == .html && name == tag }
        func isSVG(_ tag: String) -> Bool { isElement && namespace == .svg && name == tag }
    }

    /// Pre-order nodes: elements (and kept text). Index 0 is normally `<html>`.
    var nodes: [Node]

    /// Children indices of the node at `index`.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            result.append(child)
            child = nodes[child].end
        }
        return result
    }

    /// Parses UTF-8 HTML. `scripting: false` skips the `<noscript>` rename (gumbo's own behaviour).
    static func parse(utf8 input: [UInt8], scripting: Bool = true) -> GumboDocument {
        let bytes = scripting ? renameNoscript(input) : input
        let arena = GumboArena.create()
        defer { GumboArena.destroy(arena) }
        var options = kGumboDefaultOptions
        options.allocator = gumboArenaAllocate
        options.deallocator = gumboArenaDeallocate
        options.userdata = arena
        options.max_errors = 0
        options.stop_on_first_error = false
        let nodes: [Node] = withUnsafePointer(to: &options) { optionsPointer in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars -> [Node] in
                    var empty: CChar = 0
                    let output: UnsafeMutablePointer<GumboOutput>? = withUnsafePointer(to: &empty) { emptyPointer in
                        gumbo_parse_with_options(optionsPointer, chars.baseAddress ?? emptyPointer, chars.count)
                    }
                    guard let output, let document = output.pointee.document else { return [] }
                    return copyTree(document)
                    // The output lives in the arena, released by the deferred destroy.
                }
            }
        }
        return GumboDocument(nodes: nodes)
    }

    // MARK: - Copy

    /// The kept nodes of gumbo's tree in pre-order, counted first so that the array is allocated once at
    /// its size (growing it by doubling would briefly hold up to three times the nodes, next to gumbo's tree).
    private static func copyTree(_ document: UnsafeMutablePointer<GumboNode>) -> [Node] {
        var count = 0
        walk(document) { step in
            if case .enter = step { count += 1 }
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(count)
        var open: [Int] = []  // indices of the elements whose descendants are being copied
        walk(document) { step in
            switch step {
            case .enter(let node):
                let parent = open.last ?? -1
                let index = nodes.count
                if node.pointee.type == GUMBO_NODE_ELEMENT || node.pointee.type == GUMBO_NODE_TEMPLATE {
                    let element = node.pointee.v.element
                    nodes.append(Node(name: tagName(element), namespace: namespace(element), isElement: true,
                                      attributes: attributes(element.attributes), text: "",
                                      parent: parent, end: index + 1))
                    open.append(index)
                } else {
                    let text = node.pointee.v.text.text.map { String(cString: $0) } ?? ""
                    nodes.append(Node(name: "", namespace: .html, isElement: false, attributes: [], text: text,
                                      parent: parent, end: index + 1))
                }
            case .leave:
                let element = open.removeLast()
                nodes[element].end = nodes.count
            }
        }
        return nodes
    }

    private enum WalkStep {
        /// A kept node: an element, or text where discovery reads it.
        case enter(UnsafeMutablePointer<GumboNode>)
        /// After the last kept descendant of the element entered last and not yet left.
        case leave
    }

    /// Visits the kept nodes of gumbo's tree in pre-order, without recursion (the tree may be deep).
    private static func walk(_ document: UnsafeMutablePointer<GumboNode>, _ visit: (WalkStep) -> Void) {
        // Each frame: the children vector being walked, the next child position, and whether text
        // children are to be kept.
        struct Frame {
            var children: GumboVector
            var next: Int
            var keepText: Bool
        }
        var stack: [Frame] = [Frame(children: document.pointee.v.document.children, next: 0, keepText: false)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let frame = stack[top]
            if frame.next >= Int(frame.children.length) {
                stack.removeLast()
                if !stack.isEmpty { visit(.leave) }
                continue
            }
            stack[top].next += 1
            guard let raw = frame.children.data?[frame.next] else { continue }
            let node = raw.assumingMemoryBound(to: GumboNode.self)
            switch node.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                visit(.enter(node))
                let element = node.pointee.v.element
                let name = tagName(element)
                let isTemplate = node.pointee.type == GUMBO_NODE_TEMPLATE
                let isNoscript = namespace(element) == .html && name == "noscript"
                if !isTemplate, !isNoscript, element.children.length > 0 {
                    stack.append(Frame(children: element.children, next: 0, keepText: name == "title" || name == "style"))
                } else {
                    visit(.leave)
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                guard frame.keepText, node.pointee.v.text.text != nil else { continue }
                visit(.enter(node))
            default:
                continue  // comments, document
            }
        }
    }

    private static func namespace(_ element: GumboElement) -> Namespace {
        switch element.tag_namespace {
        case GUMBO_NAMESPACE_SVG: return .svg
        case GUMBO_NAMESPACE_MATHML: return .mathml
        default: return .html
        }
    }

    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag), name.pointee != 0 {
            return String(cString: name)
        }
        var piece = element.original_tag
        guard piece.data != nil, piece.length > 0 else { return "" }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data else { return "" }
        let buffer = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: buffer, as: UTF8.self).lowercased()
    }

    private static func attributes(_ vector: GumboVector) -> [Attribute] {
        guard vector.length > 0, let data = vector.data else { return [] }
        var result: [Attribute] = []
        result.reserveCapacity(Int(vector.length))
        for index in 0..<Int(vector.length) {
            guard let raw = data[index] else { continue }
            let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
            guard let name = attribute.name else { continue }
            let value = attribute.value.map { String(cString: $0) } ?? ""
            result.append(Attribute(name: String(cString: name).lowercased(),
                                    isXLink: attribute.attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK,
                                    value: value))
        }
        return result
    }

    // MARK: - Scripting-enabled <noscript>

    /// Renames `<noscript` and `</noscript` tag names (ASCII case-insensitive, followed by whitespace,
    /// `/`, `>` or the end) to `noframes` (same length). Occurrences inside comments, scripts or
    /// attribute values change only text, never the element structure.
    static func renameNoscript(_ input: [UInt8]) -> [UInt8] {
        let name = Array("noscript".utf8)
        let replacement = Array("noframes".utf8)
        var output = input
        var index = 0
        let count = input.count
        while index + 9 <= count {
            guard input[index] == 0x3C else { index += 1; continue }
            var start = index + 1
            if start < count, input[start] == 0x2F { start += 1 }
            guard start + 8 <= count else { break }
            var matches = true
            for offset in 0..<8 {
                var byte = input[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != name[offset] { matches = false; break }
            }
            if matches {
                let after = start + 8 < count ? input[start + 8] : 0x3E
                if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0C || after == 0x0D || after == 0x2F || after == 0x3E {
                    output.replaceSubrange(start..<(start + 8), with: replacement)
                }
                index = start + 8
            } else {
                index += 1
            }
        }
        return output
    }
}

// MARK: - Arena allocator

/// The arena's sentinel block: a doubly linked ring of every live gumbo allocation. Each block is
/// `malloc(16 + size)`: `prev` at offset 0, `next` at 8, the caller's bytes at 16 (malloc's
/// alignment is kept).
enum GumboArena {
    static let header = 16

    static func create() -> UnsafeMutableRawPointer {
        let sentinel = malloc(header)!
        sentinel.storeBytes(of: sentinel, toByteOffset: 0, as: UnsafeMutableRawPointer.self)
        sentinel.storeBytes(of: sentinel, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
        return sentinel
    }

    static func destroy(_ sentinel: UnsafeMutableRawPointer) {
        var block = sentinel.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
        while block != sentinel {
            let next = block.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
            free(block)
            block = next
        }
        free(sentinel)
    }
}

private func gumboArenaAllocate(_ userdata: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let sentinel = userdata, let block = malloc(GumboArena.header + max(size, 1)) else { return nil }
    let next = sentinel.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
    block.storeBytes(of: sentinel, toByteOffset: 0, as: UnsafeMutableRawPointer.self)
    block.storeBytes(of: next, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    next.storeBytes(of: block, toByteOffset: 0, as: UnsafeMutableRawPointer.self)
    sentinel.storeBytes(of: block, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    return block + GumboArena.header
}

private func gumboArenaDeallocate(_ userdata: UnsafeMutableRawPointer?, _ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    let block = pointer - GumboArena.header
    let prev = block.load(fromByteOffset: 0, as: UnsafeMutableRawPointer.self)
    let next = block.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
    prev.storeBytes(of: next, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
    next.storeBytes(of: prev, toByteOffset: 0, as: UnsafeMutableRawPointer.self)
    free(block)
}
