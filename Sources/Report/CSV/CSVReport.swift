import Model

/// A score card as CSV tables, one file each, with the stable column schema documented in docs/reports.md.
/// Text written by people (grid titles, recommendations) is in the report's language; identifiers, statuses and
/// column names are the same in both, so that a script reads any report. Steps are numbered from 1.
public struct CSVReport: Sendable {
    public let card: ScoreCard
    public let language: ReportLanguage

    public init(card: ScoreCard, language: ReportLanguage) { self.card = card; self.language = language }

    /// Every table's name, in the order they are written; the inventory tables only exist when the card has an
    /// inventory.
    public static let tableNames = ["summary", "families", "criteria", "steps", "breakdowns", "requests", "ecoindex",
                                    "recommendations", "recommendation_requests",
                                    "inventory_lines", "inventory_impacts", "inventory_assumptions"]
    static let inventoryTables: Set<String> = ["inventory_lines", "inventory_impacts", "inventory_assumptions"]

    /// The tables this card has (the inventory ones only with an inventory).
    public var tables: [CSVTable] {
        Self.tableNames.filter { card.inventory != nil || !Self.inventoryTables.contains($0) }.compactMap(table)
    }

    /// One table by name; nil for an unknown name. An inventory table of a card without inventory has no rows.
    public func table(_ name: String) -> CSVTable? {
        switch name {
        case "summary": return summary
        case "families": return families
        case "criteria": return criteria
        case "steps": return steps
        case "breakdowns": return breakdowns
        case "requests": return requests
        case "ecoindex": return ecoindex
        case "recommendations": return recommendations
        case "recommendation_requests": return recommendationRequests
        case "inventory_lines": return inventoryLines
        case "inventory_impacts": return inventoryImpacts
        case "inventory_assumptions": return inventoryAssumptions
        default: return nil
        }
    }
}
