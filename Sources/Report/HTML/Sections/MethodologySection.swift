import Model

/// How the figures were obtained: the grid and which of its thresholds are official, every model and table
/// with its version and source, the reference network, and how the profile was measured.
struct MethodologySection {
    struct Model { let id: String; let version: String; let source: String; let detail: String }
    struct Fact { let label: String; let value: String }

    let official: String
    let grid: [Fact]
    let models: [Model]
    let profile: [Fact]

    init(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        official = context.language.text(card.grid.official)
        var grid = [Fact(label: context.t("gridLabel"), value: "\(context.language.text(card.grid.title)) (\(card.grid.id))"),
                    Fact(label: context.t("versionTitle"), value: card.grid.version),
                    Fact(label: context.t("source"), value: card.grid.source),
                    Fact(label: context.t("licence"), value: card.grid.licence),
                    Fact(label: context.t("gridOrigin"), value: card.grid.file ?? context.t(card.grid.bundled ? "bundledGrid" : "customGrid"))]
        if !card.grid.grades.isEmpty {
            grid.append(Fact(label: context.t("gradeScale"), value: card.grid.grades.map {
                "\($0.grade) ≥ \(style.percent($0.min, digits: 0))"
            }.joined(separator: ", ")))
        }
        if let answers = card.answers {
            grid.append(Fact(label: context.t("answersFile"),
                             value: context.t("answersSummary", answers.file ?? "–", style.integer(answers.answered))))
        }
        self.grid = grid
        models = card.models.map { Model(id: $0.id, version: $0.version, source: $0.source, detail: $0.detail ?? "–") }
        var profile: [Fact] = []
        if let p = card.profile {
            profile.append(Fact(label: context.t("profileSource"), value: context.t("profileSource_" + p.source)))
            if let journey = p.journeyName { profile.append(Fact(label: context.t("journey"), value: journey)) }
            profile.append(Fact(label: context.t("runs"), value: style.integer(p.runs)))
            profile.append(Fact(label: context.t("measuredAt"), value: style.date(p.createdAt)))
            profile.append(Fact(label: context.t("profiler"), value: "\(p.tool.name) \(p.tool.version)"))
            profile.append(Fact(label: context.t("serverMeter"), value: p.meter ?? context.t("notMetered")))
        }
        if let network = card.journey?.network {
            profile.append(Fact(label: context.t("referenceNetwork"),
                                value: "\(context.network(network)) — \(network.source)"))
        }
        self.profile = profile
    }
}
