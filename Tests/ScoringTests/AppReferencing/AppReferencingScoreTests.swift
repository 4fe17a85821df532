import Foundation
import Model
import Testing
@testable import Scoring

/// The app-referencing score of a small hand-made journey, recomputed by hand.
///
/// Reference network 4g (models/display-time.yaml): RTT 170 ms, 9 Mbit/s; setup of a new http origin = DNS 1 +
/// TCP 1 = 2 round trips; 6 connections per host on HTTP/1.1. Energy (models/footprint.yaml): SWD v4
/// 0.3 kWh/GB (operational 0.194 + embodied 0.106) = 0.3 Wh per MB; server 3.5 W per busy vCPU × PUE 1.75.
///
/// Step 1 "Home" (HTTP/1.1, one host): document 20 000 B (first byte at 53 ms, DNS 1, connect 2 → server
/// 53 − 1 − 2 − 2 (one round trip of the measuring network, the connect time) = 48 ms); 7 subresources of
/// 30 000 B at depth 1; one font of 20 000 B at depth 2. 250 000 B, 9 requests; server CPU 100 ms.
///   display: setup 2 + level 0: 1 + level 1: ⌈7 ÷ 6⌉ = 2 + level 2: 1 → 6 round trips × 170 = 1020 ms;
///            250 000 × 8 ÷ 9 000 000 s = 222.222 ms; + 48 ms server → 1290.222 ms → band ≤ 2.5 s: 80
///   data:    250 000 B → band ≤ 500 kB: 80
///   energy:  250 000 ÷ 10^9 × 0.3 kWh = 0.075 Wh + 0.1 s × 3.5 W × 1.75 ÷ 3600 = 0.000170 Wh → 0.075170 Wh
///            → band ≤ 0.081 Wh: 100
///   step score (80 + 80 + 100) ÷ 3 = 86.667
/// Step 2 "Appointments": a 302 (500 B, first byte 10 ms) to the document (30 000 B, first byte 30 ms) on the
/// same, already connected origin (same journey run); two 1 000 000 B images at depth 1. 2 030 500 B, 4 requests;
/// no server meter.
///   display: no setup; level 0: the 2-hop redirect chain = 2; level 1: ⌈2 ÷ 6⌉ = 1 → 3 × 170 = 510 ms;
///            2 030 500 × 8 ÷ 9 000 000 s = 1804.889 ms; server 10 + 30 = 40 ms → 2354.889 ms → 80
///   data:    2 030 500 B → band ≤ 2420 kB: 40
///   energy:  2 030 500 ÷ 10^9 × 300 Wh = 0.60915 Wh → band ≤ 0.727 Wh: 25
///   step score (40 + 80 + 25) ÷ 3 = 48.333
/// Journey: (86.667 + 48.333) ÷ 2 = 67.5 → grade B (≥ 65). The total is the same: data (80 + 40) ÷ 2 = 60,
/// display 80, energy (100 + 25) ÷ 2 = 62.5 → 202.5 ÷ 300 = 67.5 %.
@Suite struct AppReferencingScoreTests {
    typealias B = ProfileBuilder

    static func home() -> PageProfile {
        var requests = [B.request("http://app.test/", depth: 0, bytes: 20_000, type: .document, discovery: .navigation,
                                  timings: Timings(dnsMs: 1, connectMs: 2, firstByteMs: 53))]
        for i in 1...7 { requests.append(B.request("http://app.test/r\(i).js", depth: 1, bytes: 30_000, type: .script)) }
        requests.append(B.request("http://app.test/font.woff2", depth: 2, bytes: 20_000, type: .font))
        return B.page("Home", "http://app.test/", B.run(requests, durationMs: 35, serverCPUms: 100))
    }

    static func appointments() -> PageProfile {
        let requests = [
            B.request("http://app.test/appointments", depth: 0, bytes: 500, type: .document, discovery: .navigation,
                      status: 302, redirectTo: "http://app.test/appointments/", timings: Timings(firstByteMs: 10)),
            B.request("http://app.test/appointments/", depth: 0, bytes: 30_000, type: .document, discovery: .redirect,
                      timings: Timings(firstByteMs: 30)),
            B.request("http://app.test/scan-1.jpg", depth: 1, bytes: 1_000_000),
            B.request("http://app.test/scan-2.jpg", depth: 1, bytes: 1_000_000),
        ]
        return B.page("Appointments", "http://app.test/appointments", B.run(requests, durationMs: 80))
    }

    static func card(journey: Bool = true, network: String? = nil) throws -> ScoreCard {
        let profile = B.profile([home(), appointments()], journey: journey ? "Book" : nil)
        return try B.bundledScorer("app-referencing").score(profile, answers: nil, tool: B.tool, network: network)
    }

