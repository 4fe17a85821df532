/// One scorecard of an index page: what was audited, with which grid, its result and its files.
public struct IndexEntry: Sendable {
    public var title: String
    public var grid: String
    public var grade: String?
    /// Percent of the grid's maximum.
    public var score: Double?
    public var links: [IndexLink]

    public init(title: String, grid: String, grade: String?, score: Double?, links: [IndexLink]) {
        self.title = title; self.grid = grid; self.grade = grade; self.score = score; self.links = links
    }
}

/// A file of an entry, by a relative path (the index sits beside the reports).
public struct IndexLink: Sendable {
    public var label: String
    public var href: String

    public init(label: String, href: String) { self.label = label; self.href = href }
}

/// The page that lists the scorecards of one run (`ecoscore demo`, `ecoscore audit --out`): the same frame,
/// style sheet and escaping as the report.
public struct HTMLIndexPage: Sendable {
    public let title: String
    public let entries: [IndexEntry]
    public let language: ReportLanguage
    public let notes: [String]

    public init(title: String, entries: [IndexEntry], language: ReportLanguage, notes: [String] = []) {
        self.title = title; self.entries = entries; self.language = language; self.notes = notes
    }

    public func render() throws -> String {
        try TemplateSet.render(IndexPageView(self), template: "index")
    }
}

struct IndexPageView {
    /// `href` only for a target the report links to; `target` is the text shown for one it refuses.
    struct Link { let label: String; let href: String?; let target: String }
    struct Entry { let title: String; let grid: String; let grade: GradeBadge?; let score: String; let links: [Link] }

    let lang: String
    let t: [String: String]
    let palette: Palette
    let title: String
    let entries: [Entry]
    let notes: [String]

    init(_ page: HTMLIndexPage) {
        let labels = Labels.table(page.language)
        let style = NumberStyle(language: page.language)
        lang = page.language.rawValue
        t = labels
        palette = .standard
        title = page.title
        notes = page.notes
        entries = page.entries.map { entry in
            Entry(title: entry.title, grid: entry.grid, grade: entry.grade.map(GradeBadge.init),
                  score: entry.score.map { style.percent($0) } ?? (labels["notScored"] ?? ""),
                  links: entry.links.map { Link(label: $0.label, href: SafeLink.href($0.href), target: $0.href) })
        }
    }
}
