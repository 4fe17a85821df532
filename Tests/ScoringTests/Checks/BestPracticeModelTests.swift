import Foundation
import Model
import Testing
@testable import Scoring

/// The bundled thresholds are GreenIT-Analysis' (shared/reference/greenit-rules.md) where they claim to be, and a
/// broken model file is refused with the file and the field named.
@Suite struct BestPracticeModelTests {
    let checks = CheckFixtures.practices.model.checks

    @Test func greenITThresholdsAsPublished() {
        func bounds(_ d: BestPracticeModel.CheckDefinition) -> (CheckThreshold.Comparison, Double?, Double, String) {
            (d.levels.worseWhen, d.levels.b, d.levels.c, d.origin)
        }
        #expect(bounds(checks.domains) == (.atLeast, 4, 6, "greenit-extension"))
        #expect(bounds(checks.requests) == (.above, 26, 40, "greenit-extension"))
        #expect(bounds(checks.stylesheets) == (.atLeast, 8, 11, "greenit-extension"))
        #expect(bounds(checks.fonts.definition) == (.atLeast, 2, 3, "greenit-extension"))
        #expect(bounds(checks.cookieSize) == (.above, 512, 1024, "greenit-extension"))
        #expect(bounds(checks.staticCookies) == (.above, 0, 2000, "greenit-extension"))
        #expect(bounds(checks.cacheHeaders) == (.above, nil, 0, "greenit-extension"))
        #expect(bounds(checks.compression.definition) == (.below, 95, 90, "greenit-extension"))
        #expect(checks.compression.minBytes == 150)
        #expect(bounds(checks.httpErrors) == (.above, nil, 0, "greenit-extension"))
        #expect(bounds(checks.redirects.definition) == (.above, nil, 1, "greenit-extension"))
        #expect(Set(checks.redirects.statuses).isSuperset(of: [301, 302, 303, 307]))
        #expect(bounds(checks.http1) == (.above, nil, 0, "greenit-extension"))
    }

    @Test func ourOwnThresholdsAreMarkedAsOurs() {
        #expect(checks.imageFormats.definition.origin == "ours")
        #expect(checks.bigImages.definition.origin == "ours")
        #expect(checks.bigImages.maxBytes == 100_000)
        #expect(checks.imageFormats.minSavingBytes == 500)
        #expect(MediaRatio.of(checks.imageFormats.ratios, "image/jpeg") == 0.30)
    }

    @Test func everyCheckHasBothLanguagesAndASource() {
        for (_, d) in checks.all {
            #expect(!d.title.fr.isEmpty && !d.title.en.isEmpty && !d.action.fr.isEmpty && !d.why.en.isEmpty)
            #expect(!d.source.isEmpty)
        }
        #expect(Set(checks.all.map(\.definition.id)).count == 13)
    }

    @Test func energyIsTheSWDv4TotalReadFromTheFootprintModel() {
        let practices = CheckFixtures.practices
        #expect(abs(practices.kWhPerGB - 0.3) < 1e-12)
        #expect(practices.bytesPerGB == 1_000_000_000)
        #expect(abs(practices.wattHours(bytes: 1_000_000_000) - 300) < 1e-9)
        #expect(abs(practices.wattHours(bytes: 100_000) - 0.03) < 1e-12)
    }

    @Test func levelComparisons() {
        var d = checks.requests
        d.levels = .init(worseWhen: .atMost, b: 10, c: 5, unit: "count")
        #expect(d.level(for: 11) == .A)
        #expect(d.level(for: 10) == .B)
        #expect(d.level(for: 5) == .C)
        #expect(d.largestCountAtA() == nil)
        d.levels = .init(worseWhen: .atLeast, b: nil, c: 3, unit: "count")
        #expect(d.level(for: 2) == .A)
        #expect(d.level(for: 3) == .C)
        #expect(d.largestCountAtA() == 2)
    }

    // MARK: - Invalid files

    static let bundledText = try! String(contentsOf: DataFile.bundled("models/best-practices.yaml"), encoding: .utf8)

    private func load(replacing old: String, with new: String) throws -> BestPracticeModel {
        #expect(Self.bundledText.contains(old), "fixture text not found: \(old)")
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("best-practices-\(UUID().uuidString).yaml")
        try Self.bundledText.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try BestPracticeModel.load(from: url)
    }

    private func expectError(_ old: String, _ new: String, mentioning field: String) {
        do {
            _ = try load(replacing: old, with: new)
            Issue.record("accepted an invalid file (\(new))")
        } catch let error as DataFileError {
            #expect(error.description.contains(field), "\(error)")
            #expect(error.file.hasSuffix(".yaml"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func boundsInTheWrongOrder() {
        expectError("{worseWhen: above, b: 26, c: 40, unit: count}", "{worseWhen: above, b: 50, c: 40, unit: count}",
                    mentioning: "checks.requests.levels")
        expectError("{worseWhen: below, b: 95, c: 90, unit: percent}", "{worseWhen: below, b: 80, c: 90, unit: percent}",
                    mentioning: "checks.compression.levels")
    }

    @Test func ratioOutOfRange() {
        expectError("{type: \"image/png\", ratio: 0.26}", "{type: \"image/png\", ratio: 1.26}",
                    mentioning: "checks.imageFormats.ratios[3].ratio")
    }

    @Test func missingTranslation() {
        expectError("title: {fr: \"Redirections\", en: \"Redirects\"}", "title: {fr: \"\", en: \"Redirects\"}",
                    mentioning: "checks.redirects.title.fr")
    }

    @Test func duplicateId() {
        expectError("id: http1\n", "id: requests\n", mentioning: "duplicate id \"requests\"")
    }

    @Test func unknownOriginAndUnit() {
        expectError("id: http1\n    origin: greenit-extension", "id: http1\n    origin: somewhere",
                    mentioning: "checks.http1.origin")
        expectError("{worseWhen: above, b: 512, c: 1024, unit: bytes}", "{worseWhen: above, b: 512, c: 1024, unit: kB}",
                    mentioning: "checks.cookieSize.levels.unit")
    }

    @Test func missingFieldAndBadComparison() {
        expectError("    maxBytes: 100000\n", "\n", mentioning: "maxBytes")
        expectError("{worseWhen: above, c: 1, unit: count}", "{worseWhen: over, c: 1, unit: count}",
                    mentioning: "worseWhen")
    }

    @Test func malformedYAMLNamesTheLine() {
        do {
            _ = try load(replacing: "checks:\n", with: "checks: [\n")
            Issue.record("accepted malformed YAML")
        } catch let error as DataFileError {
            #expect(error.line != nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

enum MediaRatio {
    static func of(_ list: [BestPracticeModel.TypeRatio], _ type: String) -> Double? {
        BestPractices.MediaTypePattern.ratio(in: list, for: type)
    }
}
