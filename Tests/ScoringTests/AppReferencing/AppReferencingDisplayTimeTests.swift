import Foundation
import Model
import Testing
@testable import Scoring

/// The round-trip terms of the display-time model, one rule at a time (4g: RTT 170 ms; bytes kept at 0).
@Suite struct AppReferencingDisplayTimeTests {
    typealias B = ProfileBuilder
    let model = try! DisplayTimeModel.bundled()
    var network: DisplayTimeModel.NetworkProfile { model.profile("4g")! }

    /// A document and 20 images at depth 1 on one https origin, over `http`.
    func page(_ http: String) -> PageRun {
        var requests = [B.request("https://h.test/", depth: 0, bytes: 0, type: .document, discovery: .navigation, http: http)]
        for i in 0..<20 { requests.append(B.request("https://h.test/\(i).png", depth: 1, bytes: 0, http: http)) }
        return B.run(requests)
    }

    func estimate(_ run: PageRun, known: Set<String> = []) -> DisplayTimeModel.RunEstimate {
        var known = known
        return model.estimate(run, on: network, multiplexed: ["HTTP/2", "HTTP/3"], knownOrigins: &known)
    }

    /// HTTP/1.1: setup DNS + TCP + TLS = 3; the document 1; 20 images on 6 connections ⌈20 ÷ 6⌉ = 4 → 8 round trips.
    @Test func http1BatchesBySixConnections() {
        let e = estimate(page("HTTP/1.1"))
        #expect(e.setupRoundTrips == 3 && e.requestRoundTrips == 5)
        #expect(e.totalMs == 8 * 170)
        #expect(e.serverSource == "none")
    }

    /// HTTP/2 multiplexes the 20 images in one round trip: 3 + 1 + 1 = 5.
    @Test func http2SendsALevelInOneRoundTrip() {
        let e = estimate(page("HTTP/2"))
        #expect(e.setupRoundTrips == 3 && e.requestRoundTrips == 2)
    }

    /// HTTP/3 sets up with DNS + QUIC = 2: 2 + 1 + 1 = 4.
    @Test func http3SetsUpInOneRoundTrip() {
        let e = estimate(page("HTTP/3"))
        #expect(e.setupRoundTrips == 2 && e.requestRoundTrips == 2)
    }

    /// An origin already connected (earlier step of the journey run) costs no setup.
    @Test func knownOriginsAreNotSetUpAgain() {
        let e = estimate(page("HTTP/2"), known: ["https://h.test:443"])
        #expect(e.setupRoundTrips == 0 && e.requestRoundTrips == 2)
    }

    /// A redirect chain http → https costs each hop, and the https origin's setup on the way:
    /// hop 1 (http, setup 2 + 1) then hop 2 (https, setup 3 + 1) = 7 round trips at level 0.
    @Test func redirectChainsCostEveryHop() {
        let run = B.run([
            B.request("http://h.test/", depth: 0, bytes: 0, type: .document, discovery: .navigation, status: 301,
                      redirectTo: "https://h.test/"),
            B.request("https://h.test/", depth: 0, bytes: 0, type: .document, discovery: .redirect, http: "HTTP/2"),
        ])
        let e = estimate(run)
        #expect(e.setupRoundTrips == 5 && e.requestRoundTrips == 2)
        #expect(DisplayTimeModel.chains(run.requests).map(\.count) == [2])
    }

    /// Server time from the first byte, minus DNS, connect, TLS and one measuring round trip; else server CPU.
    @Test func serverTime() {
        let measured = B.run([B.request("https://h.test/", depth: 0, bytes: 0, type: .document, discovery: .navigation,
                                        timings: Timings(dnsMs: 2, connectMs: 5, tlsMs: 8, firstByteMs: 120))])
        #expect(DisplayTimeModel.serverTime(measured) == (100, "first-byte"))
        let metered = B.run([B.request("https://h.test/", depth: 0, bytes: 0, type: .document, discovery: .navigation)],
                            serverCPUms: 42)
        #expect(DisplayTimeModel.serverTime(metered) == (42, "server-cpu"))
    }

    @Test func bytesOverBandwidth() {
        let run = B.run([B.request("https://h.test/", depth: 0, bytes: 1_125_000, type: .document, discovery: .navigation)])
        #expect(estimate(run).transferMs == 1000, "1 125 000 B × 8 ÷ 9 Mbit/s = 1 s")
    }
}
