import Foundation
import Model
import Report
import Testing

/// The scorer's own texts (evidence details, criterion notes, card notes) follow the report's language, and a
/// card written before they were bilingual still reads and renders, in English there.
@Suite struct ScorerTextLanguageTests {
    /// Every bilingual text the scorer put on a card.
    static func scorerTexts(_ card: ScoreCard) -> [Bilingual] {
        let criteria = card.families.flatMap(\.criteria)
        let checks = criteria.flatMap { $0.prefilled?.checks ?? [] }
        return (card.notesText ?? []) + criteria.compactMap(\.noteText) + criteria.compactMap { $0.prefilled?.noteText }
            + checks.compactMap(\.detailText) + criteria.compactMap(\.thresholdText)
            + checks.flatMap { $0.requests.compactMap(\.detailText) }
            + card.recommendations.flatMap { $0.offendingRequests.compactMap(\.detailText) }
            + [card.inventory?.maturity?.labelText].compactMap { $0 } + (card.inventory?.maturity?.reasonsText ?? [])
            + (card.inventory?.assumptions.compactMap(\.sourceText) ?? [])
    }

    static func shownText(_ card: ScoreCard, _ language: ReportLanguage) throws -> String {
        try HTMLTagWalker(try HTMLReport(card: card, language: language).render()).textNodes.joined(separator: "\n")
    }

    /// The bloated journey has raster images: RGESN's modern-format check says how many, in words of each language.
    @Test func theFrenchRGESNReportHasTheFrenchEvidenceDetail() throws {
        let card = try HTMLTestCards.cards().rgesn
        let check = try #require(card.families.flatMap(\.criteria).compactMap(\.prefilled).flatMap(\.checks)
            .first { $0.metric == "images.modernShare" })
        let text = try #require(check.detailText)
        let fr = try #require(text.fr.wholeMatch(of: /([0-9]+) images matricielles sur ([0-9]+) en image\/.*/))
        let en = try #require(text.en.wholeMatch(of: /([0-9]+) of ([0-9]+) raster images in image\/.*/))
        #expect(fr.output.1 == en.output.1 && fr.output.2 == en.output.2, "both languages count the same images")
        #expect(check.detail == text.en, "the plain detail stays the English text")

