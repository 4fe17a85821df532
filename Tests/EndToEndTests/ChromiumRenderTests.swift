import Foundation
import Testing

/// The demo's HTML reports rendered by headless Chromium (Debian package `chromium`, installed by scripts/test):
/// each page loads with no network request of its own, logs no console message, and gives a real screenshot.
/// A control page that does fetch and log proves that the checks would see it.
@Suite(.serialized, .enabled(if: Chromium.executable != nil,
                             "Chromium is not installed (Debian package chromium; scripts/test installs it when it can)"))
struct ChromiumRenderTests {
    @Test func theDemoReportsRenderOffline() throws {
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try Ecoscore.run(["demo", "--out", folder.appendingPathComponent("demo").path, "--runs", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let root = folder.appendingPathComponent("demo")
        let pages = ["index.html", "bloated-app-referencing/report.html", "bloated-rgesn-2024/report.html",
                     "hospital-maturin-sih/report.html"].map { root.appendingPathComponent($0) }
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: page.path), "\(page.path)")
            guard FileManager.default.fileExists(atPath: page.path) else { continue }
            let run = try Chromium.render(page, in: folder)
            #expect(run.pageRequests == [], "\(page.lastPathComponent): requests \(run.pageRequests)")
            #expect(run.consoleMessages == [], "\(page.lastPathComponent): console \(run.consoleMessages)")
            #expect(run.screenshot.count > 20_000, "\(page.lastPathComponent): screenshot of \(run.screenshot.count) bytes")
            let size = Chromium.pngSize(run.screenshot)
            #expect(size?.0 == 1280 && size?.1 == 2000)
            // Rendered without JavaScript help: the DOM Chromium built has the page's one heading.
            #expect(run.dom.contains("<h1>"), "\(page.lastPathComponent)")
        }
    }

    @Test func theChecksSeeRequestsAndConsoleMessages() throws {
        let folder = try Ecoscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("control.html")
        try Data("""
            <!DOCTYPE html><html lang="en"><head><title>control</title></head><body><h1>control</h1>
            <img src="http://127.0.0.1:9/pixel.png" alt="a request"><script>console.error("control message")</script>
            </body></html>
            """.utf8).write(to: page)
        let run = try Chromium.render(page, in: folder)
        #expect(run.pageRequests == ["http://127.0.0.1:9/pixel.png"])
        #expect(run.consoleMessages.contains { $0.contains("control message") })
        #expect(run.screenshot.count > 1000)
    }
}

/// Runs headless Chromium on a file, with a network log and console logging, and reads what it did.
enum Chromium {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            for name in ["chromium", "chromium-browser"] {
                let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    struct Run {
        /// URLs the page itself asked the network for (requests in the page's file:// context).
        let pageRequests: [String]
        /// Console messages of the page (Chromium logs them as CONSOLE lines).
        let consoleMessages: [String]
        let screenshot: Data
        let dom: String
    }

    static func render(_ page: URL, in folder: URL) throws -> Run {
        let id = UUID().uuidString
        let netLog = folder.appendingPathComponent("\(id).netlog.json")
        let png = folder.appendingPathComponent("\(id).png")
        let common = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      "--disable-default-apps", "--disable-extensions",
                      // Nothing resolves: even a request the checks missed could not leave the machine.
                      "--host-resolver-rules=MAP * ~NOTFOUND",
                      "--user-data-dir=\(folder.appendingPathComponent("profile-\(id)").path)"]
        let shot = try run(common + ["--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog.path)",
                                     "--net-log-capture-mode=Default", "--screenshot=\(png.path)",
                                     "--window-size=1280,2000", page.absoluteString])
        let dump = try run(common + ["--dump-dom", page.absoluteString])
        let console = shot.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Run(pageRequests: try pageRequests(netLog), consoleMessages: console,
                   screenshot: (try? Data(contentsOf: png)) ?? Data(), dom: dump.stdout)
    }

    private static func run(_ arguments: [String]) throws -> CommandResult {
        let process = Process()
        // A hung browser ends the test instead of blocking it.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", executable!.path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The URL requests started on behalf of a file:// page. The browser's own background requests (update
    /// checks, sign-in) have another network isolation key and are not the page's.
    static func pageRequests(_ netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = log["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let startJob = types["URL_REQUEST_START_JOB"],
              let events = log["events"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: netLog.path])
        }
        return events.compactMap { event in
            guard event["type"] as? Int == startJob, let params = event["params"] as? [String: Any],
                  let url = params["url"] as? String,
                  (params["network_isolation_key"] as? String)?.hasPrefix("file://") == true else { return nil }
            return url
        }
    }

    /// Width and height from a PNG's IHDR chunk; nil when it is not a PNG.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
