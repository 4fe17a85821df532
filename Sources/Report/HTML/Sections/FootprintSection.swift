import Model

/// Energy, emissions and water of one pass through the journey, segment by segment, with the model and every
/// constant that produced them (grouped by source, one per line).
struct FootprintSection {
    struct Segment { let name: String; let energy: String; let emissions: String }
    struct Source { let source: String; let constants: String }

    /// The main figures, "label: value" one per line.
    let figures: String
    let segments: [Segment]
    /// The model, the server method, the carbon intensity and green hosting, one per line.
    let method: String
    let sources: [Source]

    init?(_ context: ReportContext) {
        guard let f = context.card.footprint else { return nil }
        let style = context.style
        func kWhAsWh(_ kWh: Double) -> String { style.with(style.significant(kWh * 1000), "Wh") }
        func grams(_ g: Double) -> String { style.with(style.significant(g), "gCO2e") }
        figures = [
            context.labelled(context.t("energyTotal"), kWhAsWh(f.energy.totalKWh)),
            context.labelled(context.t("electricity"), kWhAsWh(f.energy.electricityKWh)),
            context.labelled(context.t("emissions"), grams(f.emissions.total)),
            context.labelled(context.t("water"), style.with(style.significant(f.water.litres), "L")),
            context.labelled(context.t("swdRating"), f.rating),
            context.labelled(context.t("transferPerPass"), style.bytes(f.inputs.transferBytes)),
            context.labelled(context.t("serverCPUSeconds"), context.card.steps.contains { $0.serverCPUms != nil }
                ? style.with(style.significant(f.inputs.serverCPUSeconds), "s") : context.t("notMetered")),
        ].joined(separator: "\n")
        func segment(_ name: String, _ path: KeyPath<SegmentFigures, Double>) -> Segment {
            Segment(name: name,
                    energy: kWhAsWh(f.energy.operational[keyPath: path]) + " + " + kWhAsWh(f.energy.embodied[keyPath: path]),
                    emissions: grams(f.emissions.operational[keyPath: path]) + " + "
                        + grams(f.emissions.embodied[keyPath: path]))
        }
        segments = [segment(context.t("segment_dataCentre"), \.dataCentre),
                    segment(context.t("segment_network"), \.network),
                    segment(context.t("segment_device"), \.device),
                    Segment(name: context.t("segment_server"), energy: kWhAsWh(f.energy.serverKWh),
                            emissions: grams(f.emissions.server))]
        let intensity = "\(f.intensity.name): \(style.with(style.significant(f.intensity.gPerKWh), "gCO2e/kWh")) — \(f.intensity.source)"
            + (f.intensity.year.map { " (\($0))" } ?? "")
        method = [
            context.labelled(context.t("model"), "\(f.model.bytesModel) v\(f.model.bytesModelVersion) · \(f.model.serverModel) · "
                 + "models/footprint.yaml \(f.model.dataVersion)"),
            // These three labels end with their colon.
            context.t("serverMethod") + " " + f.model.serverMethod,
            context.t("intensity") + " " + intensity,
            context.t("greenHosting") + " " + context.t(f.inputs.greenHosting ? "yes" : "no"),
            context.t("constantsCaption") + context.t("colon"),
        ].joined(separator: "\n")
        // Grouped by source in the order the card lists them: most constants share one of a few sources.
        var order: [String] = []
        var bySource: [String: [String]] = [:]
        for constant in f.constants {
            if bySource[constant.source] == nil { order.append(constant.source) }
            bySource[constant.source, default: []].append("\(constant.name) = \(style.with(style.exact(constant.value), constant.unit))")
        }
        sources = order.map { Source(source: $0, constants: (bySource[$0] ?? []).joined(separator: "\n")) }
    }
}
