import Model

/// Server CPU per view of each step, median of the runs with their spread; "not measured" when the app's
/// server was not metered.
struct ServerCPUSection {
    struct Row {
        let name: String
        let median: String
        /// Min – max · coefficient of variation · runs.
        let spread: String
    }

    let meter: String?
    let rows: [Row]
    let chart: BarChart?

    init?(_ context: ReportContext) {
        let card = context.card
        let style = context.style
        guard !card.steps.isEmpty else { return nil }
        meter = card.profile?.meter
        let metered = card.steps.compactMap { step in step.serverCPUms.map { (step: step, cpu: $0) } }
        rows = metered.map { entry in
            Row(name: entry.step.name ?? entry.step.title ?? entry.step.url, median: style.milliseconds(entry.cpu.median),
                spread: "\(style.milliseconds(entry.cpu.min)) – \(style.milliseconds(entry.cpu.max)) · "
                    + "\(style.percent(entry.cpu.cv * 100)) · \(style.integer(entry.cpu.n))")
        }
        chart = BarChart(id: "chart-cpu", title: context.t("serverCPU"), items: metered.map {
            .init(label: $0.step.name ?? $0.step.title ?? $0.step.url, value: $0.cpu.median,
                  display: style.milliseconds($0.cpu.median))
        })
    }
}
