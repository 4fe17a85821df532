import Model

extension StepMeasures {
    /// The measures of every page of a profile, in order.
    public static func of(_ profile: Profile) -> [StepMeasures] {
        profile.pages.enumerated().map { of($0.element, index: $0.offset) }
    }

    /// The measures of one page: its summary's spread, and the breakdowns of its representative run.
    public static func of(_ page: PageProfile, index: Int) -> StepMeasures {
        let s = page.summary
        let chosen = representativeRun(page)
        let run = chosen.map { page.runs[$0] }
        return StepMeasures(
            index: index, name: page.name, url: page.url, finalURL: run?.finalURL, title: run?.title, run: chosen,
            requests: s.requests, transferBytes: s.transferBytes, decodedBytes: s.decodedBytes,
            domElements: s.domElements, durationMs: s.durationMs, serverCPUms: s.serverCPUms,
            failedRequests: run?.totals.failedRequests ?? 0, redirects: run?.totals.redirects ?? 0,
            skipped: run?.skipped.count ?? 0,
            byType: breakdown(run?.totals.byType ?? [:]), byDomain: breakdown(run?.totals.byDomain ?? [:]),
            requestList: (run?.requests ?? []).map(brief).sorted { a, b in
                a.transferBytes != b.transferBytes ? a.transferBytes > b.transferBytes : a.url < b.url
            },
            error: run?.error.map { "\($0.code): \($0.message)" })
    }

    /// The run whose transfer bytes are nearest the median (the first of equals), so its parts add up to what
    /// the summary shows; among the runs that loaded when there is one (`loadFailed`), so a step has an `error`
    /// only when none of its runs loaded.
    static func representativeRun(_ page: PageProfile) -> Int? {
        let median = page.summary.transferBytes.median
        let loaded = page.runs.indices.filter { !page.runs[$0].loadFailed }
        return (loaded.isEmpty ? Array(page.runs.indices) : loaded).min { a, b in
            abs(Double(page.runs[a].totals.transferBytes) - median) < abs(Double(page.runs[b].totals.transferBytes) - median)
        }
    }

    static func breakdown(_ tallies: [String: Tally]) -> [Breakdown] {
        tallies.map { Breakdown(key: $0.key, requests: $0.value.requests, transferBytes: $0.value.transferBytes,
                                decodedBytes: $0.value.decodedBytes) }
            .sorted { $0.transferBytes != $1.transferBytes ? $0.transferBytes > $1.transferBytes : $0.key < $1.key }
    }

    static func brief(_ r: RequestRecord) -> RequestBrief {
        RequestBrief(url: r.url, resourceType: r.resourceType, status: r.status, transferBytes: r.transferBytes,
                     decodedBytes: r.decodedBytes, contentType: r.contentType, contentEncoding: r.contentEncoding,
                     httpVersion: r.httpVersion, cacheControl: r.cache.cacheControl,
                     error: r.error.map { "\($0.code): \($0.message)" })
    }
}
