import Model

/// Per-step results of a journey: every axis of the grid's per-step criteria (value and score out of 100),
/// the modelled display time and energy, with a bar per axis.
struct StepsSection {
    struct Axis { let title: String }
    struct Cell { let value: String; let score: String }
    struct Row {
        let name: String
        let url: String
        let score: String
        let cells: [Cell]
        let displayTime: String
        let energy: String
    }

    let network: String?
    let axes: [Axis]
    let rows: [Row]
    let chart: BarChart?
    let score: String?
    let grade: GradeBadge?

    init?(_ context: ReportContext) {
        guard let journey = context.card.journey, !journey.steps.isEmpty else { return nil }
        let style = context.style
        // Columns follow the first step's axes; every step of a journey is scored on the same criteria.
        let criteria = journey.steps[0].axes.map(\.criterion)
        axes = criteria.map { Axis(title: context.criterionTitle($0)) }
        network = journey.network.map(context.network)
        score = journey.score.map { context.outOf100($0) }
        grade = journey.grade.map(GradeBadge.init)
        rows = journey.steps.map { step in
            let cells = criteria.map { id -> Cell in
                guard let axis = step.axes.first(where: { $0.criterion == id }) else {
                    return Cell(value: context.t("notMeasured"), score: "–")
                }
                return Cell(value: context.value(axis.value, unit: axis.unit), score: context.outOf100(axis.score))
            }
            return Row(name: context.stepName(index: step.index, name: step.name), url: step.url,
                       score: context.outOf100(step.score), cells: cells,
                       displayTime: step.displayTime.map { style.milliseconds($0.modelledMs) } ?? context.t("notMeasured"),
                       energy: step.energy.map { style.with(style.significant($0.wh), "Wh") } ?? context.t("notMeasured"))
        }
        var items: [BarChart.Item] = []
        for step in journey.steps {
            items.append(.init(label: context.stepName(index: step.index, name: step.name), value: 0, display: "",
                               heading: true))
            for (position, axis) in step.axes.enumerated() {
                items.append(.init(label: context.criterionTitle(axis.criterion), value: axis.score ?? 0,
                                   display: context.outOf100(axis.score), alt: position % 2 == 1))
            }
        }
        chart = BarChart(id: "chart-steps", title: context.t("stepsChartTitle"), items: items, scale: 100)
    }
}
