import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// Ctrl-C during a profile: the load in flight ends at once and is dropped (its figures would be partial),
    /// the loads completed before are kept, and no new load starts.
    @Suite(.timeLimit(.minutes(1)))
    struct Stop {
        /// Raises `stop` a little after `after` completes, while the next (dripping) load is in flight.
        static func raise(_ stop: StopSignal, afterLoading url: URL) -> @Sendable (PageProfiler.Progress) -> Void {
            { event in
                guard event.url == url else { return }
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: 0.5)
                    stop.raise("interrupted by SIGINT")
                }
            }
        }

        @Test func pagesKeepTheRunsCompletedBeforeTheStop() throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let stop = StopSignal()
            var options = HostileSupport.options
            options.stop = stop
            // The drip page would take 60 s (its image sends a byte a second) without the stop.
            options.pageTimeoutMs = 60_000
            options.requestTimeoutMs = 60_000
            let lean = server.url("/lean/"), drip = server.url("/hostile/drip/"), edge = server.url("/edge/")
            let pages = PageProfiler(options: options).profile(
                [lean, drip, edge], runs: 2, concurrency: 1, progress: Self.raise(stop, afterLoading: lean))
            #expect(stop.reason == "interrupted by SIGINT")
            #expect(pages.map(\.url) == [lean, drip, edge].map(\.absoluteString), "every page is listed")
            #expect(pages[0].runs.count == 1, "the lean page's first run completed before the stop")
            #expect(pages[0].summary.requests.n == 1)
            #expect(pages[1].runs.isEmpty, "the drip page's run was cut short and dropped")
            #expect(pages[2].runs.isEmpty, "no load started after the stop")
            let logged = server.accessLog().map(\.path)
            #expect(!logged.contains("/edge/"), "the edge page was never requested: \(logged)")
        }

        @Test func aJourneyKeepsTheStepsCompletedBeforeTheStop() throws {
            let server = FixtureServer()
            try server.start()
            defer { server.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecoscore-stop-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("j.yaml")
            try Data("""
                name: stopped
                steps:
                  - name: Lean
                    get: lean/
                  - name: Drip
                    get: hostile/drip/
                  - name: Edge
                    get: edge/
                """.utf8).write(to: file)
            let journey = try Journey.load(file, baseURL: server.baseURL)
            let stop = StopSignal()
            var options = HostileSupport.options
            options.stop = stop
            options.pageTimeoutMs = 60_000
            options.requestTimeoutMs = 60_000
            let pages = JourneyProfiler(options: options, cache: .cold).profile(journey, runs: 2, warmUp: 0, progress: { event in
                if event.step == "Drip" {
                    Thread.detachNewThread { Thread.sleep(forTimeInterval: 0.5); stop.raise("interrupted by SIGTERM") }
                }
            })
            #expect(pages.map(\.name) == ["Lean", "Drip", "Edge"])
            #expect(pages.map(\.runs.count) == [1, 0, 0])
        }
    }
}
