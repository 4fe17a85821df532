#!/usr/bin/env python3
"""Helpers for scripts/nginx-agreement (standard library only).

  agreement.py compare MODE PAGE PROFILE.json ACCESS.log >> rows.jsonl
      Pairs the requests of one ecoscore page load with the access-log lines it produced (by request target,
      in order), and requires every byte to agree. For a chunked response nginx's $bytes_sent counts the chunk
      framing (hex size line + CRLF per chunk, CRLF after each chunk's data, the final "0" CRLF CRLF), and so does
      Ecoscore (it counts the body as it came off the connection); the framing is also measured independently by
      fetching the same URL again over a raw socket, and Ecoscore's body bytes must equal payload + framing.
  agreement.py report rows.jsonl
      Prints the per-page table and the details; exits 1 when a count or a byte differs.
"""
import json
import socket
import sys
from urllib.parse import urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from benchtool import parse_log  # noqa: E402


def target_of(url):
    s = urlsplit(url)
    return (s.path or "/") + ("?" + s.query if s.query else "")


def read_chunked(data):
    """(framing bytes, payload bytes) of a complete chunked body."""
    pos = payload = 0
    while True:
        eol = data.index(b"\r\n", pos)
        size = int(data[pos:eol].split(b";")[0].strip(), 16)
        pos = eol + 2
        if size == 0:
            # trailers, then the final CRLF
            while True:
                eol = data.index(b"\r\n", pos)
                line = data[pos:eol]
                pos = eol + 2
                if not line:
                    break
            return pos - payload, payload
        payload += size
        pos += size + 2  # data + CRLF


def probe_framing(url, accept_encoding):
    """Fetches url again on a new connection and returns (framing bytes, encoded payload bytes) or None."""
    s = urlsplit(url)
    host, port = s.hostname, s.port or 80
    req = ("GET %s HTTP/1.1\r\nHost: %s\r\nAccept: */*\r\nAccept-Encoding: %s\r\nConnection: close\r\n\r\n"
           % (target_of(url), s.netloc, accept_encoding)).encode()
    try:
        with socket.create_connection((host, port), timeout=10) as sock:
            sock.sendall(req)
            chunks = []
            while True:
                b = sock.recv(65536)
                if not b:
                    break
                chunks.append(b)
    except OSError:
        return None
    raw = b"".join(chunks)
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep or b"transfer-encoding: chunked" not in head.lower():
        return None
    try:
        return read_chunked(body)
    except (ValueError, IndexError):
        return None


def compare(mode, page, profile_path, log_path):
    with open(profile_path) as f:
        profile = json.load(f)
    accept_encoding = profile["settings"]["acceptEncoding"]
    run = profile["pages"][0]["runs"][0]
    eco = run["requests"]
    log = parse_log(log_path)

    by_target = {}
    for r in log:
        by_target.setdefault(r["uri"], []).append(r)
    pairs, only_eco = [], []
    for r in eco:
        lst = by_target.get(target_of(r["url"]))
        if lst:
            pairs.append((r, lst.pop(0)))
        else:
            only_eco.append(r)
    only_log = [r for lst in by_target.values() for r in lst]

    details, framing_total, chunked, unexplained_reqs = [], 0, 0, []
    for e, l in pairs:
        header_diff = (l["bytesSent"] - l["bodyBytesSent"]) - (e.get("headerBytes") or 0)
        body_diff = l["bodyBytesSent"] - (e.get("bodyBytes") or 0)
        framing = 0
        probe = None
        if l["transferEncoding"] == "chunked":
            chunked += 1
            probe = probe_framing(e["url"], accept_encoding)
            framing = probe[0] if probe else None
        explained = 0  # Ecoscore's transfer bytes include the framing: nothing is left to explain
        d = {"url": e["url"], "status": e.get("status"), "logStatus": l["status"],
             "ecoTransfer": e["transferBytes"], "ecoHeader": e.get("headerBytes"), "ecoBody": e.get("bodyBytes"),
             "logBytesSent": l["bytesSent"], "logBodyBytesSent": l["bodyBytesSent"],
             "headerDiff": header_diff, "bodyDiff": body_diff, "chunked": l["transferEncoding"] == "chunked",
             "contentEncoding": l["contentEncoding"], "framing": framing,
             "probePayload": probe[1] if probe else None,
             "unexplained": (l["bytesSent"] - e["transferBytes"]) - explained}
        if framing is None or d["unexplained"] != 0 or e["status"] != l["status"] or \
                (probe and probe[0] + probe[1] != e.get("bodyBytes")):
            unexplained_reqs.append(d)
        framing_total += framing or 0
        details.append(d)

    eco_bytes = sum(r["transferBytes"] for r in eco)
    log_bytes = sum(r["bytesSent"] for r in log)
    row = {
        "mode": mode, "page": page, "url": profile["pages"][0]["url"],
        "ecoRequests": len(eco), "ecoTotalsRequests": run["totals"]["requests"], "logRequests": len(log),
        "ecoBytes": eco_bytes, "ecoTotalsBytes": run["totals"]["transferBytes"], "logBytes": log_bytes,
        "diff": log_bytes - eco_bytes, "chunked": chunked, "framing": framing_total,
        "unexplained": log_bytes - eco_bytes,
        "onlyEcoscore": [r["url"] for r in only_eco],
        "onlyLog": ["%s %s -> %d" % (r["method"], r["uri"], r["status"]) for r in only_log],
        "unexplainedRequests": unexplained_reqs,
        "pageError": run.get("error"),
        "statuses": sorted({str(r["status"]) for r in log}),
    }
    print(json.dumps(row))


