import CCurl
import Foundation
import Model

extension Transfer {
    /// What this transfer measured, as the profile records it. `now` is milliseconds since the page start.
    func record(result: CURLcode) -> RequestRecord {
        let status = easy.int(CURLINFO_RESPONSE_CODE).flatMap { $0 > 0 ? $0 : nil }
        let headerBytes = easy.int(CURLINFO_HEADER_SIZE) ?? 0
        // libcurl counts a chunked body de-chunked; on the wire (and in the server's `$bytes_sent`) the chunk
        // framing is part of it, and its debug stream shows the body before de-chunking.
        let bodyBytes = response.isChunked ? wireBodyBytes : Int(easy.offset(CURLINFO_SIZE_DOWNLOAD_T) ?? 0)
        var record = RequestRecord(
            url: request.url.absoluteString,
            method: request.method,
            initiator: request.initiator,
            discovery: request.discovery,
            resourceType: request.type,
            depth: request.depth,
            status: status,
            httpVersion: httpVersion,
            remoteAddress: remoteAddress,
            transferBytes: headerBytes + bodyBytes,
            headerBytes: headerBytes,
            bodyBytes: bodyBytes,
            decodedBytes: decodedBytes,
            contentType: response.contentType,
            contentEncoding: response.contentEncoding,
            cache: response.cache,
            cookieBytesSent: cookieBytesSent,
            cookieBytesSet: response.cookieBytesSet,
            redirectURL: redirectTarget?.absoluteString,
            timings: timings
        )
        if result != CURLE_OK { record.error = error(for: result) }
        return record
    }

    /// The `Location` of a redirect response, resolved against this request's URL.
    var redirectTarget: URL? {
        guard let status = easy.int(CURLINFO_RESPONSE_CODE), [301, 302, 303, 307, 308].contains(status),
              let location = response.location, !location.isEmpty
        else { return nil }
        return URL(string: location, relativeTo: request.url)?.absoluteURL
    }

    private var httpVersion: String? {
        switch easy.int(CURLINFO_HTTP_VERSION) {
        case CURL_HTTP_VERSION_1_0: return "HTTP/1.0"
        case CURL_HTTP_VERSION_1_1: return "HTTP/1.1"
        case CURL_HTTP_VERSION_2_0: return "HTTP/2"
        case CURL_HTTP_VERSION_3: return "HTTP/3"
        default: return nil
        }
    }

    private var remoteAddress: String? {
        guard let ip = easy.string(CURLINFO_PRIMARY_IP), !ip.isEmpty else { return nil }
        let port = easy.int(CURLINFO_PRIMARY_PORT) ?? 0
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    /// libcurl's times are cumulative microseconds from the transfer's start; the profile keeps phases.
    private var timings: Timings {
        func ms(_ info: CURLINFO) -> Double? { easy.offset(info).map { Double($0) / 1000 } }
        let dns = ms(CURLINFO_NAMELOOKUP_TIME_T)
        let connect = ms(CURLINFO_CONNECT_TIME_T)
        let tls = ms(CURLINFO_APPCONNECT_TIME_T)
        return Timings(
            startMs: startedAt,
            dnsMs: dns,
            connectMs: connect.map { max(0, $0 - (dns ?? 0)) },
            tlsMs: tls.flatMap { $0 > 0 ? max(0, $0 - (connect ?? 0)) : nil },
            firstByteMs: ms(CURLINFO_STARTTRANSFER_TIME_T),
            totalMs: ms(CURLINFO_TOTAL_TIME_T)
        )
    }

    private func error(for code: CURLcode) -> RequestError {
        if exceededDecodedLimit {
            return RequestError(code: "too-large",
                                message: "decoded body exceeded the limit of \(decodedLimitDescription) (--max-body-mb); transfer abandoned")
        }
        if isHeadTooLarge(code) {
            // libcurl 7.88 says "Out of memory" for a header line over 100 kB and fails a head over 300 kB as a
            // receive error: neither is what happened.
            let detail = code == CURLE_RECV_ERROR ? errorDetail.map { ": \($0)" } ?? "" : ""
            return RequestError(code: "headers-too-large",
                                message: "response headers larger than libcurl accepts (100 kB per line, 300 kB in all)\(detail)")
        }
        let kind: String
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: kind = "dns"
        case CURLE_COULDNT_CONNECT: kind = "connect"
        case CURLE_OPERATION_TIMEDOUT: kind = "timeout"
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND:
            kind = "tls"
        case CURLE_UNSUPPORTED_PROTOCOL: kind = "protocol-not-allowed"
        case CURLE_URL_MALFORMAT: kind = "bad-url"
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR: kind = "reset"
        case CURLE_PARTIAL_FILE: kind = "truncated"
        case CURLE_GOT_NOTHING: kind = "empty-reply"
        case CURLE_HTTP2, CURLE_HTTP2_STREAM: kind = "http2"
        case CURLE_BAD_CONTENT_ENCODING: kind = "bad-encoding"
        case CURLE_WEIRD_SERVER_REPLY: kind = "bad-reply"
        default: kind = "transfer"
        }
        let advice = kind == "tls" && code == CURLE_PEER_FAILED_VERIFICATION
            ? " (use --insecure only for a server you trust)" : ""
        return RequestError(code: kind, message: (errorDetail ?? Curl.describe(code)) + advice)
    }

    /// The head never ended and libcurl gave up on its size.
    private func isHeadTooLarge(_ code: CURLcode) -> Bool {
        switch code {
        case CURLE_OUT_OF_MEMORY: return response.statusLine != nil && !response.isComplete
        case CURLE_RECV_ERROR: return errorDetail?.hasPrefix("Too large response headers") == true
        default: return false
        }
    }

    private var decodedLimitDescription: String {
        decodedLimit % 1_000_000 == 0 ? "\(decodedLimit / 1_000_000) MB" : "\(decodedLimit) bytes"
    }
}
