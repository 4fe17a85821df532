import Foundation

/// The dynamic "app" of the fixture server: a tiny appointment-booking web app with a login, a session cookie,
/// a JSON API and endpoints that burn a known amount of server CPU, so that the server meter and journeys
/// (form login, cookies, POST) have something deterministic to measure.
///
/// Every route lives under `/app/`; a request there never reaches the static sites (a folder named `app` in the
/// root would be shadowed). `/app` without its slash redirects (301) to `/app/`.
///
/// | route | method | answer |
/// |---|---|---|
/// | `/app/` | GET, HEAD | index page linking to the routes below |
/// | `/app/burn?ms=N` | GET, HEAD | burns N ms of CPU on the serving thread (busy loop on `CLOCK_THREAD_CPUTIME_ID`), then a small HTML page. N is clamped to 0…10000; missing or not a number → 400 |
/// | `/app/alloc?mb=N` | GET, HEAD | allocates N MiB, writes every byte, answers, frees. N clamped to 0…1024 |
/// | `/app/fork?ms=N` | GET, HEAD | runs `childBurnCommand(N)` as a separate process, waits for it, answers (500 if it failed). N clamped to 0…10000 |
/// | `/app/login` | GET, HEAD | login form: fields `user`, `password` and a hidden `csrf` token |
/// | `/app/login` | POST | `application/x-www-form-urlencoded` or `multipart/form-data` (else 415). `user=demo` and the server's password → `303 See Other` to `/app/account` with `Set-Cookie: app_session=<32 hex>; Path=/app; HttpOnly`; otherwise `200` with the form and `Invalid credentials`. A `csrf` field, when sent, must be the form's token (else 403); a missing one is tolerated so that hand-written journeys need not scrape it |
/// | `/app/logout` | GET, POST | forgets the session, clears the cookie, `303` to `/app/login` |
/// | `/app/account` | GET, HEAD | with a valid `app_session` cookie: `Welcome, demo` plus two subresources of the lean site (`/lean/styles.css`, `/lean/logo.svg`); without: `302` to `/app/login` |
/// | `/app/api/appointments` | GET, HEAD | JSON list of three appointments (session required, else `401` JSON) |
/// | `/app/api/appointments` | POST | a JSON body (object or array) → `201` echoing the body byte for byte, with `Location`; invalid JSON → `400`; session required (`401`) |
///
/// Other methods get `405` with `Allow`; unknown paths `404`. Every answer has a fixed header set
/// (`Content-Type`, `Content-Length`, `Cache-Control: no-store` and what the route adds), no `Date`, so its
/// size is deterministic apart from the session cookie (always 32 hex digits). Responses go through the same
/// writer as static files, so the access log's byte counts stay exact. Request bodies are read up to
/// `Connection.maxDiscardedBody` (1 MiB) with a `Content-Length`; a chunked body gets `411`, a larger one `413`.
/// Sessions live in memory, behind a lock, for the life of the server.
final class FixtureApp: Sendable {
    static let sessionCookie = "app_session"
    static let user = "demo"
    static let maxBurnMs = 10_000
    static let maxAllocMB = 1024

    let password: String
    let childBurnCommand: @Sendable (Int) -> [String]
    /// The hidden `csrf` value of this server's login form.
    let csrfToken: String
    private let sessions = SessionStore()

    init(password: String, childBurnCommand: @escaping @Sendable (Int) -> [String]) {
        self.password = password
        self.childBurnCommand = childBurnCommand
        self.csrfToken = SessionStore.randomToken()
    }

    /// Whether a request-target belongs to the app (`/app` or anything under `/app/`), query ignored.
    static func handles(_ request: HTTPRequest) -> Bool {
        guard case .path(let path, _) = RequestPath.resolve(request.targetBytes) else { return false }
        return path == "/app" || path.hasPrefix("/app/")
    }

    /// The answer when the request's body could not be read (chunked, or over the size limit).
    func respondToUnreadableBody(_ request: HTTPRequest) -> HTTPResponse {
        if request.header("transfer-encoding") != nil { return .plain(411) }
        return .plain(413)
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard case .path(let path, _) = RequestPath.resolve(request.targetBytes) else { return .plain(400) }
        let query = FormData.query(of: request.targetBytes)
        let method = request.method
        let isRead = method == "GET" || method == "HEAD"
        var response: HTTPResponse
        switch path {
        case "/app":
            response = Self.redirect(301, to: "/app/")
        case "/app/":
            response = isRead ? Self.html(AppPages.index) : Self.notAllowed("GET, HEAD")
        case "/app/burn":
            response = isRead ? burn(query) : Self.notAllowed("GET, HEAD")
        case "/app/alloc":
            response = isRead ? alloc(query) : Self.notAllowed("GET, HEAD")
        case "/app/fork":
            response = isRead ? fork(query) : Self.notAllowed("GET, HEAD")
        case "/app/login":
            if isRead {
                response = Self.html(AppPages.login(csrf: csrfToken, failed: false))
            } else if method == "POST" {
                response = login(request)
            } else {
                response = Self.notAllowed("GET, HEAD, POST")
            }
        case "/app/logout":
            response = method == "GET" || method == "POST" ? logout(request) : Self.notAllowed("GET, POST")
        case "/app/account":
            if !isRead {
                response = Self.notAllowed("GET, HEAD")
            } else if hasSession(request) {
                response = Self.html(AppPages.account(user: Self.user))
            } else {
                response = Self.redirect(302, to: "/app/login")
            }
        case "/app/api/appointments":
            response = appointments(request)
        default:
            response = .plain(404)
        }
        if method == "HEAD" { response.sendsBody = false }
        return response
    }

