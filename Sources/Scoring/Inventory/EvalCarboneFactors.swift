import Foundation
import Model
import ScoringData

/// The EvalCarbone SIH reference data (`Scoring/factors/evalcarbone-sih/`, shipped unchanged), checked for
/// completeness on load: every reference has a value for every step × criterion (empty allowed only for the use
/// step), every country a factor for every criterion.
public struct EvalCarboneFactors: Sendable {
    public struct EquipmentType: Sendable, Equatable {
        public var name: String
        public var isServer: Bool
        public var defaultLifespanYears: Double?
        /// Where the default lifespan comes from (the `commentaire` column).
        public var lifespanSource: String
        public var defaultReference: String
        /// Allowed references (correspondanceTypeEquipement.csv).
        public var references: [String]
    }

    public struct Reference: Sendable, Equatable {
        public var id: String
        public var description: String
        /// `consoElecMoyenne`: kWh per year for one unit, in the usage the factor source assumed.
        public var annualKWh: Double
        public var source: String
        /// step code → criterion → value for one unit over its whole life (nil: computed from electricity).
        public var impacts: [String: [String: Double?]]
    }

    public struct CountryMix: Sendable, Equatable {
        public var name: String
        public var code: String
        /// criterion → impact of 1 kWh
        public var perKWh: [String: Double]
        public var source: String
    }

    public var criteria: [ImpactCriterion]
    public var steps: [LifeCycleStep]
    public var types: [EquipmentType]
    public var references: [String: Reference]
    /// Model family (correspondanceRefEquipement.csv `modeleEquipementSource`) → reference id.
    public var modelFamilies: [String: String]
    public var mixes: [CountryMix]
    public var defaultPUE: Double
    public var defaultPUESource: String
    public var defaultLifespanYears: Double
    public var defaultLifespanSource: String
    /// Where the files were read from.
    public var folder: String

    public static let fileNames = ["criteres.csv", "etapes.csv", "hypotheses.csv", "typeEquipement.csv",
                                   "correspondanceTypeEquipement.csv", "correspondanceRefEquipement.csv",
                                   "impactequipements.csv", "mixelecs.csv"]

    /// The data bundled with Ecoscore.
    public static func bundled(folder: String, useStep: String) throws -> EvalCarboneFactors {
        guard let url = ScoringData.url(forResource: folder) else {
            throw DataFileError(file: folder, message: "missing from the installed Scoring data bundle")
        }
        return try load(from: url, useStep: useStep)
    }

