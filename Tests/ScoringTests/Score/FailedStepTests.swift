import Foundation
import Model
import Testing
@testable import Scoring

/// Steps whose page could not be loaded, or that have no run, are unmeasured: never the perfect score of
/// "0 bytes, 0 requests" (Score/LoadedRuns.swift has the rule). Figures by hand are those of
/// `AppReferencingScoreTests`: Home scores 86.667 (data 80, display 80, energy 100), Appointments 48.333
/// (data 40, display 80, energy 25), the two together 67.5, grade B.
@Suite struct FailedStepTests {
    typealias B = ProfileBuilder
    typealias Reference = AppReferencingScoreTests

    /// A load whose document failed: its navigation request has no status and carries the error, and so does
    /// the run, as `PageLoad.pageError` sets it.
    static func failedRun(_ url: String, code: String = "connect", message: String = "Couldn't connect to server",
                          status: Int? = nil, bytes: Int = 0, dom: Int? = nil) -> PageRun {
        var document = B.request(url, depth: 0, bytes: bytes, type: .document, discovery: .navigation,
                                 contentType: status == nil ? nil : "text/html")
        document.status = status
        if status == nil { document.error = RequestError(code: code, message: message) }
        var run = B.run([document], dom: dom)
        run.error = RequestError(code: code, message: message)
        return run
    }

    static func failedPage(_ name: String, _ url: String, code: String = "connect") -> PageProfile {
        B.page(name, url, failedRun(url, code: code))
    }

    static func score(_ profile: Profile, grid: String = "app-referencing") throws -> ScoreCard {
        try B.bundledScorer(grid).score(profile, answers: nil, tool: B.tool)
    }

    static func criteria(_ card: ScoreCard) -> [CriterionScore] { card.families.flatMap(\.criteria) }

    // MARK: - Every step failed

    @Test func aJourneyWhoseEveryPageFailedHasNoScoreAndNoGrade() throws {
        let profile = B.profile([Self.failedPage("Home", "http://app.test/"),
                                 Self.failedPage("Cart", "http://app.test/cart", code: "dns")])
        let card = try Self.score(profile)
        let journey = try #require(card.journey)
        #expect(journey.score == nil && journey.grade == nil)
        #expect(card.total.percent == nil && card.total.max == 0 && card.grade == nil)
        for step in journey.steps {
            #expect(step.score == nil)
            #expect(step.axes.count == 3 && step.axes.allSatisfy { $0.value == nil && $0.score == nil })
            #expect(step.displayTime == nil && step.energy == nil && step.ecoindex == nil)
        }
        #expect(journey.heaviestData.isEmpty && journey.heaviestEnergy.isEmpty)
        for c in Self.criteria(card) {
            #expect(c.status == .unmeasured, "\(c.id)")
            #expect(c.points == nil && c.max == 0, "\(c.id)")
            #expect(c.note?.contains("not measured on any step") == true, "\(c.id)")
            #expect(c.note?.contains("Home: could not be loaded: connect: Couldn't connect to server") == true, "\(c.id)")
            #expect(c.note?.contains("Cart: could not be loaded: dns:") == true, "\(c.id)")
        }
        #expect(card.ecoindex.count == 2 && card.ecoindex.allSatisfy { $0.ecoindex == nil })
        #expect(card.footprint == nil)
        #expect(card.recommendations.isEmpty)
        #expect(card.notes.contains { $0.hasPrefix("No step could be measured") && $0.contains("no score and no grade") })
    }

    /// A step with no run at all (the profile was interrupted before it) counts in no figure.
    @Test func aStepWithNoRunAfterAnInterruptionIsUnmeasured() throws {
        let empty = Stat(median: 0, min: 0, max: 0, cv: 0, n: 0)
        let missing = PageProfile(name: "Appointments", url: "http://app.test/appointments", runs: [], summary: PageSummary(
            requests: empty, transferBytes: empty, decodedBytes: empty, domElements: nil, durationMs: empty))
        var profile = B.profile([Reference.home(), missing], journey: "Book")
        profile.incomplete = "interrupted after 1 of 2 measured loads"
        let card = try Self.score(profile)
        let journey = try #require(card.journey)
        // Home alone: (80 + 80 + 100) ÷ 3.
        #expect(abs(journey.score! - 260.0 / 3) < 1e-9)
        #expect(journey.grade == "A")
        #expect(journey.steps[1].score == nil && journey.steps[1].axes.allSatisfy { $0.value == nil })
        let data = try #require(Self.criteria(card).first { $0.id == "data.transfer" })
        #expect(data.status == .scored && data.measured == 250_000)
        #expect(data.steps?[1].value == nil && data.steps?[1].points == nil)
        #expect(data.note == "not measured on: Appointments (no run: the profile stopped before this step)")
        #expect(card.notes.contains("The profile is incomplete (interrupted after 1 of 2 measured loads): steps with no run are unmeasured, the others are scored on the runs made before it stopped."))
        #expect(card.profile?.incomplete == "interrupted after 1 of 2 measured loads")
    }