    // MARK: Routes

    private func burn(_ query: [String: String]) -> HTTPResponse {
        guard let ms = Self.intParameter(query["ms"], max: Self.maxBurnMs) else { return .plain(400) }
        CPUBurn.burnThreadCPU(milliseconds: ms)
        return Self.html(AppPages.simple(title: "Burned", text: "Burned \(ms) ms of CPU on the serving thread."))
    }

    private func alloc(_ query: [String: String]) -> HTTPResponse {
        guard let mb = Self.intParameter(query["mb"], max: Self.maxAllocMB) else { return .plain(400) }
        CPUBurn.allocateAndTouch(megabytes: mb)
        return Self.html(AppPages.simple(title: "Allocated", text: "Allocated and touched \(mb) MiB, then freed them."))
    }

    private func fork(_ query: [String: String]) -> HTTPResponse {
        guard let ms = Self.intParameter(query["ms"], max: Self.maxBurnMs) else { return .plain(400) }
        switch CPUBurn.runChild(childBurnCommand(ms)) {
        case .success:
            return Self.html(AppPages.simple(title: "Forked", text: "A child process burned \(ms) ms of CPU and exited."))
        case .failure(let reason):
            var response = Self.html(AppPages.simple(title: "Child failed", text: reason))
            response.status = 500
            return response
        }
    }

    private func login(_ request: HTTPRequest) -> HTTPResponse {
        guard let fields = FormData.fields(of: request) else { return .plain(415) }
        if let csrf = fields["csrf"], csrf != csrfToken { return .plain(403) }
        guard fields["user"] == Self.user, fields["password"] == password else {
            return Self.html(AppPages.login(csrf: csrfToken, failed: true))
        }
        let token = sessions.open()
        var response = Self.redirect(303, to: "/app/account")
        response.headers.append(HTTPHeader(name: "Set-Cookie", value: "\(Self.sessionCookie)=\(token); Path=/app; HttpOnly"))
        return response
    }

    private func logout(_ request: HTTPRequest) -> HTTPResponse {
        if let token = Self.sessionToken(of: request) { sessions.close(token) }
        var response = Self.redirect(303, to: "/app/login")
        response.headers.append(HTTPHeader(name: "Set-Cookie", value: "\(Self.sessionCookie)=; Path=/app; Max-Age=0; HttpOnly"))
        return response
    }

    private func appointments(_ request: HTTPRequest) -> HTTPResponse {
        let method = request.method
        guard method == "GET" || method == "HEAD" || method == "POST" else { return Self.notAllowed("GET, HEAD, POST") }
        guard hasSession(request) else {
            var response = Self.json(Array(#"{"error":"login required"}"#.utf8))
            response.status = 401
            return response
        }
        if method != "POST" { return Self.json(Array(AppPages.appointmentsJSON.utf8)) }
        let parsed = try? JSONSerialization.jsonObject(with: Data(request.body))
        guard parsed is [String: Any] || parsed is [Any] else {
            var response = Self.json(Array(#"{"error":"invalid JSON"}"#.utf8))
            response.status = 400
            return response
        }
        var response = Self.json(request.body)
        response.status = 201
        response.headers.append(HTTPHeader(name: "Location", value: "/app/api/appointments/4"))
        return response
    }

    // MARK: Sessions

    private func hasSession(_ request: HTTPRequest) -> Bool {
        guard let token = Self.sessionToken(of: request) else { return false }
        return sessions.contains(token)
    }

    /// The `app_session` value of the `Cookie` header(s), if any.
    static func sessionToken(of request: HTTPRequest) -> String? {
        for header in request.headers where header.name.lowercased() == "cookie" {
            for pair in header.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
                if parts.count == 2, parts[0] == sessionCookie, !parts[1].isEmpty { return parts[1] }
            }
        }
        return nil
    }

    // MARK: Response helpers

    static func intParameter(_ text: String?, max: Int) -> Int? {
        guard let text, let value = Int(text), value >= 0 else { return nil }
        return min(value, max)
    }

    static func html(_ text: String) -> HTTPResponse {
        body(Array(text.utf8), type: "text/html; charset=utf-8")
    }

    static func json(_ bytes: [UInt8]) -> HTTPResponse {
        body(bytes, type: "application/json")
    }

    private static func body(_ bytes: [UInt8], type: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [
            HTTPHeader(name: "Content-Type", value: type),
            HTTPHeader(name: "Content-Length", value: String(bytes.count)),
            HTTPHeader(name: "Cache-Control", value: "no-store"),
        ], body: bytes)
    }

    static func redirect(_ status: Int, to location: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [
            HTTPHeader(name: "Location", value: location),
            HTTPHeader(name: "Content-Length", value: "0"),
            HTTPHeader(name: "Cache-Control", value: "no-store"),
        ])
    }

    static func notAllowed(_ allow: String) -> HTTPResponse {
        .plain(405, extraHeaders: [HTTPHeader(name: "Allow", value: allow)])
    }
}

/// Open sessions, by token.
final class SessionStore: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens = Set<String>()

    func open() -> String {
        let token = Self.randomToken()
        lock.withLock { _ = tokens.insert(token) }
        return token
    }

    func close(_ token: String) {
        lock.withLock { _ = tokens.remove(token) }
    }

    func contains(_ token: String) -> Bool {
        lock.withLock { tokens.contains(token) }
    }

    /// 128 random bits as 32 lowercase hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
