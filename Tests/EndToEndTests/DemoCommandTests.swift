import Foundation
import Model
import Testing

@Suite struct DemoCommandTests {
    @Test func demoWritesProfilesAndScoreCards() throws {
        let folder = try Ecoscore.temporaryFolder()
        let out = folder.appendingPathComponent("demo").path
        let r = try Ecoscore.run(["demo", "--runs", "1", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["bloated.profile.json", "bloated.scorecard.json", "lean.profile.json", "lean.scorecard.json",
                          "pages.profile.json"])
        let pages = try JSONDecoder.iso.decode(Profile.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/pages.profile.json")))
        #expect(pages.pages.count == 3)
        #expect(pages.pages.allSatisfy { $0.runs.first?.error == nil })
        #expect(r.stdout.contains("Journey score:"))
        #expect(r.stdout.contains("127.0.0.1"))
    }
}
