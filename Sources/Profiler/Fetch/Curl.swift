import CCurl

/// Process-wide libcurl facts. `curl_global_init` is not thread-safe, so it runs once, lazily, here.
enum Curl {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    private static var info: curl_version_info_data { ecs_version_info().pointee }

    /// Content codings this libcurl can decode, in the order a current browser lists them.
    static let acceptEncoding: String = {
        let features = Int(info.features)
        var codings: [String] = []
        if features & Int(CURL_VERSION_LIBZ) != 0 { codings += ["gzip", "deflate"] }
        if features & Int(CURL_VERSION_BROTLI) != 0 { codings.append("br") }
        if features & Int(CURL_VERSION_ZSTD) != 0 { codings.append("zstd") }
        return codings.joined(separator: ", ")
    }()

    static let supportsHTTP2: Bool = Int(info.features) & Int(CURL_VERSION_HTTP2) != 0

    /// libcurl before 7.89 fails every request that reuses an h2c prior-knowledge connection with
    /// "Error in the HTTP2 framing layer" (curl issue 10634, fixed by pull request 10643).
    static let priorKnowledgeReuseBroken: Bool = info.version_num < 0x07_59_00

    /// e.g. "libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 nghttp2/1.52.0 …".
    static let versionString: String = String(cString: curl_version())

    static func describe(_ code: CURLcode) -> String { String(cString: curl_easy_strerror(code)) }
}

/// A libcurl call that refused an option: a programming error or a libcurl built without a feature.
struct CurlSetupError: Error, CustomStringConvertible {
    var what: String
    var code: CURLcode
    var description: String { "libcurl refused \(what): \(Curl.describe(code))" }
}
