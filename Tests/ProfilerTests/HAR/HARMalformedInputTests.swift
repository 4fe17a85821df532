import Foundation
import Testing
@testable import Profiler

/// Broken inputs give a `HARError` that names the file, says where when it can, and says what is wrong.
@Suite("HAR: malformed input")
struct HARMalformedInputTests {
    private func error(_ text: String, name: String = "broken.har") -> HARError? {
        do {
            _ = try HARTestSupport.importJSON(text, name: name)
            return nil
        } catch let error as HARError {
            return error
        } catch {
            Issue.record("not a HARError: \(error)")
            return nil
        }
    }

    @Test func truncatedRecording() throws {
        let data = try Data(contentsOf: HARTestSupport.url("size--allSizes.har"))
        let half = String(decoding: data.prefix(data.count / 2), as: UTF8.self)
        let error = try #require(self.error(half, name: "cut.har"))
        #expect(error.description.hasPrefix("cut.har:"))
        #expect(error.line != nil && error.column != nil)
        #expect(error.reason.contains("end of file"))
        #expect(error.reason.contains("truncated"))
    }

    /// Cut anywhere (even inside a UTF-8 sequence), a recording gives an error with a place, never a crash.
    @Test func truncatedAnywhere() throws {
        let data = try Data(contentsOf: HARTestSupport.url("http--http2-chrome.har"))
        for length in stride(from: 0, to: data.count, by: 211) {
            do {
                _ = try HARImporter.profile(from: data.prefix(length), name: "cut.har", tool: HARTestSupport.tool,
                                            settings: HARTestSupport.settings)
                Issue.record("a recording cut at \(length) bytes was accepted")
            } catch {
                #expect(error.file == "cut.har")
                #expect(length == 0 || error.line != nil, "cut at \(length): \(error)")
            }
        }
    }

    @Test func truncatedFileOnDisk() throws {
        let data = try Data(contentsOf: HARTestSupport.url("contentTypes--linkedin.har"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("har-test-\(UUID().uuidString).har")
        try data.prefix(20_000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: HARError.self) {
            try HARImporter.profile(from: url, tool: HARTestSupport.tool, settings: HARTestSupport.settings)
        }
        #expect(error?.file == url.path)
        #expect(error?.description.hasPrefix(url.path + ":") == true)
        #expect(error?.line != nil)
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let text = "{\n  \"log\": {\n    \"entries\": [,]\n  }\n}"
        let error = try #require(self.error(text))
        #expect(error.line == 3)
        #expect(error.column == 17)
        #expect(error.description == "broken.har:3:17: invalid JSON: expected a value, found ','")
    }

    @Test func unterminatedString() throws {
        let error = try #require(self.error("{\"log\": {\"entries\": [], \"comment\": \"é and more"))
        #expect(error.reason.contains("string that starts at line 1, column 36"))
    }

    @Test func notAHAR() throws {
        let object = try #require(error("{\"name\": \"package.json\", \"version\": \"1.0.0\"}", name: "package.json"))
        #expect(object.description.hasPrefix("package.json:1:1: not a HAR file"))
        #expect(object.reason.contains("\"log\" is missing"))
        let array = try #require(error("[1, 2, 3]"))
        #expect(array.reason == "not a HAR file: the top level should be an object but is an array")
        let entries = try #require(error("{\"log\": {\"entries\": {}}}"))
        #expect(entries.reason == "not a HAR file: log.entries should be an array but is an object")
        #expect(entries.line == 1 && entries.column == 21)
    }

    @Test func entryWithoutURL() throws {
        let text = """
        {"log": {"entries": [
          {"request": {"url": "https://a.example/"}},
          {"request": {"method": "GET"},
           "response": {"status": 200}}
        ]}}
        """
        let error = try #require(self.error(text))
        #expect(error.reason == "not a HAR file: \"url\" is missing in log.entries[1].request")
        #expect(error.line == 3 && error.column == 15)
    }

    @Test func emptyFile() throws {
        #expect(error("")?.description == "broken.har: the file is empty")
        #expect(error("  \n\t ")?.description == "broken.har: the file is empty")
    }

    @Test func missingFileAndDirectory() {
        let missing = URL(fileURLWithPath: "/nonexistent/recording.har")
        #expect(throws: HARError(file: "/nonexistent/recording.har", reason: "no such file")) {
            try HARDocument.read(from: missing)
        }
        let directory = FileManager.default.temporaryDirectory
        let error = #expect(throws: HARError.self) { try HARDocument.read(from: directory) }
        #expect(error?.reason.contains("directory") == true)
    }

    @Test func byteOrderMarkAndLenientValues() throws {
        let text = "\u{FEFF}" + #"""
        {"log": {"version": 1.2, "creator": "not an object", "entries": [
          {"startedDateTime": "2024-01-01T00:00:00Z", "time": "12.5",
           "request": {"url": "https://a.example/", "headers": [{"name": "X"}, 7], "cookies": null},
           "response": {"status": 200.0, "bodySize": "300", "headersSize": 99.6,
                        "content": {"size": 1e3, "mimeType": null}},
           "timings": "none"}
        ]}}
        """#
        let profile = try HARTestSupport.importJSON(text)
        let r = try #require(profile.pages.first?.runs.first?.requests.first)
        #expect(r.status == 200)
        #expect(r.bodyBytes == 300 && r.headerBytes == 100 && r.decodedBytes == 1000)
        #expect(r.transferBytes == 400)
        #expect(r.timings.totalMs == 12.5)
    }
}
