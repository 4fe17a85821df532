import Foundation
import Model
import Yams

/// A mistake in an inventory file, named with the file, the line and the field.
public struct InventoryError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(file: String, line: Int?, field: String? = nil, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(field.map { "\($0): " } ?? "")\(message)"
    }
}

/// Reads an inventory: CSV (`;` or `,` separated, header row) or YAML (a list of lines, or a mapping with
/// `name`, `lines` and `web_apps`). Checks the form of each value; what needs the factors (types, references,
/// countries) is checked by `InventoryCalculator.evaluate`.
///
/// Columns / keys (case, accents, spaces and `_` ignored; French names accepted):
/// `type` (required), `reference`, `quantity` (required), `lifespan_years`, `hours_per_day`, `country`,
/// `data_centre` (yes/no), `pue`, `name`. Web apps (YAML `web_apps`): `name`, `views_per_year`, and
/// `kwh_per_view` or `bytes_per_view` (+ `server_cpu_seconds_per_view`), `country`.
public enum InventoryReader {
    public static func read(contentsOf url: URL) throws -> Inventory {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InventoryError(file: file, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InventoryError(file: file, line: nil, message: "not UTF-8 text")
        }
        switch url.pathExtension.lowercased() {
        case "csv": return try parseCSV(text, file: file)
        case "yaml", "yml": return try parseYAML(text, file: file)
        default:
            throw InventoryError(file: file, line: nil, message: "unknown inventory format: name it .csv, .yaml or .yml")
        }
    }

    // MARK: Fields

    enum Field: String, CaseIterable {
        case name, type, reference, quantity
        case lifespanYears = "lifespan_years", hoursPerDay = "hours_per_day", country
        case dataCentre = "data_centre", pue

        /// Accepted spellings, compared after `normalised`.
        var spellings: [String] {
            switch self {
            case .name: return ["name", "label", "nom", "libelle"]
            case .type: return ["type", "typeequipement"]
            case .reference: return ["reference", "ref", "model", "modele", "refequipement"]
            case .quantity: return ["quantity", "qty", "quantite", "nombre"]
            case .lifespanYears: return ["lifespanyears", "lifespan", "dureevie", "dureedevie"]
            case .hoursPerDay: return ["hoursperday", "hours", "heuresparjour", "heures"]
            case .country: return ["country", "pays"]
            case .dataCentre: return ["datacentre", "datacenter", "indatacentre", "indatacenter", "centrededonnees"]
            case .pue: return ["pue"]
            }
        }

        init?(column: String) {
            let key = normalised(column)
            guard let field = Field.allCases.first(where: { $0.spellings.contains(key) }) else { return nil }
            self = field
        }
    }

    enum WebAppField: String, CaseIterable {
        case name, viewsPerYear = "views_per_year", kWhPerView = "kwh_per_view", bytesPerView = "bytes_per_view"
        case serverCPUSecondsPerView = "server_cpu_seconds_per_view", country

        var spellings: [String] {
            switch self {
            case .name: return ["name", "label", "nom"]
            case .viewsPerYear: return ["viewsperyear", "views", "vuesparan"]
            case .kWhPerView: return ["kwhperview"]
            case .bytesPerView: return ["bytesperview", "transferbytesperview"]
            case .serverCPUSecondsPerView: return ["servercpusecondsperview", "cpusecondsperview"]
            case .country: return ["country", "pays"]
            }
        }

        init?(key: String) {
            let k = normalised(key)
            guard let field = WebAppField.allCases.first(where: { $0.spellings.contains(k) }) else { return nil }
            self = field
        }
    }

    /// Lower case, no accents, letters and digits only: "Lifespan (years)" → "lifespanyears".
    static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// One line's raw text values, checked and converted.
    struct RawLine {
        var file: String
        var line: Int
        var values: [Field: (text: String, line: Int)] = [:]

        func error(_ field: Field, _ message: String) -> InventoryError {
            InventoryError(file: file, line: values[field]?.line ?? line, field: field.rawValue, message: message)
        }

        func text(_ field: Field) -> String? {
            guard let raw = values[field]?.text.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }

        func number(_ field: Field) throws -> Double? {
            guard let raw = text(field) else { return nil }
            guard let value = InventoryReader.number(raw) else {
                throw error(field, "\"\(raw)\" is not a number")
            }
            return value
        }

