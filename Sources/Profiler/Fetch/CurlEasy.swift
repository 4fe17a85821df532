import CCurl

/// Owns one easy handle and the C strings and header list it points to (libcurl copies strings set with
/// setopt, but not a `curl_slist`, so that list lives as long as the handle).
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?

    init() {
        _ = Curl.initialized
        guard let h = curl_easy_init() else { fatalError("curl_easy_init failed: out of memory") }
        handle = h
    }

    deinit {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(ecs_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws {
        try check(ecs_easy_setopt_off(handle, option, curl_off_t(value)), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws { try set(option, value ? 1 : 0) }

    func set(_ option: CURLoption, _ value: String) throws {
        try check(ecs_easy_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(ecs_easy_setopt_pointer(handle, option, pointer), option)
    }

    func set(_ option: CURLoption, callback: curl_write_callback) throws {
        try check(ecs_easy_setopt_write_callback(handle, option, callback), option)
    }

    func setDebug(callback: curl_debug_callback) throws {
        try check(ecs_easy_setopt_debug_callback(handle, callback), CURLOPT_DEBUGFUNCTION)
    }

    func setShare(_ share: CurlShare) throws {
        try check(ecs_easy_setopt_share(handle, share.handle), CURLOPT_SHARE)
    }

    func setHeaders(_ lines: [String]) throws {
        for line in lines { headerList = curl_slist_append(headerList, line) }
        try check(ecs_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)
    }

    func int(_ info: CURLINFO) -> Int? {
        var v = 0
        return ecs_easy_getinfo_long(handle, info, &v) == CURLE_OK ? v : nil
    }

    func offset(_ info: CURLINFO) -> Int64? {
        var v: curl_off_t = 0
        return ecs_easy_getinfo_off(handle, info, &v) == CURLE_OK ? Int64(v) : nil
    }

    func string(_ info: CURLINFO) -> String? {
        var p: UnsafeMutablePointer<CChar>?
        guard ecs_easy_getinfo_string(handle, info, &p) == CURLE_OK, let p else { return nil }
        return String(cString: p)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        if code != CURLE_OK { throw CurlSetupError(what: "option \(option.rawValue)", code: code) }
    }
}

/// Data shared by the transfers of one page load: cookies (a browser session's jar) and DNS answers.
/// One page load runs on one thread, so no lock callbacks are needed.
final class CurlShare {
    let handle: UnsafeMutableRawPointer

    init() {
        _ = Curl.initialized
        guard let h = curl_share_init() else { fatalError("curl_share_init failed: out of memory") }
        handle = h
        _ = ecs_share_setopt_long(h, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_COOKIE.rawValue))
        _ = ecs_share_setopt_long(h, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_DNS.rawValue))
    }

    deinit { curl_share_cleanup(handle) }
}