def report(rows_path):
    rows = [json.loads(l) for l in open(rows_path) if l.strip()]
    out = []
    w = out.append
    w("| mode | page | ecoscore requests | log requests | ecoscore transfer bytes | log $bytes_sent | difference "
      "| chunked responses | chunk framing (measured) | unexplained | verdict |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    failed = 0
    for r in rows:
        ok = (r["ecoRequests"] == r["logRequests"] and not r["onlyEcoscore"] and not r["onlyLog"]
              and r["unexplained"] == 0 and not r["unexplainedRequests"] and not r["pageError"]
              and r["ecoTotalsRequests"] == r["ecoRequests"] and r["ecoTotalsBytes"] == r["ecoBytes"])
        failed += not ok
        w("| %s | %s | %d | %d | %d | %d | %+d | %d | %d | %+d | %s |" % (
            r["mode"], r["page"], r["ecoRequests"], r["logRequests"], r["ecoBytes"], r["logBytes"], r["diff"],
            r["chunked"], r["framing"], r["unexplained"], "agree" if ok else "DISAGREE"))
    w("")
    for mode in sorted({r["mode"] for r in rows}):
        rs = [r for r in rows if r["mode"] == mode]
        w("%s: %d pages, %d requests on both sides; ecoscore %d bytes, nginx %d bytes; difference %+d, of which "
          "the chunk framing of %d chunked responses is %d bytes; unexplained %+d." % (
              mode, len(rs), sum(r["logRequests"] for r in rs), sum(r["ecoBytes"] for r in rs),
              sum(r["logBytes"] for r in rs), sum(r["diff"] for r in rs), sum(r["chunked"] for r in rs),
              sum(r["framing"] for r in rs), sum(r["unexplained"] for r in rs)))
    for r in rows:
        problems = []
        if r["pageError"]:
            problems.append("  page error: %s" % r["pageError"])
        if r["ecoTotalsRequests"] != r["ecoRequests"] or r["ecoTotalsBytes"] != r["ecoBytes"]:
            problems.append("  the profile's totals (%d requests, %d bytes) differ from the sum of its requests"
                            % (r["ecoTotalsRequests"], r["ecoTotalsBytes"]))
        for u in r["onlyEcoscore"]:
            problems.append("  in ecoscore's profile, not in the log: %s" % u)
        for u in r["onlyLog"]:
            problems.append("  in the log, not in ecoscore's profile: %s" % u)
        for d in r["unexplainedRequests"]:
            problems.append("  %s: ecoscore %s (header %s + body %s), nginx %d (header %d + body %d), status %s/%s, "
                            "chunked=%s framing=%s probe payload=%s" % (
                                d["url"], d["ecoTransfer"], d["ecoHeader"], d["ecoBody"], d["logBytesSent"],
                                d["logBytesSent"] - d["logBodyBytesSent"], d["logBodyBytesSent"], d["status"],
                                d["logStatus"], d["chunked"], d["framing"], d["probePayload"]))
        if problems:
            w("")
            w("%s %s (%s):" % (r["mode"], r["page"], r["url"]))
            out.extend(problems)
    if not rows:
        w("No page was compared.")
        return 1
    if not any(r["onlyEcoscore"] or r["onlyLog"] for r in rows):
        w("")
        w("Request URLs: the same on both sides for every page (none only in ecoscore's profile, none only in the log).")
    print("\n".join(out))
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        compare(*sys.argv[2:6])
    elif sys.argv[1] == "report":
        sys.exit(report(sys.argv[2]))
    else:
        sys.exit(__doc__)
