import Foundation

/// An HTTP Archive (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/) as browsers write it.
///
/// Reading is lenient, because real recorders disagree with the spec and with each other:
/// - unknown fields are ignored;
/// - fields that browsers omit are optional, or take the spec's "unknown" value (`-1` for sizes and
///   timings, `""` for strings) when the spec requires them;
/// - numbers may be written as integers, floats or numeric strings;
/// - Chrome's `_transferSize`, `_resourceType`, `_initiator` and `_error` and WebPageTest's `_ip_addr`
///   are read.
///
/// Only the skeleton is strict: a top-level object with `log`, `log.entries` as an array of objects,
/// every entry with a `request` holding a `url`. Anything else wrong gives a `HARError`.
///
/// Writing emits every field HAR 1.2 requires (the optional ones only when set), so an exported document
/// opens in browsers' and other tools' HAR viewers.
public struct HARDocument: Codable, Sendable, Equatable {
    public var log: Log

    public init(log: Log) { self.log = log }

    // MARK: reading and writing

    /// Reads and decodes a HAR file. Errors are `HARError`s that name the file.
    public static func read(from url: URL) throws(HARError) -> HARDocument {
        let name = url.isFileURL ? url.path : url.absoluteString
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = url.isFileURL && FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file"
                : isDirectory.boolValue ? "is a directory, not a HAR file"
                : "cannot be read (\(error.localizedDescription))"
            throw HARError(file: name, reason: reason)
        }
        return try decode(data, name: name)
    }

    /// Decodes a HAR document; `name` (a file name or path) is what errors call it.
    public static func decode(_ data: Data, name: String) throws(HARError) -> HARDocument {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte order mark (Fiddler, Charles)
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw HARError(file: name, reason: "the file is empty")
        }
        do {
            return try JSONDecoder().decode(HARDocument.self, from: bytes)
        } catch let error as DecodingError {
            throw HARError(decoding: error, in: bytes, file: name)
        } catch {
            throw HARError(file: name, reason: "cannot be decoded: \(error)")
        }
    }

    /// The document as JSON: pretty-printed, keys sorted (so that equal documents give equal bytes),
    /// slashes unescaped.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    // MARK: the model

    public struct Log: Codable, Sendable, Equatable {
        public var version: String
        public var creator: Creator
        public var browser: Creator?
        public var pages: [Page]?
        public var entries: [Entry]
        public var comment: String?

        public init(version: String = "1.2", creator: Creator, browser: Creator? = nil, pages: [Page]? = nil,
                    entries: [Entry], comment: String? = nil) {
            self.version = version; self.creator = creator; self.browser = browser; self.pages = pages
            self.entries = entries; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case version, creator, browser, pages, entries, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            version = c.lenientString(.version) ?? ""
            creator = (try? c.decodeIfPresent(Creator.self, forKey: .creator)) ?? Creator(name: "", version: "")
            browser = try? c.decodeIfPresent(Creator.self, forKey: .browser)
            pages = try c.decodeIfPresent([Page].self, forKey: .pages)
            entries = try c.decode([Entry].self, forKey: .entries)
            comment = c.lenientString(.comment)
        }
    }

    /// `log.creator` and `log.browser`.
    public struct Creator: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public var comment: String?

        public init(name: String, version: String, comment: String? = nil) {
            self.name = name; self.version = version; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case name, version, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = c.lenientString(.name) ?? ""
            version = c.lenientString(.version) ?? ""
            comment = c.lenientString(.comment)
        }
    }

    public struct Page: Codable, Sendable, Equatable {
        /// ISO 8601, e.g. `2016-01-25T20:37:02.473Z`; `HARDate.parse` reads it.
        public var startedDateTime: String
        public var id: String
        public var title: String
        public var pageTimings: PageTimings
        public var comment: String?

        public init(startedDateTime: String, id: String, title: String, pageTimings: PageTimings = PageTimings(),
                    comment: String? = nil) {
            self.startedDateTime = startedDateTime; self.id = id; self.title = title
            self.pageTimings = pageTimings; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case startedDateTime, id, title, pageTimings, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startedDateTime = c.lenientString(.startedDateTime) ?? ""
            id = c.lenientString(.id) ?? ""
            title = c.lenientString(.title) ?? ""
            pageTimings = (try? c.decodeIfPresent(PageTimings.self, forKey: .pageTimings)) ?? PageTimings()
            comment = c.lenientString(.comment)
        }
    }

    /// Milliseconds from the page's start; `-1` when not available.
    public struct PageTimings: Codable, Sendable, Equatable {
        public var onContentLoad: Double?
        public var onLoad: Double?
        public var comment: String?

        public init(onContentLoad: Double? = -1, onLoad: Double? = -1, comment: String? = nil) {
            self.onContentLoad = onContentLoad; self.onLoad = onLoad; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case onContentLoad, onLoad, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            onContentLoad = c.lenientDouble(.onContentLoad)
            onLoad = c.lenientDouble(.onLoad)
            comment = c.lenientString(.comment)
        }
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var pageref: String?
        public var startedDateTime: String
        /// Total milliseconds: the sum of the timings that are not `-1`.
        public var time: Double
        public var request: Request
        public var response: Response
        public var cache: Cache
        public var timings: Timings
        public var serverIPAddress: String?
        /// Connection id (Chrome) or client/server port; numbers are read as strings.
        public var connection: String?
        public var comment: String?
        /// Chrome: document, stylesheet, script, image, font, media, xhr, fetch, ping, websocket, manifest, other…
        public var resourceType: String?
        /// Chrome: what started the request (an object with `type` and `url`; some tools write the URL alone).
        public var initiator: Initiator?
        /// WebPageTest's server address, when `serverIPAddress` is missing.
        public var wptIPAddress: String?

        public init(pageref: String? = nil, startedDateTime: String, time: Double, request: Request,
                    response: Response, cache: Cache = Cache(), timings: Timings, serverIPAddress: String? = nil,
                    connection: String? = nil, comment: String? = nil, resourceType: String? = nil,
                    initiator: Initiator? = nil) {
            self.pageref = pageref; self.startedDateTime = startedDateTime; self.time = time
            self.request = request; self.response = response; self.cache = cache; self.timings = timings
            self.serverIPAddress = serverIPAddress; self.connection = connection; self.comment = comment
            self.resourceType = resourceType; self.initiator = initiator
        }

        enum CodingKeys: String, CodingKey {
            case pageref, startedDateTime, time, request, response, cache, timings, serverIPAddress, connection
            case comment
            case resourceType = "_resourceType"
            case initiator = "_initiator"
            case wptIPAddress = "_ip_addr"
            case entryTransferSize = "_transferSize"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            pageref = c.lenientString(.pageref)
            startedDateTime = c.lenientString(.startedDateTime) ?? ""
            time = c.lenientDouble(.time) ?? -1
            request = try c.decode(Request.self, forKey: .request)
            response = (try? c.decodeIfPresent(Response.self, forKey: .response)) ?? Response()
            cache = (try? c.decodeIfPresent(Cache.self, forKey: .cache)) ?? Cache()
            timings = (try? c.decodeIfPresent(Timings.self, forKey: .timings)) ?? Timings()
            serverIPAddress = c.lenientString(.serverIPAddress)
            connection = c.lenientString(.connection)
            comment = c.lenientString(.comment)
            resourceType = c.lenientString(.resourceType)
            initiator = try? c.decodeIfPresent(Initiator.self, forKey: .initiator)
            wptIPAddress = c.lenientString(.wptIPAddress)
            // A few tools put Chrome's `_transferSize` on the entry rather than on the response.
            if response.transferSize == nil { response.transferSize = c.lenientInt(.entryTransferSize) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(pageref, forKey: .pageref)
            try c.encode(startedDateTime, forKey: .startedDateTime)
            try c.encode(time, forKey: .time)
            try c.encode(request, forKey: .request)
            try c.encode(response, forKey: .response)
            try c.encode(cache, forKey: .cache)
            try c.encode(timings, forKey: .timings)
            try c.encodeIfPresent(serverIPAddress, forKey: .serverIPAddress)
            try c.encodeIfPresent(connection, forKey: .connection)
            try c.encodeIfPresent(comment, forKey: .comment)
            try c.encodeIfPresent(resourceType, forKey: .resourceType)
            try c.encodeIfPresent(initiator, forKey: .initiator)
        }
    }

    public struct Request: Codable, Sendable, Equatable {
        public var method: String
        public var url: String
        public var httpVersion: String
        public var cookies: [Cookie]
        public var headers: [NameValue]
        public var queryString: [NameValue]
        public var postData: PostData?
        /// `-1` when unknown.
        public var headersSize: Int
        /// `-1` when unknown.
        public var bodySize: Int
        public var comment: String?

        public init(method: String = "GET", url: String, httpVersion: String = "", cookies: [Cookie] = [],
                    headers: [NameValue] = [], queryString: [NameValue] = [], postData: PostData? = nil,
                    headersSize: Int = -1, bodySize: Int = -1, comment: String? = nil) {
            self.method = method; self.url = url; self.httpVersion = httpVersion; self.cookies = cookies
            self.headers = headers; self.queryString = queryString; self.postData = postData
            self.headersSize = headersSize; self.bodySize = bodySize; self.comment = comment
        }

        enum CodingKeys: String, CodingKey {
            case method, url, httpVersion, cookies, headers, queryString, postData, headersSize, bodySize, comment
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            method = c.lenientString(.method) ?? "GET"
            url = try c.decode(String.self, forKey: .url)
            httpVersion = c.lenientString(.httpVersion) ?? ""
            cookies = c.lenientArray(.cookies)
            headers = c.lenientArray(.headers)
            queryString = c.lenientArray(.queryString)
            postData = try? c.decodeIfPresent(PostData.self, forKey: .postData)
            headersSize = c.lenientInt(.headersSize) ?? -1
            bodySize = c.lenientInt(.bodySize) ?? -1
            comment = c.lenientString(.comment)
        }
    }

    public struct Response: Codable, Sendable, Equatable {
        /// `0` when the browser got no response (blocked, cancelled, failed).
        public var status: Int
        public var statusText: String
        public var httpVersion: String
        public var cookies: [Cookie]
        public var headers: [NameValue]
        public var content: Content
        /// The `Location` target as written by the recorder (may be relative); `""` for none.
        public var redirectURL: String
        /// `-1` when unknown (Chrome writes `-1` for HTTP/2 and later).
        public var headersSize: Int
        /// Encoded body bytes as received; `-1` when unknown, `0` for a response served from cache.
        public var bodySize: Int
        /// Chrome: header + encoded body bytes as transferred.
        public var transferSize: Int?
        /// Chrome: why the request failed (`net::ERR_…`).
        public var error: String?
        public var comment: String?

        public init(status: Int = 0, statusText: String = "", httpVersion: String = "", cookies: [Cookie] = [],
                    headers: [NameValue] = [], content: Content = Content(), redirectURL: String = "",
                    headersSize: Int = -1, bodySize: Int = -1, transferSize: Int? = nil, error: String? = nil,
                    comment: String? = nil) {
            self.status = status; self.statusText = statusText; self.httpVersion = httpVersion
            self.cookies = cookies; self.headers = headers; self.content = content; self.redirectURL = redirectURL
            self.headersSize = headersSize; self.bodySize = bodySize; self.transferSize = transferSize
            self.error = error; self.comment = comment
        }

        enum CodingKeys: String, CodingKey {
            case status, statusText, httpVersion, cookies, headers, content, redirectURL, headersSize, bodySize
            case comment
            case transferSize = "_transferSize"
            case error = "_error"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = c.lenientInt(.status) ?? 0
            statusText = c.lenientString(.statusText) ?? ""
            httpVersion = c.lenientString(.httpVersion) ?? ""
            cookies = c.lenientArray(.cookies)
            headers = c.lenientArray(.headers)
            content = (try? c.decodeIfPresent(Content.self, forKey: .content)) ?? Content()
            redirectURL = c.lenientString(.redirectURL) ?? ""
            headersSize = c.lenientInt(.headersSize) ?? -1
            bodySize = c.lenientInt(.bodySize) ?? -1
            transferSize = c.lenientInt(.transferSize)
            error = c.lenientString(.error)
            comment = c.lenientString(.comment)
        }
    }

    public struct Content: Codable, Sendable, Equatable {
        /// Decoded body bytes; `-1` when unknown (Firefox without bodies).
        public var size: Int
        /// Bytes saved by content encoding.
        public var compression: Int?
        public var mimeType: String
        public var text: String?
        public var encoding: String?
        public var comment: String?

        public init(size: Int = -1, compression: Int? = nil, mimeType: String = "", text: String? = nil,
                    encoding: String? = nil, comment: String? = nil) {
            self.size = size; self.compression = compression; self.mimeType = mimeType; self.text = text
            self.encoding = encoding; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case size, compression, mimeType, text, encoding, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            size = c.lenientInt(.size) ?? -1
            compression = c.lenientInt(.compression)
            mimeType = c.lenientString(.mimeType) ?? ""
            text = c.lenientString(.text)
            encoding = c.lenientString(.encoding)
            comment = c.lenientString(.comment)
        }
    }

    /// `entry.cache`: `{}` when nothing is known.
    public struct Cache: Codable, Sendable, Equatable {
        public var beforeRequest: CacheState?
        public var afterRequest: CacheState?
        public var comment: String?

        public init(beforeRequest: CacheState? = nil, afterRequest: CacheState? = nil, comment: String? = nil) {
            self.beforeRequest = beforeRequest; self.afterRequest = afterRequest; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case beforeRequest, afterRequest, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            beforeRequest = try? c.decodeIfPresent(CacheState.self, forKey: .beforeRequest)
            afterRequest = try? c.decodeIfPresent(CacheState.self, forKey: .afterRequest)
            comment = c.lenientString(.comment)
        }
    }

    public struct CacheState: Codable, Sendable, Equatable {
        public var expires: String?
        public var lastAccess: String?
        public var eTag: String?
        public var hitCount: Int?
        public var comment: String?

        public init(expires: String? = nil, lastAccess: String? = nil, eTag: String? = nil, hitCount: Int? = nil,
                    comment: String? = nil) {
            self.expires = expires; self.lastAccess = lastAccess; self.eTag = eTag; self.hitCount = hitCount
            self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case expires, lastAccess, eTag, hitCount, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            expires = c.lenientString(.expires)
            lastAccess = c.lenientString(.lastAccess)
            eTag = c.lenientString(.eTag)
            hitCount = c.lenientInt(.hitCount)
            comment = c.lenientString(.comment)
        }
    }

    /// Phases of an entry in milliseconds; `-1` when not applicable or unknown. By the spec `connect`
    /// includes `ssl`, and `time` is the sum of the phases other than `ssl`.
    public struct Timings: Codable, Sendable, Equatable {
        public var blocked: Double
        public var dns: Double
        public var connect: Double
        public var send: Double
        public var wait: Double
        public var receive: Double
        public var ssl: Double
        public var comment: String?

        public init(blocked: Double = -1, dns: Double = -1, connect: Double = -1, send: Double = -1,
                    wait: Double = -1, receive: Double = -1, ssl: Double = -1, comment: String? = nil) {
            self.blocked = blocked; self.dns = dns; self.connect = connect; self.send = send; self.wait = wait
            self.receive = receive; self.ssl = ssl; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case blocked, dns, connect, send, wait, receive, ssl, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            blocked = c.lenientDouble(.blocked) ?? -1
            dns = c.lenientDouble(.dns) ?? -1
            connect = c.lenientDouble(.connect) ?? -1
            send = c.lenientDouble(.send) ?? -1
            wait = c.lenientDouble(.wait) ?? -1
            receive = c.lenientDouble(.receive) ?? -1
            ssl = c.lenientDouble(.ssl) ?? -1
            comment = c.lenientString(.comment)
        }
    }

    /// A header or a query-string parameter.
    public struct NameValue: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public var comment: String?

        public init(name: String, value: String, comment: String? = nil) {
            self.name = name; self.value = value; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case name, value, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = c.lenientString(.name) ?? ""
            value = c.lenientString(.value) ?? ""
            comment = c.lenientString(.comment)
        }
    }

    public struct Cookie: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
        public var path: String?
        public var domain: String?
        public var expires: String?
        public var httpOnly: Bool?
        public var secure: Bool?
        public var comment: String?

        public init(name: String, value: String, path: String? = nil, domain: String? = nil, expires: String? = nil,
                    httpOnly: Bool? = nil, secure: Bool? = nil, comment: String? = nil) {
            self.name = name; self.value = value; self.path = path; self.domain = domain; self.expires = expires
            self.httpOnly = httpOnly; self.secure = secure; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case name, value, path, domain, expires, httpOnly, secure, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = c.lenientString(.name) ?? ""
            value = c.lenientString(.value) ?? ""
            path = c.lenientString(.path)
            domain = c.lenientString(.domain)
            expires = c.lenientString(.expires)
            httpOnly = try? c.decodeIfPresent(Bool.self, forKey: .httpOnly)
            secure = try? c.decodeIfPresent(Bool.self, forKey: .secure)
            comment = c.lenientString(.comment)
        }
    }

    public struct PostData: Codable, Sendable, Equatable {
        public var mimeType: String
        public var params: [PostParam]?
        public var text: String?
        public var comment: String?

        public init(mimeType: String, params: [PostParam]? = nil, text: String? = nil, comment: String? = nil) {
            self.mimeType = mimeType; self.params = params; self.text = text; self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case mimeType, params, text, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            mimeType = c.lenientString(.mimeType) ?? ""
            params = c.contains(.params) ? c.lenientArray(.params) : nil
            text = c.lenientString(.text)
            comment = c.lenientString(.comment)
        }
    }

    public struct PostParam: Codable, Sendable, Equatable {
        public var name: String
        public var value: String?
        public var fileName: String?
        public var contentType: String?
        public var comment: String?

        public init(name: String, value: String? = nil, fileName: String? = nil, contentType: String? = nil,
                    comment: String? = nil) {
            self.name = name; self.value = value; self.fileName = fileName; self.contentType = contentType
            self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case name, value, fileName, contentType, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = c.lenientString(.name) ?? ""
            value = c.lenientString(.value)
            fileName = c.lenientString(.fileName)
            contentType = c.lenientString(.contentType)
            comment = c.lenientString(.comment)
        }
    }

    /// Chrome's `_initiator`: `{"type": "parser", "url": "…", "lineNumber": 12}`, or for scripts a `stack` of
    /// call frames. chrome-har and WebPageTest write the initiator's URL as a plain string, which reads as
    /// `url` with no `type`.
    public struct Initiator: Codable, Sendable, Equatable {
        public var type: String?
        public var url: String?
        public var lineNumber: Double?

        public init(type: String? = nil, url: String? = nil, lineNumber: Double? = nil) {
            self.type = type; self.url = url; self.lineNumber = lineNumber
        }

        enum CodingKeys: String, CodingKey { case type, url, lineNumber, stack }
        enum StackKeys: String, CodingKey { case callFrames, parent }
        enum FrameKeys: String, CodingKey { case url }

        public init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let url = try? single.decode(String.self) {
                self.init(url: url.isEmpty ? nil : url)
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var url = c.lenientString(.url).flatMap { $0.isEmpty ? nil : $0 }
            if url == nil, let stack = try? c.nestedContainer(keyedBy: StackKeys.self, forKey: .stack) {
                url = Self.firstFrameURL(in: stack)
            }
            self.init(type: c.lenientString(.type), url: url, lineNumber: c.lenientDouble(.lineNumber))
        }

        /// The innermost call frame with a URL, looking into `parent` stacks (async calls) when needed.
        private static func firstFrameURL(in stack: KeyedDecodingContainer<StackKeys>) -> String? {
            var current: KeyedDecodingContainer<StackKeys>? = stack
            var hops = 0
            while let s = current, hops < 32 {
                if var frames = try? s.nestedUnkeyedContainer(forKey: .callFrames) {
                    while !frames.isAtEnd {
                        guard let frame = try? frames.nestedContainer(keyedBy: FrameKeys.self) else { break }
                        if let url = frame.lenientString(.url), !url.isEmpty { return url }
                    }
                }
                current = try? s.nestedContainer(keyedBy: StackKeys.self, forKey: .parent)
                hops += 1
            }
            return nil
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(type, forKey: .type)
            try c.encodeIfPresent(url, forKey: .url)
            try c.encodeIfPresent(lineNumber, forKey: .lineNumber)
        }
    }
}

