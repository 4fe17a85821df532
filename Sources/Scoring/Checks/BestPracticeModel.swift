import Foundation
import Model

/// The best-practice checks as shipped in `Scoring/models/best-practices.yaml`: per check its thresholds (with
/// where they come from), its texts and the constants its saving is estimated with, plus the kWh per GB that
/// turns saved bytes into Wh.
public struct BestPracticeModel: Decodable, Sendable {
    public var id: String
    public var version: String
    public var source: String
    public var licence: String
    public var energy: Energy
    /// Request types whose successful responses count as static resources (cache headers, cookies).
    public var staticResourceTypes: [ResourceType]
    public var checks: Checks

    /// Where the kWh per GB that turns saved bytes into Wh comes from.
    public struct Energy: Decodable, Sendable {
        /// Path below `Scoring/` of the footprint model whose Sustainable Web Design v4 segments are summed
        /// (0.3 kWh per GB of 10^9 bytes).
        public var footprintModel: String
        public var source: String
    }

    /// Every check of the model, in the order results and equal-saving recommendations are listed.
    public struct Checks: Decodable, Sendable {
        public var compression: CompressionRule
        public var cacheHeaders: CheckDefinition
        public var redirects: RedirectRule
        public var httpErrors: CheckDefinition
        public var domains: CheckDefinition
        public var requests: CheckDefinition
        public var stylesheets: CheckDefinition
        public var fonts: FontRule
        public var imageFormats: ImageFormatRule
        public var bigImages: BigImageRule
        public var cookieSize: CheckDefinition
        public var staticCookies: CheckDefinition
        public var http1: CheckDefinition

        /// (YAML key, definition) of every check, in order.
        var all: [(key: String, definition: CheckDefinition)] {
            [("compression", compression.definition), ("cacheHeaders", cacheHeaders), ("redirects", redirects.definition),
             ("httpErrors", httpErrors), ("domains", domains), ("requests", requests), ("stylesheets", stylesheets),
             ("fonts", fonts.definition), ("imageFormats", imageFormats.definition),
             ("bigImages", bigImages.definition), ("cookieSize", cookieSize), ("staticCookies", staticCookies),
             ("http1", http1)]
        }
    }
}

extension BestPracticeModel {
    /// What every check declares: identity, texts, and the bounds that map its measured value to a level.
    public struct CheckDefinition: Decodable, Sendable {
        public var id: String
        /// "greenit-extension", "greenit-cli" or "ours".
        public var origin: String
        public var source: String
        /// Name of the check.
        public var title: CheckText
        /// Title of its recommendation: what to do.
        public var action: CheckText
        public var why: CheckText
        public var levels: Levels

        public struct Levels: Decodable, Sendable {
            public var worseWhen: CheckThreshold.Comparison
            public var b: Double?
            public var c: Double
            public var unit: String
        }

        public var threshold: CheckThreshold {
            CheckThreshold(worseWhen: levels.worseWhen, b: levels.b, c: levels.c, unit: levels.unit, origin: origin,
                           source: source)
        }

        /// C when the value is worse than `c`, else B when worse than `b`, else A.
        public func level(for value: Double) -> CheckLevel {
            func worse(_ bound: Double) -> Bool {
                switch levels.worseWhen {
                case .above: value > bound
                case .atLeast: value >= bound
                case .below: value < bound
                case .atMost: value <= bound
                }
            }
            if worse(levels.c) { return .C }
            if let b = levels.b, worse(b) { return .B }
            return .A
        }

        /// For a count where more is worse: the largest count still at level A (what a saving in requests aims at).
        func largestCountAtA() -> Int? {
            let bound = levels.b ?? levels.c
            switch levels.worseWhen {
            case .above: return Int(bound.rounded(.down))
            case .atLeast: return Int(bound.rounded(.up)) - 1
            case .below, .atMost: return nil
            }
        }
    }

