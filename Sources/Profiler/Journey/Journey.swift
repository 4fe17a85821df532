import Foundation

/// A typical user journey: ordered steps, each a page load, a form submission or an API call.
/// Read from YAML (see `Fixtures/journeys/`), with `${ENV}` references already resolved.
public struct Journey: Sendable {
    public var name: String
    /// Relative step URLs resolve against it.
    public var baseURL: URL?
    public var headers: [String: String]
    public var userAgent: String?
    /// The window discovery assumes (srcset, sizes, media); nil: the 1920 px desktop default.
    public var viewport: Viewport?
    public var steps: [Step]
    /// Values that must never appear in any output: every `${ENV}` value and every field marked secret.
    public var secrets: [String]

    public struct Step: Sendable {
        public enum Kind: String, Sendable { case page, form, api }
        public var name: String
        public var kind: Kind
        public var method: String
        public var url: URL
        public var headers: [String: String]
        public var body: Data?
        public var contentType: String?
        /// Think time before the step, in seconds.
        public var wait: Double
        public var expectStatus: Int?
        public var expectText: String?
        public var expectNoText: String?
        /// Line of the step in its file, for messages.
        public var line: Int?
    }

    /// Hosts the journey names itself: they may be contacted like the hosts of URLs on a command line.
    public var namedHosts: Set<String> {
        Set(([baseURL].compactMap { $0 } + steps.map(\.url)).compactMap { $0.host?.lowercased() })
    }
}
