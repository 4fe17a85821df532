import Foundation
import Model

/// Replaces secret values (and their URL- and form-encoded forms) wherever a target could echo them back:
/// URLs, redirect targets, titles, messages. Applied to every run before it leaves the journey runner.
public struct Redactor: Sendable {
    public static let mask = "[redacted]"
    private let needles: [String]

    public init(secrets: [String]) {
        var forms: Set<String> = []
        for secret in secrets where !secret.isEmpty {
            forms.insert(secret)
            if let q = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.insert(q) }
            forms.insert(FormEncoding.urlencoded([("", secret)]).dropFirst().description)
        }
        needles = forms.sorted { $0.count > $1.count }  // longest first: a secret may contain another
    }

    public func callAsFunction(_ text: String) -> String {
        needles.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mask) }
    }

    public func callAsFunction(_ text: String?) -> String? { text.map { self($0) } }

    public func callAsFunction(_ error: RequestError?) -> RequestError? {
        error.map { RequestError(code: $0.code, message: self($0.message)) }
    }

    public func callAsFunction(_ run: PageRun) -> PageRun {
        guard !needles.isEmpty else { return run }
        var run = run
        run.finalURL = self(run.finalURL)
        run.title = self(run.title)
        run.error = self(run.error)
        run.requests = edited(run.requests) {
            $0.url = self($0.url)
            $0.initiator = self($0.initiator)
            $0.redirectURL = self($0.redirectURL)
            $0.error = self($0.error)
        }
        run.skipped = edited(run.skipped) {
            $0.url = self($0.url)
            $0.initiator = self($0.initiator)
        }
        run.cacheHits = edited(run.cacheHits) {
            $0.url = self($0.url)
            $0.initiator = self($0.initiator)
        }
        run.assertions = edited(run.assertions) {
            $0.expectation = self($0.expectation)
            $0.message = self($0.message)
        }
        return run
    }
}

private func edited<T>(_ items: [T], _ edit: (inout T) -> Void) -> [T] {
    items.map { item in
        var item = item
        edit(&item)
        return item
    }
}