    // MARK: - One step of three failed

    @Test func oneFailedStepOfThreeLeavesTheMeanOfTheOtherTwo() throws {
        let profile = B.profile([Self.failedPage("Login", "http://app.test/login"), Reference.home(), Reference.appointments()],
                                journey: "Book")
        let card = try Self.score(profile)
        let journey = try #require(card.journey)
        #expect(journey.steps[0].score == nil)
        #expect(journey.steps[0].axes.allSatisfy { $0.value == nil && $0.score == nil })
        // The failed step opened no connection: Home still pays the setup, as when it comes first.
        #expect(abs(journey.steps[1].score! - 260.0 / 3) < 1e-9)
        #expect(abs(journey.steps[2].score! - 145.0 / 3) < 1e-9)
        #expect(abs(journey.score! - 67.5) < 1e-9)
        #expect(journey.grade == "B")
        #expect(abs(card.total.percent! - 67.5) < 1e-9 && card.grade == "B")
        #expect(journey.heaviestData.map(\.name) == ["Appointments", "Home"])

        for c in Self.criteria(card) {
            #expect(c.status == .scored, "\(c.id)")
            #expect(c.steps?[0].value == nil && c.steps?[0].points == nil, "\(c.id)")
            #expect(c.note?.hasPrefix("not measured on: Login (could not be loaded: connect: Couldn't connect to server)") == true, "\(c.id)")
        }
        let data = try #require(Self.criteria(card).first { $0.id == "data.transfer" })
        #expect(data.measured == (250_000.0 + 2_030_500) / 2)

        #expect(card.ecoindex[0].ecoindex == nil && card.ecoindex[1].ecoindex != nil)
        // The footprint of one pass is that of the two steps that loaded.
        let reference = try Self.score(B.profile([Reference.home(), Reference.appointments()], journey: "Book"))
        #expect(card.footprint != nil && card.footprint == reference.footprint)
        #expect(card.notes.contains { $0.hasPrefix("Unmeasured steps") && $0.contains("the footprint") && $0.contains("Login: could not be loaded") })
        #expect(card.recommendations.allSatisfy { !$0.pages.contains(0) })
    }

    // MARK: - What counts as failed

    /// A failed assertion is set only on a load without error: the page arrived, its figures count, noted.
    @Test func aFailedAssertionKeepsTheFigures() throws {
        var home = Reference.home()
        home.runs[0].error = RequestError(code: "assertion", message: "step 'Home': expected text \"Welcome\"")
        let card = try Self.score(B.profile([home, Reference.appointments()], journey: "Book"))
        let journey = try #require(card.journey)
        #expect(abs(journey.steps[0].score! - 260.0 / 3) < 1e-9)
        #expect(abs(journey.score! - 67.5) < 1e-9)
        #expect(card.ecoindex[0].ecoindex != nil)
        for c in Self.criteria(card) {
            #expect(c.status == .scored && c.steps?[0].value != nil, "\(c.id)")
            #expect(c.note?.contains("Home: assertion failed (step 'Home': expected text \"Welcome\"): the page loaded, its figures count") == true, "\(c.id)")
        }
        #expect(card.notes.contains { $0.hasPrefix("Home: assertion failed") })
        #expect(!card.notes.contains { $0.hasPrefix("Unmeasured steps") })
    }

    /// An error page (HTTP 404 with an HTML body) arrived, but it is not the page asked for: unmeasured, no
    /// EcoIndex even though its DOM was counted, no recommendation about it.
    @Test func anHTTPErrorPageIsUnmeasured() throws {
        let url = "http://app.test/gone"
        let notFound = B.page("Gone", url, Self.failedRun(url, code: "http-status", message: "the server answered HTTP 404",
                                                           status: 404, bytes: 600, dom: 12))
        let profile = try EcoIndex.bundled().annotate(B.profile([Reference.home(), notFound], journey: "Book"))
        #expect(profile.pages[1].summary.ecoindex != nil, "the profiler's annotation computed one for the error page")
        let card = try Self.score(profile)
        #expect(card.ecoindex[1].ecoindex == nil)
        #expect(card.journey?.steps[1].score == nil)
        #expect(abs(card.journey!.score! - 260.0 / 3) < 1e-9)
        #expect(card.recommendations.allSatisfy { !$0.pages.contains(1) })
        let data = try #require(Self.criteria(card).first { $0.id == "data.transfer" })
        #expect(data.note == "not measured on: Gone (could not be loaded: http-status: the server answered HTTP 404)")
    }

    @Test func theRule() {
        #expect(!B.run([]).loadFailed)
        for code in ["dns", "connect", "tls", "timeout", "page-timeout", "no-request", "http-status", "not-html"] {
            var run = B.run([])
            run.error = RequestError(code: code, message: "x")
            #expect(run.loadFailed, "\(code)")
        }
        var asserted = B.run([])
        asserted.error = RequestError(code: "assertion", message: "x")
        #expect(!asserted.loadFailed)
    }

    // MARK: - Some runs of a step failed

