#!/usr/bin/env python3
"""Helpers for scripts/bench (standard library only).

  benchtool.py urls PROFILE.json                 every request URL ecoscore made (.pages[].runs[0].requests[].url)
  benchtool.py curl-config PROFILE.json OUT      a curl --config file fetching those URLs to /dev/null
  benchtool.py profile-stats PROFILE.json        "pages requests transferBytes failedPages failedRequests"
  benchtool.py page-times PROFILE.json           "median p90 max slow" page load durations (ms; slow: > 500 ms)
  benchtool.py log-stats ACCESS.log              "lines bytesSent statuses" of an nginx access log (bench format)
  benchtool.py wait-log ACCESS.log               waits until the log stops growing (nginx logs after the last byte)
  benchtool.py report RESULTS.tsv META.json      the markdown tables (medians of the repeated runs)
"""
import json
import os
import statistics
import sys
import time


def load(path):
    with open(path) as f:
        return json.load(f)


def requests_of(profile):
    for page in profile["pages"]:
        for run in page["runs"][:1]:
            for r in run["requests"]:
                yield r


def cmd_urls(path):
    for r in requests_of(load(path)):
        print(r["url"])


def cmd_curl_config(path, out):
    with open(out, "w") as f:
        for r in requests_of(load(path)):
            url = r["url"].replace("\\", "\\\\").replace('"', '\\"')
            f.write('url = "%s"\noutput = "/dev/null"\n' % url)


def cmd_profile_stats(path):
    p = load(path)
    pages = p["pages"]
    reqs = sum(len(pg["runs"][0]["requests"]) for pg in pages)
    tb = sum(pg["runs"][0]["totals"]["transferBytes"] for pg in pages)
    failed_pages = sum(1 for pg in pages if pg["runs"][0].get("error"))
    failed_reqs = sum(1 for pg in pages for r in pg["runs"][0]["requests"] if r.get("error") or (r.get("status") or 0) >= 400)
    print(len(pages), reqs, tb, failed_pages, failed_reqs)


def cmd_page_times(path):
    """"median p90 max slow" of the page load durations (ms) of a profile; slow = over 500 ms."""
    d = sorted(pg["runs"][0]["durationMs"] for pg in load(path)["pages"])
    print("%.1f %.1f %.1f %d" % (statistics.median(d), d[int(len(d) * 0.9)], d[-1], sum(x > 500 for x in d)))


