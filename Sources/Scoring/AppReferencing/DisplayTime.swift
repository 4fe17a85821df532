import Foundation
import Model

/// The display-time model: what a page load would take on a reference connection, from what it requested.
///
///     time = server time
///          + RTT × (connection-setup round trips + request round trips)
///          + transfer bytes × 8 ÷ downlink
///
/// - Server time: for each request of the navigation chain (depth 0), its first byte minus the DNS, connect
///   and TLS phases and one round trip of the measuring network (the connect time when it opened a connection,
///   else the run's shortest connect time); else the metered server CPU of the run; else 0.
/// - Request round trips: the requests are taken level by level of dependency (`RequestRecord.depth`); a
///   level costs its longest path: a redirect chain costs one round trip per hop, and an HTTP/1.x origin
///   with n requests on the level costs ⌈n ÷ parallel connections⌉ round trips; a multiplexed origin
///   (HTTP/2, HTTP/3) sends the whole level in one.
/// - Setup round trips: an origin not yet connected costs DNS + TCP (+ TLS for https), or DNS + QUIC on
///   HTTP/3, before its first request, on the path that reaches it.
/// - The bandwidth term counts every byte once, shared by all connections (it overlaps nothing: a
///   deliberate upper bound, as the latency terms assume no overlap between levels).
/// Not modelled: TCP slow start, upload time of request bodies, rendering and script execution.
extension DisplayTimeModel {
    public struct RunEstimate: Sendable, Equatable {
        public var totalMs: Double
        public var serverMs: Double
        public var serverSource: String
        public var setupRoundTrips: Int
        public var requestRoundTrips: Int
        public var levels: Int
        public var transferMs: Double
    }

    /// One run on `network`. `knownOrigins` are origins already connected (earlier steps of a journey run);
    /// the origins this run connects to are added.
    public func estimate(_ run: PageRun, on network: NetworkProfile, multiplexed: [String],
                         knownOrigins: inout Set<String>) -> RunEstimate {
        let records = run.requests
        let (serverMs, serverSource) = Self.serverTime(run)
        let bytes = Double(records.reduce(0) { $0 + $1.transferBytes })
        let transferMs = bytes * 8 / (network.downlinkMbps * 1_000_000) * 1000
        let multiplexedSet = Set(multiplexed.map { $0.uppercased() })

        // Protocol of each origin as observed.
        var protocolOf: [String: String] = [:]
        for r in records {
            guard let o = Self.origin(r.url), let v = r.httpVersion?.uppercased() else { continue }
            if protocolOf[o] == nil || multiplexedSet.contains(v) { protocolOf[o] = v }
        }
        func setup(_ origin: String) -> Int {
            let https = origin.hasPrefix("https:")
            if protocolOf[origin] == "HTTP/3" { return connectionSetup.dns + connectionSetup.quic }
            return connectionSetup.dns + connectionSetup.tcp + (https ? connectionSetup.tls : 0)
        }

        var setupTotal = 0, requestTotal = 0
        let levels = Dictionary(grouping: records, by: \.depth).sorted { $0.key < $1.key }
        for (_, level) in levels {
            let known = knownOrigins
            // The longest path of the level, as (setup, request) round trips.
            var worst = (setup: 0, requests: 0)
            func consider(_ path: (setup: Int, requests: Int)) {
                if path.setup + path.requests > worst.setup + worst.requests { worst = path }
            }
            for chain in Self.chains(level) {
                var connected = known
                var path = (setup: 0, requests: 0)
                for hop in chain {
                    if let o = Self.origin(hop.url), !connected.contains(o) {
                        path.setup += setup(o)
                        connected.insert(o)
                    }
                    path.requests += 1
                }
                consider(path)
            }
            let byOrigin = Dictionary(grouping: level) { Self.origin($0.url) ?? "" }
            for (origin, requests) in byOrigin where !origin.isEmpty {
                let multiplexes = protocolOf[origin].map { multiplexedSet.contains($0) } ?? false
                let batches = multiplexes ? 1 : (requests.count + parallelConnectionsPerHost - 1) / parallelConnectionsPerHost
                consider((setup: known.contains(origin) ? 0 : setup(origin), requests: batches))
            }
            setupTotal += worst.setup
            requestTotal += worst.requests
            for r in level { if let o = Self.origin(r.url) { knownOrigins.insert(o) } }
        }
        let total = serverMs + Double(setupTotal + requestTotal) * network.rttMs + transferMs
        return RunEstimate(totalMs: total, serverMs: serverMs, serverSource: serverSource,
                           setupRoundTrips: setupTotal, requestRoundTrips: requestTotal, levels: levels.count,
                           transferMs: transferMs)
    }