        func bool(_ field: Field) throws -> Bool? {
            guard let raw = text(field) else { return nil }
            switch raw.lowercased() {
            case "yes", "y", "true", "1", "oui", "o", "vrai": return true
            case "no", "n", "false", "0", "non", "faux": return false
            default: throw error(field, "\"\(raw)\" is not yes or no")
            }
        }

        func make() throws -> InventoryLine {
            guard let type = text(.type) else { throw error(.type, "missing: every line needs an equipment type") }
            guard let quantity = try number(.quantity) else { throw error(.quantity, "missing: every line needs a quantity") }
            guard quantity >= 0 else { throw error(.quantity, "must be zero or more (got \(format(quantity)))") }
            let lifespan = try number(.lifespanYears)
            if let lifespan, lifespan <= 0 { throw error(.lifespanYears, "must be more than 0 years (got \(format(lifespan)))") }
            let hours = try number(.hoursPerDay)
            if let hours, !(0...24).contains(hours) { throw error(.hoursPerDay, "must be between 0 and 24 (got \(format(hours)))") }
            let pue = try number(.pue)
            if let pue, pue < 1 { throw error(.pue, "a PUE is 1 or more (got \(format(pue)))") }
            let inDataCentre = try bool(.dataCentre)
            if inDataCentre == false, pue != nil {
                throw error(.pue, "a PUE is given but data_centre says no")
            }
            return InventoryLine(line: line, name: text(.name), type: type, reference: text(.reference),
                                 quantity: quantity, lifespanYears: lifespan, hoursPerDay: hours,
                                 country: text(.country), inDataCentre: inDataCentre ?? (pue != nil ? true : nil), pue: pue)
        }
    }

    /// A decimal number: "12", "1.5", "1e3", or "1,5" (decimal comma, when the field has no point).
    static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
        let allowed = CharacterSet(charactersIn: "0123456789.eE+-")
        guard !t.isEmpty, t.unicodeScalars.allSatisfy(allowed.contains), let value = Double(t), value.isFinite else {
            return nil
        }
        return value
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    // MARK: CSV

    public static func parseCSV(_ text: String, file: String) throws -> Inventory {
        let doc: CSVDocument
        do { doc = try CSVParser.parse(text, file: file) } catch let e as DataFileError {
            throw InventoryError(file: file, line: e.line, message: e.message)
        }
        var columns: [(index: Int, field: Field)] = []
        for (i, name) in doc.header.enumerated() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { continue }  // an empty trailing column
            guard let field = Field(column: name) else {
                throw InventoryError(file: file, line: doc.headerLine, field: name,
                                     message: "unknown column (known: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !columns.contains(where: { $0.field == field }) else {
                throw InventoryError(file: file, line: doc.headerLine, field: name, message: "column \(field.rawValue) given twice")
            }
            columns.append((i, field))
        }
        for required in [Field.type, .quantity] where !columns.contains(where: { $0.field == required }) {
            throw InventoryError(file: file, line: doc.headerLine, field: required.rawValue, message: "missing column")
        }
        var lines: [InventoryLine] = []
        for record in doc.records {
            var raw = RawLine(file: file, line: record.line)
            for (index, field) in columns { raw.values[field] = (record.fields[index], record.line) }
            lines.append(try raw.make())
        }
        return Inventory(file: file, lines: lines)
    }

    // MARK: YAML