    /// Of three runs, one timed out: the step is scored on the two that loaded, not on a median the failed
    /// run's 0 bytes pulled down.
    @Test func aStepIsScoredOnItsLoadedRunsOnly() throws {
        func run(_ bytes: Int) -> PageRun {
            B.run([B.request("http://app.test/", depth: 0, bytes: bytes, type: .document, discovery: .navigation)])
        }
        let runs = [run(100_000), run(300_000), Self.failedRun("http://app.test/", code: "timeout", message: "Timeout was reached")]
        // The profiler's summary over the three runs: bytes 0, 100 000, 300 000 → median 100 000.
        let one = Stat(median: 1, min: 1, max: 1, cv: 0, n: 3)
        let page = PageProfile(name: "Home", url: "http://app.test/", runs: runs, summary: PageSummary(
            requests: one, transferBytes: Stat(median: 100_000, min: 0, max: 300_000, cv: 1.07, n: 3),
            decodedBytes: Stat(median: 100_000, min: 0, max: 300_000, cv: 1.07, n: 3),
            domElements: Stat(median: 100, min: 100, max: 100, cv: 0, n: 3), durationMs: Stat(median: 30, min: 30, max: 30, cv: 0, n: 3)))
        let card = try Self.score(B.profile([page], journey: "Book"))
        let data = try #require(Self.criteria(card).first { $0.id == "data.transfer" })
        #expect(data.steps?[0].value == 200_000, "median of the loaded runs: (100 000 + 300 000) ÷ 2")
        #expect(card.notes.contains("Home: 1 of 3 runs could not be loaded (timeout): figures from the 2 that loaded."))
        #expect(card.ecoindex[0].ecoindex?.sizeKB == 200)
        // The recommendations look at a loaded run.
        #expect(BestPractices.representativeRun(of: page) != 2)
    }

    @Test func bestPracticesCheckOnlyALoadedRun() {
        let failed = Self.failedRun("http://app.test/")
        let loaded = B.run([B.request("http://app.test/", depth: 0, bytes: 5, type: .document, discovery: .navigation)])
        #expect(BestPractices.representativeRun(of: B.page("A", "http://app.test/", failed)) == nil)
        var page = B.page("A", "http://app.test/", failed)
        page.runs.append(loaded)
        #expect(BestPractices.representativeRun(of: page) == 1)
    }

    // MARK: - RGESN pre-filled evidence

    /// The step RGESNPrefillTests measures passes 6.1 (73 000 B, 4 requests) and fails 6.3 (compression
    /// 0.4737): with a second step that could not be loaded, a pass proves nothing about the unseen step, and a
    /// share pooled over the steps could move either way.
    @Test func unseenStepsDecideNoPrefilledAnswer() throws {
        let measured = RGESNPrefillTests.profile().pages[0]
        let card = try Self.score(B.profile([measured, Self.failedPage("Cart", "http://clinic.test/cart")]), grid: "rgesn-2024")
        let c = RGESNPrefillTests.criteria(card)
        let screen = try #require(c["6.1"])
        #expect(screen.prefilled?.answer == nil && screen.status == .unanswered)
        #expect(screen.prefilled?.checks.allSatisfy { $0.passed == nil } == true)
        #expect(screen.prefilled?.checks.first?.detail?.hasPrefix("every measured step meets it") == true)
        #expect(screen.note?.contains("Not measured, so not evidence: Cart: could not be loaded: connect") == true)
        #expect(c["6.3"]?.prefilled?.answer == nil && c["6.3"]?.prefilled?.checks.first?.passed == nil)
    }

    /// A step limit a measured step exceeds fails whatever the unseen steps hold.
    @Test func aMeasuredStepOverTheLimitStillFails() throws {
        var requests = [B.request("http://clinic.test/", depth: 0, bytes: 1_000, type: .document, discovery: .navigation)]
        for i in 0..<30 { requests.append(B.request("http://clinic.test/\(i).png", depth: 1, bytes: 10)) }
        let busy = B.page("Home", "http://clinic.test/", B.run(requests))
        let card = try Self.score(B.profile([busy, Self.failedPage("Cart", "http://clinic.test/cart")]), grid: "rgesn-2024")
        let screen = try #require(RGESNPrefillTests.criteria(card)["6.1"])
        #expect(screen.prefilled?.answer == "non validé" && screen.answerSource == "measured")
    }

    /// With nothing loaded, "no raster image" is not known: 5.1 is not pre-filled "non applicable".
    @Test func nothingLoadedIsNotNothingToMeasure() throws {
        let card = try Self.score(B.profile([Self.failedPage("Home", "http://clinic.test/")]), grid: "rgesn-2024")
        let c = RGESNPrefillTests.criteria(card)
        for id in ["3.3", "4.8", "5.1", "6.1", "6.2", "6.3", "6.7"] {
            #expect(c[id]?.prefilled?.answer == nil, "\(id)")
            #expect(c[id]?.status == .unanswered, "\(id)")
        }
        #expect(c["5.1"]?.prefilled?.checks.first?.detail?.hasPrefix("no step could be measured") == true)
    }
}
