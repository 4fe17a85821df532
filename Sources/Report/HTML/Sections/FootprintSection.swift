import Model

/// Energy, emissions and water of one pass through the journey, segment by segment, with the model and every
/// constant that produced them.
struct FootprintSection {
    struct Figure { let label: String; let value: String }
    struct Segment {
        let name: String
        let operationalEnergy: String
        let embodiedEnergy: String
        let operationalEmissions: String
        let embodiedEmissions: String
    }
    struct Constant { let name: String; let value: String; let unit: String; let source: String }

    let figures: [Figure]
    let segments: [Segment]
    let constants: [Constant]
    let model: String
    let serverMethod: String
    let intensity: String
    let greenHosting: String

    init?(_ context: ReportContext) {
        guard let f = context.card.footprint else { return nil }
        let style = context.style
        func kWhAsWh(_ kWh: Double) -> String { style.with(style.significant(kWh * 1000), "Wh") }
        func grams(_ g: Double) -> String { style.with(style.significant(g), "gCO2e") }
        figures = [
            Figure(label: context.t("energyTotal"), value: kWhAsWh(f.energy.totalKWh)),
            Figure(label: context.t("electricity"), value: kWhAsWh(f.energy.electricityKWh)),
            Figure(label: context.t("emissions"), value: grams(f.emissions.total)),
            Figure(label: context.t("water"), value: style.with(style.significant(f.water.litres), "L")),
            Figure(label: context.t("swdRating"), value: f.rating),
            Figure(label: context.t("transferPerPass"), value: style.bytes(f.inputs.transferBytes)),
            Figure(label: context.t("serverCPUSeconds"),
                   value: context.card.steps.contains { $0.serverCPUms != nil }
                       ? style.with(style.significant(f.inputs.serverCPUSeconds), "s") : context.t("notMetered")),
        ]
        func segment(_ key: String, _ path: KeyPath<SegmentFigures, Double>) -> Segment {
            Segment(name: context.t(key), operationalEnergy: kWhAsWh(f.energy.operational[keyPath: path]),
                    embodiedEnergy: kWhAsWh(f.energy.embodied[keyPath: path]),
                    operationalEmissions: grams(f.emissions.operational[keyPath: path]),
                    embodiedEmissions: grams(f.emissions.embodied[keyPath: path]))
        }
        segments = [segment("segment_dataCentre", \.dataCentre), segment("segment_network", \.network),
                    segment("segment_device", \.device),
                    Segment(name: context.t("segment_server"), operationalEnergy: kWhAsWh(f.energy.serverKWh),
                            embodiedEnergy: "–", operationalEmissions: grams(f.emissions.server), embodiedEmissions: "–")]
        constants = f.constants.map {
            Constant(name: $0.name, value: style.exact($0.value), unit: $0.unit, source: $0.source)
        }
        model = "\(f.model.bytesModel) v\(f.model.bytesModelVersion) · \(f.model.serverModel) · models/footprint.yaml \(f.model.dataVersion)"
        serverMethod = f.model.serverMethod
        intensity = "\(f.intensity.name): \(style.with(style.significant(f.intensity.gPerKWh), "gCO2e/kWh")) — \(f.intensity.source)"
            + (f.intensity.year.map { " (\($0))" } ?? "")
        greenHosting = context.t(f.inputs.greenHosting ? "yes" : "no")
    }
}