    /// Reads and checks the eight files of a folder; `useStep` is the step whose values come from electricity
    /// (the only one allowed to be empty).
    public static func load(from folder: URL, useStep: String) throws -> EvalCarboneFactors {
        func doc(_ name: String) throws -> CSVDocument {
            try CSVParser.read(contentsOf: folder.appendingPathComponent(name), separator: ";")
        }
        // criteres.csv
        let criteresDoc = try doc("criteres.csv")
        let (cName, cUnit) = (try criteresDoc.requiredColumn("nomCritere"), try criteresDoc.requiredColumn("unite"))
        var criteria: [ImpactCriterion] = []
        for r in criteresDoc.records {
            let name = r.fields[cName]
            guard !name.isEmpty else { throw DataFileError(file: criteresDoc.file, line: r.line, message: "empty criterion name") }
            guard !criteria.contains(where: { $0.name == name }) else {
                throw DataFileError(file: criteresDoc.file, line: r.line, message: "criterion \"\(name)\" twice")
            }
            criteria.append(ImpactCriterion(name: name, unit: r.fields[cUnit]))
        }
        let criterionNames = Set(criteria.map(\.name))

        // etapes.csv
        let etapesDoc = try doc("etapes.csv")
        let (eCode, eLabel) = (try etapesDoc.requiredColumn("code"), try etapesDoc.requiredColumn("libelle"))
        var steps: [LifeCycleStep] = []
        for r in etapesDoc.records {
            guard !r.fields[eCode].isEmpty, !steps.contains(where: { $0.code == r.fields[eCode] }) else {
                throw DataFileError(file: etapesDoc.file, line: r.line, message: "empty or repeated step code")
            }
            steps.append(LifeCycleStep(code: r.fields[eCode], label: r.fields[eLabel]))
        }
        let stepCodes = Set(steps.map(\.code))
        guard stepCodes.contains(useStep) else {
            throw DataFileError(file: etapesDoc.file, message: "no use step \"\(useStep)\"")
        }

        // hypotheses.csv
        let hypDoc = try doc("hypotheses.csv")
        let (hKey, hSource, hValue) = (try hypDoc.requiredColumn("cle"), try hypDoc.requiredColumn("source"),
                                       try hypDoc.requiredColumn("valeur"))
        func hypothesis(_ key: String) throws -> (Double, String) {
            guard let r = hypDoc.records.first(where: { $0.fields[hKey] == key }) else {
                throw DataFileError(file: hypDoc.file, message: "missing hypothesis \"\(key)\"")
            }
            return (try number(r.fields[hValue], hypDoc, r, "valeur"), r.fields[hSource])
        }
        let (pue, pueSource) = try hypothesis("PUEParDefaut")
        let (lifespan, lifespanSource) = try hypothesis("dureeVieParDefaut")

        // impactequipements.csv
        let impDoc = try doc("impactequipements.csv")
        let iDesc = try impDoc.requiredColumn("description"), iRef = try impDoc.requiredColumn("refEquipement")
        let iStep = try impDoc.requiredColumn("etapeacv"), iCrit = try impDoc.requiredColumn("critere")
        let iKWh = try impDoc.requiredColumn("consoElecMoyenne"), iValue = try impDoc.requiredColumn("valeur")
        let iSource = try impDoc.requiredColumn("source")
        var references: [String: Reference] = [:]
        var firstLine: [String: Int] = [:]
        for r in impDoc.records {
            let id = r.fields[iRef], step = r.fields[iStep], criterion = r.fields[iCrit]
            guard !id.isEmpty else { throw DataFileError(file: impDoc.file, line: r.line, message: "empty refEquipement") }
            guard stepCodes.contains(step) else {
                throw DataFileError(file: impDoc.file, line: r.line, message: "unknown step \"\(step)\" (etapes.csv has \(steps.map(\.code).joined(separator: ", ")))")
            }
            guard criterionNames.contains(criterion) else {
                throw DataFileError(file: impDoc.file, line: r.line, message: "unknown criterion \"\(criterion)\" (not in criteres.csv)")
            }
            let kWh = try number(r.fields[iKWh], impDoc, r, "consoElecMoyenne")
            let raw = r.fields[iValue]
            let value: Double? = raw.isEmpty ? nil : try number(raw, impDoc, r, "valeur")
            var reference = references[id] ?? Reference(id: id, description: r.fields[iDesc], annualKWh: kWh,
                                                         source: r.fields[iSource], impacts: [:])
            if firstLine[id] == nil { firstLine[id] = r.line }
            guard reference.annualKWh == kWh else {
                throw DataFileError(file: impDoc.file, line: r.line,
                                    message: "consoElecMoyenne \(kWh) of \(id) differs from \(reference.annualKWh) on line \(firstLine[id]!)")
            }
            guard reference.impacts[step]?[criterion] == nil else {
                throw DataFileError(file: impDoc.file, line: r.line, message: "\(id) \(step) \(criterion) given twice")
            }
            reference.impacts[step, default: [:]][criterion] = .some(value)
            references[id] = reference
        }
        for (id, reference) in references {
            for step in steps {
                for criterion in criteria {
                    guard let entry = reference.impacts[step.code]?[criterion.name] else {
                        throw DataFileError(file: impDoc.file, line: firstLine[id],
                                            message: "\(id) has no value for \(step.code) × \(criterion.name)")
                    }
                    // Only the use step may be empty: its impact comes from electricity.
                    if entry == nil && step.code != useStep {
                        throw DataFileError(file: impDoc.file, line: firstLine[id],
                                            message: "\(id) has an empty value for \(step.code) × \(criterion.name)")
                    }
                }
            }
        }

        // correspondanceTypeEquipement.csv
        let ctDoc = try doc("correspondanceTypeEquipement.csv")
        let (ctType, ctRef) = (try ctDoc.requiredColumn("type_equipement_id"), try ctDoc.requiredColumn("equipement_id"))
        var allowed: [String: [String]] = [:]
        for r in ctDoc.records {
            guard references[r.fields[ctRef]] != nil else {
                throw DataFileError(file: ctDoc.file, line: r.line, message: "unknown reference \"\(r.fields[ctRef])\" (not in impactequipements.csv)")
            }
            allowed[r.fields[ctType], default: []].append(r.fields[ctRef])
        }

        // typeEquipement.csv
        let tDoc = try doc("typeEquipement.csv")
        let tType = try tDoc.requiredColumn("type"), tServer = try tDoc.requiredColumn("serveur")
        let tComment = try tDoc.requiredColumn("commentaire"), tLife = try tDoc.requiredColumn("dureeVieDefaut")
        let tRef = try tDoc.requiredColumn("refEquipementParDefaut")
        var types: [EquipmentType] = []
        for r in tDoc.records {
            let name = r.fields[tType]
            guard !name.isEmpty, !types.contains(where: { $0.name == name }) else {
                throw DataFileError(file: tDoc.file, line: r.line, message: "empty or repeated type")
            }
            let server: Bool
            switch r.fields[tServer].lowercased() {
            case "true": server = true
            case "", "false": server = false
            default: throw DataFileError(file: tDoc.file, line: r.line, message: "serveur must be true or empty (got \"\(r.fields[tServer])\")")
            }
            let life: Double? = r.fields[tLife].isEmpty ? nil : try number(r.fields[tLife], tDoc, r, "dureeVieDefaut")
            if let life, life <= 0 { throw DataFileError(file: tDoc.file, line: r.line, message: "dureeVieDefaut must be > 0") }
            let refs = allowed[name] ?? []
            let defaultRef = r.fields[tRef]
            guard refs.contains(defaultRef) else {
                throw DataFileError(file: tDoc.file, line: r.line,
                                    message: "default reference \"\(defaultRef)\" of \(name) is not one of its references in correspondanceTypeEquipement.csv (\(refs.joined(separator: ", ")))")
            }
            types.append(EquipmentType(name: name, isServer: server, defaultLifespanYears: life,
                                       lifespanSource: r.fields[tComment], defaultReference: defaultRef, references: refs))
        }
        for (type, _) in allowed where !types.contains(where: { $0.name == type }) {
            throw DataFileError(file: ctDoc.file, message: "type \"\(type)\" is not in typeEquipement.csv")
        }

        // correspondanceRefEquipement.csv
        let crDoc = try doc("correspondanceRefEquipement.csv")
        let (crModel, crRef) = (try crDoc.requiredColumn("modeleEquipementSource"), try crDoc.requiredColumn("refEquipementCible"))
        var families: [String: String] = [:]
        for r in crDoc.records {
            guard references[r.fields[crRef]] != nil else {
                throw DataFileError(file: crDoc.file, line: r.line, message: "unknown reference \"\(r.fields[crRef])\"")
            }
            families[r.fields[crModel]] = r.fields[crRef]
        }

        // mixelecs.csv
        let mDoc = try doc("mixelecs.csv")
        let mName = try mDoc.requiredColumn("pays"), mCode = try mDoc.requiredColumn("raccourcisAnglais")
        let mCrit = try mDoc.requiredColumn("critere"), mValue = try mDoc.requiredColumn("valeur")
        let mSource = try mDoc.requiredColumn("source")
        var mixes: [CountryMix] = []
        var mixLine: [String: Int] = [:]
        for r in mDoc.records {
            let code = r.fields[mCode], criterion = r.fields[mCrit]
            guard !code.isEmpty else { throw DataFileError(file: mDoc.file, line: r.line, message: "empty country code") }
            guard criterionNames.contains(criterion) else {
                throw DataFileError(file: mDoc.file, line: r.line, message: "unknown criterion \"\(criterion)\" (not in criteres.csv)")
            }
            let value = try number(r.fields[mValue], mDoc, r, "valeur")
            if let i = mixes.firstIndex(where: { $0.code == code }) {
                guard mixes[i].perKWh[criterion] == nil else {
                    throw DataFileError(file: mDoc.file, line: r.line, message: "\(code) \(criterion) given twice")
                }
                mixes[i].perKWh[criterion] = value
            } else {
                mixes.append(CountryMix(name: r.fields[mName], code: code, perKWh: [criterion: value], source: r.fields[mSource]))
                mixLine[code] = r.line
            }
        }
        for mix in mixes {
            for c in criteria where mix.perKWh[c.name] == nil {
                throw DataFileError(file: mDoc.file, line: mixLine[mix.code], message: "\(mix.code) has no factor for \(c.name)")
            }
        }

        return EvalCarboneFactors(criteria: criteria, steps: steps, types: types, references: references,
                                  modelFamilies: families, mixes: mixes, defaultPUE: pue, defaultPUESource: pueSource,
                                  defaultLifespanYears: lifespan, defaultLifespanSource: lifespanSource,
                                  folder: folder.path)
    }

