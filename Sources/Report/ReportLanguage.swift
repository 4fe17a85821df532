import Model

/// The language a report is written in. French by default for the French grids, English otherwise.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case fr, en

    /// French for every bundled grid (they are French official grids), English for a grid file of unknown origin.
    public static func `default`(for grid: ScoreCardGrid) -> ReportLanguage {
        grid.bundled ? .fr : .en
    }

    public func text(_ b: Bilingual) -> String { b.text(rawValue) }
    public func text(_ c: CheckText) -> String { self == .fr ? c.fr : c.en }

    /// A scorer's text (evidence detail, note): its bilingual form, else the English one of a card written before
    /// the scorer gave both.
    public func text(_ b: Bilingual?, or plain: String?) -> String? { b.map(text) ?? plain }
}
