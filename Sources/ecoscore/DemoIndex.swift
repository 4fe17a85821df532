import Foundation
import Model
import Report

/// The demo's index page: one entry per audit, linking its files (paths relative to the index).
struct DemoIndex {
    let language: ReportLanguage
    private(set) var entries: [IndexEntry] = []

    init(language: ReportLanguage) { self.language = language }

    private func say(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    var hospitalTitle: String { say("Parc informatique d'un hôpital (exemple)", "A hospital's IT inventory (sample)") }

    mutating func add(_ card: ScoreCard, title: String, folder: String) {
        let links = [
            IndexLink(label: say("Rapport HTML", "HTML report"), href: "\(folder)/report.html"),
            IndexLink(label: say("Tableaux CSV", "CSV tables"), href: "\(folder)/csv/"),
            IndexLink(label: say("Fiche de score (JSON)", "Score card (JSON)"), href: "\(folder)/scorecard.json"),
            IndexLink(label: say("Profil (JSON)", "Profile (JSON)"), href: "\(folder)/profile.json"),
        ]
        entries.append(IndexEntry(title: title, grid: "\(card.grid.id) \(card.grid.version)",
                                  grade: card.grade, score: card.total.percent, links: links))
    }

    func notes(server: URL, runs: Int) -> [String] {
        let views = Int(DemoCommand.hospitalViewsPerYear)
        return [
            say("Applications de démonstration servies sur \(server.absoluteString) le temps de la démo (aucun autre accès réseau).",
                "Fixture apps served at \(server.absoluteString) for the demo only (no other network access)."),
            say("Chaque parcours : 1 passage de chauffe puis \(runs) passage(s) mesuré(s) ; les chiffres sont des médianes.",
                "Each journey: 1 warm-up run then \(runs) measured run(s); figures are medians."),
            say("RGESN 2024 : réponses d'exemple (Fixtures/answers/rgesn-example.yaml) ; les critères mesurables sont préremplis par la mesure.",
                "RGESN 2024: sample answers (Fixtures/answers/rgesn-example.yaml); measurable criteria are pre-filled from the measurement."),
            say("maturin-sih : inventaire Fixtures/inventories/hospital-small.csv, avec le parcours « lean » comme application web (\(views) vues par an).",
                "maturin-sih: inventory Fixtures/inventories/hospital-small.csv, with the lean journey as its web app (\(views) views a year)."),
        ]
    }

    func page(notes: [String]) -> HTMLIndexPage {
        HTMLIndexPage(title: say("Démo Ecoscore", "Ecoscore demo"), entries: entries, language: language, notes: notes)
    }
}
