import Foundation
import Model
import Testing
@testable import Report

/// Every table of a score card written as CSV, read back with SwiftCSV and compared with the card.
@Suite struct CSVReportTests {
    /// The documented schema (docs/reports.md): a change here is a change of the public format.
    static let schema: [String: [String]] = [
        "summary": ["grid_id", "grid_version", "grid_title", "created_at", "tool_version", "journey_name", "first_url",
                    "steps", "runs", "points", "max_points", "score_percent", "grade", "journey_score_percent",
                    "journey_grade", "network", "requests_median_sum", "transfer_bytes_median_sum", "energy_wh", "gco2e",
                    "water_l", "intensity", "intensity_gco2e_per_kwh", "unanswered_criteria", "flagged_criteria",
                    "recommendations"],
        "families": ["family_id", "family_title", "weight", "points", "max_points", "score_percent", "criteria", "scored",
                     "unanswered", "not_applicable", "unmeasured", "flagged"],
        "criteria": ["family_id", "family_title", "criterion_id", "criterion_title", "kind", "status", "weight", "points",
                     "max_points", "metric", "unit", "measured_value", "threshold", "answer", "answer_source",
                     "declared_answer", "declared_comment", "measured_answer", "evidence", "note"],
        "steps": ["step", "step_name", "url", "final_url", "title", "runs", "requests_median", "requests_min", "requests_max",
                  "transfer_bytes_median", "transfer_bytes_min", "transfer_bytes_max", "transfer_bytes_cv",
                  "decoded_bytes_median", "dom_elements_median", "duration_ms_median", "duration_ms_cv",
                  "server_cpu_ms_median", "server_cpu_ms_min", "server_cpu_ms_max", "server_cpu_ms_cv", "failed_requests",
                  "redirects", "skipped_references", "step_score_percent", "display_time_modelled_ms",
                  "display_time_measured_ms", "energy_wh", "gco2e", "water_l", "ecoindex_score", "ecoindex_grade", "error"],
        "breakdowns": ["step", "step_name", "dimension", "key", "requests", "transfer_bytes", "decoded_bytes"],
        "requests": ["step", "step_name", "position", "url", "resource_type", "status", "transfer_bytes", "decoded_bytes",
                     "content_type", "content_encoding", "http_version", "cache_control", "error"],
        "ecoindex": ["step", "step_name", "url", "ecoindex_score", "ecoindex_grade", "ghg_gco2e", "water_cl", "dom_elements",
                     "requests", "size_kb"],
        "recommendations": ["rank", "recommendation_id", "title", "why", "level", "steps", "estimated_saving_bytes",
                            "estimated_saving_requests", "estimated_saving_wh", "saving_basis", "offending_requests"],
        "recommendation_requests": ["rank", "recommendation_id", "step", "url", "transfer_bytes", "estimated_saving_bytes",
                                    "detail"],
        "inventory_lines": ["line", "kind", "name", "type", "reference", "quantity", "lifespan_years",
                            "default_lifespan_years", "hours_per_day", "country_code", "in_data_centre", "pue", "annual_kwh",
                            "views_per_year"],
        "inventory_impacts": ["scope", "key", "quantity", "criterion", "unit", "manufacturing_per_year",
                              "distribution_per_year", "use_per_year", "end_of_life_per_year", "total_per_year"],
        "inventory_assumptions": ["line", "field", "value", "source"],
    ]

    @Test(arguments: CSVDialect.allCases)
    func everyTableReadsBackWithItsDocumentedColumnsAndEveryCell(dialect: CSVDialect) throws {
        let report = CSVReport(card: try CSVSampleCard.make(), language: .en)
        #expect(report.tables.map(\.name) == CSVReport.tableNames)
        for table in report.tables {
            let (header, rows) = try CSVReadBack.parse(table, dialect)
            #expect(header == Self.schema[table.name], "\(table.name)")
            #expect(rows.count == table.rows.count, "\(table.name)")
            for (read, written) in zip(rows, table.rows) {
                #expect(read.count == header.count, "\(table.name): \(read)")
                for (field, cell) in zip(read, written) {
                    #expect(CSVReadBack.matches(field, cell, dialect), "\(table.name) \(dialect): \(field) ≠ \(cell)")
                }
            }
            #expect(table.render(dialect).hasSuffix("\r\n"))
        }
    }

    @Test func aCardWithoutInventoryHasNoInventoryTables() throws {
        var card = try CSVSampleCard.make()
        card.inventory = nil
        let report = CSVReport(card: card, language: .en)
        #expect(report.tables.map(\.name) == CSVReport.tableNames.filter { !$0.hasPrefix("inventory_") })
        #expect(report.table("inventory_lines")?.rows.isEmpty == true)
        #expect(report.table("nonsense") == nil)
    }

