import Foundation
import Testing
@testable import FixtureServer

@Suite("Protocol errors")
struct ProtocolErrorTests {
    @Test("methods other than GET and HEAD get 405 with Allow", arguments: ["POST", "PUT", "DELETE", "OPTIONS"])
    func methodNotAllowed(method: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.request("/lean/", method: method, extra: ["Content-Length: 0"])
            let response = try http.readResponse()
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
            #expect(server.accessLog().last?.method == method)
        }
    }

    @Test("a malformed request line gets 400 and the connection closes", arguments: [
        "GET\r\n\r\n", "GET /lean/ HTTP/9.9\r\n\r\n", "GET lean HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
    ])
    func badRequest(raw: String) throws {
        try withServer { server in
            let http = try client(server)
            try http.send(raw)
            let response = try http.readResponse()
            #expect(response.status == 400)
            #expect(response.headers["connection"] == "close")
            #expect(http.serverClosed())
            #expect(server.accessLog().last?.bytesSent == response.totalBytes)
        }
    }

    @Test("request headers over 64 KiB get 431")
    func headersTooLarge() throws {
        try withServer { server in
            let http = try client(server)
            let filler = String(repeating: "a", count: 8 * 1024)
            try http.request("/lean/", extra: (0..<9).map { "X-Filler-\($0): \(filler)" })
            let response = try http.readResponse()
            #expect(response.status == 431)
            #expect(http.serverClosed())
            #expect(server.accessLog().last?.path == "/lean/")
        }
    }
}