def parse_log(path):
    """Lines of the bench/agreement log format: METHOD URI STATUS BYTES_SENT BODY_BYTES_SENT TE CE CONN CONN_REQS."""
    rows = []
    with open(path, errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 5:
                continue
            rows.append({"method": parts[0], "uri": parts[1], "status": int(parts[2]),
                         "bytesSent": int(parts[3]), "bodyBytesSent": int(parts[4]),
                         "transferEncoding": parts[5] if len(parts) > 5 else "-",
                         "contentEncoding": parts[6] if len(parts) > 6 else "-",
                         "connection": parts[7] if len(parts) > 7 else "-"})
    return rows


def cmd_log_stats(path):
    rows = parse_log(path)
    statuses = {}
    for r in rows:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    conns = len({r["connection"] for r in rows})
    chunked = sum(1 for r in rows if r["transferEncoding"] == "chunked")
    print(len(rows), sum(r["bytesSent"] for r in rows), conns, chunked,
          ",".join("%d:%d" % kv for kv in sorted(statuses.items())) or "-")


def cmd_wait_log(path, quiet_ms=300, limit_s=10):
    deadline = time.time() + limit_s
    last = -1
    while time.time() < deadline:
        size = os.path.getsize(path) if os.path.exists(path) else 0
        if size == last:
            return
        last = size
        time.sleep(quiet_ms / 1000)


# ---------------------------------------------------------------- report

def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_bytes(n):
    return "{:,}".format(int(n)).replace(",", " ")


def cmd_report(results, meta_path):
    meta = load(meta_path)
    runs = {}
    mem = []
    times = []
    with open(results) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "run":
                _, tool, rep, pages, reqs, tb, log_reqs, log_bytes, conns, chunked, wall, user, sys_, rss, rc = p
                runs.setdefault(tool, []).append(dict(
                    pages=int(pages), reqs=int(reqs), tb=int(tb), log_reqs=int(log_reqs), log_bytes=int(log_bytes),
                    conns=int(conns), chunked=int(chunked), wall=float(wall), cpu=float(user) + float(sys_), user=float(user),
                    sys=float(sys_), rss=int(rss), rc=int(rc)))
            elif p[0] == "pagetimes":
                _, median_ms, p90, mx, slow = p
                times.append(dict(median=float(median_ms), p90=float(p90), max=float(mx), slow=int(slow)))
            elif p[0] == "mem":
                _, pages, reqs, wall, user, sys_, rss, rc = p
                mem.append(dict(pages=int(pages), reqs=int(reqs), wall=float(wall), cpu=float(user) + float(sys_),
                                rss=int(rss), rc=int(rc)))

    out = []
    w = out.append
    w("## Ecoscore benchmark: %d generated pages on nginx (127.0.0.1)" % meta["pages"])
    w("")
    w("- site: %d pages (%d-%d DOM elements), pools of %d CSS / %d JS / %d images / %d fonts; %s bytes on disk "
      "(seed %s)" % (meta["pages"], meta["elementsMin"], meta["elementsMax"], meta["pool"]["css"], meta["pool"]["js"],
                     meta["pool"]["images"], meta["pool"]["fonts"], fmt_bytes(meta["siteBytes"]), meta["seed"]))
    w("- nginx %s, gzip on (text/html, text/css, application/javascript, image/svg+xml; min length 256), "
      "sendfile, keep-alive" % meta["nginx"])
    w("- machine: %s, %s CPUs; %s; load average before the runs: %s" % (
        meta["cpu"], meta["ncpu"], meta["kernel"], meta.get("loadBefore", "unknown")))
    try:
        if float(meta.get("loadBefore", "0").split()[0]) > 0.7 * int(meta["ncpu"]):
            w("- **the machine was busy when the runs started: wall times are noisy, CPU times less so**")
    except ValueError:
        pass
    w("- ecoscore %s (%s), defaults (`--concurrency 4`, 6 connections per host, cold cache per page)" %
      (meta["ecoscoreVersion"], meta["engine"]))
    w("- curl: `%s`; wget: `%s`" % (meta["curlCmd"], meta["wgetCmd"]))
    w("- median of %d runs per tool, runs interleaved; wall, CPU (user+sys) and max RSS from `/usr/bin/time`; "
      "server figures from nginx's access log of each run" % meta["repeat"])
    w("")
    w("| tool | pages | requests made | server log: requests | server log: bytes sent | connections | wall s | CPU s (user+sys) | CPU µs / request | max RSS MB |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    med = {}
    for tool in ("ecoscore", "curl", "wget"):
        rs = runs.get(tool, [])
        if not rs:
            continue
        m = {k: median([r[k] for r in rs]) for k in ("pages", "reqs", "tb", "log_reqs", "log_bytes", "conns", "chunked", "wall", "cpu", "rss")}
        med[tool] = m
        per_req = m["cpu"] / m["reqs"] * 1e6 if m["reqs"] else float("nan")
        note = ""
        bad = [r["rc"] for r in rs if r["rc"] != 0]
        if bad:
            note = " (exit %s)" % ",".join(str(b) for b in sorted(set(bad)))
        w("| %s%s | %d | %d | %d | %s | %d | %.2f | %.2f | %.0f | %.1f |" % (
            tool, note, m["pages"], m["reqs"], m["log_reqs"], fmt_bytes(m["log_bytes"]), m["conns"], m["wall"],
            m["cpu"], per_req, m["rss"] / 1024))
    w("")
    wget_note = True
    if "ecoscore" in med:
        e = med["ecoscore"]
        w("| ratio | wall | CPU | CPU per request |")
        w("|---|---:|---:|---:|")
        for other in ("curl", "wget"):
            if other in med:
                o = med[other]
                def ratio(a, b):
                    return "%.2f×" % (a / b) if b else "n/a"
                w("| ecoscore / %s | %s | %s | %s |" % (other, ratio(e["wall"], o["wall"]), ratio(e["cpu"], o["cpu"]),
                                                       ratio(e["cpu"] / e["reqs"], o["cpu"] / o["reqs"])))
        w("")
        diff = e["log_bytes"] - e["tb"]
        w("Ecoscore's own figures against the server's log (median run): %d requests in its profile, %d lines in "
          "the log; %s transfer bytes in the profile, %s `$bytes_sent` in the log: %+d bytes over %d chunked "
          "(gzipped on the fly) responses, %.1f bytes each. nginx counts the chunk framing (size line and CRLFs, "
          "about 10 bytes per chunk plus 5 for the last) in `$bytes_sent`; libcurl's body count does not "
          "(`scripts/nginx-agreement` measures it exactly)." % (
              e["reqs"], e["log_reqs"], fmt_bytes(e["tb"]), fmt_bytes(e["log_bytes"]), diff, e["chunked"],
              diff / e["chunked"] if e["chunked"] else float("nan")))
        if times:
            n_loads = len(times) * e["pages"]
            slow = sum(t["slow"] for t in times)
            w("")
            w("Ecoscore page load times over the %d timed runs: median %.0f ms, p90 %.0f ms, max %.0f ms; %d of %d "
              "page loads took over 500 ms%s." % (
                  len(times), median([t["median"] for t in times]), median([t["p90"] for t in times]),
                  max(t["max"] for t in times), slow, n_loads,
                  " (each such stall adds to the wall time above)" if slow else ""))
        if wget_note and "wget" in med:
            w("")
            w("wget -p keeps what it fetched for the whole run, so it requests each URL once across all pages "
              "(%d requests for %d pages) and uses one connection, where ecoscore and the curl list repeat "
              "every page's subresources with a cold cache per page; compare CPU per request." % (
                  med["wget"]["reqs"], med["wget"]["pages"]))
        w("")
    if mem:
        w("### Peak memory as the page count grows (ecoscore profile, one run each)")
        w("")
        w("| pages | requests | wall s | CPU s | max RSS MB |")
        w("|---:|---:|---:|---:|---:|")
        for m in mem:
            w("| %d | %d | %.2f | %.2f | %.1f%s |" % (m["pages"], m["reqs"], m["wall"], m["cpu"], m["rss"] / 1024,
                                                    "" if m["rc"] == 0 else " (exit %d)" % m["rc"]))
        w("")
        lo, hi = mem[0], mem[-1]
        if hi["pages"] > lo["pages"]:
            w("From %d to %d pages (×%.1f) peak RSS went from %.1f to %.1f MB (×%.2f): %+.1f kB per additional "
              "request." % (
                lo["pages"], hi["pages"], hi["pages"] / lo["pages"], lo["rss"] / 1024, hi["rss"] / 1024,
                hi["rss"] / lo["rss"], (hi["rss"] - lo["rss"]) / max(1, hi["reqs"] - lo["reqs"])))
            w("")
    print("\n".join(out))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"urls": cmd_urls, "curl-config": cmd_curl_config, "profile-stats": cmd_profile_stats,
     "log-stats": cmd_log_stats, "page-times": cmd_page_times, "wait-log": cmd_wait_log, "report": cmd_report}[cmd](*args)


if __name__ == "__main__":
    main()
