extension Hostile {
    // MARK: report injection

    /// Text a report must escape (HTML) and neutralise (CSV): a page whose title is a script, subresource URLs
    /// with quotes and angle brackets, response headers that close an attribute and open a tag, or start with
    /// a spreadsheet formula, a redirect to `ftp://` whose URL carries markup (its error message repeats it),
    /// and a second page whose title is a formula. Every other name below `/hostile/inject/` is a 43-byte GIF.
    static func reportInjection(_ x: inout HostileExchange, name: String) -> HostileEnding {
        let gif = [("Content-Type", "image/gif")]
        switch name {
        case "": return x.respond(type: "text/html; charset=utf-8", body: injectionPage)
        case "formula.html": return x.respond(type: "text/html; charset=utf-8", body: formulaPage)
        case "markup-header.gif":
            return x.respond(headers: gif + [("Cache-Control", injectedMarkup)], body: tinyGIF)
        case "to-ftp":
            return x.respond(status: 302, headers: [("Location", "ftp://127.0.0.1/\(injectedMarkup).png")], body: [])
        default:
            if let value = injectedFormulas[name] { return x.respond(headers: gif + [("Cache-Control", value)], body: tinyGIF) }
            return x.respond(headers: gif, body: tinyGIF)
        }
    }

    /// Closes a quoted attribute and opens an element with a handler.
    static let injectedMarkup = #""><img src=x onerror=alert(1)>"#
    static let injectedTitle = "<script>alert(1)</script>"
    static let injectedFormulaTitle = #"=HYPERLINK("http://evil.example/","open")"#

    /// Image name → a `Cache-Control` value a spreadsheet would read as a formula.
    static let injectedFormulas = [
        "formula-equals.gif": "=1+1",
        "formula-plus.gif": "+1+1",
        "formula-minus.gif": "-1+1",
        "formula-at.gif": "@SUM(1+1)",
    ]

    static let injectionPage = """
        <!doctype html><html lang=en><head><title>\(injectedTitle)</title>
        <link rel=icon href="data:,"></head><body>
        <img src='quote"d.gif' alt="a quote in the URL">
        <img src="angle&lt;brackets&gt;.gif" alt="angle brackets in the URL">
        <img src='markup-in-url/"&gt;&lt;img src=x onerror=alert(1)&gt;.gif' alt="markup in the URL">
        <img src="markup-header.gif" alt="markup in a header">
        \(injectedFormulas.keys.sorted().map { "<img src=\"\($0)\" alt=\"a formula in a header\">" }.joined(separator: "\n"))
        <img src="to-ftp" alt="a redirect to ftp:// with markup">
        </body></html>

        """

    static let formulaPage = """
        <!doctype html><html lang=en><head><title>\(injectedFormulaTitle)</title><link rel=icon href="data:,"></head>
        <body><p>A title a spreadsheet would evaluate.</p></body></html>

        """
}
