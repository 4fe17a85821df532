import Foundation
import Model
import Yams

extension Journey {
    /// Reads and checks a journey file. `${NAME}` anywhere in a value is replaced by the environment variable
    /// NAME (missing: an error); those values, and form fields listed under `secret`, become secrets.
    /// - Parameter baseURL: overrides the file's `baseURL` (the same journey against staging or a local port).
    public static func load(_ url: URL, baseURL override: URL? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Journey {
        let path = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw JourneyError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        let file: JourneyFile
        let stepLines: [Int?]
        do {
            // Composing first surfaces syntax errors as YamlError, with their position (the decoder wraps them).
            let node = try Yams.compose(yaml: text)
            stepLines = (node?["steps"]?.sequence?.map { $0.mark.map { $0.line + 1 } }) ?? []  // node marks count from 0
            file = try YAMLDecoder().decode(JourneyFile.self, from: text)
        } catch let error as YamlError {
            throw JourneyError(file: path, line: error.mark?.line, message: "malformed YAML: \(error)")
        } catch let error as DecodingError {
            throw JourneyError(file: path, message: error.readableDescription)
        }
        var resolver = Substitution(environment: environment, file: path)
        let base: URL?
        if let override {
            base = override
        } else if let written = file.baseURL {
            let value = try resolver.resolve(written, line: nil)
            guard let u = URL(string: value), ["http", "https"].contains(u.scheme?.lowercased() ?? "") else {
                throw JourneyError(file: path, message: "baseURL '\(written)' is not an absolute http(s) URL")
            }
            base = u
        } else {
            base = nil
        }
        guard !file.steps.isEmpty else { throw JourneyError(file: path, message: "the journey has no steps") }
        var steps: [Step] = []
        for (i, s) in file.steps.enumerated() {
            let line = i < stepLines.count ? stepLines[i] : nil
            steps.append(try s.resolved(index: i, line: line, base: base, resolver: &resolver, file: path))
        }
        var viewport: Viewport?
        if let v = file.defaults?.viewport {
            guard (200...10000).contains(v.width), (v.devicePixelRatio ?? 1) > 0 else {
                throw JourneyError(file: path, message: "defaults.viewport: width must be 200–10000 px and devicePixelRatio positive")
            }
            viewport = Viewport(width: v.width, devicePixelRatio: v.devicePixelRatio ?? 1, height: v.height ?? 1080)
        }
        return Journey(name: file.name, baseURL: base, headers: try resolver.resolve(file.defaults?.headers ?? [:], line: nil),
                       userAgent: try file.defaults?.userAgent.map { try resolver.resolve($0, line: nil) },
                       viewport: viewport, steps: steps, secrets: resolver.secrets.sorted { $0.count > $1.count })
    }
}

/// `${NAME}` → environment value; remembers every value it inserted.
struct Substitution {
    let environment: [String: String]
    let file: String
    var secrets: Set<String> = []

    mutating func resolve(_ text: String, line: Int?) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw JourneyError(file: file, line: line, message: "unterminated ${ in '\(text)'")
            }
            let name = String(rest[open.upperBound..<close])
            guard let value = environment[name] else {
                throw JourneyError(file: file, line: line,
                                   message: "environment variable \(name) is not set (referenced as ${\(name)})")
            }
            if !value.isEmpty { secrets.insert(value) }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    mutating func resolve(_ map: [String: String], line: Int?) throws -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in map { out[k] = try resolve(v, line: line) }
        return out
    }
}

extension JourneyFile.StepFile {
    func resolved(index: Int, line: Int?, base: URL?, resolver: inout Substitution, file: String) throws -> Journey.Step {
        let label = "step \(index + 1)\(name.map { " '\($0)'" } ?? "")"
        func fail(_ message: String) -> JourneyError { JourneyError(file: file, line: line, message: "\(label): \(message)") }
        let targets = [("get", get), ("post", post), ("api", api)].filter { $0.1 != nil }
        guard targets.count == 1, let (verb, target) = targets.first.map({ ($0.0, $0.1!) }) else {
            throw fail("give exactly one of get:, post: or api: (the URL of the step)")
        }
        let written = try resolver.resolve(target, line: line)
        guard let url = URL(string: written, relativeTo: base)?.absoluteURL,
              ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw fail(base == nil ? "'\(target)' is not an absolute http(s) URL and the journey has no baseURL"
                                   : "'\(target)' does not resolve to an http(s) URL")
        }
        let kind: Journey.Step.Kind = verb == "get" ? .page : verb == "post" ? .form : .api
        var method = (method ?? (kind == .form ? "POST" : "GET")).uppercased()
        var body: Data?
        var contentType: String?
        for field in secret ?? [] {
            guard let value = form?[field] else { throw fail("secret field '\(field)' is not in form:") }
            if !value.isEmpty { resolver.secrets.insert(try resolver.resolve(value, line: line)) }
        }
        let sources = [form != nil, self.body != nil, json != nil].filter { $0 }.count
        guard sources <= 1 else { throw fail("give at most one of form:, body: and json:") }
        if let form {
            let fields = try form.keys.sorted().map { ($0, try resolver.resolve(form[$0]!, line: line)) }
            if multipart == true {
                let encoded = FormEncoding.multipart(fields)
                body = encoded.body
                contentType = encoded.contentType
            } else {
                body = Data(FormEncoding.urlencoded(fields).utf8)
                contentType = "application/x-www-form-urlencoded"
            }
        } else if let text = self.body {
            body = Data(try resolver.resolve(text, line: line).utf8)
        } else if let json {
            let text = try resolver.resolve(json, line: line)
            guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
                throw fail("json: is not valid JSON")
            }
            body = Data(text.utf8)
            contentType = "application/json"
        }
        if kind == .form && body == nil { throw fail("a post: step needs form:, body: or json:") }
        if body != nil && method == "GET" { method = "POST" }
        if let wait, !(wait >= 0 && wait <= 600) { throw fail("wait: must be between 0 and 600 seconds") }
        if let status = expect?.status, !(100...599).contains(status) { throw fail("expect.status must be an HTTP status") }
        return Journey.Step(
            name: name ?? "Step \(index + 1)", kind: kind, method: method, url: url,
            headers: try resolver.resolve(headers ?? [:], line: line), body: body, contentType: contentType,
            wait: wait ?? 0, expectStatus: expect?.status, expectText: try expect?.text.map { try resolver.resolve($0, line: line) },
            expectNoText: try expect?.notText.map { try resolver.resolve($0, line: line) }, line: line)
    }
}

/// HTML form encodings, as a browser submits them.
enum FormEncoding {
    /// application/x-www-form-urlencoded: space as '+', everything but ALPHA / DIGIT / "*-._" escaped.
    static func urlencoded(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "*-._ ")
        func enc(_ s: String) -> String {
            (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s).replacingOccurrences(of: " ", with: "+")
        }
        return fields.map { "\(enc($0.0))=\(enc($0.1))" }.joined(separator: "&")
    }

    static func multipart(_ fields: [(String, String)]) -> (body: Data, contentType: String) {
        let boundary = "----EcoscoreFormBoundary" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var body = ""
        for (name, value) in fields {
            let quoted = name.replacingOccurrences(of: "\"", with: "%22")
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (Data(body.utf8), "multipart/form-data; boundary=\(boundary)")
    }
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
        default: return nil
        }
    }
}
