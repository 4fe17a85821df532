import CCurl

/// One multi handle: the connection pool and event loop of one page load.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer

    /// - Parameter maxConnectionsPerHost: 6, as browsers do on HTTP/1.1; HTTP/2 multiplexes on one.
    init(maxConnectionsPerHost: Int) {
        _ = Curl.initialized
        guard let h = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        handle = h
        _ = ecs_multi_setopt_long(h, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = ecs_multi_setopt_long(h, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    deinit { curl_multi_cleanup(handle) }

    func add(_ easy: CurlEasy) { curl_multi_add_handle(handle, easy.handle) }
    func remove(_ easy: CurlEasy) { curl_multi_remove_handle(handle, easy.handle) }

    /// Drives every transfer as far as it can go without blocking; returns how many are still running.
    func perform() -> Int {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
        return Int(running)
    }

    /// Sleeps until a socket is ready or `timeoutMs` passes.
    func poll(timeoutMs: Int) {
        _ = curl_multi_poll(handle, nil, 0, Int32(clamping: timeoutMs), nil)
    }

    /// The transfers that finished since the last call, with their result codes.
    func completed() -> [(easy: UnsafeMutableRawPointer, result: CURLcode)] {
        var done: [(UnsafeMutableRawPointer, CURLcode)] = []
        var left: Int32 = 0
        while let msg = curl_multi_info_read(handle, &left) {
            if msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle {
                done.append((easy, ecs_msg_result(msg)))
            }
        }
        return done
    }
}
