import Foundation

/// Holds requests back so that at most `limit` run at once per origin, as a browser's per-host connection
/// limit does. libcurl has the same limit (`CURLMOPT_MAX_HOST_CONNECTIONS`), but 7.88 sometimes leaves a
/// transfer it queued asleep until the next poll timeout, and counts the queueing time against the request
/// timeout; queueing here keeps both out of the measurement. Once an origin has answered over HTTP/2 its
/// requests share one connection, so the limit becomes the stream limit.
struct HostQueue {
    let limit: Int
    let multiplexedLimit = 100
    private var running: [String: Int] = [:]
    private var waiting: [String: [FetchRequest]] = [:]
    private var multiplexed: Set<String> = []

    init(limit: Int) { self.limit = limit }

    static func origin(of url: URL) -> String {
        "\(url.scheme ?? "")://\(url.host ?? ""):\(url.port ?? (url.scheme == "https" ? 443 : 80))"
    }

    /// The request if it may start now; otherwise it waits and nil is returned.
    mutating func admit(_ request: FetchRequest) -> FetchRequest? {
        let origin = Self.origin(of: request.url)
        if running[origin, default: 0] < capacity(origin) {
            running[origin, default: 0] += 1
            return request
        }
        waiting[origin, default: []].append(request)
        return nil
    }

    /// Records that a request of `url`'s origin finished; returns the waiting requests that may start now.
    mutating func finished(_ url: URL, multiplexing: Bool) -> [FetchRequest] {
        let origin = Self.origin(of: url)
        running[origin, default: 1] -= 1
        if multiplexing { multiplexed.insert(origin) }
        var started: [FetchRequest] = []
        while running[origin, default: 0] < capacity(origin), var queue = waiting[origin], !queue.isEmpty {
            started.append(queue.removeFirst())
            waiting[origin] = queue
            running[origin, default: 0] += 1
        }
        return started
    }

    /// Everything still waiting, in arrival order per origin; the queue is left empty.
    mutating func drain() -> [FetchRequest] {
        defer { waiting.removeAll() }
        return waiting.values.flatMap { $0 }
    }

    private func capacity(_ origin: String) -> Int { multiplexed.contains(origin) ? multiplexedLimit : limit }
}
