import Foundation
import Testing
@testable import FixtureServer
import Profiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixture server's `/app/` routes, in process: login, session cookie, POST bodies, the CPU endpoints,
/// and the access log's exact byte counts for all of them.
@Suite("ServerMeter fixture app")
struct ServerMeterFixtureAppTests {
    static let password = "correct horse battery staple"

    static func withApp<T>(password: String = FixtureServer.defaultAppPassword,
                           childBurnCommand: @escaping @Sendable (Int) -> [String] = FixtureServer.shellBurnCommand,
                           _ body: (FixtureServer) throws -> T) throws -> T {
        let server = FixtureServer(appPassword: password, childBurnCommand: childBurnCommand)
        try server.start()
        defer { server.stop() }
        return try body(server)
    }

    static func get(_ server: FixtureServer, _ target: String, cookie: String? = nil) throws -> MeterTestSupport.Response {
        try MeterTestSupport.request(port: server.port, target, headers: cookie.map { ["Cookie: \($0)"] } ?? [])
    }

    static func post(_ server: FixtureServer, _ target: String, contentType: String, body: String,
                     cookie: String? = nil) throws -> MeterTestSupport.Response {
        var headers = ["Content-Type: \(contentType)"]
        if let cookie { headers.append("Cookie: \(cookie)") }
        return try MeterTestSupport.request(port: server.port, target, method: "POST", headers: headers, body: Array(body.utf8))
    }

    /// `app_session=…` from a Set-Cookie header.
    static func sessionCookie(_ response: MeterTestSupport.Response) throws -> String {
        let setCookie = try #require(response.headers["set-cookie"])
        return try #require(setCookie.split(separator: ";").first.map(String.init))
    }

    static func multipart(_ fields: [(String, String)], boundary: String) -> String {
        fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
            + "--\(boundary)--\r\n"
    }

    @Test("the login form has user, password and a hidden csrf field")
    func loginForm() throws {
        try Self.withApp { server in
            let page = try Self.get(server, "/app/login")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            for field in [#"name="user""#, #"name="password""#, #"type="hidden" name="csrf""#, #"method="post""#] {
                #expect(page.text.contains(field), "\(field)")
            }
            #expect(!page.text.contains("Invalid credentials"))
        }
    }