    public static func parseYAML(_ text: String, file: String) throws -> Inventory {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, let context) = error {
                throw InventoryError(file: file, line: context.mark.line, field: keys.first,
                                     message: "given twice in the mapping that starts here")
            }
            throw InventoryError(file: file, line: yamlLine(error), message: "malformed YAML: \(yamlProblem(error))")
        }
        guard let root else { throw InventoryError(file: file, line: nil, message: "empty inventory") }
        switch root {
        case .sequence(let items):
            return Inventory(file: file, lines: try equipment(items, file: file))
        case .mapping(let mapping):
            var inventory = Inventory(file: file, lines: [])
            var seen = Set<String>()
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard seen.insert(normalised(key)).inserted else {
                    throw InventoryError(file: file, line: line(keyNode), field: key, message: "given twice")
                }
                switch normalised(key) {
                case "name", "nom":
                    inventory.name = try scalar(value, file: file, field: key)
                case "lines", "equipment", "equipments", "equipements", "inventory", "inventaire":
                    guard case .sequence(let items) = value else {
                        throw InventoryError(file: file, line: line(value), field: key, message: "expected a list of equipment lines, got \(kind(value))")
                    }
                    inventory.lines = try equipment(items, file: file)
                case "webapps", "webapplications", "applications":
                    guard case .sequence(let items) = value else {
                        throw InventoryError(file: file, line: line(value), field: key, message: "expected a list of web apps, got \(kind(value))")
                    }
                    inventory.webApps = try webApps(items, file: file)
                default:
                    throw InventoryError(file: file, line: line(keyNode), field: key,
                                         message: "unknown key (known: name, lines, web_apps)")
                }
            }
            return inventory
        default:
            throw InventoryError(file: file, line: line(root), message: "expected a list of equipment lines or a mapping with `lines`, got \(kind(root))")
        }
    }

    static func equipment(_ items: Node.Sequence, file: String) throws -> [InventoryLine] {
        try items.map { item in
            guard case .mapping(let mapping) = item else {
                throw InventoryError(file: file, line: line(item), message: "an equipment line is a mapping (type: …, quantity: …), got \(kind(item))")
            }
            var raw = RawLine(file: file, line: line(item) ?? 0)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard let field = Field(column: key) else {
                    throw InventoryError(file: file, line: line(keyNode), field: key,
                                         message: "unknown field (known: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard raw.values[field] == nil else {
                    throw InventoryError(file: file, line: line(keyNode), field: key, message: "given twice")
                }
                raw.values[field] = (try scalar(value, file: file, field: field.rawValue) ?? "", line(value) ?? raw.line)
            }
            return try raw.make()
        }
    }

    static func webApps(_ items: Node.Sequence, file: String) throws -> [WebAppUsage] {
        try items.map { item in
            guard case .mapping(let mapping) = item else {
                throw InventoryError(file: file, line: line(item), message: "a web app is a mapping (name: …, views_per_year: …), got \(kind(item))")
            }
            let itemLine = line(item) ?? 0
            var values: [WebAppField: (String, Int)] = [:]
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard let field = WebAppField(key: key) else {
                    throw InventoryError(file: file, line: line(keyNode), field: key,
                                         message: "unknown field (known: \(WebAppField.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard values[field] == nil else { throw InventoryError(file: file, line: line(keyNode), field: key, message: "given twice") }
                values[field] = (try scalar(value, file: file, field: field.rawValue) ?? "", line(value) ?? itemLine)
            }
            func text(_ f: WebAppField) -> String? {
                guard let t = values[f]?.0.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
                return t
            }
            func number(_ f: WebAppField) throws -> Double? {
                guard let t = text(f) else { return nil }
                guard let v = InventoryReader.number(t) else {
                    throw InventoryError(file: file, line: values[f]?.1, field: f.rawValue, message: "\"\(t)\" is not a number")
                }
                guard v >= 0 else {
                    throw InventoryError(file: file, line: values[f]?.1, field: f.rawValue, message: "must be zero or more (got \(format(v)))")
                }
                return v
            }
            guard let name = text(.name) else {
                throw InventoryError(file: file, line: itemLine, field: "name", message: "missing: every web app needs a name")
            }
            guard let views = try number(.viewsPerYear) else {
                throw InventoryError(file: file, line: itemLine, field: "views_per_year", message: "missing")
            }
            let kWh = try number(.kWhPerView), bytes = try number(.bytesPerView)
            let cpu = try number(.serverCPUSecondsPerView)
            guard (kWh == nil) != (bytes == nil && cpu == nil) else {
                throw InventoryError(file: file, line: itemLine, field: "kwh_per_view",
                                     message: "give either kwh_per_view, or bytes_per_view (and server_cpu_seconds_per_view)")
            }
            return WebAppUsage(line: itemLine, name: name, viewsPerYear: views, kWhPerView: kWh, bytesPerView: bytes,
                               serverCPUSecondsPerView: cpu, country: text(.country))
        }
    }

    /// A scalar's text; nil for a YAML null; an error for a list or a mapping.
    static func scalar(_ node: Node, file: String, field: String) throws -> String? {
        switch node {
        case .scalar(let s):
            if node.null != nil, s.style == .plain { return nil }
            return s.string
        default:
            throw InventoryError(file: file, line: line(node), field: field, message: "expected a single value, got \(kind(node))")
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Node marks count lines from 1.
    static func line(_ node: Node) -> Int? { node.mark?.line }

    static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line  // Yams 6 counts from 1 already
        default:
            return nil
        }
    }

    static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return context.map { "\(problem) (\($0.text))" } ?? problem
        default:
            return "\(error)"
        }
    }
}
