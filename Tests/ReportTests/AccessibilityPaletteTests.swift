import Foundation
@testable import Report
import Testing

/// WCAG 2.1 contrast (1.4.3, 1.4.11) of every colour pair the style sheet draws text or marks with.
@Suite struct AccessibilityPaletteTests {
    /// Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.1 definition).
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func theFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
        #expect(Self.contrast("#ffffff", "#ffffff") == 1)
    }

    @Test func everyPairReachesFourPointFive() {
        let palette = Palette.standard
        #expect(palette.pairs.count >= 20)
        for pair in palette.pairs {
            let ratio = Self.contrast(pair.foreground, pair.background)
            #expect(ratio >= 4.5, "\(pair.name): \(pair.foreground) on \(pair.background) is \(ratio):1")
        }
    }

    @Test func theStyleSheetUsesOnlyThePalette() throws {
        let html = try HTMLReport(card: try HTMLTestCards.cards().bloated, language: .en).render()
        let page = try HTMLTagWalker(html)
        let css = page.all("style").map { page.text($0) }.joined()
        let mirror = Mirror(reflecting: Palette.standard)
        let colours = Set(mirror.children.compactMap { $0.value as? String }.map { $0.lowercased() })
        let used = Set(css.matches(of: /#[0-9a-fA-F]{3,8}\b/).map { String($0.output).lowercased() })
        #expect(!used.isEmpty)
        #expect(used.subtracting(colours).isEmpty, "colours outside the palette: \(used.subtracting(colours))")
        // Named colours would escape the check too.
        for named in ["color:red", "color:green", "background:red", "background:green", "rgb("] {
            #expect(!css.contains(named))
        }
    }
}