    @Test("right password (urlencoded): 303 to /app/account with an HttpOnly session cookie; the account page needs it")
    func loginUrlencoded() throws {
        try Self.withApp { server in
            let response = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                         body: "user=demo&password=correct+horse%20battery+staple")
            #expect(response.status == 303)
            #expect(response.headers["location"] == "/app/account")
            let setCookie = try #require(response.headers["set-cookie"])
            #expect(setCookie.wholeMatch(of: /app_session=[0-9a-f]{32}; Path=\/app; HttpOnly/) != nil, "\(setCookie)")
            let cookie = try Self.sessionCookie(response)

            let account = try Self.get(server, "/app/account", cookie: "other=1; \(cookie)")
            #expect(account.status == 200)
            #expect(account.text.contains("Welcome, demo"))
            #expect(account.text.contains(#"href="/lean/styles.css""#))
            #expect(account.text.contains(#"src="/lean/logo.svg""#))
            #expect(try Self.get(server, "/lean/styles.css").status == 200)
            #expect(try Self.get(server, "/lean/logo.svg").status == 200)

            for cookie in [nil, "app_session=0123456789abcdef0123456789abcdef", "app_session="] {
                let anonymous = try Self.get(server, "/app/account", cookie: cookie)
                #expect(anonymous.status == 302)
                #expect(anonymous.headers["location"] == "/app/login")
            }
        }
    }

    @Test("right password (multipart/form-data) logs in too; a wrong one gives the form with Invalid credentials")
    func loginMultipart() throws {
        try Self.withApp(password: "s3cret") { server in
            let boundary = "----ecoscore\(UUID().uuidString)"
            let form = try Self.get(server, "/app/login").text
            let csrf = try #require(form.firstMatch(of: /name="csrf" value="([0-9a-f]{32})"/)).1
            let good = try Self.post(server, "/app/login", contentType: "multipart/form-data; boundary=\"\(boundary)\"",
                                     body: Self.multipart([("csrf", String(csrf)), ("user", "demo"), ("password", "s3cret")], boundary: boundary))
            #expect(good.status == 303)
            #expect(good.headers["set-cookie"]?.hasPrefix("app_session=") == true)

            for fields in [[("user", "demo"), ("password", "wrong")], [("user", "admin"), ("password", "s3cret")], [("user", "demo")]] {
                let bad = try Self.post(server, "/app/login", contentType: "multipart/form-data; boundary=\(boundary)",
                                        body: Self.multipart(fields, boundary: boundary))
                #expect(bad.status == 200)
                #expect(bad.text.contains("Invalid credentials"))
                #expect(bad.headers["set-cookie"] == nil)
            }
            let wrongURLEncoded = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                                body: "user=demo&password=\(Self.password.replacingOccurrences(of: " ", with: "+"))")
            #expect(wrongURLEncoded.status == 200, "the default password is not this server's")
            #expect(wrongURLEncoded.text.contains("Invalid credentials"))
        }
    }

    @Test("a wrong csrf token is refused; another content type is 415; GET-only routes refuse POST")
    func loginRefusals() throws {
        try Self.withApp { server in
            let forged = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                       body: "csrf=forged&user=demo&password=\(Self.password)")
            #expect(forged.status == 403)
            let json = try Self.post(server, "/app/login", contentType: "application/json", body: #"{"user":"demo"}"#)
            #expect(json.status == 415)
            let post = try Self.post(server, "/app/burn?ms=1", contentType: "text/plain", body: "x")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
            #expect(try Self.post(server, "/lean/", contentType: "text/plain", body: "x").status == 405)
        }
    }

    @Test("the appointments API: JSON list and 201 echo with a session, 401 without, 400 for invalid JSON")
    func appointmentsAPI() throws {
        try Self.withApp { server in
            let anonymous = try Self.get(server, "/app/api/appointments")
            #expect(anonymous.status == 401)
            #expect(anonymous.headers["content-type"] == "application/json")
            #expect(try Self.post(server, "/app/api/appointments", contentType: "application/json", body: "{}").status == 401)

            let login = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                      body: "user=demo&password=\(Self.password)")
            let cookie = try Self.sessionCookie(login)
            let list = try Self.get(server, "/app/api/appointments", cookie: cookie)
            #expect(list.status == 200)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(list.body)) as? [[String: Any]])
            #expect(items.count == 3)

            let appointment = #"{"date": "2026-12-01", "practitioner": "Dr. Linden"}"#
            let created = try Self.post(server, "/app/api/appointments", contentType: "application/json",
                                        body: appointment, cookie: cookie)
            #expect(created.status == 201)
            #expect(created.text == appointment)
            #expect(created.headers["location"] != nil)
            let invalid = try Self.post(server, "/app/api/appointments", contentType: "application/json",
                                        body: "{not json", cookie: cookie)
            #expect(invalid.status == 400)

            let logout = try Self.get(server, "/app/logout", cookie: cookie)
            #expect(logout.status == 303)
            #expect(try Self.get(server, "/app/api/appointments", cookie: cookie).status == 401)
        }
    }

    @Test("the access log counts every byte of POST and app responses exactly")
    func accessLogIsExact() throws {
        try Self.withApp { server in
            var received: [Int] = []
            let login = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                      body: "user=demo&password=\(Self.password)")
            received.append(login.totalBytes)
            let cookie = try Self.sessionCookie(login)
            received.append(try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                          body: "user=demo&password=no").totalBytes)
            received.append(try Self.post(server, "/app/api/appointments", contentType: "application/json",
                                          body: #"{"a":1}"#, cookie: cookie).totalBytes)
            received.append(try Self.get(server, "/app/account", cookie: cookie).totalBytes)
            received.append(try Self.get(server, "/app/burn?ms=1").totalBytes)
            received.append(try Self.get(server, "/app/").totalBytes)
            received.append(try Self.get(server, "/app/nope").totalBytes)
            let log = server.accessLog()
            #expect(log.map(\.method) == ["POST", "POST", "POST", "GET", "GET", "GET", "GET"])
            #expect(log.map(\.status) == [303, 200, 201, 200, 200, 200, 404])
            #expect(log.map(\.bytesSent) == received)
            #expect(log.allSatisfy { $0.headerBytes + $0.bodyBytes == $0.bytesSent })
            #expect(log[0].bodyBytes == 0)
        }
    }

    @Test("keep-alive: a POST body is consumed, so the next request on the connection is read correctly")
    func keepAliveAfterPost() throws {
        try Self.withApp { server in
            // Two requests in one write; the first has a body.
            let body = "user=demo&password=x"
            let requests = "POST /app/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
                + "GET /app/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let fd = MeterTestSupport.streamSocket()
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = server.port.bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            _ = Array(requests.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, MeterTestSupport.sendFlags) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                received += chunk[0..<n]
            }
            let log = server.accessLog()
            #expect(log.map(\.status) == [200, 200])
            #expect(log.map(\.path) == ["/app/login", "/app/"])
            #expect(log.map(\.bytesSent).reduce(0, +) == received.count)
        }
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent, counted with the response head in the log")
    func expectContinue() throws {
        try Self.withApp { server in
            let login = try Self.post(server, "/app/login", contentType: "application/x-www-form-urlencoded",
                                      body: "user=demo&password=\(Self.password)")
            let cookie = try Self.sessionCookie(login)
            server.resetAccessLog()
            let body = Array(("{\"note\": \"" + String(repeating: "x", count: 2000) + "\"}").utf8)
            let fd = MeterTestSupport.streamSocket()
            defer { close(fd) }
            var tv = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = server.port.bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let head = "POST /app/api/appointments HTTP/1.1\r\nHost: x\r\nCookie: \(cookie)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.count)\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            _ = Array(head.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, MeterTestSupport.sendFlags) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            // The interim response arrives while the body is still unsent.
            while received.firstRange(of: [13, 10, 13, 10]) == nil {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { break }
                received += chunk[0..<n]
            }
            let interim = "HTTP/1.1 100 Continue\r\n\r\n"
            #expect(String(decoding: received, as: UTF8.self) == interim)
            _ = body.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, MeterTestSupport.sendFlags) }
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { break }
                received += chunk[0..<n]
            }
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.hasPrefix(interim + "HTTP/1.1 201 Created\r\n"))
            let log = server.accessLog()
            try #require(log.count == 1)
            #expect(log[0].status == 201)
            #expect(log[0].bytesSent == received.count)
            #expect(log[0].bodyBytes == body.count)
            #expect(log[0].headerBytes == received.count - body.count)
        }
    }

    @Test("chunked or oversized POST bodies: 411 and 413")
    func unreadableBodies() throws {
        try Self.withApp { server in
            let chunked = try MeterTestSupport.request(
                port: server.port, "/app/login", method: "POST",
                headers: ["Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded"],
                body: Array("4\r\nuser\r\n0\r\n\r\n".utf8))
            #expect(chunked.status == 411)
            let huge = try MeterTestSupport.request(port: server.port, "/app/api/appointments", method: "POST",
                                                    headers: ["Content-Type: application/json"],
                                                    body: [UInt8](repeating: 32, count: (1 << 20) + 1))
            #expect(huge.status == 413)
        }
    }

    @Test("/app/burn burns at least the CPU asked for on the serving thread; ms is capped and validated")
    func burnBurns() throws {
        // The burn loop itself: the calling thread's CPU grows by at least the amount.
        let before = CPUBurn.threadCPUNanoseconds()
        FixtureServer.burnThreadCPU(milliseconds: 50)
        #expect(CPUBurn.threadCPUNanoseconds() - before >= 50_000_000)

        try Self.withApp { server in
            _ = try Self.get(server, "/app/burn?ms=0")
            let cpuBefore = ServerMeter.clientCPUSeconds()
            let response = try Self.get(server, "/app/burn?ms=120")
            let spent = ServerMeter.clientCPUSeconds() - cpuBefore
            #expect(response.status == 200)
            #expect(response.text.contains("Burned 120 ms"))
            #expect(spent >= 0.120, "process CPU grew by \(spent) s")
            #expect(try Self.get(server, "/app/burn").status == 400)
            #expect(try Self.get(server, "/app/burn?ms=-3").status == 400)
            #expect(try Self.get(server, "/app/burn?ms=abc").status == 400)
            #expect(FixtureApp.intParameter("99999", max: FixtureApp.maxBurnMs) == 10_000)
            let head = try MeterTestSupport.request(port: server.port, "/app/burn?ms=1", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] != "0")
        }
    }

    @Test("/app/alloc touches the memory it allocates")
    func allocTouches() throws {
        try Self.withApp { server in
            let response = try Self.get(server, "/app/alloc?mb=32")
            #expect(response.status == 200)
            #expect(response.text.contains("32 MiB"))
            #expect(FixtureApp.intParameter("5000", max: FixtureApp.maxAllocMB) == 1024)
            #if os(Linux)
            // VmHWM of this process: at least the 32 MiB were resident at once.
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
            let kB = try #require(Int(line.split(separator: " ")[1]))
            #expect(kB >= 32 * 1024)
            #endif
        }
    }

    @Test("/app/fork runs the child command and waits for it; a failing child gives 500")
    func forkRunsChild() throws {
        #if os(Linux)
        try Self.withApp { server in
            var before = rusage()
            getrusage(Int32(RUSAGE_CHILDREN.rawValue), &before)
            let started = ContinuousClock.now
            let response = try Self.get(server, "/app/fork?ms=150")
            let wall = ContinuousClock.now - started
            var after = rusage()
            getrusage(Int32(RUSAGE_CHILDREN.rawValue), &after)
            func seconds(_ usage: rusage) -> Double {
                Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
            }
            let childCPU = seconds(after) - seconds(before)
            print("ServerMeter fixture app: shell burn child of 150 ms used \(String(format: "%.0f", childCPU * 1000)) ms CPU in \(wall)")
            #expect(response.status == 200)
            #expect(wall >= .milliseconds(150))
            // The default child is a shell loop that runs for 150 ms of wall time, mostly on the CPU when the
            // machine is idle (less when other tests compete for it): it ran, and was waited for.
            #expect(childCPU > 0.005)
        }
        #endif
        try Self.withApp(childBurnCommand: { _ in ["/bin/sh", "-c", "exit 3"] }) { server in
            let failed = try Self.get(server, "/app/fork?ms=10")
            #expect(failed.status == 500)
            #expect(failed.text.contains("status 3"))
        }
        try Self.withApp(childBurnCommand: { _ in ["/no/such/binary"] }) { server in
            let missing = try Self.get(server, "/app/fork?ms=10")
            #expect(missing.status == 500)
        }
    }

    @Test("the index links every route; /app redirects to /app/; unknown routes are 404")
    func index() throws {
        try Self.withApp { server in
            let index = try Self.get(server, "/app/")
            #expect(index.status == 200)
            for link in ["/app/login", "/app/account", "/app/api/appointments", "/app/burn?ms=", "/app/alloc?mb=", "/app/fork?ms="] {
                #expect(index.text.contains(link), "\(link)")
            }
            let bare = try Self.get(server, "/app")
            #expect(bare.status == 301 && bare.headers["location"] == "/app/")
            #expect(try Self.get(server, "/app/nothing-here").status == 404)
        }
    }

    @Test("form parsing: urlencoded escapes, quoted multipart boundary and names, first value wins")
    func formParsing() {
        #expect(FormData.urlencoded(Array("a=1&b=x+y%21&a=2&c&=e&bad=%zz".utf8)[...])
                == ["a": "1", "b": "x y!", "c": "", "": "e", "bad": "%zz"])
        #expect(FormData.query(of: Array("/app/burn?ms=12&x=%20#frag".utf8)) == ["ms": "12", "x": " "])
        let body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\ndemo\r\n"
            + "--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"quoted \\\"name\\\"\"\r\n\r\nv\r\n--XyZ--\r\nepilogue"
        #expect(FormData.multipart(Array(body.utf8), boundary: "XyZ")
                == ["user": "demo", "file": "line1\r\nline2", "quoted \"name\"": "v"])
    }
}
