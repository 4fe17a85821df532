import Foundation

/// Ecoscore's reading of the EvalCarbone SIH factors, as shipped in `Scoring/models/inventory.yaml`.
public struct InventorySettings: Decodable, Sendable {
    public struct TypeSettings: Decodable, Sendable {
        /// The type's name in typeEquipement.csv.
        public var type: String
        public var aliases: [String]
        /// Hours per day behind the factor's `consoElecMoyenne` (Ecoscore's reading).
        public var factorHoursPerDay: Double
        /// Hours per day of a line that gives none.
        public var defaultHoursPerDay: Double
    }

    public struct WebAppSettings: Decodable, Sendable {
        public var type: String
        /// Which footprint energies count: operational.dataCentre, operational.network, operational.device,
        /// embodied.dataCentre, embodied.network, embodied.device, server.
        public var footprintParts: [String]
    }

    public struct MaturityLevel: Decodable, Sendable {
        public var level: Int
        public var label: String
        public var minLifespanRatio: Double
        public var minEmbodiedSaving: Double
    }

    public struct MaturitySettings: Decodable, Sendable {
        public var ours: Bool
        public var criterion: String
        public var levels: [MaturityLevel]
    }

    public var version: String
    public var factorsFolder: String
    public var factorsSource: String
    public var defaultCountry: String
    public var types: [TypeSettings]
    public var webApp: WebAppSettings
    public var useStep: String
    public var maturity: MaturitySettings

    public static let footprintPartNames = ["operational.dataCentre", "operational.network", "operational.device",
                                            "embodied.dataCentre", "embodied.network", "embodied.device", "server"]

    public func settings(forType name: String) -> TypeSettings? { types.first { $0.type == name } }

    /// Checks the settings against the factors they read.
    func validate(file: String, factors: EvalCarboneFactors) throws {
        func fail(_ message: String) -> DataFileError { DataFileError(file: file, message: message) }
        for t in types {
            guard factors.types.contains(where: { $0.name == t.type }) else {
                throw fail("types: \"\(t.type)\" is not a type of typeEquipement.csv")
            }
            guard t.factorHoursPerDay > 0, t.factorHoursPerDay <= 24, t.defaultHoursPerDay >= 0, t.defaultHoursPerDay <= 24 else {
                throw fail("types: hours per day of \"\(t.type)\" must be within 0–24 (factor hours above 0)")
            }
        }
        for t in factors.types where settings(forType: t.name) == nil {
            throw fail("types: no settings for \"\(t.name)\" of typeEquipement.csv (factor and default hours per day)")
        }
        var aliasOwner: [InventoryNameKey: String] = [:]
        for t in types {
            for alias in t.aliases + [t.type] {
                if let owner = aliasOwner[InventoryNameKey(alias)], owner != t.type {
                    throw fail("types: alias \"\(alias)\" names both \"\(owner)\" and \"\(t.type)\"")
                }
                aliasOwner[InventoryNameKey(alias)] = t.type
            }
        }
        guard factors.mix(for: defaultCountry) != nil else {
            throw fail("defaultCountry: \"\(defaultCountry)\" is not in mixelecs.csv")
        }
        for part in webApp.footprintParts where !Self.footprintPartNames.contains(part) {
            throw fail("webApp.footprintParts: unknown part \"\(part)\" (known: \(Self.footprintPartNames.joined(separator: ", ")))")
        }
        guard factors.criteria.contains(where: { $0.name == maturity.criterion }) else {
            throw fail("maturity.criterion: \"\(maturity.criterion)\" is not in criteres.csv")
        }
        guard maturity.levels.map(\.level) == Array(0..<maturity.levels.count), !maturity.levels.isEmpty else {
            throw fail("maturity.levels: levels must be listed in order from 0")
        }
        for (i, level) in maturity.levels.enumerated() where i > 0 {
            let previous = maturity.levels[i - 1]
            guard level.minLifespanRatio >= previous.minLifespanRatio, level.minEmbodiedSaving >= previous.minEmbodiedSaving else {
                throw fail("maturity.levels: the thresholds of level \(level.level) must not be below level \(previous.level)'s")
            }
        }
    }
}
