import Foundation
import Testing
@testable import Profiler

@Suite struct JourneyLoaderTests {
    static func write(_ yaml: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journey-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        return url
    }

    @Test func resolvesStepsAgainstTheBaseURL() throws {
        let url = try Self.write("""
            name: J
            baseURL: http://127.0.0.1:9/app/
            steps:
              - get: home
              - name: Login
                post: /login
                form: {user: demo, password: "${PW}", note: "a b&c"}
                secret: [user]
                expect: {status: 200, text: Welcome}
              - api: api/x
                json: '{"a": 1}'
                wait: 0.5
            """)
        let j = try Journey.load(url, environment: ["PW": "s3cret"])
        #expect(j.steps.map(\.url.absoluteString) == ["http://127.0.0.1:9/app/home", "http://127.0.0.1:9/login",
                                                      "http://127.0.0.1:9/app/api/x"])
        #expect(j.steps.map(\.method) == ["GET", "POST", "POST"])
        #expect(j.steps.map(\.kind) == [.page, .form, .api])
        #expect(j.steps[0].name == "Step 1")
        #expect(String(decoding: j.steps[1].body!, as: UTF8.self) == "note=a+b%26c&password=s3cret&user=demo")
        #expect(j.steps[1].contentType == "application/x-www-form-urlencoded")
        #expect(j.steps[2].contentType == "application/json")
        #expect(j.steps[2].wait == 0.5)
        #expect(Set(j.secrets) == ["s3cret", "demo"])
        #expect(j.steps[1].line == 6)
    }

    @Test func overrideBaseURL() throws {
        let url = try Self.write("name: J\nbaseURL: http://example.invalid/\nsteps:\n  - get: a\n")
        let j = try Journey.load(url, baseURL: URL(string: "http://127.0.0.1:8/x/"), environment: [:])
        #expect(j.steps[0].url.absoluteString == "http://127.0.0.1:8/x/a")
    }

    @Test(arguments: [
        ("name: J\nsteps:\n  - get: /a\n", "not an absolute http(s) URL and the journey has no baseURL"),
        ("name: J\nsteps: []\n", "no steps"),
        ("name: J\nbaseURL: http://h/\nsteps:\n  - get: a\n    post: b\n", "exactly one of get:, post: or api:"),
        ("name: J\nbaseURL: http://h/\nsteps:\n  - post: a\n", "needs form:, body: or json:"),
        ("name: J\nbaseURL: http://h/\nsteps:\n  - get: a\n    headers: {X: \"${NOPE}\"}\n", "NOPE is not set"),
        ("name: J\nbaseURL: http://h/\nsteps:\n  - api: a\n    json: '{nope'\n", "not valid JSON"),
        ("name: J\nbaseURL: ftp://h/\nsteps:\n  - get: a\n", "baseURL 'ftp://h/'"),
        ("steps:\n  - get: http://h/\n", "missing field name"),
        ("name: J\nsteps:\n  - get: [http://h/\n", "malformed YAML"),
    ])
    func badFilesAreClearErrors(yaml: String, expected: String) throws {
        let url = try Self.write(yaml)
        do {
            _ = try Journey.load(url, environment: [:])
            Issue.record("no error for \(yaml)")
        } catch let error as JourneyError {
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.description.hasPrefix(url.path))
        }
    }

    @Test func malformedYAMLGivesTheLine() throws {
        let url = try Self.write("name: J\nsteps:\n  - get: a\n    expect: {status: 200\n")
        #expect(throws: JourneyError.self) { try Journey.load(url, environment: [:]) }
        do { _ = try Journey.load(url, environment: [:]) } catch let error as JourneyError {
            #expect(error.line != nil)
        }
    }

    @Test func multipartBodyCarriesEveryField() throws {
        let url = try Self.write("""
            name: J
            baseURL: http://h/
            steps:
              - post: a
                multipart: true
                form: {user: demo, password: pw}
            """)
        let step = try Journey.load(url, environment: [:]).steps[0]
        let body = String(decoding: step.body!, as: UTF8.self)
        let boundary = try #require(step.contentType?.components(separatedBy: "boundary=").last)
        #expect(body.hasPrefix("--\(boundary)\r\n"))
        #expect(body.hasSuffix("--\(boundary)--\r\n"))
        #expect(body.contains("name=\"user\"\r\n\r\ndemo\r\n"))
        #expect(body.contains("name=\"password\"\r\n\r\npw\r\n"))
    }

    @Test func redactorHidesEveryForm() {
        let r = Redactor(secrets: ["p@ss word"])
        #expect(r("x p@ss word y") == "x [redacted] y")
        #expect(r("http://h/?pw=p%40ss%20word") == "http://h/?pw=[redacted]")
        #expect(r("pw=p%40ss+word") == "pw=[redacted]")
    }
}

@Suite struct JourneyViewportTests {
    @Test func viewportDefaultsApplyToDiscovery() throws {
        let url = try JourneyLoaderTests.write("""
            name: J
            baseURL: http://h/
            defaults:
              viewport: {width: 390, devicePixelRatio: 3}
            steps:
              - get: a
            """)
        let j = try Journey.load(url, environment: [:])
        #expect(j.viewport == Viewport(width: 390, devicePixelRatio: 3, height: 1080))
        let bad = try JourneyLoaderTests.write("name: J\nbaseURL: http://h/\ndefaults:\n  viewport: {width: 5}\nsteps:\n  - get: a\n")
        #expect(throws: JourneyError.self) { try Journey.load(bad, environment: [:]) }
    }
}
