import Model

/// The verdict at the top: score, grade, the grid and its version, and the main figures of one pass (what is
/// official and what is ours is in the methodology).
struct VerdictSection {
    struct Figure { let label: String; let value: String }

    let grade: GradeBadge?
    let score: String
    let points: String
    let gridTitle: String
    let gridId: String
    let gridVersion: String
    let journeyScore: String?
    let figures: [Figure]

    init(_ context: ReportContext) {
        let card = context.card
        grade = card.grade.map(GradeBadge.init)
        score = card.total.percent.map { context.style.percent($0) } ?? context.t("notScored")
        points = context.points(card.total.points, max: card.total.max)
        gridTitle = context.language.text(card.grid.title)
        gridId = card.grid.id
        gridVersion = card.grid.version
        journeyScore = card.journey?.score.map { context.outOf100($0) }
        var figures: [Figure] = []
        let all = card.families.flatMap(\.criteria)
        func count(_ status: CriterionStatus) -> String { context.style.integer(all.filter { $0.status == status }.count) }
        figures.append(Figure(label: context.t("criteriaScored"), value: count(.scored)))
        figures.append(Figure(label: context.t("criteriaUnanswered"), value: context.style.integer(card.unanswered.count)))
        if !card.flagged.isEmpty {
            figures.append(Figure(label: context.t("criteriaFlagged"), value: context.style.integer(card.flagged.count)))
        }
        if !card.steps.isEmpty {
            // A step counts as measured when one of its runs loaded (its representative run has no error).
            let measured = card.steps.filter { $0.run != nil && $0.error == nil }.count
            let value = measured == card.steps.count ? context.style.integer(measured)
                : "\(context.style.integer(measured)) / \(context.style.integer(card.steps.count))"
            figures.append(Figure(label: context.t("stepsMeasured"), value: value))
        }
        if let footprint = card.footprint {
            figures.append(Figure(label: context.t("transferPerPass"), value: context.style.bytes(footprint.inputs.transferBytes)))
            figures.append(Figure(label: context.t("energyPerPass"),
                                  value: context.style.with(context.style.significant(footprint.energy.totalWh), "Wh")))
            figures.append(Figure(label: context.t("emissionsPerPass"),
                                  value: context.style.with(context.style.significant(footprint.emissions.total), "gCO2e")))
        }
        if let first = card.ecoindex.first(where: { $0.ecoindex != nil }), let e = first.ecoindex {
            figures.append(Figure(label: context.t("ecoindexFirstPage"), value: "\(e.score) (\(e.grade))"))
        }
        if let inventory = card.inventory, let maturity = inventory.maturity {
            figures.append(Figure(label: context.t("inventoryMaturity"), value: "\(maturity.level) – \(context.language.text(maturity.labelText, or: maturity.label) ?? "")"))
        }
        self.figures = figures
    }
}

/// A grade as a written letter on a coloured badge; the colour class only for the letters the palette knows.
struct GradeBadge {
    let letter: String
    let colour: String

    init(_ letter: String) {
        self.letter = letter
        colour = Palette.standard.gradeColours.contains { $0.letter == letter } ? letter : "x"
    }
}
