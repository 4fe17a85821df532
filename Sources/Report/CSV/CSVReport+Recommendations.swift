import Model

// Ranked recommendations, and the requests each one names.
extension CSVReport {
    var recommendations: CSVTable {
        let l = language
        let columns: [CSVColumn<Recommendation>] = [
            CSVColumn("rank") { .integer($0.rank) },
            CSVColumn("recommendation_id") { .text($0.id) },
            CSVColumn("title") { .text(l.text($0.title)) },
            CSVColumn("why") { .text(l.text($0.why)) },
            CSVColumn("level") { .text($0.level.rawValue) },
            CSVColumn("steps") { .text($0.pages.map { String($0 + 1) }.joined(separator: " ")) },
            CSVColumn("estimated_saving_bytes") { .integer($0.estimatedSavingBytes) },
            CSVColumn("estimated_saving_requests") { .integer($0.estimatedSavingRequests) },
            CSVColumn("estimated_saving_wh") { .number($0.estimatedSavingWh) },
            CSVColumn("saving_basis") { .text($0.savingBasis.rawValue) },
            CSVColumn("offending_requests") { .integer($0.offendingRequests.count) },
        ]
        return CSVTable("recommendations", card.recommendations, columns)
    }

    var recommendationRequests: CSVTable {
        let l = language
        typealias Row = (recommendation: Recommendation, request: OffendingRequest)
        let rows: [Row] = card.recommendations.flatMap { r in r.offendingRequests.map { (r, $0) } }
        let columns: [CSVColumn<Row>] = [
            CSVColumn("rank") { .integer($0.recommendation.rank) },
            CSVColumn("recommendation_id") { .text($0.recommendation.id) },
            CSVColumn("step") { .integer($0.request.page + 1) },
            CSVColumn("url") { .text($0.request.url) },
            CSVColumn("transfer_bytes") { .integer($0.request.transferBytes) },
            CSVColumn("estimated_saving_bytes") { .integer($0.request.estimatedSavingBytes) },
            CSVColumn("detail") { .text(l.text($0.request.detailText, or: $0.request.detail)) },
        ]
        return CSVTable("recommendation_requests", rows, columns)
    }
}
