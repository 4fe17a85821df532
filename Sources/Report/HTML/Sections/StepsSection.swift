import Model

/// Per-step results of a journey: every axis of the grid's per-step criteria (value and score out of 100),
/// with a bar per axis.
struct StepsSection {
    struct Axis { let title: String; let detail: String }
    struct Cell { let value: String; let score: String }
    struct Row {
        let name: String
        let score: String
        let cells: [Cell]
    }

    let network: String?
    let axes: [Axis]
    /// Each axis and the criterion behind it, one per line.
    let axesDetail: String
    let rows: [Row]
    let chart: BarChart?
    let score: String?
    let grade: GradeBadge?

    init?(_ context: ReportContext) {
        guard let journey = context.card.journey, !journey.steps.isEmpty else { return nil }
        // Columns follow the first step's axes; every step of a journey is scored on the same criteria.
        // Headed by their family (data, display time, energy): the criterion titles are too long for a column.
        let first = journey.steps[0].axes
        let criteria = first.map(\.criterion)
        axes = first.map { Axis(title: context.familyTitle($0.family), detail: context.criterionTitle($0.criterion)) }
        axesDetail = axes.map { context.labelled($0.title, $0.detail) }.joined(separator: "\n")
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
            return Row(name: context.stepName(index: step.index, name: step.name),
                       score: context.outOf100(step.score), cells: cells)
        }
        var items: [BarChart.Item] = []
        for step in journey.steps {
            items.append(.init(label: context.stepName(index: step.index, name: step.name), value: 0, display: "",
                               heading: true))
            for (position, axis) in step.axes.enumerated() {
                items.append(.init(label: context.familyTitle(axis.family), value: axis.score ?? 0,
                                   display: context.outOf100(axis.score), alt: position % 2 == 1))
            }
        }
        chart = BarChart(id: "chart-steps", title: context.t("stepsChartTitle"), items: items, scale: 100)
    }
}
