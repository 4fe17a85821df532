extension DecodingError {
    /// "missing field a.b" / "field steps.[2].expect: …" rather than Swift's debug dump, for messages that
    /// name a file a person wrote.
    public var readableDescription: String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let ctx):
            return "missing field \(path(ctx.codingPath + [key]))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "field \(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