    @Test func stepsAxesAndJourneyByHand() throws {
        let card = try Self.card()
        let j = try #require(card.journey)
        #expect(j.network?.id == "4g")
        let home = j.steps[0], appointments = j.steps[1]

        let d1 = try #require(home.displayTime)
        #expect(d1.setupRoundTrips == 2 && d1.requestRoundTrips == 4 && d1.dependencyLevels == 3)
        #expect(d1.serverMs == 48 && d1.serverSource == "first-byte")
        #expect(abs(d1.transferMs - 250_000.0 * 8 / 9_000_000 * 1000) < 1e-9)
        #expect(abs(d1.modelledMs - (1020 + 222.222_222_222 + 48)) < 1e-6)
        #expect(d1.measuredMs == 35)
        #expect(abs(d1.byNetwork["fibre"]! - (6 * 20 + 20 + 48)) < 1e-9, "fibre: 6 × 20 ms + 250 000 × 8 ÷ 10^8 s + 48")

        let d2 = try #require(appointments.displayTime)
        #expect(d2.setupRoundTrips == 0 && d2.requestRoundTrips == 3)
        #expect(d2.serverMs == 40)
        #expect(abs(d2.modelledMs - (510 + 2_030_500.0 * 8 / 9_000_000 * 1000 + 40)) < 1e-6)

        let e1 = try #require(home.energy), e2 = try #require(appointments.energy)
        #expect(abs(e1.wh - (0.075 + 0.1 * 3.5 * 1.75 / 3600)) < 1e-12)
        #expect(abs(e1.serverWh - 0.1 * 3.5 * 1.75 / 3600) < 1e-12)
        #expect(abs(e2.wh - 0.609_15) < 1e-12)
        #expect(e2.serverWh == 0 && e2.serverCPUms == nil)

        #expect(home.axes.map(\.score) == [80, 80, 100])
        #expect(appointments.axes.map(\.score) == [40, 80, 25])
        #expect(abs(home.score! - 260.0 / 3) < 1e-9)
        #expect(abs(appointments.score! - 145.0 / 3) < 1e-9)
        #expect(abs(j.score! - 67.5) < 1e-9)
        #expect(j.grade == "B")
        #expect(j.heaviestData.map(\.name) == ["Appointments", "Home"])
        #expect(j.heaviestEnergy.map(\.name) == ["Appointments", "Home"])
    }

    @Test func totalEqualsTheJourneyScore() throws {
        let card = try Self.card()
        #expect(card.families.map(\.total.points) == [60, 80, 62.5])
        #expect(card.total.points == 202.5 && card.total.max == 300)
        #expect(abs(card.total.percent! - 67.5) < 1e-9)
        #expect(card.grade == "B")
        let data = card.families[0].criteria[0]
        #expect(data.steps?.map(\.points) == [80, 40])
        #expect(data.measured == 1_140_250.0, "(250 000 + 2 030 500) ÷ 2")
        #expect(card.notes.contains { $0.contains("not metered") })
        #expect(card.models.map(\.id).contains("display-time"))
        #expect(card.models.map(\.id).contains("footprint"))
    }

    /// Separate page loads (no journey): the second page opens its own connection, 2 more round trips:
    /// 2354.889 + 340 = 2694.889 ms → band ≤ 4 s: 60. Display (80 + 60) ÷ 2 = 70; total (60 + 70 + 62.5) ÷ 3 = 64.167 (C).
    @Test func separatePagesConnectAgain() throws {
        let card = try Self.card(journey: false)
        let d2 = try #require(card.journey?.steps[1].displayTime)
        #expect(d2.setupRoundTrips == 2)
        #expect(abs(d2.modelledMs - (850 + 2_030_500.0 * 8 / 9_000_000 * 1000 + 40)) < 1e-6)
        #expect(card.families[1].total.points == 70)
        #expect(abs(card.total.percent! - 192.5 / 3) < 1e-9)
        #expect(card.grade == "C")
    }

    /// On 3g (RTT 300 ms, 1.6 Mbit/s): Home 6 × 300 + 250 000 × 8 ÷ 1.6 × 10^6 s (1250 ms) + 48 = 3098 ms → 60;
    /// Appointments 3 × 300 + 10 152.5 + 40 = 11 092.5 ms → 0.
    @Test func networkOverride() throws {
        let card = try Self.card(network: "3g")
        let steps = try #require(card.journey?.steps)
        #expect(abs(steps[0].displayTime!.modelledMs - 3098) < 1e-6)
        #expect(abs(steps[1].displayTime!.modelledMs - 11_092.5) < 1e-6)
        #expect(steps.map { $0.axes[1].score } == [60, 0])
        #expect(card.journey?.network?.id == "3g")
        #expect(throws: DataFileError.self) { try Self.card(network: "5g") }
    }

    @Test func ecoIndexIsAttachedAsACompanionFigure() throws {
        let card = try Self.card()
        #expect(card.ecoindex.count == 2)
        // DOM 100, 9 requests, 250 kB — computed with the bundled tables since the summary had none.
        let eco = try EcoIndex.bundled().compute(domElements: 100, requests: 9, transferBytes: 250_000)
        #expect(card.ecoindex[0].ecoindex == eco)
        #expect(card.journey?.steps[0].ecoindex == eco)
    }
}