    @Test(arguments: [ReportLanguage.fr, .en])
    func criteriaAndFamiliesMatchTheCardInTheChosenLanguage(language: ReportLanguage) throws {
        let card = try CSVSampleCard.make()
        let report = CSVReport(card: card, language: language)
        let criteria = try CSVReadBack.records(try #require(report.table("criteria")))
        let expected = card.families.flatMap { f in f.criteria.map { (f, $0) } }
        #expect(criteria.count == expected.count)
        for (row, (family, c)) in zip(criteria, expected) {
            #expect(row["family_id"] == family.id)
            #expect(CSVReadBack.text(row["family_title"] ?? "") == language.text(family.title))
            #expect(row["criterion_id"] == c.id)
            #expect(CSVReadBack.text(row["criterion_title"] ?? "") == language.text(c.title))
            #expect(row["kind"] == c.kind.rawValue)
            #expect(row["status"] == c.status.rawValue)
            #expect(CSVReadBack.number(row["points"]) == c.points)
            #expect(CSVReadBack.number(row["max_points"]) == c.max)
            #expect(CSVReadBack.number(row["weight"]) == c.weight)
            #expect(CSVReadBack.number(row["measured_value"]) == c.measured)
            #expect(row["declared_comment"] == (c.declared?.comment ?? ""))
        }
        let flagged = try #require(criteria.first { $0["criterion_id"] == "6.3" })
        #expect(flagged["evidence"] == "compression.share 0.25 ratio (> 0.75) fail: 1 of 4 text responses compressed")
        #expect(flagged["measured_answer"] == "non validé")
        let families = try CSVReadBack.records(try #require(report.table("families")))
        #expect(families.map { $0["family_id"] } == card.families.map(\.id))
        #expect(families[1]["unanswered"] == "1" && families[1]["not_applicable"] == "1" && families[1]["flagged"] == "1")
        #expect(CSVReadBack.number(families[1]["score_percent"]) == card.families[1].total.percent)
    }

    @Test func stepsBreakdownsAndRequestsMatchTheCard() throws {
        let card = try CSVSampleCard.make()
        let report = CSVReport(card: card, language: .en)
        let steps = try CSVReadBack.records(try #require(report.table("steps")))
        #expect(steps.count == card.steps.count)
        for (row, s) in zip(steps, card.steps) {
            #expect(row["step"] == String(s.index + 1))
            #expect(row["url"] == s.url)
            #expect(CSVReadBack.number(row["transfer_bytes_median"]) == s.transferBytes.median)
            #expect(CSVReadBack.number(row["transfer_bytes_max"]) == s.transferBytes.max)
            #expect(CSVReadBack.number(row["requests_median"]) == s.requests.median)
            #expect(CSVReadBack.number(row["server_cpu_ms_median"]) == s.serverCPUms?.median)
            #expect(CSVReadBack.number(row["dom_elements_median"]) == s.domElements?.median)
            #expect(row["runs"] == String(s.transferBytes.n))
            #expect(CSVReadBack.text(row["title"] ?? "") == s.title)
        }
        // Journey figures land on the step they belong to; the step without one has empty cells.
        let step = try #require(card.journey?.steps.first)
        #expect(CSVReadBack.number(steps[0]["energy_wh"]) == step.energy?.wh)
        #expect(CSVReadBack.number(steps[0]["gco2e"]) == step.energy?.gCO2e)
        #expect(CSVReadBack.number(steps[0]["display_time_modelled_ms"]) == step.displayTime?.modelledMs)
        #expect(steps[0]["ecoindex_grade"] == "A" && steps[0]["ecoindex_score"] == "87")
        #expect(steps[1]["energy_wh"] == "" && steps[1]["ecoindex_score"] == "")

        let requests = try CSVReadBack.records(try #require(report.table("requests")))
        let expected = card.steps.flatMap { s in s.requestList.map { (s, $0) } }
        #expect(requests.count == expected.count)
        for (row, (s, r)) in zip(requests, expected) {
            #expect(row["step"] == String(s.index + 1))
            #expect(row["url"] == r.url)
            #expect(row["resource_type"] == r.resourceType.rawValue)
            #expect(row["transfer_bytes"] == String(r.transferBytes))
            #expect(row["status"] == r.status.map(String.init) ?? "")
            #expect(CSVReadBack.text(row["cache_control"] ?? "") == r.cacheControl ?? "")
            #expect(row["content_type"] == r.contentType ?? "")
        }
        let breakdowns = try CSVReadBack.records(try #require(report.table("breakdowns")))
        #expect(breakdowns.count == card.steps.reduce(0) { $0 + $1.byType.count + $1.byDomain.count })
        #expect(breakdowns.first?["dimension"] == "resource_type" && breakdowns.first?["transfer_bytes"] == "50000")
    }

    @Test func recommendationsEcoIndexAndSummaryMatchTheCard() throws {
        let card = try CSVSampleCard.make()
        let report = CSVReport(card: card, language: .fr)
        let recommendations = try CSVReadBack.records(try #require(report.table("recommendations")))
        let r = try #require(card.recommendations.first)
        #expect(recommendations.count == 1)
        #expect(recommendations[0]["rank"] == "1" && recommendations[0]["recommendation_id"] == r.id)
        #expect(recommendations[0]["title"] == r.title.fr)
        #expect(recommendations[0]["why"] == r.why.fr)
        #expect(recommendations[0]["steps"] == "1 2")
        #expect(recommendations[0]["estimated_saving_bytes"] == "40312")
        #expect(CSVReadBack.number(recommendations[0]["estimated_saving_wh"]) == r.estimatedSavingWh)
        let offending = try CSVReadBack.records(try #require(report.table("recommendation_requests")))
        #expect(offending.map { $0["url"] } == r.offendingRequests.map(\.url))
        #expect(offending.first?["step"] == "2")

        let eco = try CSVReadBack.records(try #require(report.table("ecoindex")))
        #expect(eco.count == card.ecoindex.count)
        #expect(eco[0]["ecoindex_score"] == "87" && CSVReadBack.number(eco[0]["size_kb"]) == 80.5)
        #expect(eco[1]["ecoindex_score"] == "" && eco[1]["url"] == card.ecoindex[1].url)

        let summary = try CSVReadBack.records(try #require(report.table("summary")))
        #expect(summary.count == 1)
        #expect(summary[0]["grid_title"] == card.grid.title.fr)
        #expect(CSVReadBack.number(summary[0]["score_percent"]) == card.total.percent)
        #expect(summary[0]["grade"] == "E" && summary[0]["journey_grade"] == "A")
        #expect(CSVReadBack.number(summary[0]["transfer_bytes_median_sum"]) == card.steps.reduce(0) { $0 + $1.transferBytes.median })
        #expect(summary[0]["created_at"] == "2025-06-15T15:06:40Z")
        #expect(summary[0]["unanswered_criteria"] == "1" && summary[0]["flagged_criteria"] == "1")
    }

    @Test func inventoryTablesMatchTheInventoryResult() throws {
        let card = try CSVSampleCard.make()
        let inventory = try #require(card.inventory)
        let report = CSVReport(card: card, language: .fr)
        let lines = try CSVReadBack.records(try #require(report.table("inventory_lines")))
        #expect(lines.count == inventory.lines.count)
        for (row, line) in zip(lines, inventory.lines) {
            #expect(row["line"] == String(line.line))
            #expect(row["name"] == line.name ?? "")
            #expect(CSVReadBack.number(row["quantity"]) == line.quantity)
            #expect(CSVReadBack.number(row["annual_kwh"]) == line.annualKWh)
            #expect(CSVReadBack.number(row["lifespan_years"]) == line.lifespanYears)
            #expect(row["in_data_centre"] == (line.inDataCentre ? "true" : "false"))
        }
        // The names with a doubled quote and a separator inside quotes come back whole.
        #expect(lines.contains { $0["name"] == "Écrans 24\" des bureaux" })
        #expect(lines.contains { $0["name"] == "Unités centrales; accueil et admissions" })

        let impacts = try CSVReadBack.records(try #require(report.table("inventory_impacts")))
        let totals = impacts.filter { $0["scope"] == "total" }
        #expect(totals.count == inventory.total.count)
        for (row, impact) in zip(totals, inventory.total) {
            #expect(row["criterion"] == impact.criterion && row["unit"] == impact.unit)
            #expect(CSVReadBack.number(row["manufacturing_per_year"]) == impact.byStep["FABRICATION"])
            #expect(CSVReadBack.number(row["use_per_year"]) == impact.byStep["UTILISATION"])
            #expect(CSVReadBack.number(row["end_of_life_per_year"]) == impact.byStep["FIN_DE_VIE"])
            #expect(CSVReadBack.number(row["total_per_year"]) == impact.total)
        }
        #expect(impacts.filter { $0["scope"] == "type" }.count == inventory.byType.reduce(0) { $0 + $1.impacts.count })
        #expect(impacts.filter { $0["scope"] == "line" }.count == inventory.lines.reduce(0) { $0 + $1.impacts.count })
        let assumptions = try CSVReadBack.records(try #require(report.table("inventory_assumptions")))
        #expect(assumptions.count == inventory.assumptions.count)
        #expect(!assumptions.isEmpty)
    }

    /// excel-fr gives back exactly the numbers rfc4180 gives: same cells, decimal comma for a point.
    @Test func excelFrenchRoundTripsEveryNumber() throws {
        let report = CSVReport(card: try CSVSampleCard.make(), language: .fr)
        var numbers = 0, withDecimals = 0
        for table in report.tables {
            let (_, fr) = try CSVReadBack.parse(table, .excelFR)
            let (_, en) = try CSVReadBack.parse(table, .rfc4180)
            for (rowIndex, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    guard case .number(let x) = cell else { continue }
                    numbers += 1
                    let french = fr[rowIndex][column]
                    #expect(!french.contains("."), "\(table.name): \(french)")
                    if french.contains(",") { withDecimals += 1 }
                    #expect(CSVReadBack.number(french, .excelFR) == x)
                    #expect(CSVReadBack.number(en[rowIndex][column]) == x)
                    #expect(french.replacingOccurrences(of: ",", with: ".") == en[rowIndex][column])
                }
            }
        }
        #expect(numbers > 100 && withDecimals > 20, "\(numbers) numbers, \(withDecimals) with decimals")
    }
}
