import Model

// The hospital-IS inventory (maturin-sih): its lines, its annual impacts, the defaults applied.
extension CSVReport {
    /// EvalCarbone's life-cycle step codes (etapes.csv) and the columns they fill.
    static let lifeCycleColumns = [("FABRICATION", "manufacturing"), ("DISTRIBUTION", "distribution"),
                                   ("UTILISATION", "use"), ("FIN_DE_VIE", "end_of_life")]

    var inventoryLines: CSVTable {
        let columns: [CSVColumn<LineImpact>] = [
            CSVColumn("line") { .integer($0.line) },
            CSVColumn("kind") { .text($0.kind) },
            CSVColumn("name") { .text($0.name) },
            CSVColumn("type") { .text($0.type) },
            CSVColumn("reference") { .text($0.reference) },
            CSVColumn("quantity") { .number($0.quantity) },
            CSVColumn("lifespan_years") { .number($0.lifespanYears) },
            CSVColumn("default_lifespan_years") { .number($0.defaultLifespanYears) },
            CSVColumn("hours_per_day") { .number($0.hoursPerDay) },
            CSVColumn("country_code") { .text($0.countryCode) },
            CSVColumn("in_data_centre") { .bool($0.inDataCentre) },
            CSVColumn("pue") { .number($0.pue) },
            CSVColumn("annual_kwh") { .number($0.annualKWh) },
            CSVColumn("views_per_year") { .number($0.viewsPerYear) },
        ]
        return CSVTable("inventory_lines", card.inventory?.lines ?? [], columns)
    }

    /// Annual impacts in wide form, one row per criterion of the whole inventory (`scope` total), of each
    /// equipment type (`type`) and of each line (`line`); one column per life-cycle step.
    var inventoryImpacts: CSVTable {
        typealias Row = (scope: String, key: String, quantity: Double?, impact: CriterionImpact)
        var rows: [Row] = []
        if let inventory = card.inventory {
            rows += inventory.total.map { ("total", "", nil, $0) }
            rows += inventory.byType.flatMap { t in t.impacts.map { ("type", t.type, t.quantity, $0) } }
            rows += inventory.lines.flatMap { line in line.impacts.map { ("line", String(line.line), line.quantity, $0) } }
        }
        let steps = Self.lifeCycleColumns.map { code, column in
            CSVColumn<Row>("\(column)_per_year") { .number($0.impact.byStep[code]) }
        }
        let head: [CSVColumn<Row>] = [
            CSVColumn("scope") { .text($0.scope) },
            CSVColumn("key") { .text($0.key) },
            CSVColumn("quantity") { .number($0.quantity) },
            CSVColumn("criterion") { .text($0.impact.criterion) },
            CSVColumn("unit") { .text($0.impact.unit) },
        ]
        let total = CSVColumn<Row>("total_per_year") { .number($0.impact.total) }
        return CSVTable("inventory_impacts", rows, head + steps + [total])
    }

    var inventoryAssumptions: CSVTable {
        let l = language
        let columns: [CSVColumn<InventoryAssumption>] = [
            CSVColumn("line") { .integer($0.line) },
            CSVColumn("field") { .text($0.field) },
            CSVColumn("value") { .text($0.value) },
            CSVColumn("source") { .text(l.text($0.sourceText, or: $0.source)) },
        ]
        return CSVTable("inventory_assumptions", card.inventory?.assumptions ?? [], columns)
    }
}
