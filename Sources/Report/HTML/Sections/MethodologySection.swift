import Model

/// How the figures were obtained: the grid and which of its thresholds are official, every model and table
/// with its version and source, the reference network, and how the profile was measured. Facts are written
/// "label: value", one per line.
struct MethodologySection {
    let official: String
    let grid: String
    /// Each model or table with its version, choice and source, one per line.
    let models: String
    /// How the profile was measured; nil without a profile.
    let profile: String?

    init(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        official = context.language.text(card.grid.official)
        var grid = [context.labelled(context.t("gridLabel"), "\(context.language.text(card.grid.title)) (\(card.grid.id))"),
                    context.labelled(context.t("versionTitle"), card.grid.version),
                    context.labelled(context.t("source"), card.grid.source),
                    context.labelled(context.t("licence"), card.grid.licence),
                    context.labelled(context.t("gridOrigin"),
                                     card.grid.file ?? context.t(card.grid.bundled ? "bundledGrid" : "customGrid"))]
        if !card.grid.grades.isEmpty {
            grid.append(context.labelled(context.t("gradeScale"), card.grid.grades.map {
                "\($0.grade) ≥ \(style.percent($0.min, digits: 0))"
            }.joined(separator: ", ")))
        }
        if let answers = card.answers {
            grid.append(context.labelled(context.t("answersFile"),
                                         context.t("answersSummary", answers.file ?? "–", style.integer(answers.answered))))
        }
        self.grid = grid.joined(separator: "\n")
        models = card.models.map { model in
            ["\(model.id) \(context.t("version")) \(model.version)",
             model.detail.map { context.labelled(context.t("detail"), $0) },
             context.labelled(context.t("source"), model.source)].compactMap { $0 }.joined(separator: " · ")
        }.joined(separator: "\n")
        var profile: [String] = []
        if let p = card.profile {
            profile.append(context.labelled(context.t("profileSource"), context.t("profileSource_" + p.source)))
            if let journey = p.journeyName { profile.append(context.labelled(context.t("journey"), journey)) }
            profile.append(context.labelled(context.t("runs"), style.integer(p.runs)))
            profile.append(context.labelled(context.t("measuredAt"), style.date(p.createdAt)))
            profile.append(context.labelled(context.t("profiler"), "\(p.tool.name) \(p.tool.version)"))
            // This label ends with its colon.
            profile.append(context.t("serverMeter") + " " + (p.meter ?? context.t("notMetered")))
        }
        if let network = card.journey?.network {
            profile.append(context.labelled(context.t("referenceNetwork"), "\(context.network(network)) — \(network.source)"))
        }
        self.profile = profile.isEmpty ? nil : profile.joined(separator: "\n")
    }
}