    /// Every run of every step on `network`: in a journey, a run's steps share their connections (the browser
    /// keeps them open), so an origin is set up once per run; plain pages are independent loads.
    public func estimates(_ profile: Profile, on network: NetworkProfile, multiplexed: [String]) -> [[RunEstimate]] {
        if profile.journey != nil {
            let runCount = profile.pages.map(\.runs.count).max() ?? 0
            var out = profile.pages.map { _ in [RunEstimate]() }
            for r in 0..<runCount {
                var known: Set<String> = []
                for (i, page) in profile.pages.enumerated() where r < page.runs.count {
                    out[i].append(estimate(page.runs[r], on: network, multiplexed: multiplexed, knownOrigins: &known))
                }
            }
            return out
        }
        return profile.pages.map { page in
            page.runs.map { run in
                var known: Set<String> = []
                return estimate(run, on: network, multiplexed: multiplexed, knownOrigins: &known)
            }
        }
    }

    /// Server time of the navigation chain and where it came from.
    static func serverTime(_ run: PageRun) -> (Double, String) {
        let connects = run.requests.compactMap(\.timings.connectMs).filter { $0 > 0 }
        let runRTT = connects.min() ?? 0
        var total = 0.0
        var found = false
        for r in run.requests where r.depth == 0 {
            guard let fb = r.timings.firstByteMs else { continue }
            found = true
            let t = r.timings
            let connect = t.connectMs ?? 0
            let rtt = connect > 0 ? connect : runRTT
            total += max(0, fb - (t.dnsMs ?? 0) - connect - (t.tlsMs ?? 0) - rtt)
        }
        if found { return (total, "first-byte") }
        if let cpu = run.server?.netCPUms { return (cpu, "server-cpu") }
        return (0, "none")
    }

    /// Redirect chains of one dependency level: each request that is not a redirect hop starts a chain, which
    /// follows `redirectURL` to the hop that answered it.
    static func chains(_ level: [RequestRecord]) -> [[RequestRecord]] {
        var hops: [String: [Int]] = [:]
        for (i, r) in level.enumerated() where r.discovery == .redirect { hops[r.url, default: []].append(i) }
        var used = Set<Int>()
        var chains: [[RequestRecord]] = []
        func follow(from start: Int) -> [RequestRecord] {
            var chain = [level[start]]
            used.insert(start)
            var current = level[start]
            while let next = current.redirectURL, let candidates = hops[next],
                  let j = candidates.first(where: { !used.contains($0) }) {
                used.insert(j)
                chain.append(level[j])
                current = level[j]
            }
            return chain
        }
        for (i, r) in level.enumerated() where r.discovery != .redirect { chains.append(follow(from: i)) }
        // Hops whose origin request is on another level (or missing) count on their own.
        for i in level.indices where !used.contains(i) { chains.append(follow(from: i)) }
        return chains
    }

    /// "https://host:port" of a URL (default ports made explicit), nil when it has no host.
    static func origin(_ url: String) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), let host = c.host?.lowercased()
        else { return nil }
        let port = c.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }
}
