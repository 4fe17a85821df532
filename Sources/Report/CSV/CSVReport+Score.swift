import Foundation
import Model

// The score itself: one summary row, the families, the criteria with their evidence.
extension CSVReport {
    var summary: CSVTable {
        let steps = card.steps
        let l = language
        let columns: [CSVColumn<ScoreCard>] = [
            CSVColumn("grid_id") { .text($0.grid.id) },
            CSVColumn("grid_version") { .text($0.grid.version) },
            CSVColumn("grid_title") { .text(l.text($0.grid.title)) },
            CSVColumn("created_at") { .text(ISO8601DateFormatter().string(from: $0.createdAt)) },
            CSVColumn("tool_version") { .text($0.tool.version) },
            CSVColumn("journey_name") { .text($0.profile?.journeyName) },
            CSVColumn("first_url") { .text($0.profile?.steps.first?.url ?? $0.steps.first?.url) },
            CSVColumn("steps") { .integer($0.profile?.steps.count ?? $0.steps.count) },
            CSVColumn("runs") { .integer($0.profile?.runs) },
            CSVColumn("points") { .number($0.total.points) },
            CSVColumn("max_points") { .number($0.total.max) },
            CSVColumn("score_percent") { .number($0.total.percent) },
            CSVColumn("grade") { .text($0.grade) },
            CSVColumn("journey_score_percent") { .number($0.journey?.score) },
            CSVColumn("journey_grade") { .text($0.journey?.grade) },
            CSVColumn("network") { .text($0.journey?.network?.id) },
            CSVColumn("requests_median_sum") { _ in steps.isEmpty ? .empty : .number(steps.reduce(0) { $0 + $1.requests.median }) },
            CSVColumn("transfer_bytes_median_sum") { _ in steps.isEmpty ? .empty : .number(steps.reduce(0) { $0 + $1.transferBytes.median }) },
            CSVColumn("energy_wh") { .number($0.footprint?.energy.totalWh) },
            CSVColumn("gco2e") { .number($0.footprint?.emissions.total) },
            CSVColumn("water_l") { .number($0.footprint?.water.litres) },
            CSVColumn("intensity") { .text($0.footprint?.intensity.name) },
            CSVColumn("intensity_gco2e_per_kwh") { .number($0.footprint?.intensity.gPerKWh) },
            CSVColumn("unanswered_criteria") { .integer($0.unanswered.count) },
            CSVColumn("flagged_criteria") { .integer($0.flagged.count) },
            CSVColumn("recommendations") { .integer($0.recommendations.count) },
        ]
        return CSVTable("summary", [card], columns)
    }

    var families: CSVTable {
        let l = language
        func count(_ f: FamilyScore, _ status: CriterionStatus) -> CSVCell { .integer(f.criteria.filter { $0.status == status }.count) }
        let columns: [CSVColumn<FamilyScore>] = [
            CSVColumn("family_id") { .text($0.id) },
            CSVColumn("family_title") { .text(l.text($0.title)) },
            CSVColumn("weight") { .number($0.weight) },
            CSVColumn("points") { .number($0.total.points) },
            CSVColumn("max_points") { .number($0.total.max) },
            CSVColumn("score_percent") { .number($0.total.percent) },
            CSVColumn("criteria") { .integer($0.criteria.count) },
            CSVColumn("scored") { count($0, .scored) },
            CSVColumn("unanswered") { count($0, .unanswered) },
            CSVColumn("not_applicable") { count($0, .notApplicable) },
            CSVColumn("unmeasured") { count($0, .unmeasured) },
            CSVColumn("flagged") { count($0, .flagged) },
        ]
        return CSVTable("families", card.families, columns)
    }

    var criteria: CSVTable {
        let l = language
        let rows = card.families.flatMap { f in f.criteria.map { (family: f, criterion: $0) } }
        let columns: [CSVColumn<(family: FamilyScore, criterion: CriterionScore)>] = [
            CSVColumn("family_id") { .text($0.family.id) },
            CSVColumn("family_title") { .text(l.text($0.family.title)) },
            CSVColumn("criterion_id") { .text($0.criterion.id) },
            CSVColumn("criterion_title") { .text(l.text($0.criterion.title)) },
            CSVColumn("kind") { .text($0.criterion.kind.rawValue) },
            CSVColumn("status") { .text($0.criterion.status.rawValue) },
            CSVColumn("weight") { .number($0.criterion.weight) },
            CSVColumn("points") { .number($0.criterion.points) },
            CSVColumn("max_points") { .number($0.criterion.max) },
            CSVColumn("metric") { .text($0.criterion.metric) },
            CSVColumn("unit") { .text($0.criterion.unit) },
            CSVColumn("measured_value") { .number($0.criterion.measured) },
            CSVColumn("threshold") { .text(l.text($0.criterion.thresholdText, or: $0.criterion.threshold)) },
            CSVColumn("answer") { .text($0.criterion.answer) },
            CSVColumn("answer_source") { .text($0.criterion.answerSource) },
            CSVColumn("declared_answer") { .text($0.criterion.declared?.answer) },
            CSVColumn("declared_comment") { .text($0.criterion.declared?.comment) },
            CSVColumn("measured_answer") { .text($0.criterion.prefilled?.answer) },
            CSVColumn("evidence") { .text(Self.evidence($0.criterion.prefilled, l)) },
            CSVColumn("note") {
                .text(l.text($0.criterion.noteText, or: $0.criterion.note)
                      ?? l.text($0.criterion.prefilled?.noteText, or: $0.criterion.prefilled?.note))
            },
        ]
        return CSVTable("criteria", rows, columns)
    }

    /// The checks behind a pre-filled answer, one per `; `: `metric value unit threshold pass|fail|n/a`, then the
    /// check's detail in `language`.
    static func evidence(_ measured: MeasuredAnswer?, _ language: ReportLanguage) -> String? {
        guard let checks = measured?.checks, !checks.isEmpty else { return nil }
        return checks.map { e in
            let value = e.value.map { CSVNumber.format($0, decimalMark: ".") + " " + e.unit } ?? "n/a"
            let verdict = e.passed.map { $0 ? "pass" : "fail" } ?? "n/a"
            return "\(e.metric) \(value) (\(e.threshold)) \(verdict)" + (language.text(e.detailText, or: e.detail).map { ": \($0)" } ?? "")
        }.joined(separator: "; ")
    }
}
