/// Chooses the one image a browser requests from `srcset` / `sizes` / `src` (HTML §4.8.4.3
/// "responsive images" and Chrome's selection logic), for a fixed viewport without layout.
enum SrcsetSelection {
    /// One image candidate of a `srcset` attribute.
    struct Candidate: Equatable, Sendable {
        enum Descriptor: Equatable, Sendable { case density(Double), width(Int) }
        var url: String
        var descriptor: Descriptor
    }

    /// The URL (unresolved) a browser would request, or nil for none.
    ///
    /// - Candidates come from `srcset` (parsed per the spec, below). For an `<img>` (`src` given), its
    ///   `src` is added as a `1x` candidate when it is not empty, no candidate has density 1 and no
    ///   candidate uses a `w` descriptor — exactly the spec's condition (the brief's "src as 1x when no
    ///   1x candidate" plus the spec's "and no width descriptor"). A `<source>` passes `src: nil`.
    /// - A `w` candidate's density is `w / source size`, the source size coming from `sizes`
    ///   (see `sourceSize`), 100vw when `sizes` is absent.
    /// - Candidates with the same density as an earlier one are dropped; the rest sorted by density.
    /// - Chrome's choice (Blink `SelectionLogic`): walking up the sorted densities, the first candidate
    ///   whose next one is ≥ the device pixel ratio decides — at DPR ≤ 1 that is the smallest density
    ///   ≥ DPR; above 1 the lower of the pair is kept when DPR is below their geometric mean. No
    ///   density ≥ DPR: the largest. At DPR 1 (Ecoscore's viewport) this is exactly "the smallest
    ///   density ≥ 1, else the largest".
    static func select(srcset: String?, sizes: String?, src: String?, viewport: Viewport) -> String? {
        var candidates = srcset.map(parseSrcset) ?? []
        if let src, !src.isEmpty,
           !candidates.contains(where: { $0.descriptor == .density(1) }),
           !candidates.contains(where: { if case .width = $0.descriptor { return true } else { return false } }) {
            candidates.append(Candidate(url: src, descriptor: .density(1)))
        }
        return choose(candidates, sizes: sizes, viewport: viewport)
    }

    /// Picks among already parsed candidates (used by `<picture>` sources and `imagesrcset`).
    static func choose(_ candidates: [Candidate], sizes: String?, viewport: Viewport) -> String? {
        guard !candidates.isEmpty else { return nil }
        let hasWidth = candidates.contains { if case .width = $0.descriptor { return true } else { return false } }
        let size = hasWidth ? sourceSize(sizes, viewport: viewport) : Double(viewport.width)
        var resolved: [(url: String, density: Double)] = []
        for candidate in candidates {
            let density: Double
            switch candidate.descriptor {
            case .density(let d): density = d
            case .width(let w): density = size > 0 ? Double(w) / size : .infinity
            }
            if resolved.contains(where: { $0.density == density }) { continue }
            resolved.append((candidate.url, density))
        }
        let sorted = resolved.enumerated().sorted {
            $0.element.density != $1.element.density ? $0.element.density < $1.element.density : $0.offset < $1.offset
        }.map(\.element)
        let dpr = viewport.devicePixelRatio
        var index = 0
        while index < sorted.count - 1 {
            let next = sorted[index + 1].density
            if next < dpr { index += 1; continue }
            let current = sorted[index].density
            let geometricMean = (current * next).squareRoot()
            if (dpr <= 1 && dpr > current) || dpr >= geometricMean { return sorted[index + 1].url }
            return sorted[index].url
        }
        return sorted[index].url
    }

    // MARK: - srcset (HTML "parse a srcset attribute")

