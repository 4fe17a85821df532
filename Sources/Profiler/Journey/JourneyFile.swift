import Foundation
import Yams

/// The YAML layout of a journey file, as written by people.
struct JourneyFile: Decodable {
    var name: String
    var baseURL: String?
    var defaults: Defaults?
    var steps: [StepFile]

    struct Defaults: Decodable {
        var headers: [String: String]?
        var userAgent: String?
        var viewport: ViewportFile?
    }

    struct ViewportFile: Decodable {
        var width: Int
        var height: Int?
        var devicePixelRatio: Double?
    }

    struct StepFile: Decodable {
        var name: String?
        var get: String?
        var post: String?
        var api: String?
        var method: String?
        var headers: [String: String]?
        var form: [String: String]?
        var multipart: Bool?
        var body: String?
        var json: String?
        var secret: [String]?
        var wait: Double?
        var expect: Expect?
    }

    struct Expect: Decodable {
        var status: Int?
        var text: String?
        var notText: String?
    }
}

/// A journey file that cannot be used, named with its path, the line when known, and what is wrong.
public struct JourneyError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
