/// The EcoIndex "DOM elements" figure of a parsed document.
///
/// Definition (as the EcoIndex reference counts `document.getElementsByTagName('*')` minus the
/// descendants of `<svg>` elements, in a scripting browser):
/// - every element of the HTML5 tree counts, including the ones the parser implies (`html`, `head`,
///   `body`, `tbody` in `<table><tr>`, `colgroup`…) and foreign ones (MathML);
/// - an `<svg>` element counts as one; nothing below it counts (its shapes, `<foreignObject>` and any
///   HTML inside it, nested `<svg>`s). The reference implementation subtracts the descendants of every
///   `<svg>` including nested ones, so it would subtract an inner svg's descendants twice; Ecoscore
///   counts each element at most once (the difference only exists for an `<svg>` inside an `<svg>`);
/// - `<noscript>` counts as one element and its content is text (scripting is on);
/// - `<template>` counts as one element; its content is a separate document fragment, not counted;
/// - text, comments and the doctype are not elements. The document of an `<iframe srcdoc>` is a
///   different document and does not count for the page.
enum DOMCounter {
    static func count(_ document: GumboDocument) -> Int {
        let nodes = document.nodes
        var total = 0
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            guard node.isElement else { index += 1; continue }
            total += 1
            // The outermost svg: skip its subtree (a nested svg is inside it, so never reached here).
            index = node.namespace == .svg && node.name == "svg" ? node.end : index + 1
        }
        return total
    }
}
