import FixtureServer
import Foundation
import Model
import Testing

/// An audit whose pages could not be loaded scores nothing for them: never the 100 % (A) of "0 bytes".
@Suite struct FailedStepScoreTests {
    @Test func anUnreachableTargetHasNoScoreAndNoGrade() throws {
        let url = "http://127.0.0.1:\(try closedLoopbackPort())/"
        let out = try Ecoscore.temporaryFolder().appendingPathComponent("audit")
        let r = try Ecoscore.run(["audit", url, "--out", out.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("cannot load \(url)"))
        let card = try AuditOutput(folder: out).card()
        #expect(card.total.percent == nil && card.grade == nil)
        let journey = try #require(card.journey)
        #expect(journey.score == nil && journey.grade == nil)
        #expect(journey.steps.count == 1 && journey.steps[0].score == nil)
        #expect(journey.steps[0].axes.allSatisfy { $0.value == nil })
        for criterion in card.families.flatMap(\.criteria) {
            #expect(criterion.status == .unmeasured, "\(criterion.id)")
            #expect(criterion.note?.contains("could not be loaded: connect") == true, "\(criterion.id)")
        }
        #expect(card.ecoindex.allSatisfy { $0.ecoindex == nil })
        #expect(card.footprint == nil)
        #expect(card.notes.contains { $0.hasPrefix("No step could be measured") })
        #expect(!r.stdout.contains("100.0 %") && !r.stdout.contains("(A)"))
    }

    /// A journey of a real page and a page that answers 404: the journey score is the real page's alone.
    @Test func aMissingStepLeavesTheScoreOfTheStepThatLoaded() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let folder = try Ecoscore.temporaryFolder()
        let journey = folder.appendingPathComponent("journey.yaml")
        try """
        name: Home and a missing page
        steps:
          - name: Home
            get: lean/
          - name: Missing
            get: lean/no-such-page.html
        """.write(to: journey, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("audit")
        let r = try Ecoscore.run(["audit", journey.path, "--base-url", server.baseURL.absoluteString, "--runs", "1",
                                  "--warmup", "0", "--out", out.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("HTTP 404"))
        let card = try AuditOutput(folder: out).card()
        let steps = try #require(card.journey?.steps)
        #expect(steps.map(\.name) == ["Home", "Missing"])
        let home = try #require(steps[0].score)
        #expect(steps[1].score == nil && steps[1].axes.allSatisfy { $0.value == nil })
        #expect(card.journey?.score == home, "the mean over the one measured step")
        #expect(card.ecoindex[0].ecoindex != nil && card.ecoindex[1].ecoindex == nil)
        let data = try #require(card.families.flatMap(\.criteria).first { $0.id == "data.transfer" })
        #expect(data.status == .scored)
        #expect(data.note?.contains("Missing (could not be loaded: http-status:") == true)
    }
}
