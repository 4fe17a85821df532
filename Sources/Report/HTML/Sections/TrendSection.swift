import Model

/// The main figures of the recorded audits of this target, oldest first: a sparkline per figure and the table.
struct TrendSection {
    struct Row {
        let date: String
        let label: String
        let score: String
        let grade: String
        let transfer: String
        let requests: String
        let energy: String
        let cpu: String
    }

    let lines: [Sparkline]
    let rows: [Row]

    init?(_ context: ReportContext, trend: [TrendPoint]) {
        guard !trend.isEmpty else { return nil }
        let style = context.style
        let points = trend.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
        func line(_ key: String, _ values: [Double?], _ format: @escaping (Double) -> String) -> Sparkline? {
            Sparkline(id: "trend-\(key)", label: context.t("trend_" + key), values: values, format: format) { first, last, n in
                context.t("trendSummary", context.t("trend_" + key), first, last, style.integer(n))
            }
        }
        lines = [
            line("score", points.map(\.score)) { style.fixed($0, 1) },
            line("transfer", points.map(\.transferBytes)) { style.bytes($0) },
            line("requests", points.map(\.requests)) { style.integer($0) },
            line("energy", points.map(\.energyWh)) { style.with(style.significant($0), "Wh") },
            line("cpu", points.map(\.serverCPUms)) { style.milliseconds($0) },
        ].compactMap { $0 }
        rows = points.map { p in
            Row(date: style.date(p.recordedAt), label: p.label ?? "–", score: p.score.map { style.fixed($0, 1) } ?? "–",
                grade: p.grade ?? "–", transfer: style.bytes(p.transferBytes), requests: style.integer(p.requests),
                energy: p.energyWh.map { style.with(style.significant($0), "Wh") } ?? "–",
                cpu: p.serverCPUms.map { style.milliseconds($0) } ?? "–")
        }
    }
}
