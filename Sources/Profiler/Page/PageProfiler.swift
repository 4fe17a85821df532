import Foundation
import Model

/// Profiles pages: each page is loaded `runs` times, every load with a cold cache, a fresh connection pool
/// and an empty cookie jar, as a new browser profile would. Several pages load at once (`concurrency`),
/// each on its own thread and its own libcurl multi handle; the runs of one page never overlap.
public struct PageProfiler: Sendable {
    public var options: FetchOptions

    public init(options: FetchOptions = FetchOptions()) { self.options = options }

    public struct Progress: Sendable {
        public var url: URL
        public var run: Int
        public var runs: Int
        public var result: PageRun
    }

    /// - Parameter around: wraps each load, e.g. to meter the server over exactly that load (give
    ///   `concurrency: 1` then, or loads overlap); it must call its argument once.
    /// When `options.stop` is raised, the loads in flight end and are dropped, and the pages keep the runs
    /// completed before (possibly none): the caller marks the profile incomplete.
    public func profile(_ urls: [URL], runs: Int = 1, concurrency: Int = 4,
                        around: @escaping @Sendable (() -> PageRun) -> PageRun = { $0() },
                        progress: (@Sendable (Progress) -> Void)? = nil) -> [PageProfile] {
        precondition(runs >= 1, "at least one run")
        let pageHosts = Set(urls.compactMap { $0.host?.lowercased() })
        let results = RunTable(pages: urls.count, runs: runs)
        for run in 0..<runs {
            forEachConcurrently(urls.indices, width: max(1, concurrency)) { index in
                if options.stop?.isRaised == true { return }
                let load = PageLoad(url: urls[index], options: options, pageHosts: pageHosts)
                let result = around { load.run() }
                if result.wasInterrupted { return }
                results.set(page: index, run: run, result)
                progress?(Progress(url: urls[index], run: run + 1, runs: runs, result: result))
            }
        }
        return urls.indices.map { i in
            let pageRuns = results.runs(of: i)
            return PageProfile(url: urls[i].absoluteString, runs: pageRuns, summary: PageSummary(runs: pageRuns))
        }
    }

    /// The tool and engine that measured, for `Profile.tool`.
    public static func toolInfo(version: String) -> ToolInfo {
        ToolInfo(name: "ecoscore", version: version, engine: FetchOptions.engine)
    }

    /// The measurement settings, for `Profile.settings`.
    public func settings(runs: Int) -> ProfileSettings {
        ProfileSettings(
            userAgent: options.userAgent, acceptEncoding: FetchOptions.acceptEncoding,
            viewportWidth: options.viewport.width, runs: runs,
            maxConnectionsPerHost: options.maxConnectionsPerHost, httpVersion: options.httpVersion.rawValue,
            connectTimeoutMs: options.connectTimeoutMs, requestTimeoutMs: options.requestTimeoutMs,
            pageTimeoutMs: options.pageTimeoutMs, maxBodyBytes: options.maxBodyBytes,
            maxRedirects: options.maxRedirects, maxFrameDepth: options.maxFrameDepth,
            tlsVerification: options.verifyTLS)
    }
}

/// Results written by worker threads, one slot per page and run.
private final class RunTable: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[PageRun?]]

    init(pages: Int, runs: Int) { slots = Array(repeating: Array(repeating: nil, count: runs), count: pages) }

    func set(page: Int, run: Int, _ value: PageRun) { lock.withLock { slots[page][run] = value } }
    func runs(of page: Int) -> [PageRun] { lock.withLock { slots[page].compactMap { $0 } } }
}

/// Runs `body` for every index on up to `width` threads and returns when all are done. Page loads block
/// in `curl_multi_poll`, so they get threads of their own rather than Swift's cooperative pool.
private func forEachConcurrently(_ indices: Range<Int>, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let next = NextIndex(indices)
    let group = DispatchGroup()
    for _ in 0..<min(width, indices.count) {
        group.enter()
        let thread = Thread {
            while let i = next.take() { body(i) }
            group.leave()
        }
        thread.stackSize = 8 << 20  // gumbo's tree walk recurses on deeply nested documents
        thread.start()
    }
    group.wait()
}

private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int
    private let end: Int

    init(_ r: Range<Int>) { current = r.lowerBound; end = r.upperBound }

    func take() -> Int? {
        lock.withLock {
            guard current < end else { return nil }
            defer { current += 1 }
            return current
        }
    }
}
