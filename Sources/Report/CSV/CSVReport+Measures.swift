import Model

// What was measured: the steps with their spread, bytes by type and domain, every request, the EcoIndex.
extension CSVReport {
    var steps: CSVTable {
        let journey = Dictionary(card.journey?.steps.map { ($0.index, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        let eco = Dictionary(card.ecoindex.map { ($0.index, $0.ecoindex) }, uniquingKeysWith: { a, _ in a })
        typealias Row = (measures: StepMeasures, score: StepScore?, ecoindex: EcoIndexResult?)
        let rows: [Row] = card.steps.map { ($0, journey[$0.index], eco[$0.index] ?? nil) }
        let columns: [CSVColumn<Row>] = [
            CSVColumn("step") { .integer($0.measures.index + 1) },
            CSVColumn("step_name") { .text($0.measures.name) },
            CSVColumn("url") { .text($0.measures.url) },
            CSVColumn("final_url") { .text($0.measures.finalURL) },
            CSVColumn("title") { .text($0.measures.title) },
            CSVColumn("runs") { .integer($0.measures.transferBytes.n) },
            CSVColumn("requests_median") { .number($0.measures.requests.median) },
            CSVColumn("requests_min") { .number($0.measures.requests.min) },
            CSVColumn("requests_max") { .number($0.measures.requests.max) },
            CSVColumn("transfer_bytes_median") { .number($0.measures.transferBytes.median) },
            CSVColumn("transfer_bytes_min") { .number($0.measures.transferBytes.min) },
            CSVColumn("transfer_bytes_max") { .number($0.measures.transferBytes.max) },
            CSVColumn("transfer_bytes_cv") { .number($0.measures.transferBytes.cv) },
            CSVColumn("decoded_bytes_median") { .number($0.measures.decodedBytes.median) },
            CSVColumn("dom_elements_median") { .number($0.measures.domElements?.median) },
            CSVColumn("duration_ms_median") { .number($0.measures.durationMs.median) },
            CSVColumn("duration_ms_cv") { .number($0.measures.durationMs.cv) },
            CSVColumn("server_cpu_ms_median") { .number($0.measures.serverCPUms?.median) },
            CSVColumn("server_cpu_ms_min") { .number($0.measures.serverCPUms?.min) },
            CSVColumn("server_cpu_ms_max") { .number($0.measures.serverCPUms?.max) },
            CSVColumn("server_cpu_ms_cv") { .number($0.measures.serverCPUms?.cv) },
            CSVColumn("failed_requests") { .integer($0.measures.failedRequests) },
            CSVColumn("redirects") { .integer($0.measures.redirects) },
            CSVColumn("skipped_references") { .integer($0.measures.skipped) },
            CSVColumn("step_score_percent") { .number($0.score?.score) },
            CSVColumn("display_time_modelled_ms") { .number($0.score?.displayTime?.modelledMs) },
            CSVColumn("display_time_measured_ms") { .number($0.score?.displayTime?.measuredMs) },
            CSVColumn("energy_wh") { .number($0.score?.energy?.wh) },
            CSVColumn("gco2e") { .number($0.score?.energy?.gCO2e) },
            CSVColumn("water_l") { .number($0.score?.energy?.waterLitres) },
            CSVColumn("ecoindex_score") { .integer($0.ecoindex?.score) },
            CSVColumn("ecoindex_grade") { .text($0.ecoindex?.grade) },
            CSVColumn("error") { .text($0.measures.error) },
        ]
        return CSVTable("steps", rows, columns)
    }

    var breakdowns: CSVTable {
        typealias Row = (step: StepMeasures, dimension: String, part: Breakdown)
        let rows: [Row] = card.steps.flatMap { s in
            s.byType.map { (s, "resource_type", $0) } + s.byDomain.map { (s, "domain", $0) }
        }
        let columns: [CSVColumn<Row>] = [
            CSVColumn("step") { .integer($0.step.index + 1) },
            CSVColumn("step_name") { .text($0.step.name) },
            CSVColumn("dimension") { .text($0.dimension) },
            CSVColumn("key") { .text($0.part.key) },
            CSVColumn("requests") { .integer($0.part.requests) },
            CSVColumn("transfer_bytes") { .integer($0.part.transferBytes) },
            CSVColumn("decoded_bytes") { .integer($0.part.decodedBytes) },
        ]
        return CSVTable("breakdowns", rows, columns)
    }

    var requests: CSVTable {
        typealias Row = (step: StepMeasures, position: Int, request: RequestBrief)
        let rows: [Row] = card.steps.flatMap { s in s.requestList.enumerated().map { (s, $0.offset + 1, $0.element) } }
        let columns: [CSVColumn<Row>] = [
            CSVColumn("step") { .integer($0.step.index + 1) },
            CSVColumn("step_name") { .text($0.step.name) },
            CSVColumn("position") { .integer($0.position) },
            CSVColumn("url") { .text($0.request.url) },
            CSVColumn("resource_type") { .text($0.request.resourceType.rawValue) },
            CSVColumn("status") { .integer($0.request.status) },
            CSVColumn("transfer_bytes") { .integer($0.request.transferBytes) },
            CSVColumn("decoded_bytes") { .integer($0.request.decodedBytes) },
            CSVColumn("content_type") { .text($0.request.contentType) },
            CSVColumn("content_encoding") { .text($0.request.contentEncoding) },
            CSVColumn("http_version") { .text($0.request.httpVersion) },
            CSVColumn("cache_control") { .text($0.request.cacheControl) },
            CSVColumn("error") { .text($0.request.error) },
        ]
        return CSVTable("requests", rows, columns)
    }

    var ecoindex: CSVTable {
        let columns: [CSVColumn<PageEcoIndex>] = [
            CSVColumn("step") { .integer($0.index + 1) },
            CSVColumn("step_name") { .text($0.name) },
            CSVColumn("url") { .text($0.url) },
            CSVColumn("ecoindex_score") { .integer($0.ecoindex?.score) },
            CSVColumn("ecoindex_grade") { .text($0.ecoindex?.grade) },
            CSVColumn("ghg_gco2e") { .number($0.ecoindex?.ghg) },
            CSVColumn("water_cl") { .number($0.ecoindex?.water) },
            CSVColumn("dom_elements") { .integer($0.ecoindex?.domElements) },
            CSVColumn("requests") { .integer($0.ecoindex?.requests) },
            CSVColumn("size_kb") { .number($0.ecoindex?.sizeKB) },
        ]
        return CSVTable("ecoindex", card.ecoindex, columns)
    }
}
