import CCurl
import Foundation

/// Whether a URL answers at all: one blocking libcurl GET, no proxy, no TLS verification (a self-signed
/// development certificate is still an answer). Any HTTP status counts, 500 included: the server is up.
enum ReadyProbe {
    static func answers(_ url: URL, timeout: Duration) -> Bool {
        let milliseconds = max(1, Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let easy = CurlEasy()
        do {
            try easy.set(CURLOPT_URL, url.absoluteString)
            try easy.set(CURLOPT_NOSIGNAL, true)
            try easy.set(CURLOPT_NOPROXY, "*")
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
            try easy.set(CURLOPT_TIMEOUT_MS, milliseconds)
            try easy.set(CURLOPT_SSL_VERIFYPEER, false)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 0)
            try easy.set(CURLOPT_WRITEFUNCTION, callback: readyProbeDiscard)
        } catch {
            return false
        }
        _ = curl_easy_perform(easy.handle)
        return (easy.int(CURLINFO_RESPONSE_CODE) ?? 0) > 0
    }
}

private let readyProbeDiscard: curl_write_callback = { _, size, count, _ in size * count }