    /// A media type pattern and a ratio: `type/subtype` exact, `type/*` prefix, `*+suffix` structured suffix, `*` any.
    public struct TypeRatio: Decodable, Sendable {
        public var type: String
        public var ratio: Double
    }

    public struct CompressionRule: Decodable, Sendable {
        public var definition: CheckDefinition
        /// A compressible response counts when its decoded body is strictly larger than this (GreenIT: 150 B).
        public var minBytes: Int
        public var encodings: [String]
        public var compressibleTypes: [String]
        /// Compressed ÷ decoded size by type, when no compressed copy was seen.
        public var ratios: [TypeRatio]

        enum CodingKeys: String, CodingKey { case minBytes, encodings, compressibleTypes, ratios }

        public init(from decoder: any Decoder) throws {
            definition = try CheckDefinition(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minBytes = try c.decode(Int.self, forKey: .minBytes)
            encodings = try c.decode([String].self, forKey: .encodings).map { $0.lowercased() }
            compressibleTypes = try c.decode([String].self, forKey: .compressibleTypes).map { $0.lowercased() }
            ratios = try c.decode([TypeRatio].self, forKey: .ratios)
        }
    }

    public struct RedirectRule: Decodable, Sendable {
        public var definition: CheckDefinition
        public var statuses: [Int]

        enum CodingKeys: String, CodingKey { case statuses }

        public init(from decoder: any Decoder) throws {
            definition = try CheckDefinition(from: decoder)
            statuses = try decoder.container(keyedBy: CodingKeys.self).decode([Int].self, forKey: .statuses)
        }
    }

    public struct FontRule: Decodable, Sendable {
        public var definition: CheckDefinition
        /// Share of a font's bytes WOFF2 would save, by its media type.
        public var woff2Savings: [TypeRatio]

        enum CodingKeys: String, CodingKey { case woff2Savings }

        public init(from decoder: any Decoder) throws {
            definition = try CheckDefinition(from: decoder)
            woff2Savings = try decoder.container(keyedBy: CodingKeys.self).decode([TypeRatio].self, forKey: .woff2Savings)
        }
    }

    public struct ImageFormatRule: Decodable, Sendable {
        public var definition: CheckDefinition
        /// An image offends only when converting it would save more than this.
        public var minSavingBytes: Int
        public var modernTypes: [String]
        /// Raster formats and the share of their bytes WebP/AVIF would save.
        public var ratios: [TypeRatio]

        enum CodingKeys: String, CodingKey { case minSavingBytes, modernTypes, ratios }

        public init(from decoder: any Decoder) throws {
            definition = try CheckDefinition(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minSavingBytes = try c.decode(Int.self, forKey: .minSavingBytes)
            modernTypes = try c.decode([String].self, forKey: .modernTypes).map { $0.lowercased() }
            ratios = try c.decode([TypeRatio].self, forKey: .ratios)
        }
    }

    public struct BigImageRule: Decodable, Sendable {
        public var definition: CheckDefinition
        /// An image whose decoded body is larger than this offends.
        public var maxBytes: Int

        enum CodingKeys: String, CodingKey { case maxBytes }

        public init(from decoder: any Decoder) throws {
            definition = try CheckDefinition(from: decoder)
            maxBytes = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .maxBytes)
        }
    }
}

extension BestPracticeModel {
    /// Loads and validates a model file.
    public static func load(from url: URL) throws -> BestPracticeModel {
        let model = try DataFile.decodeYAML(BestPracticeModel.self, from: url)
        try model.validate(file: url.path)
        return model
    }

