import Foundation
import Model
import Report
import Testing

@Suite struct HTMLReportTests {
    @Test(arguments: ReportLanguage.allCases) func rendersEveryCardWithItsSections(_ language: ReportLanguage) throws {
        let cards = try HTMLTestCards.cards()
        let bloated = try HTMLTestCards.render(cards.bloated, language, name: "bloated")
        #expect(bloated.hasPrefix("<!DOCTYPE html>"))
        for id in ["verdict", "families", "steps", "heaviest", "breakdown", "serverCPU", "footprint", "ecoindex",
                   "criteria", "unanswered", "recommendations", "methodology"] {
            #expect(bloated.contains("<section id=\"\(id)\""), "\(id)")
        }
        _ = try HTMLTestCards.render(cards.lean, language, name: "lean")
        _ = try HTMLTestCards.render(cards.rgesn, language, name: "rgesn")
        let maturin = try HTMLTestCards.render(cards.maturin, language, name: "maturin")
        #expect(maturin.contains("<section id=\"inventory\""))
    }
}