        let french = try Self.shownText(card, .fr), english = try Self.shownText(card, .en)
        #expect(french.contains(text.fr))
        #expect(!french.contains(text.en))
        #expect(english.contains(text.en))
        #expect(!english.contains(text.fr))
    }

    /// Stricter than the label check: no scorer text shows in English in a French report, on any bundled grid.
    @Test func aFrenchReportShowsNoEnglishScorerText() throws {
        let cards = try HTMLTestCards.cards()
        for card in [cards.bloated, cards.rgesn, cards.maturin] {
            let texts = Self.scorerTexts(card).filter { $0.fr != $0.en }
            #expect(!texts.isEmpty, "\(card.grid.id) has bilingual scorer texts")
            // Whole lines, or what follows a label on one: a short text ("on Climate change") may well be part of
            // a longer one the inventory model writes in English.
            let lines = try Self.shownText(card, .fr).split(separator: "\n").map(String.init)
            for text in texts {
                #expect(!lines.contains { $0 == text.en || $0.hasSuffix(" " + text.en) },
                        "English scorer text in the French \(card.grid.id) report: \(text.en)")
            }
        }
    }

    @Test func theFrenchCSVCarriesTheFrenchEvidenceDetail() throws {
        let card = try HTMLTestCards.cards().rgesn
        let texts = Self.scorerTexts(card).filter { $0.fr != $0.en }
        let detail = try #require(card.families.flatMap(\.criteria).compactMap(\.prefilled).flatMap(\.checks)
            .compactMap(\.detailText).first { $0.fr != $0.en })
        let french = try #require(CSVReport(card: card, language: .fr).table("criteria")).render(.rfc4180)
        let english = try #require(CSVReport(card: card, language: .en).table("criteria")).render(.rfc4180)
        #expect(french.contains(detail.fr) && !french.contains(detail.en))
        #expect(english.contains(detail.en) && !english.contains(detail.fr))
        for text in texts { #expect(!french.contains(text.en), "English in the French CSV: \(text.en)") }
    }

    /// A measured criterion's threshold ("mean of 3 steps' points…", "≤ 150000 bytes → …") follows the report's
    /// language in the HTML and the CSV.
    @Test func theThresholdFollowsTheReportsLanguage() throws {
        let card = try HTMLTestCards.cards().bloated
        let text = try #require(card.families.flatMap(\.criteria).compactMap(\.thresholdText).first { $0.fr != $0.en })
        #expect(!["bytes", "mean of", "worst step"].contains { text.fr.contains($0) }, "French: \(text.fr)")
        let french = try Self.shownText(card, .fr), english = try Self.shownText(card, .en)
        #expect(french.contains("seuil \(text.fr)") && !french.contains(text.en))
        #expect(english.contains("threshold \(text.en)") && !english.contains(text.fr))
        let csvFR = try #require(CSVReport(card: card, language: .fr).table("criteria")).render(.rfc4180)
        let csvEN = try #require(CSVReport(card: card, language: .en).table("criteria")).render(.rfc4180)
        #expect(csvFR.contains(text.fr) && !csvFR.contains(text.en))
        #expect(csvEN.contains(text.en) && !csvEN.contains(text.fr))
    }

    /// The requests listed under a check say why they count in the report's language.
    @Test func theRequestsBehindACheckSayWhyInTheReportsLanguage() throws {
        let card = try HTMLTestCards.cards().rgesn
        let requests = card.families.flatMap(\.criteria).compactMap(\.prefilled).flatMap(\.checks).flatMap(\.requests)
        let request = try #require(requests.first { ($0.detailText.map { $0.fr != $0.en }) ?? false })
        let text = try #require(request.detailText)
        #expect(request.detail == text.en)
        let french = try Self.shownText(card, .fr), english = try Self.shownText(card, .en)
        #expect(french.contains("\(request.url)") && french.contains(" — \(text.fr)"))
        #expect(!french.contains(" — \(text.en)"))
        #expect(english.contains(" — \(text.en)") && !english.contains(" — \(text.fr)"))
    }

    /// The requests a recommendation names say why in the report's language, in the HTML and the CSV.
    @Test func theRequestsARecommendationNamesSayWhyInTheReportsLanguage() throws {
        let card = try HTMLTestCards.cards().bloated
        let requests = card.recommendations.flatMap { $0.offendingRequests.prefix(5) }
        let request = try #require(requests.first { ($0.detailText.map { $0.fr != $0.en }) ?? false })
        let text = try #require(request.detailText)
        #expect(request.detail == text.en)
        let french = try Self.shownText(card, .fr), english = try Self.shownText(card, .en)
        #expect(french.contains("– \(request.url) — \(text.fr) ("))
        #expect(english.contains("– \(request.url) — \(text.en) ("))
        let shownFR = requests.compactMap(\.detailText).filter { $0.fr != $0.en }
        for t in shownFR { #expect(!french.contains(" — \(t.en) ("), "English request detail in French: \(t.en)") }
        let csvFR = try #require(CSVReport(card: card, language: .fr).table("recommendation_requests")).render(.rfc4180)
        let csvEN = try #require(CSVReport(card: card, language: .en).table("recommendation_requests")).render(.rfc4180)
        #expect(csvFR.contains(text.fr) && !csvFR.contains(text.en))
        #expect(csvEN.contains(text.en) && !csvEN.contains(text.fr))
    }

    /// The inventory's maturity (level name, reasons) and the measured web-app line's source follow the report's
    /// language, in the HTML (inventory section and verdict) and the assumptions CSV.
    @Test func theInventoryTextsFollowTheReportsLanguage() throws {
        let card = try HTMLTestCards.cards().maturin
        let inventory = try #require(card.inventory)
        let maturity = try #require(inventory.maturity)
        let label = try #require(maturity.labelText), reasons = try #require(maturity.reasonsText)
        let source = try #require(inventory.assumptions.compactMap(\.sourceText).first)
        #expect(source.fr.hasPrefix("profil mesuré\u{00A0}: un passage par ") && source.en.hasPrefix("measured profile: one pass of "))
        let french = try Self.shownText(card, .fr).split(separator: "\n").map(String.init)
        let english = try Self.shownText(card, .en).split(separator: "\n").map(String.init)
        for (shown, other, language) in [(french, english, "fr"), (english, french, "en")] {
            #expect(shown.contains { $0.hasSuffix(" — " + label.text(language)) }, "the level's name in \(language)")
            #expect(shown.contains { $0.hasSuffix(" – " + label.text(language)) }, "the verdict's maturity in \(language)")
            for reason in reasons { #expect(shown.contains(reason.text(language)), "reason in \(language): \(reason.en)") }
            #expect(shown.contains { $0.hasSuffix(" — " + source.text(language)) }, "web-app source in \(language)")
            #expect(other != shown)
        }
        for text in [label, source] + reasons {
            #expect(!french.contains { $0.contains(text.en) }, "English in the French report: \(text.en)")
        }
        let csvFR = try #require(CSVReport(card: card, language: .fr).table("inventory_assumptions")).render(.rfc4180)
        let csvEN = try #require(CSVReport(card: card, language: .en).table("inventory_assumptions")).render(.rfc4180)
        #expect(csvFR.contains(source.fr) && !csvFR.contains(source.en))
        #expect(csvEN.contains(source.en) && !csvEN.contains(source.fr))
    }

    /// A card as written before the bilingual fields: the same JSON without them.
    static func withoutBilingualTexts(_ card: ScoreCard) throws -> Data {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !["detailText", "noteText", "notesText", "thresholdText", "labelText", "reasonsText", "sourceText"].contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let json = try JSONSerialization.jsonObject(with: try ReportJSON.scoreCard(card))
        return try JSONSerialization.data(withJSONObject: strip(json))
    }

    @Test func anOldCardWithoutTheBilingualTextsDecodesAndRendersItsEnglish() throws {
        let cards = try HTMLTestCards.cards()
        for card in [cards.rgesn, cards.bloated] {
            let old = try Self.withoutBilingualTexts(card)
            #expect(!String(decoding: old, as: UTF8.self).contains("detailText"))
            let decoded = try ScoreCardFile.decode(old, file: "old.json")
            #expect(decoded.schemaVersion == 1)
            #expect(decoded.notesText == nil)
            #expect(Self.scorerTexts(decoded).isEmpty)
            #expect(decoded.notes == card.notes)

            let french = try Self.shownText(decoded, .fr)
            let criteria = decoded.families.flatMap(\.criteria).filter { $0.status != .unanswered }
            let details = criteria.compactMap(\.prefilled).flatMap(\.checks).compactMap(\.detail)
            let notes = criteria.compactMap(\.note)
            let thresholds = criteria.compactMap(\.threshold)
            let requests = criteria.compactMap(\.prefilled).flatMap(\.checks).flatMap(\.requests).map(\.detail)
            #expect(!(details + notes + decoded.notes).isEmpty, "\(card.grid.id) has plain texts to fall back on")
            if card.grid.id == cards.bloated.grid.id { #expect(!thresholds.isEmpty, "bloated has plain thresholds to fall back on") }
            for text in details + notes + decoded.notes + thresholds + requests {
                #expect(french.contains(text), "the plain (English) text is shown when there is no French: \(text)")
            }
            let csv = try #require(CSVReport(card: decoded, language: .fr).table("criteria")).render(.rfc4180)
            for text in details + thresholds { #expect(csv.contains(text)) }
        }
    }

    /// The recommendations' requests and the inventory's texts of an old card: its English, in a French report.
    @Test func anOldCardFallsBackToItsEnglishRequestAndInventoryTexts() throws {
        let cards = try HTMLTestCards.cards()
        for card in [cards.bloated, cards.maturin] {
            let decoded = try ScoreCardFile.decode(try Self.withoutBilingualTexts(card), file: "old.json")
            #expect(Self.scorerTexts(decoded).isEmpty)
            let french = try Self.shownText(decoded, .fr)
            let requests = decoded.recommendations.flatMap { $0.offendingRequests.prefix(5) }
            let maturity = decoded.inventory?.maturity
            let sources = decoded.inventory?.assumptions.map(\.source) ?? []
            let plain = requests.map { " — \($0.detail) (" } + [maturity?.label].compactMap { $0 } + (maturity?.reasons ?? [])
                + sources
            if card.grid.id == cards.maturin.grid.id {
                #expect(maturity != nil && sources.contains { $0.hasPrefix("measured profile: one pass of ") })
            } else {
                #expect(requests.contains { $0.detail.contains("not WebP/AVIF") || $0.detail.contains("no Content-Encoding") })
            }
            for text in plain { #expect(french.contains(text), "the plain (English) text is shown: \(text)") }
            let csv = try #require(CSVReport(card: decoded, language: .fr).table("recommendation_requests")).render(.rfc4180)
            for r in decoded.recommendations.flatMap(\.offendingRequests) { #expect(csv.contains(r.detail)) }
            let assumptions = try #require(CSVReport(card: decoded, language: .fr).table("inventory_assumptions")).render(.rfc4180)
            for text in sources { #expect(assumptions.contains(text)) }
        }
    }
}
