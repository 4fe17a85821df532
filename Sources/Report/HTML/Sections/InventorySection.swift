import Model

/// A hospital-IS inventory (maturin-sih): annual impacts by life-cycle step and by equipment type, the lines
/// as computed, the defaults applied and Ecoscore's maturity level.
struct InventorySection {
    struct Header { let label: String; let unit: String? }
    struct ImpactRow { let criterion: String; let unit: String; let values: [String]; let total: String }
    struct TypeRow { let type: String; let quantity: String; let values: [String] }
    struct Line {
        let line: String
        let name: String
        let type: String
        let quantity: String
        let lifespan: String
        let hours: String
        let country: String
        let annualKWh: String
    }
    struct Assumption { let line: String; let field: String; let value: String; let source: String }
    struct Maturity { let level: String; let label: String; let figures: String; let reasons: [String] }

    let name: String?
    let file: String
    let steps: [Header]
    let impacts: [ImpactRow]
    let criteria: [Header]
    let types: [TypeRow]
    let lines: [Line]
    let assumptions: [Assumption]
    let method: [String]
    let maturity: Maturity?
    let factorsSource: String

    init?(_ context: ReportContext) {
        guard let inventory = context.card.inventory else { return nil }
        let style = context.style
        func impact(_ value: Double?) -> String { value.map { style.significant($0) } ?? "–" }
        name = inventory.name
        file = inventory.file
        steps = inventory.steps.map { Header(label: $0.label, unit: nil) }
        impacts = inventory.total.map { c in
            ImpactRow(criterion: c.criterion, unit: c.unit, values: inventory.steps.map { impact(c.byStep[$0.code]) },
                      total: impact(c.total))
        }
        criteria = inventory.criteria.map { Header(label: $0.name, unit: $0.unit) }
        types = inventory.byType.map { type in
            TypeRow(type: type.type, quantity: style.trimmed(type.quantity),
                    values: inventory.criteria.map { c in impact(type.impacts.first { $0.criterion == c.name }?.total) })
        }
        lines = inventory.lines.map { l in
            let years = { (y: Double?) in y.map { style.with(style.trimmed($0, 1), context.t("years")) } ?? "–" }
            var lifespan = years(l.lifespanYears)
            if let standard = l.defaultLifespanYears, standard != l.lifespanYears {
                lifespan += " (\(context.t("defaultValue")) \(years(standard)))"
            }
            return Line(line: style.integer(l.line), name: l.name ?? "–", type: l.type, quantity: style.trimmed(l.quantity),
                        lifespan: lifespan, hours: l.hoursPerDay.map { style.with(style.trimmed($0, 1), "h") } ?? "–",
                        country: l.countryCode, annualKWh: style.with(style.significant(l.annualKWh), "kWh"))
        }
        assumptions = inventory.assumptions.map {
            Assumption(line: $0.line.map { style.integer($0) } ?? "–", field: $0.field, value: $0.value, source: $0.source)
        }
        method = inventory.method
        maturity = inventory.maturity.map { m in
            Maturity(level: "\(m.level)\u{00A0}/\u{00A0}4", label: m.label,
                     figures: context.t("maturityFigures", style.percent(m.lifespanRatio * 100),
                                        style.percent(m.embodiedSaving * 100), style.percent(m.embodiedShare * 100),
                                        m.criterion),
                     reasons: m.reasons)
        }
        factorsSource = inventory.factorsSource
    }
}