    /// Rejects what would make a check meaningless: bounds in the wrong order, ratios outside 0…1, missing texts,
    /// duplicate ids. Errors name the file and the field.
    public func validate(file: String) throws {
        func fail(_ field: String, _ message: String) -> DataFileError {
            DataFileError(file: file, message: "\(field): \(message)")
        }
        var seen: Set<String> = []
        for (key, check) in checks.all {
            let field = "checks.\(key)"
            guard !check.id.isEmpty else { throw fail("\(field).id", "must not be empty") }
            guard seen.insert(check.id).inserted else { throw fail("\(field).id", "duplicate id \"\(check.id)\"") }
            guard ["greenit-extension", "greenit-cli", "ours"].contains(check.origin) else {
                throw fail("\(field).origin", "must be greenit-extension, greenit-cli or ours, got \"\(check.origin)\"")
            }
            for (name, text) in [("title", check.title), ("action", check.action), ("why", check.why)] {
                if text.fr.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw fail("\(field).\(name).fr", "missing French text")
                }
                if text.en.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw fail("\(field).\(name).en", "missing English text")
                }
            }
            guard ["count", "bytes", "percent"].contains(check.levels.unit) else {
                throw fail("\(field).levels.unit", "must be count, bytes or percent, got \"\(check.levels.unit)\"")
            }
            if let b = check.levels.b {
                let c = check.levels.c
                switch check.levels.worseWhen {
                case .above, .atLeast:
                    if b > c {
                        throw fail("\(field).levels", "b (\(b)) must not exceed c (\(c)) when worse means larger")
                    }
                case .below, .atMost:
                    if b < c {
                        throw fail("\(field).levels", "b (\(b)) must not be below c (\(c)) when worse means smaller")
                    }
                }
            }
        }
        let ratioLists: [(String, [TypeRatio])] = [
            ("checks.compression.ratios", checks.compression.ratios),
            ("checks.fonts.woff2Savings", checks.fonts.woff2Savings),
            ("checks.imageFormats.ratios", checks.imageFormats.ratios),
        ]
        for (field, list) in ratioLists {
            for (i, entry) in list.enumerated() where !(0...1).contains(entry.ratio) {
                throw fail("\(field)[\(i)].ratio", "must be between 0 and 1, got \(entry.ratio)")
            }
        }
        for (field, value) in [("checks.compression.minBytes", checks.compression.minBytes),
                               ("checks.imageFormats.minSavingBytes", checks.imageFormats.minSavingBytes),
                               ("checks.bigImages.maxBytes", checks.bigImages.maxBytes)] where value < 0 {
            throw fail(field, "must not be negative, got \(value)")
        }
        if checks.compression.encodings.isEmpty { throw fail("checks.compression.encodings", "must not be empty") }
        if checks.redirects.statuses.contains(where: { !(300..<400).contains($0) }) {
            throw fail("checks.redirects.statuses", "must all be 3xx statuses")
        }
    }
}

/// The bytes-to-energy factor of the footprint model: only the Sustainable Web Design segments are read, so the
/// rest of that file is the footprint code's business.
struct SWDEnergyFactor: Decodable {
    struct Segments: Decodable {
        var dataCentre: Double
        var network: Double
        var device: Double
        var total: Double { dataCentre + network + device }
    }
    struct SWD: Decodable {
        var bytesPerGB: Double
        var operationalKWhPerGB: Segments
        var embodiedKWhPerGB: Segments
    }
    var sustainableWebDesign: SWD

    /// kWh per GB, all segments, operational and embodied (SWD v4: 0.3).
    var kWhPerGB: Double {
        sustainableWebDesign.operationalKWhPerGB.total + sustainableWebDesign.embodiedKWhPerGB.total
    }

    static func load(from url: URL) throws -> SWDEnergyFactor {
        let factor = try DataFile.decodeYAML(SWDEnergyFactor.self, from: url)
        guard factor.kWhPerGB > 0, factor.kWhPerGB.isFinite else {
            throw DataFileError(file: url.path, message: "sustainableWebDesign: kWh per GB must be positive")
        }
        guard factor.sustainableWebDesign.bytesPerGB > 0 else {
            throw DataFileError(file: url.path, message: "sustainableWebDesign.bytesPerGB must be positive")
        }
        return factor
    }
}