    /// Parses a `srcset` per the spec's algorithm: URLs may contain commas (`data:` URLs, URLs
    /// with query commas), a URL ending in commas loses them, descriptors `w` (positive integer),
    /// `x` (non-negative float) and `h` (positive integer, only with `w`) — a candidate with an
    /// invalid, duplicate or mixed descriptor is dropped, one without descriptor is `1x`.
    static func parseSrcset(_ input: String) -> [Candidate] {
        let scalars = Array(input.unicodeScalars)
        var position = 0
        var candidates: [Candidate] = []
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" }

        while true {
            // Splitting loop: skip whitespace and commas.
            while position < scalars.count, isSpace(scalars[position]) || scalars[position] == "," { position += 1 }
            if position >= scalars.count { return candidates }
            // URL: a run of non-whitespace.
            var url = String.UnicodeScalarView()
            while position < scalars.count, !isSpace(scalars[position]) { url.append(scalars[position]); position += 1 }
            var descriptors: [String] = []
            if url.last == "," {
                while url.last == "," { url.removeLast() }
            } else {
                // Descriptor tokenizer.
                while position < scalars.count, isSpace(scalars[position]) { position += 1 }
                var current = ""
                enum State { case inDescriptor, inParens, afterDescriptor }
                var state = State.inDescriptor
                tokenizer: while true {
                    let c: Unicode.Scalar? = position < scalars.count ? scalars[position] : nil
                    switch state {
                    case .inDescriptor:
                        guard let c else {
                            if !current.isEmpty { descriptors.append(current) }
                            break tokenizer
                        }
                        if isSpace(c) {
                            if !current.isEmpty { descriptors.append(current); current = ""; state = .afterDescriptor }
                        } else if c == "," {
                            position += 1
                            if !current.isEmpty { descriptors.append(current) }
                            break tokenizer
                        } else if c == "(" {
                            current.unicodeScalars.append(c)
                            state = .inParens
                        } else {
                            current.unicodeScalars.append(c)
                        }
                    case .inParens:
                        guard let c else {
                            descriptors.append(current)
                            break tokenizer
                        }
                        current.unicodeScalars.append(c)
                        if c == ")" { state = .inDescriptor }
                    case .afterDescriptor:
                        guard let c else { break tokenizer }
                        if !isSpace(c) {
                            state = .inDescriptor
                            continue tokenizer  // reconsume
                        }
                    }
                    position += 1
                }
            }
            if let candidate = candidate(url: String(url), descriptors: descriptors) {
                candidates.append(candidate)
            }
        }
    }

    /// The spec's descriptor parser for one candidate.
    private static func candidate(url: String, descriptors: [String]) -> Candidate? {
        var width: Int?
        var density: Double?
        var height: Int?
        for descriptor in descriptors {
            guard let last = descriptor.last else { return nil }
            let value = String(descriptor.dropLast())
            switch last {
            case "w":
                guard width == nil, density == nil, let w = nonNegativeInteger(value), w > 0 else { return nil }
                width = w
            case "x":
                guard width == nil, density == nil, height == nil, let d = floatingPoint(value), d >= 0 else { return nil }
                density = d
            case "h":
                guard height == nil, density == nil, let h = nonNegativeInteger(value), h > 0 else { return nil }
                height = h
            default:
                return nil
            }
        }
        if height != nil, width == nil { return nil }
        if let width { return Candidate(url: url, descriptor: .width(width)) }
        return Candidate(url: url, descriptor: .density(density ?? 1))
    }

    /// "valid non-negative integer": ASCII digits only.
    private static func nonNegativeInteger(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text.prefix(12))
    }

    /// "valid floating-point number": `-`? digits? (`.` digits)? ([eE] [+-]? digits)?, some digit.
    private static func floatingPoint(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        var count = digits()
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let fraction = digits()
            guard fraction > 0 else { return nil }
            count += fraction
        }
        guard count > 0 else { return nil }
        if index < bytes.count, bytes[index] == 0x45 || bytes[index] == 0x65 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text)
    }

    // MARK: - sizes (HTML "parse a sizes attribute")

    /// The source size in CSS px: the length of the first `sizes` entry whose media condition matches
    /// the viewport (an entry without condition always matches), 100vw when `sizes` is absent, empty
    /// or nothing matches. Entries whose length or condition does not parse are skipped; so is `auto`
    /// (its value needs layout; Chrome only honours it on lazy images, where Ecoscore uses 100vw).
    /// Negative lengths and percentages are invalid.
    static func sourceSize(_ sizes: String?, viewport: Viewport) -> Double {
        let fallback = Double(viewport.width)
        guard let sizes else { return fallback }
        let evaluator = MediaQueryEvaluator(viewport: viewport)
        let entries = CSSComponent.splitOnCommas(CSSComponent.parse(CSSTokenizer.tokenize(sizes)))
        for entry in entries {
            guard let last = entry.last else { continue }
            if case .token(.ident(let word)) = last, word.lowercased() == "auto" { continue }
            guard let size = CSSLength.pixels(last, viewport: viewport), size >= 0 else { continue }
            let condition = Array(entry.dropLast())
            if condition.isEmpty { return size }
            if evaluator.evaluate(condition: condition) == true { return size }
        }
        return fallback
    }
}
