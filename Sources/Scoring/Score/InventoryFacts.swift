import Foundation
import Model

/// The inventory metrics of the catalogue (`MetricScope.inventory`) computed from an inventory result.
public struct InventoryFacts: Sendable {
    public let result: InventoryResult

    public init(_ result: InventoryResult) { self.result = result }

    var webApps: [LineImpact] { result.lines.filter { $0.kind == "webApp" } }

    public func value(_ metric: String) -> MetricResult {
        let maturity = result.maturity
        let noEquipment = Bilingual.say(fr: "aucune ligne d’équipement : pas de maturité", en: "no equipment line: no maturity")
        switch metric {
        case "inventory.lifespanRatio":
            return MetricResult(value: maturity?.lifespanRatio, detail: maturity.map { $0.reasonsText?.first ?? Bilingual(same: $0.reasons.first ?? "") } ?? noEquipment)
        case "inventory.embodiedSaving":
            return MetricResult(value: maturity?.embodiedSaving, detail: maturity.map { .say(fr: "sur \($0.criterion)", en: "on \($0.criterion)") } ?? noEquipment)
        case "inventory.maturityLevel":
            return MetricResult(value: maturity.map { Double($0.level) }, detail: maturity.map { $0.labelText ?? Bilingual(same: $0.label) } ?? noEquipment)
        case "webapps.kWhPerYear", "webapps.kWhPerView", "webapps.useShare":
            let apps = webApps
            guard !apps.isEmpty else {
                return MetricResult(value: nil, detail: .say(fr: "aucune ligne d’application web (donner --views-per-year avec le profil, ou déclarer les applications web dans l’inventaire)",
                                                        en: "no web-app line (give --views-per-year with the profile, or declare web apps in the inventory)"))
            }
            let kWh = apps.reduce(0) { $0 + $1.annualKWh }
            let names = apps.map { $0.name ?? $0.type }.joined(separator: ", ")
            switch metric {
            case "webapps.kWhPerYear":
                return MetricResult(value: kWh, detail: .say(fr: "\(apps.count) application\(apps.count == 1 ? "" : "s") web : \(names)",
                                                                            en: "\(apps.count) web app\(apps.count == 1 ? "" : "s"): \(names)"))
            case "webapps.kWhPerView":
                let views = apps.reduce(0) { $0 + ($1.viewsPerYear ?? 0) }
                guard views > 0 else { return MetricResult(value: nil, detail: .say(fr: "les lignes d’application web n’ont aucune vue", en: "the web-app lines have no views")) }
                return MetricResult(value: kWh / views,
                                    detail: .say(fr: "\(String(format: "%.6g", kWh)) kWh ÷ \(String(format: "%.6g", views)) vues par an (\(names))",
                                                 en: "\(String(format: "%.6g", kWh)) kWh ÷ \(String(format: "%.6g", views)) views a year (\(names))"))
            default:
                let all = result.lines.reduce(0) { $0 + $1.annualKWh }
                guard all > 0 else { return MetricResult(value: nil, detail: .say(fr: "le parc ne consomme aucune électricité", en: "the inventory uses no electricity")) }
                return MetricResult(value: kWh / all,
                                    detail: .say(fr: "\(String(format: "%.6g", kWh)) kWh sur \(String(format: "%.6g", all)) kWh par an (\(names))",
                                                 en: "\(String(format: "%.6g", kWh)) kWh of \(String(format: "%.6g", all)) kWh a year (\(names))"))
            }
        default:
            return MetricResult(value: nil, detail: .say(fr: "pas une métrique de parc", en: "not an inventory metric"))
        }
    }
}

extension Grid {
    /// Whether a criterion is measured on an inventory metric: the grid cannot be scored without an inventory.
    public var needsInventory: Bool {
        allCriteria.contains { $0.criterion.metric.flatMap(MetricCatalogue.named)?.scope == .inventory }
    }
}
