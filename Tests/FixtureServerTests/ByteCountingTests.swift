import Foundation
import Testing
@testable import FixtureServer

@Suite("Bytes on the wire and connections")
struct ByteCountingTests {
    @Test("bytes received by the client equal the access log's bytesSent, split into head and body")
    func exactBytes() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/index.html", extra: ["Accept-Encoding: gzip, deflate, br, zstd", "Connection: close"])
            let received = try http.readToEnd()
            let log = server.accessLog()
            try #require(log.count == 1)
            #expect(log[0].bytesSent == received.count)
            #expect(log[0].bytesSent == http.totalReceived)
            let headLength = try #require(received.firstRange(of: [13, 10, 13, 10])).upperBound
            #expect(log[0].headerBytes == headLength)
            #expect(log[0].bodyBytes == received.count - headLength)
            #expect(log[0].bodyBytes == (try siteFile("lean/index.html.br")).count)
            #expect(log[0] == AccessLogEntry(
                method: "GET", path: "/lean/index.html", status: 200, bytesSent: received.count,
                headerBytes: headLength, bodyBytes: received.count - headLength, contentEncoding: "br"))
        }
    }

    @Test("error, redirect and HEAD responses are logged with their exact sizes too")
    func everyResponseLogged() throws {
        try withServer { server in
            let http = try client(server)
            var total = 0
            for target in ["/nope.html", "/bloated/start", "/bloated/css/boom.css"] {
                try http.request(target)
                total += try http.readResponse().totalBytes
            }
            try http.request("/lean/styles.css", method: "HEAD")
            total += try http.readResponse(bodyless: true).totalBytes
            let log = server.accessLog()
            #expect(log.map(\.status) == [404, 301, 500, 200])
            #expect(log.map(\.bytesSent).reduce(0, +) == total)
            #expect(total == http.totalReceived)
            #expect(log.last?.bodyBytes == 0)
            #expect(log.allSatisfy { $0.headerBytes + $0.bodyBytes == $0.bytesSent })
        }
    }

    @Test("keep-alive: two requests on one connection, then the connection stays open")
    func keepAlive() throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/", extra: ["Accept-Encoding: br"])
            let first = try http.readResponse()
            try http.request("/lean/styles.css")
            let second = try http.readResponse()
            #expect(first.status == 200)
            #expect(second.status == 200)
            #expect(first.headers["connection"] == nil)
            #expect(second.body == (try siteFile("lean/styles.css")))
            let log = server.accessLog()
            #expect(log.map(\.path) == ["/lean/", "/lean/styles.css"])
            #expect(log.map(\.bytesSent) == [first.totalBytes, second.totalBytes])
        }
    }

    @Test("pipelined requests sent in one write are answered in order")
    func pipelining() throws {
        try withServer { server in
            let http = try client(server)
            try http.send("GET /lean/app.js HTTP/1.1\r\nHost: x\r\n\r\nGET /lean/logo.svg HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try http.readResponse()
            let second = try http.readResponse()
            #expect(first.body == (try siteFile("lean/app.js")))
            #expect(second.body == (try siteFile("lean/logo.svg")))
            #expect(second.headers["content-type"] == "image/svg+xml; charset=utf-8")
        }
    }

    @Test("Connection: close and HTTP/1.0 end the connection after one response")
    func connectionClose() throws {
        try withServer { server in
            let closing = try client(server)
            try closing.request("/lean/about.html", extra: ["Connection: close"])
            let response = try closing.readResponse()
            #expect(response.headers["connection"] == "close")
            #expect(closing.serverClosed())

            let old = try client(server)
            try old.request("/lean/about.html", version: "HTTP/1.0")
            let oldResponse = try old.readResponse()
            #expect(oldResponse.status == 200)
            #expect(oldResponse.headers["connection"] == "close")
            #expect(old.serverClosed())
        }
    }

    @Test("a request body on GET is skipped, the next request still parses")
    func requestBodySkipped() throws {
        try withServer { server in
            let http = try client(server)
            try http.send("GET /lean/app.js HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /lean/logo.svg HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try http.readResponse().status == 200)
            #expect(try http.readResponse().body == (try siteFile("lean/logo.svg")))
        }
    }

    @Test("stop() closes the listener and open connections; it is idempotent")
    func stopClosesEverything() throws {
        let server = FixtureServer()
        try server.start()
        let port = server.port
        #expect(port != 0)
        let idle = try RawHTTPClient(port: port)
        try idle.request("/lean/")
        _ = try idle.readResponse()
        server.stop()
        server.stop()
        #expect(idle.serverClosed())
        #expect(throws: (any Error).self) { try RawHTTPClient(port: port) }
        #expect(throws: FixtureServerError.alreadyStarted) { try server.start() }
    }

    @Test("start() reports the bound ephemeral port and base URL")
    func ephemeralPort() throws {
        try withServer { server in
            #expect(server.port > 0)
            #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/")
            #expect(server.url("/lean/").absoluteString == "http://127.0.0.1:\(server.port)/lean/")
        }
    }
}
