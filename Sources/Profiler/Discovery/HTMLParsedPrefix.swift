import Foundation
import Model

/// How much of a very large HTML document gumbo parses.
///
/// gumbo's tree, with the copy Ecoscore keeps, costs 200 to 300 bytes of memory per tag (the node, its
/// child and attribute vectors, text between tags, the arena's bookkeeping), and dense markup has a tag
/// every 3 to 12 bytes: parsed whole, the 16 MiB a response may retain cost 0.6 to 2 GB. So only a prefix
/// is parsed, of at most `maxBytes` and at most `maximumTags` tags (each `<` that opens a tag, end tag or
/// comment): about 250 MB at most for the densest markup, far more than real pages have. What the rest
/// references is not discovered and its elements are not counted (the page records it, see
/// `HTMLScan.unparsedBytes`).
enum HTMLParsedPrefix {
    /// 750,000 tags in 4 MiB is one every 5.6 bytes: only machine-made markup gets there.
    static let maximumTags = 750_000

    /// The length of the prefix of `utf8` to parse: all of it when it fits; else up to the `<` that opens
    /// tag number `maximumTags + 1`, or up to the last `<` within `maxBytes`, so that the last tag parsed is
    /// whole; else, when the second half of the limit holds no `<` (one long text or script), `maxBytes`
    /// moved back to a character boundary.
    static func length(of utf8: [UInt8], maxBytes: Int, maximumTags: Int = maximumTags) -> Int {
        let limit = max(0, maxBytes)
        let scanned = min(utf8.count, limit + 1)
        var tags = 0
        var index = 0
        while let open = utf8[index..<scanned].firstIndex(of: 0x3C) {
            if open + 1 < utf8.count, opensTag(utf8[open + 1]) {
                tags += 1
                if tags > maximumTags { return open }
            }
            index = open + 1
        }
        guard utf8.count > limit else { return utf8.count }
        if let tag = utf8[(limit / 2)...limit].lastIndex(of: 0x3C), tag > 0 { return tag }
        var end = limit
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a UTF-8 sequence
        return end
    }

    /// What may follow `<` for the tokenizer to open a tag, an end tag or a comment (a node, or a
    /// parse step that costs like one).
    private static func opensTag(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2F || byte == 0x21 || byte == 0x3F
    }
}

extension SkippedResource {
    /// How a page records a document parsed only in part: the document itself, listed as skipped for
    /// discovery, with what that means for the profile.
    static func unparsedHTML(_ url: URL, _ scan: HTMLScan, limit: Int) -> SkippedResource {
        let size = limit > 0 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return SkippedResource(
            url: url.absoluteString, resourceType: .document, initiator: nil,
            reason: "the last \(scan.unparsedBytes) bytes of the HTML were not parsed (only the first \(size) and "
                + "\(HTMLParsedPrefix.maximumTags.formatted(.number.locale(Locale(identifier: "en_US")))) tags are): "
                + "what they reference is not requested and the DOM count (\(scan.domElements)) is a lower bound")
    }
}
