/// Every colour the HTML report uses, as sRGB hex. The style sheet is rendered from these constants, so the
/// contrast test (Tests/ReportTests/AccessibilityPaletteTests) checks exactly what a reader sees.
struct Palette: Sendable {
    let text = "#1b1f24"
    let muted = "#4d5560"
    let background = "#ffffff"
    let surface = "#f3f5f7"
    let rule = "#d0d5db"
    let link = "#0b57a4"
    /// Bars of the charts (also drawn on `background`).
    let bar = "#2f5f8a"
    let barAlt = "#6a4c93"
    /// Warnings (incomplete profile, flagged answers): dark text on a pale background, plus a border.
    let warningText = "#6b3a00"
    let warningBackground = "#fff4e0"
    let warningBorder = "#9a5200"
    /// Pass / fail marks, always with a word beside them.
    let pass = "#1d6b38"
    let fail = "#a4262c"
    /// Grade badges: white letters on these, best first. The letter is always written, the colour only adds.
    let gradeA = "#1d6b38"
    let gradeB = "#3d6b1f"
    let gradeC = "#66620f"
    let gradeD = "#8a5000"
    let gradeE = "#a4431a"
    let gradeF = "#a4262c"
    let gradeG = "#8c1c3d"
    let gradeText = "#ffffff"
    /// The same, as the style sheet iterates them.
    let gradeColours: [GradeColour]
    /// Badge of a grade letter the palette does not know (a grid of one's own).
    let gradeOther = "#4d5560"

    struct GradeColour: Sendable { let letter: String; let colour: String }

    init() {
        gradeColours = [("A", gradeA), ("B", gradeB), ("C", gradeC), ("D", gradeD), ("E", gradeE), ("F", gradeF),
                        ("G", gradeG)].map { GradeColour(letter: $0.0, colour: $0.1) }
    }

    static let standard = Palette()

    /// The (foreground, background) pairs the style sheet draws text or marks with; each must reach 4.5:1.
    var pairs: [(name: String, foreground: String, background: String)] {
        [("text", text, background), ("text on surface", text, surface), ("muted", muted, background),
         ("muted on surface", muted, surface), ("link", link, background), ("link on surface", link, surface),
         ("bar", bar, background), ("bar alt", barAlt, background), ("bar on surface", bar, surface),
         ("warning", warningText, warningBackground), ("warning border", warningBorder, warningBackground),
         ("pass", pass, background), ("fail", fail, background), ("pass on surface", pass, surface),
         ("fail on surface", fail, surface)]
            + gradeColours.map { ("grade \($0.letter)", gradeText, $0.colour) }
            + [("grade other", gradeText, gradeOther)]
    }
}
