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
        run.requests = run.requests.map { r in
            var r = r
            r.url = self(r.url)
            r.initiator = self(r.initiator)
            r.redirectURL = self(r.redirectURL)
            r.error = self(r.error)
            return r
        }
        run.skipped = run.skipped.map { s in
            var s = s
            s.url = self(s.url)
            s.initiator = self(s.initiator)
            return s
        }
        run.cacheHits = run.cacheHits.map { h in
            var h = h
            h.url = self(h.url)
            h.initiator = self(h.initiator)
            return h
        }
        run.assertions = run.assertions.map { a in
            var a = a
            a.expectation = self(a.expectation)
            a.message = self(a.message)
            return a
        }
        return run
    }
}
