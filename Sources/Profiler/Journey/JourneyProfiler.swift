import Foundation
import Model

/// Runs a journey: every run replays the steps in order with one browser session (cookie jar) and, unless
/// `cache` is cold, one HTTP cache, as a person clicking through would; runs are separate sessions.
/// The first `warmUp` runs are made and thrown away (they fill the server's own caches and JIT).
public struct JourneyProfiler: Sendable {
    public enum CacheMode: String, Sendable, CaseIterable {
        /// A step reuses what earlier steps of the same run cached, as a browser does.
        case warm
        /// Every step starts with an empty cache (cookies still persist: the session must).
        case cold
    }

    public var options: FetchOptions
    public var cache: CacheMode

    public init(options: FetchOptions = FetchOptions(), cache: CacheMode = .warm) {
        self.options = options
        self.cache = cache
    }

    public struct Progress: Sendable {
        public var step: String
        public var stepIndex: Int
        public var run: Int
        public var runs: Int
        public var warmUp: Bool
    }

    /// - Parameter around: wraps each step's load, e.g. to meter the server's CPU over exactly that load;
    ///   it must call its argument once and may annotate the run it returns.
    public func profile(_ journey: Journey, runs: Int, warmUp: Int = 1,
                        around: (_ load: () -> PageRun) -> PageRun = { $0() },
                        progress: ((Progress) -> Void)? = nil) -> [PageProfile] {
        precondition(runs >= 1 && warmUp >= 0)
        var options = self.options
        options.extraHeaders += journey.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let ua = journey.userAgent { options.userAgent = ua }
        if let viewport = journey.viewport { options.viewport = viewport }
        let redact = Redactor(secrets: journey.secrets)
        var perStep: [[PageRun]] = Array(repeating: [], count: journey.steps.count)
        passes: for run in 0..<(warmUp + runs) {
            let share = CurlShare()
            let httpCache = cache == .warm ? HTTPCache() : nil
            for (i, step) in journey.steps.enumerated() {
                if options.stop?.isRaised == true { break passes }
                progress?(Progress(step: step.name, stepIndex: i, run: run - warmUp + 1, runs: runs, warmUp: run < warmUp))
                if step.wait > 0 { Thread.sleep(forTimeInterval: step.wait) }
                let load = PageLoad(navigation: step.request, options: options, pageHosts: journey.namedHosts,
                                    share: share, cache: httpCache)
                var result = around { load.run() }
                // Steps completed before a stop keep their runs; the one cut short is dropped.
                if result.wasInterrupted { break passes }
                result.assertions = step.check(result, body: load.finalBody)
                if let failed = result.assertions.first(where: { !$0.passed }), result.error == nil {
                    result.error = RequestError(code: "assertion", message: "step '\(step.name)': \(failed.message ?? failed.expectation)")
                }
                if run >= warmUp { perStep[i].append(redact(result)) }
            }
        }
        return journey.steps.indices.map { i in
            PageProfile(name: redact(journey.steps[i].name), url: redact(journey.steps[i].url.absoluteString),
                        runs: perStep[i], summary: PageSummary(runs: perStep[i]))
        }
    }
}

extension Journey.Step {
    var request: FetchRequest {
        var headers = self.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let contentType { headers.append("Content-Type: \(contentType)") }
        var r = FetchRequest(url: url, type: kind == .api ? .fetch : .document, discovery: .navigation,
                             initiator: nil, depth: 0, frameDepth: 0)
        r.method = method
        r.body = body
        r.headers = headers
        r.keepBody = true
        return r
    }

    /// The step's expectations against its final answer (after redirects).
    func check(_ run: PageRun, body: [UInt8]) -> [AssertionResult] {
        var results: [AssertionResult] = []
        let finalStatus = run.requests.last { $0.depth == 0 }?.status ?? (run.cacheHits.first?.url == url.absoluteString ? 200 : nil)
        if let expectStatus {
            let passed = finalStatus == expectStatus
            results.append(AssertionResult(
                expectation: "status \(expectStatus)", passed: passed,
                message: passed ? nil : "expected status \(expectStatus), got \(finalStatus.map(String.init) ?? "no answer") from \(run.finalURL)"))
        }
        let text = String(decoding: body, as: UTF8.self)
        if let expectText {
            let passed = text.contains(expectText)
            results.append(AssertionResult(
                expectation: "text \"\(expectText)\"", passed: passed,
                message: passed ? nil : "expected text \"\(expectText)\" not found in \(run.finalURL) (status \(finalStatus.map(String.init) ?? "none"))"))
        }
        if let expectNoText {
            let passed = !text.contains(expectNoText)
            results.append(AssertionResult(
                expectation: "no text \"\(expectNoText)\"", passed: passed,
                message: passed ? nil : "unexpected text \"\(expectNoText)\" found in \(run.finalURL)"))
        }
        return results
    }
}
