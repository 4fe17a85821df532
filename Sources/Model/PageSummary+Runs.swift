// The one definition of a page's summary over its runs: the profiler writes it, and scoring recomputes it
// over the runs that loaded. Arithmetic on the artifact's own values, so it lives beside them.

extension Stat {
    /// Median (mean of the two middle values for an even count), range, and coefficient of variation
    /// (population standard deviation over the mean; 0 when the mean is 0 or there is one value).
    /// No value (a page whose every run was dropped, e.g. by an interruption) gives zeros with `n` 0.
    public init(of values: [Double]) {
        guard !values.isEmpty else {
            self.init(median: 0, min: 0, max: 0, cv: 0, n: 0)
            return
        }
        let sorted = values.sorted()
        let n = sorted.count
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        let mean = sorted.reduce(0, +) / Double(n)
        let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let cv = mean == 0 ? 0 : variance.squareRoot() / mean
        self.init(median: median, min: sorted[0], max: sorted[n - 1], cv: cv, n: n)
    }
}

extension PageSummary {
    public init(runs: [PageRun]) {
        func stat(_ f: (PageRun) -> Double) -> Stat { Stat(of: runs.map(f)) }
        let doms = runs.compactMap(\.domElements).map(Double.init)
        let server = runs.compactMap(\.server?.netCPUms)
        self.init(
            requests: stat { Double($0.totals.requests) },
            transferBytes: stat { Double($0.totals.transferBytes) },
            decodedBytes: stat { Double($0.totals.decodedBytes) },
            domElements: doms.isEmpty ? nil : Stat(of: doms),
            durationMs: stat(\.durationMs),
            serverCPUms: server.isEmpty ? nil : Stat(of: server)
        )
    }
}
