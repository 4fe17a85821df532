import Foundation
import Model

/// Which loads the scores count: the rule for failed pages.
///
/// A run **failed** when its `error` is set with any code but `assertion`. The profiler sets `PageRun.error`
/// only when the page itself could not be loaded (`PageLoad.pageError`): a transport failure of the document
/// (dns, connect, tls, timeout, page-timeout, reset…), nothing requested, an HTTP status of 400 or more on the
/// final document, or a document that is not HTML. An error page (404, 500) did arrive, but it is not the page
/// that was asked for: its few bytes would score as a perfect page, and `ecoscore profile` already reports it as
/// "cannot load" (exit 3). So all of these leave the run out of every figure.
///
/// A failed **assertion** (a journey step that loaded but did not show what it should) is set by the journey
/// profiler only on a load with no error of its own: the page arrived and its figures are real, so they count,
/// with a note.
///
/// A step is **measured** when at least one of its runs loaded; its figures are then those of its loaded runs
/// only. A step with no loaded run (every run failed, or no run at all, e.g. after an interrupted profile) is
/// **unmeasured**: no value, no points, no EcoIndex and no footprint, never 0 bytes scored as a perfect page.
extension PageRun {
    /// The page could not be loaded on this run (see the rule above).
    public var loadFailed: Bool {
        guard let error else { return false }
        return error.code != RunOutcome.assertionCode
    }
}

/// What happened to one step's runs, for the scores and their notes.
public struct RunOutcome: Sendable, Equatable {
    static let assertionCode = "assertion"

    public var runs: Int
    /// Runs whose page loaded (assertion failures included).
    public var loaded: Int
    /// The first error of a run that failed.
    public var failure: RequestError?
    /// The first failed assertion of a run that loaded.
    public var assertion: RequestError?
    /// The profile stopped before every run was made (`Profile.incomplete`).
    public var profileIncomplete: Bool

    public init(_ page: PageProfile, profileIncomplete: Bool = false) {
        runs = page.runs.count
        loaded = page.runs.filter { !$0.loadFailed }.count
        failure = page.runs.first { $0.loadFailed }?.error
        assertion = page.runs.compactMap(\.error).first { $0.code == Self.assertionCode }
        self.profileIncomplete = profileIncomplete
    }

    public var isMeasured: Bool { loaded > 0 }

    /// Why the step counts in no figure, nil when it is measured.
    public var unmeasuredText: Bilingual? {
        guard !isMeasured else { return nil }
        guard let failure else {
            return profileIncomplete
                ? .say(fr: "aucun passage : le profil s’est arrêté avant cette étape", en: "no run: the profile stopped before this step")
                : .say(fr: "aucun passage", en: "no run")
        }
        let times: Bilingual = runs == 1 ? Bilingual(same: "")
            : runs == 2 ? .say(fr: " (les deux passages)", en: " (both runs)")
            : .say(fr: " (les \(runs) passages)", en: " (all \(runs) runs)")
        return .say(fr: "n’a pas pu être chargée", en: "could not be loaded") + times
            + .say(fr: " : \(failure.code) : \(failure.message)", en: ": \(failure.code): \(failure.message)")
    }

    /// For a measured step whose runs did not all load: which were left out.
    public var partialText: Bilingual? {
        guard isMeasured, loaded < runs, let failure else { return nil }
        return .say(fr: "\(runs - loaded) passages sur \(runs) n’ont pas pu être chargés (\(failure.code)) : chiffres des \(loaded) qui ont abouti",
                    en: "\(runs - loaded) of \(runs) runs could not be loaded (\(failure.code)): figures from the \(loaded) that loaded")
    }

    /// For a measured step with a failed assertion: its figures count, and why.
    public var assertionText: Bilingual? {
        guard isMeasured, let assertion else { return nil }
        return .say(fr: "vérification échouée (\(assertion.message)) : la page s’est chargée, ses chiffres comptent",
                    en: "assertion failed (\(assertion.message)): the page loaded, its figures count")
    }

    /// The same texts in English, as the card's plain strings carry them.
    public var unmeasuredReason: String? { unmeasuredText?.en }
    public var partialReason: String? { partialText?.en }
    public var assertionNote: String? { assertionText?.en }
}

extension PageProfile {
    /// The page as the scores see it: its loaded runs only, the summary recomputed over them when a run was
    /// left out (and its EcoIndex left for `ProfileFacts` to recompute from the new medians).
    func keepingLoadedRuns() -> PageProfile {
        let loaded = runs.filter { !$0.loadFailed }
        guard loaded.count < runs.count || runs.isEmpty else { return self }
        return PageProfile(name: name, url: url, runs: loaded, summary: PageSummary(runs: loaded))
    }
}