// MARK: - lenient scalar decoding

extension KeyedDecodingContainer {
    /// A string, or a number or boolean written where a string belongs; nil when missing, null or a container.
    func lenientString(_ key: Key) -> String? {
        guard contains(key) else { return nil }
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return String(d) }
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return String(b) }
        return nil
    }

    /// A number (integer or float) or a numeric string; nil when missing, null or not a number.
    func lenientDouble(_ key: Key) -> Double? {
        guard contains(key) else { return nil }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return d.isFinite ? d : nil }
        if let s = try? decodeIfPresent(String.self, forKey: key),
           let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite { return d }
        return nil
    }

    /// An integer; a float is rounded to the nearest integer. Nil when missing, null, not a number or out of range.
    func lenientInt(_ key: Key) -> Int? {
        guard contains(key) else { return nil }
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        guard let d = lenientDouble(key), abs(d) < 9e15 else { return nil }
        return Int(d.rounded())
    }

    /// An array whose elements decode leniently; an element that is not an object is dropped, and a value
    /// that is not an array reads as empty. (Headers, cookies and query strings are not worth refusing a file for.)
    func lenientArray<T: Decodable>(_ key: Key) -> [T] {
        guard var list = try? nestedUnkeyedContainer(forKey: key) else { return [] }
        var result: [T] = []
        while !list.isAtEnd {
            if let element = try? list.decode(T.self) {
                result.append(element)
            } else if (try? list.decode(Skip.self)) == nil {
                break
            }
        }
        return result
    }
}

/// Decodes (and discards) any JSON value, to step over an element of an unkeyed container.
private struct Skip: Decodable {
    init(from decoder: any Decoder) throws {}
}
