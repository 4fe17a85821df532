import Foundation
import Report

/// Writes a file so that a reader sees either the old content or the new, never half of it: the content
/// goes to a temporary file beside the target, is synced, then renamed over it.
func writeAtomically(to path: String, _ produce: (FileHandle) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try produce(handle)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)", exitCode: .usage)
    }
}

func writeAtomically(_ data: Data, to path: String) throws {
    try writeAtomically(to: path) { $0.write(data) }
}

/// Every JSON artifact the commands write or print, spelled one way (Report's `ReportJSON`).
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    try ReportJSON.encode(value)
}
