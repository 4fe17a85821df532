import Model

/// A hospital-IS inventory (maturin-sih): annual impacts by life-cycle step and by equipment type, the lines
/// as computed with the defaults applied to each, and Ecoscore's maturity level.
struct InventorySection {
    struct ImpactRow { let criterion: String; let values: [String]; let total: String }
    struct TypeRow { let type: String; let values: [String] }

    /// The inventory's name and file.
    let source: String
    /// Level and label, the figures behind it, then the reasons, one per line; nil without a maturity level.
    let maturity: String?
    let steps: [String]
    /// Per criterion (its unit in the row header): the impact of each life-cycle step, and the total.
    let impacts: [ImpactRow]
    /// Column headers of the by-type table: each criterion with its unit.
    let criteria: [String]
    /// Per equipment type (its quantity in the row header): the impact on each criterion.
    let types: [TypeRow]
    /// One item per line of the inventory (and one for the defaults that apply to all): its values, then each
    /// default applied with its source, one per line.
    let lines: [String]
    /// The method lines, then where the factors come from.
    let method: String

    init?(_ context: ReportContext) {
        guard let inventory = context.card.inventory else { return nil }
        let style = context.style
        func impact(_ value: Double?) -> String { value.map { style.significant($0) } ?? "–" }
        func withUnit(_ name: String, _ unit: String) -> String { "\(name) (\(unit))" }
        source = (inventory.name.map { "\($0) — " } ?? "") + inventory.file
        steps = inventory.steps.map(\.label)
        impacts = inventory.total.map { c in
            ImpactRow(criterion: withUnit(c.criterion, c.unit), values: inventory.steps.map { impact(c.byStep[$0.code]) },
                      total: impact(c.total))
        }
        criteria = inventory.criteria.map { withUnit($0.name, $0.unit) }
        types = inventory.byType.map { type in
            TypeRow(type: "\(type.type) × \(style.trimmed(type.quantity))",
                    values: inventory.criteria.map { c in impact(type.impacts.first { $0.criterion == c.name }?.total) })
        }
        let appliedHeading = context.t("assumptions") + context.t("colon")
        /// The defaults applied to one line (nil: to every line), after their heading; empty when none.
        func defaults(_ line: Int?) -> [String] {
            let applied = inventory.assumptions.filter { $0.line == line }.map {
                "\($0.field) = \($0.value) — \(context.language.text($0.sourceText, or: $0.source) ?? "")"
            }
            return applied.isEmpty ? [] : [appliedHeading] + applied
        }
        let years = { (y: Double?) in y.map { style.with(style.trimmed($0, 1), context.t("years")) } ?? "–" }
        let general = defaults(nil)
        lines = (general.isEmpty ? [] : [general.joined(separator: "\n")]) + inventory.lines.map { l in
            var lifespan = years(l.lifespanYears)
            if let standard = l.defaultLifespanYears, standard != l.lifespanYears {
                lifespan += " (\(context.t("defaultValue")) \(years(standard)))"
            }
            let values = [context.labelled(context.t("equipmentType"), l.type),
                          context.labelled(context.t("quantity"), style.trimmed(l.quantity)),
                          context.labelled(context.t("lifespan"), lifespan),
                          context.labelled(context.t("hoursPerDay"), l.hoursPerDay.map { style.with(style.trimmed($0, 1), "h") } ?? "–"),
                          context.labelled(context.t("country"), l.countryCode),
                          context.labelled(context.t("annualElectricity"), style.with(style.significant(l.annualKWh), "kWh"))]
            return (["\(context.t("line")) \(style.integer(l.line)) — \(l.name ?? "–")", values.joined(separator: " · ")]
                    + defaults(l.line)).joined(separator: "\n")
        }
        method = (inventory.method + [context.t("factors") + " " + inventory.factorsSource]).joined(separator: "\n")
        maturity = inventory.maturity.map { m in
            (["\(m.level)\u{00A0}/\u{00A0}4 — \(context.language.text(m.labelText, or: m.label) ?? "")",
              context.t("maturityFigures", style.percent(m.lifespanRatio * 100), style.percent(m.embodiedSaving * 100),
                        style.percent(m.embodiedShare * 100), m.criterion)]
             + (m.reasonsText.map { $0.map(context.language.text) } ?? m.reasons)).joined(separator: "\n")
        }
    }
}
