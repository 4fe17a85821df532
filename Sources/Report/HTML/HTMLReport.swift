import Model

/// The HTML scorecard: one self-contained file (inline CSS and SVG, no script, no external resource) rendered
/// from a ScoreCard through auto-escaping Mustache templates. It formats and sorts; every figure is the card's.
public struct HTMLReport: Sendable {
    public let card: ScoreCard
    public let language: ReportLanguage
    /// Recorded audits of the same target, for the trend section (omitted when empty).
    public let trend: [TrendPoint]

    public init(card: ScoreCard, language: ReportLanguage, trend: [TrendPoint] = []) {
        self.card = card; self.language = language; self.trend = trend
    }

    public func render() throws -> String {
        try TemplateSet.render(ReportPage(ReportContext(card: card, language: language), trend: trend), template: "report")
    }
}

/// The root of the report template: the page frame, the table of contents and every section present.
struct ReportPage {
    struct NavItem { let anchor: String; let label: String }

    let lang: String
    let t: [String: String]
    let palette: Palette
    let title: String
    let documentTitle: String
    let subtitle: String
    let incomplete: String?
    let nav: [NavItem]
    let footer: String
    let hasProfile: Bool
    let hasNotes: Bool

    let verdict: VerdictSection
    let families: FamiliesSection?
    let steps: StepsSection?
    let heaviest: HeaviestSection?
    let breakdown: BreakdownSection?
    let serverCPU: ServerCPUSection?
    let footprint: FootprintSection?
    let ecoindex: EcoIndexSection?
    let criteria: CriteriaSection?
    let unanswered: UnansweredSection
    let recommendations: RecommendationsSection?
    let inventory: InventorySection?
    let trend: TrendSection?
    let notes: [String]
    let methodology: MethodologySection

    init(_ context: ReportContext, trend points: [TrendPoint]) {
        let card = context.card
        lang = context.language.rawValue
        t = context.labels
        palette = .standard
        let target = card.profile?.journeyName ?? card.steps.first.map { $0.title ?? $0.url }
            ?? card.profile?.steps.first?.url ?? card.inventory?.name
        title = target.map { context.t("titleOf", $0) } ?? context.t("reportTitle")
        documentTitle = title + " · " + context.language.text(card.grid.title)
        subtitle = context.t("subtitle", context.language.text(card.grid.title), card.grid.version,
                             context.style.date(card.createdAt))
        incomplete = card.profile?.incomplete
        hasProfile = card.profile != nil

        verdict = VerdictSection(context)
        families = FamiliesSection(context)
        steps = StepsSection(context)
        heaviest = HeaviestSection(context)
        breakdown = BreakdownSection(context)
        serverCPU = hasProfile ? ServerCPUSection(context) : nil
        footprint = FootprintSection(context)
        ecoindex = EcoIndexSection(context)
        criteria = CriteriaSection(context)
        unanswered = UnansweredSection(context)
        recommendations = RecommendationsSection(context)
        inventory = InventorySection(context)
        trend = TrendSection(context, trend: points)
        notes = context.notes
        hasNotes = !notes.isEmpty || incomplete != nil
        methodology = MethodologySection(context)

        let present: [(String, Bool)] = [
            ("verdict", true), ("families", families != nil), ("steps", steps != nil), ("heaviest", heaviest != nil),
            ("breakdown", breakdown != nil), ("serverCPU", serverCPU != nil), ("footprint", hasProfile || footprint != nil),
            ("ecoindex", ecoindex != nil), ("criteria", criteria != nil), ("unanswered", true),
            ("recommendations", recommendations != nil), ("inventory", inventory != nil), ("trend", trend != nil),
            ("notes", hasNotes), ("methodology", true),
        ]
        let familiesHeading = families?.heading ?? ""
        nav = present.filter(\.1).map { key, _ in
            NavItem(anchor: key, label: key == "families" ? familiesHeading : context.t("section_" + key))
        }
        footer = context.t("footer", card.tool.name, card.tool.version, String(card.schemaVersion),
                           context.style.date(card.createdAt))
    }
}
