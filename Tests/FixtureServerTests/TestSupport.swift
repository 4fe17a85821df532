import Foundation
@testable import FixtureServer

/// Runs `body` with a server on an ephemeral port, stopped afterwards.
func withServer<T>(root: URL = FixtureServer.bundledSites, _ body: (FixtureServer) throws -> T) throws -> T {
    let server = FixtureServer(root: root)
    try server.start()
    defer { server.stop() }
    return try body(server)
}

/// A fresh client on the server's port.
func client(_ server: FixtureServer) throws -> RawHTTPClient {
    try RawHTTPClient(port: server.port)
}

/// Bytes of a bundled site file, e.g. `lean/styles.css.br`.
func siteFile(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: FixtureServer.bundledSites.appendingPathComponent(path)))
}

/// A scratch folder of sites for one test, removed by the caller.
func temporarySites(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("fixture-server-tests-\(UUID().uuidString)", isDirectory: true)
    for (path, content) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
    return root
}
