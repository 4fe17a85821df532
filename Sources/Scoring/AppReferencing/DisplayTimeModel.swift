import Foundation
import Model

/// The reference connections of `Scoring/models/display-time.yaml` and the constants of the display-time model.
public struct DisplayTimeModel: Codable, Sendable {
    public var id: String
    public var version: String
    public var source: String
    public var licence: String
    /// Connections a browser opens per host on HTTP/1.x.
    public var parallelConnectionsPerHost: Int
    /// Round trips to reach a new origin.
    public var connectionSetup: ConnectionSetup
    public var profiles: [NetworkProfile]

    public struct ConnectionSetup: Codable, Sendable {
        public var dns: Int
        public var tcp: Int
        /// https over TCP.
        public var tls: Int
        /// HTTP/3: transport and TLS handshake together.
        public var quic: Int
    }

    public struct NetworkProfile: Codable, Sendable {
        public var id: String
        public var title: Bilingual
        public var rttMs: Double
        public var downlinkMbps: Double
        public var source: String

        public var info: NetworkProfileInfo {
            NetworkProfileInfo(id: id, rttMs: rttMs, downlinkMbps: downlinkMbps, source: source)
        }
    }

    public func profile(_ id: String) -> NetworkProfile? { profiles.first { $0.id == id } }

    public static let bundledPath = "models/display-time.yaml"

    /// The model shipped with Ecoscore, validated.
    public static func bundled() throws -> DisplayTimeModel {
        try load(DataFile.bundled(bundledPath))
    }

    public static func load(_ url: URL) throws -> DisplayTimeModel {
        let model = try DataFile.decodeYAML(DisplayTimeModel.self, from: url)
        if let problem = model.problem() { throw DataFileError(file: url.path, message: problem) }
        return model
    }

    func problem() -> String? {
        if parallelConnectionsPerHost < 1 { return "parallelConnectionsPerHost must be at least 1" }
        let s = connectionSetup
        if [s.dns, s.tcp, s.tls, s.quic].contains(where: { $0 < 0 }) { return "connectionSetup round trips must be 0 or more" }
        if profiles.isEmpty { return "profiles: at least one network profile" }
        var seen: Set<String> = []
        for p in profiles {
            if !seen.insert(p.id).inserted { return "profiles: duplicate id '\(p.id)'" }
            if !(p.rttMs >= 0) || !(p.downlinkMbps > 0) || !p.rttMs.isFinite || !p.downlinkMbps.isFinite {
                return "profiles.\(p.id): rttMs must be 0 or more and downlinkMbps more than 0"
            }
            if p.title.fr.isEmpty || p.title.en.isEmpty { return "profiles.\(p.id): missing French or English title" }
        }
        return nil
    }
}
