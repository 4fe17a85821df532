import FixtureServer
import Foundation
import Model
import Testing
@testable import Profiler

extension HostileTests {
    /// The chunk framing of a chunked body is part of what the server sent: libcurl's `SIZE_DOWNLOAD` leaves it
    /// out, so the profiler counts chunked bodies as they came off the wire (found by the hostile server's
    /// `/hostile/chunked/` routes, see HostileTests.Streams). Checked here against a real server: nginx compressing
    /// on the fly answers in chunks, and its `$bytes_sent` must equal the profile's transfer bytes.
    @Suite(.serialized, .timeLimit(.minutes(1)),
           .enabled(if: NginxServer.binary != nil, "nginx is not installed (scripts/test installs nginx-light)"))
    struct ChunkedNginx {
        @Test func chunkedGzipFromNginxIsCountedAsSent() throws {
            // NginxServer puts `listen` inside its `server` block: the extra directives turn on-the-fly gzip on.
            let nginx = try NginxServer(root: FixtureServer.bundledSites,
                                        listen: "default_server; gzip on; gzip_min_length 1; gzip_types text/css application/javascript")
            let run = PageProfiler(options: HostileSupport.options)
                .profile([nginx.baseURL.appendingPathComponent("bloated/index.html")], runs: 1, concurrency: 1)[0].runs[0]
            let log = try nginx.accessLog()
            #expect(run.error == nil)
            #expect(run.requests.count == log.count)
            let gzipped = run.requests.filter { $0.contentEncoding == "gzip" }
            #expect(gzipped.count >= 3, "html, css and js compressed on the fly, hence chunked")
            var unmatched = log
            for record in run.requests {
                let target = HostileSupport.target(record.url)
                guard let i = unmatched.firstIndex(where: { $0.target == target }) else {
                    Issue.record("\(target) is not in nginx's log")
                    continue
                }
                let entry = unmatched.remove(at: i)
                #expect(record.transferBytes == entry.bytesSent, "\(target) \(record.contentEncoding ?? "identity")")
            }
            #expect(run.totals.transferBytes == log.reduce(0) { $0 + $1.bytesSent })
        }
    }
}
