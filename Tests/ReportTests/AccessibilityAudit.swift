/// The accessibility and self-containment rules every HTML page Ecoscore writes must follow, checked on the parsed
/// page. Each violation is a sentence naming the rule; an empty list means the page passes.
///
/// Rules (WCAG 2.1 techniques where one applies):
///  1. `<html lang>` is "fr" or "en" (H57) and the document has a doctype and a `<title>` (H25).
///  2. Exactly one `<h1>`; heading levels never skip going down (G141); no empty heading.
///  3. Landmarks: one `<header>`, one `<main>`, one `<footer>`, and every `<nav>` has an aria-label (ARIA11).
///  4. Every `<table>` has a `<caption>` (H39), a `<thead>` of `<th scope="col">`, every `<th>` has a scope
///     (H63), and every body row has as many cells as the header has columns.
///  5. Every `<svg>` has role="img" and a text alternative: aria-labelledby pointing at its own non-empty
///     `<title>`, or aria-label (ARIA6, ARIA16); every `<img>` has alt (H37).
///  6. Every `id` is unique; every in-page link `href="#x"` targets an existing id; every aria-labelledby
///     targets an existing id; every `<a>` has text (H30).
///  7. Grade badges (class grade or badge) carry their letter as text, so colour is never the only cue (F14).
///  8. Self-contained and script-free: no `<script>`, `<iframe>`, `<object>`, `<embed>`, no `<link>` but an icon
///     inlined as `data:` (which spares the browser its request for /favicon.ico), no `src` or `srcset`
///     attribute, no event-handler attribute (on…), no `http(s):`/`//` link other than plain `<a href>`, no
///     `url(` or `@import` in the style sheet.
enum AccessibilityAudit {
    static func violations(_ page: HTMLTagWalker) -> [String] {
        var v: [String] = []
        let e = page.elements

        // 1
        let lang = page.root.attributes["lang"] ?? ""
        if page.root.name != "html" || !["fr", "en"].contains(lang) { v.append("1: <html lang> is '\(lang)'") }
        if !page.doctype { v.append("1: no doctype") }
        if page.all("title").filter({ page.ancestors($0).allSatisfy { e[$0].name != "svg" } })
            .map({ page.text($0) }).first(where: { !$0.isEmpty }) == nil {
            v.append("1: no document <title>")
        }

        // 2
        let headings = e.indices.filter { ["h1", "h2", "h3", "h4", "h5", "h6"].contains(e[$0].name) }
        if headings.filter({ e[$0].name == "h1" }).count != 1 { v.append("2: not exactly one <h1>") }
        var previous = 0
        for h in headings {
            let level = Int(String(e[h].name.dropFirst()))!
            if level > previous + 1 { v.append("2: <\(e[h].name)> '\(page.text(h))' follows h\(previous)") }
            if page.text(h).isEmpty { v.append("2: empty <\(e[h].name)>") }
            previous = level
        }
        if let first = headings.first, e[first].name != "h1" { v.append("2: the first heading is not <h1>") }

        // 3
        for landmark in ["header", "main", "footer"] where page.all(landmark).count != 1 {
            v.append("3: \(page.all(landmark).count) <\(landmark)> landmarks")
        }
        for nav in page.all("nav") where (e[nav].attributes["aria-label"] ?? "").isEmpty {
            v.append("3: <nav> without aria-label")
        }

        // 4
        for table in page.all("table") {
            let inside = page.descendants(table)
            guard let caption = inside.first(where: { e[$0].name == "caption" }), !page.text(caption).isEmpty else {
                v.append("4: a table without caption"); continue
            }
            let name = page.text(caption)
            guard let head = inside.first(where: { e[$0].name == "thead" }) else { v.append("4: '\(name)' has no <thead>"); continue }
            let headerCells = page.descendants(head).filter { ["th", "td"].contains(e[$0].name) }
            if headerCells.contains(where: { e[$0].name != "th" || e[$0].attributes["scope"] != "col" }) {
                v.append("4: '\(name)' header cells are not all <th scope=col>")
            }
            if headerCells.contains(where: { page.text($0).isEmpty }) { v.append("4: '\(name)' has an empty header") }
            for th in inside where e[th].name == "th" && !["col", "row"].contains(e[th].attributes["scope"] ?? "") {
                v.append("4: '\(name)' has a <th> without scope")
            }
            let rows = inside.filter { e[$0].name == "tr" && !page.ancestors($0).contains(head) }
            for row in rows where e[row].children.count != headerCells.count {
                v.append("4: '\(name)' has a row of \(e[row].children.count) cells under \(headerCells.count) headers")
            }
        }

        // 5
        for svg in page.all("svg") {
            if e[svg].attributes["role"] != "img" { v.append("5: <svg> without role=img") }
            if let label = e[svg].attributes["aria-label"], !label.isEmpty { continue }
            guard let id = e[svg].attributes["aria-labelledby"],
                  let title = page.descendants(svg).first(where: { e[$0].name == "title" && e[$0].attributes["id"] == id }),
                  !page.text(title).isEmpty else {
                v.append("5: <svg> without its own labelling <title>"); continue
            }
        }
        for img in page.all("img") where e[img].attributes["alt"] == nil { v.append("5: <img> without alt") }

        // 6
        var ids: [String: Int] = [:]
        for element in e { if let id = element.attributes["id"] { ids[id, default: 0] += 1 } }
        for (id, count) in ids where count > 1 { v.append("6: id '\(id)' used \(count) times") }
        for a in page.all("a") {
            if page.text(a).isEmpty { v.append("6: a link without text") }
            if let href = e[a].attributes["href"], href.hasPrefix("#"), ids[String(href.dropFirst())] == nil {
                v.append("6: link to missing #\(href.dropFirst())")
            }
        }
        for element in e {
            for target in (element.attributes["aria-labelledby"] ?? "").split(separator: " ") where ids[String(target)] == nil {
                v.append("6: aria-labelledby targets missing id '\(target)'")
            }
        }

        // 7
        for i in e.indices {
            let classes = (e[i].attributes["class"] ?? "").split(separator: " ")
            if classes.contains("grade") || classes.contains("badge"), page.text(i).isEmpty {
                v.append("7: a grade badge without text")
            }
        }

        // 8
        let inlineIcon = { (i: Int) in
            e[i].name == "link" && e[i].attributes["rel"] == "icon" && (e[i].attributes["href"] ?? "").hasPrefix("data:")
        }
        for name in ["script", "link", "iframe", "object", "embed"] where page.all(name).contains(where: { !inlineIcon($0) }) {
            v.append("8: a <\(name)> element")
        }
        for (i, element) in e.enumerated() {
            for (attribute, value) in element.attributes {
                if ["src", "srcset", "xlink:href"].contains(attribute) { v.append("8: a \(attribute) attribute") }
                if attribute.hasPrefix("on") { v.append("8: an event handler \(attribute)") }
                if attribute == "href", element.name != "a", !inlineIcon(i) { v.append("8: href on <\(element.name)>") }
                let lower = value.lowercased()
                if attribute != "href", lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
                    v.append("8: an external reference in \(attribute)")
                }
            }
        }
        for style in page.all("style") {
            let css = page.elements[style].content.map { part -> String in
                if case .text(let t) = part { return t } else { return "" }
            }.joined().lowercased()
            if css.contains("url(") || css.contains("@import") || css.contains("@font-face") {
                v.append("8: the style sheet loads something")
            }
        }
        return v
    }
}
