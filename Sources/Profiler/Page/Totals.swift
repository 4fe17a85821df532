import Foundation
import Model

extension PageTotals {
    /// A failed request is one with no usable answer: a transport error or an HTTP status of 400 or more.
    init(summing requests: [RequestRecord]) {
        var byType: [String: Tally] = [:]
        var byDomain: [String: Tally] = [:]
        for r in requests {
            byType[r.resourceType.rawValue, default: Tally()].add(r)
            byDomain[URL(string: r.url)?.host ?? "(none)", default: Tally()].add(r)
        }
        self.init(
            requests: requests.count,
            transferBytes: requests.reduce(0) { $0 + $1.transferBytes },
            decodedBytes: requests.reduce(0) { $0 + ($1.decodedBytes ?? 0) },
            failedRequests: requests.count { $0.error != nil || ($0.status ?? 0) >= 400 },
            redirects: requests.count { $0.redirectURL != nil },
            byType: byType,
            byDomain: byDomain
        )
    }
}

extension Tally {
    mutating func add(_ r: RequestRecord) {
        requests += 1
        transferBytes += r.transferBytes
        decodedBytes += r.decodedBytes ?? 0
    }
}