    /// A number of the factor files ("160", "0.0000119", "4.26695674064593E-07").
    private static func number(_ text: String, _ doc: CSVDocument, _ record: CSVRecord, _ column: String) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw DataFileError(file: doc.file, line: record.line, message: "\(column): \"\(text)\" is not a number")
        }
        return value
    }

    // MARK: Look-ups (names compared without case, accents or repeated spaces)

    public func type(named text: String) -> EquipmentType? {
        let key = InventoryNameKey(text)
        return types.first { InventoryNameKey($0.name) == key }
    }

    /// A reference by id or by model family.
    public func reference(named text: String) -> Reference? {
        let key = InventoryNameKey(text)
        if let r = references.values.first(where: { InventoryNameKey($0.id) == key }) { return r }
        if let id = modelFamilies.first(where: { InventoryNameKey($0.key) == key })?.value { return references[id] }
        return nil
    }

    /// A country by code (`FR`) or name (`France`).
    public func mix(for text: String) -> CountryMix? {
        let key = InventoryNameKey(text)
        return mixes.first { InventoryNameKey($0.code) == key } ?? mixes.first { InventoryNameKey($0.name) == key }
    }
}

/// A name as compared: case, accents, typographic apostrophes and runs of spaces ignored.
struct InventoryNameKey: Hashable {
    let value: String

    init(_ text: String) {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        value = folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
