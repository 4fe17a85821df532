#!/usr/bin/env python3
"""Generates the benchmark site for scripts/bench: deterministic for a given --seed.

Layout under OUT:
  pages/page-NNNN.html   N HTML pages, 300-1200 elements each (nested sections, tables, lists, figures)
  css/*.css              a shared pool of 12 stylesheets; some use url() backgrounds, some @font-face woff2
  js/*.js                25 scripts, 10-60 kB of plausible JavaScript text
  img/*.png, img/*.svg   40 images (34 PNG of incompressible noise, 6 SVG), 5-80 kB
  fonts/*.woff2          6 font files (binary)
  favicon.ico            the pages declare no icon, so a browser asks for /favicon.ico
  manifest.json          what was generated: page paths, per-page references, sizes

Each page references a deterministic subset of the pools (3 stylesheets, 6 scripts, 12 images), so pages
differ; images referenced by both a page and its stylesheets exercise "one request per URL per page".
Standard library only.
"""
import argparse
import json
import os
import random
import struct
import zlib

N_CSS, N_JS, N_PNG, N_SVG, N_FONTS = 12, 25, 34, 6, 6
CSS_PER_PAGE, JS_PER_PAGE, IMG_PER_PAGE = 3, 6, 12

WORDS = ("energy sobriety page request bytes render layout carbon water server network device cache "
         "compression image script style font table list section article report measure budget grade "
         "profile journey user account invoice order product basket search result filter detail summary "
         "health record appointment document message setting privacy access help contact service").split()


def words(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def ident(rng):
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    return a + b.capitalize()


# ---------------------------------------------------------------- binary assets

def png(rng, target_bytes):
    """A valid RGB PNG of noise (incompressible), close to target_bytes."""
    width = 128
    row = 1 + width * 3
    height = max(4, target_bytes // row)
    raw = bytearray()
    for _ in range(height):
        raw.append(0)
        raw += rng.randbytes(width * 3)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 1)) + chunk(b"IEND", b"")


def svg(rng, target_bytes):
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300">',
             "<title>%s</title>" % words(rng, 2, 5)]
    size = sum(len(p) for p in parts)
    while size < target_bytes:
        kind = rng.random()
        if kind < 0.5:
            p = '<path d="M%d %d C%d %d %d %d %d %d S%d %d %d %d Z" fill="#%06x" opacity="0.%d"/>' % tuple(
                [rng.randint(0, 400) for _ in range(12)] + [rng.randint(0, 0xFFFFFF), rng.randint(1, 9)])
        elif kind < 0.8:
            p = '<circle cx="%d" cy="%d" r="%d" stroke="#%06x" fill="none" stroke-width="%d"/>' % (
                rng.randint(0, 400), rng.randint(0, 300), rng.randint(2, 80), rng.randint(0, 0xFFFFFF), rng.randint(1, 4))
        else:
            p = '<text x="%d" y="%d" font-size="%d">%s</text>' % (
                rng.randint(0, 380), rng.randint(10, 300), rng.randint(8, 24), words(rng, 1, 4))
        parts.append(p)
        size += len(p)
    parts.append("</svg>\n")
    return "\n".join(parts).encode()


def woff2(rng, target_bytes):
    header = b"wOF2" + struct.pack(">IIHH", 0x00010000, target_bytes, 12, 0)
    return header + rng.randbytes(target_bytes - len(header))


def ico(rng):
    # one 16x16 32-bit BMP image: ICONDIR + ICONDIRENTRY + BITMAPINFOHEADER + pixels + AND mask
    pixels = rng.randbytes(16 * 16 * 4)
    mask = bytes(16 * 4)
    bmp = struct.pack("<IiiHHIIiiII", 40, 16, 32, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0) + pixels + mask
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(bmp), 22) + bmp


# ---------------------------------------------------------------- text assets

def javascript(rng, target_bytes, name):
    out = ["/*! %s.js - generated for the Ecoscore benchmark. MIT licence. */" % name,
           "(function (global) {", "  'use strict';"]
    size = sum(len(s) for s in out)
    while size < target_bytes:
        fn, a, b = ident(rng), ident(rng), ident(rng)
        key = rng.choice(WORDS)
        body = [
            "  /**", "   * %s." % words(rng, 6, 14).capitalize(), "   * @param {Object} %s" % a,
            "   * @returns {Array}", "   */",
            "  function %s(%s, %s) {" % (fn, a, b),
            "    var result = [];",
            "    if (!%s || typeof %s !== 'object') { return result; }" % (a, a),
            "    for (var i = 0; i < %s.length; i++) {" % a,
            "      var item = %s[i];" % a,
            "      if (item && item.%s !== undefined && item.%s > %d) {" % (key, key, rng.randint(0, 500)),
            "        result.push({ id: item.id, %s: item.%s * %d, label: '%s' });" % (key, key, rng.randint(2, 9), words(rng, 1, 3)),
            "      } else if (%s && %s.%s) {" % (b, b, rng.choice(WORDS)),
            "        result.push(%s.%s(item));" % (b, rng.choice(WORDS)),
            "      }",
            "    }",
            "    return result.sort(function (x, y) { return x.%s - y.%s; });" % (key, key),
            "  }",
            "  global.%s = global.%s || {};" % (name.replace("-", "_"), name.replace("-", "_")),
            "  global.%s.%s = %s;" % (name.replace("-", "_"), fn, fn),
        ]
        if rng.random() < 0.3:
            body += ["  document.addEventListener('%s', function (event) {" % rng.choice(["click", "input", "scroll", "keydown"]),
                     "    var target = event.target.closest('[data-%s]');" % rng.choice(WORDS),
                     "    if (target) { target.classList.toggle('is-%s'); }" % rng.choice(WORDS),
                     "  });"]
        out += body
        size += sum(len(s) + 1 for s in body)
    out.append("})(typeof window !== 'undefined' ? window : this);\n")
    return "\n".join(out).encode()


def stylesheet(rng, index, target_bytes, images, fonts):
    out = ["/* theme-%02d.css - generated for the Ecoscore benchmark */" % (index + 1)]
    # a third of the sheets declare fonts, half use background images
    if index % 3 == 0:
        for f in rng.sample(fonts, 2):
            fam = os.path.splitext(f)[0]
            out.append('@font-face { font-family: "%s"; font-display: swap; '
                       'src: url("../fonts/%s") format("woff2"); }' % (fam, f))
            out.append('.%s { font-family: "%s", system-ui, sans-serif; }' % (fam, fam))
    if index % 2 == 0:
        for img in rng.sample(images, 3):
            out.append(".bg-%s { background: #fafafa url(../img/%s) no-repeat center / cover; min-height: 12rem; }"
                       % (os.path.splitext(img)[0], img))
    size = sum(len(s) for s in out)
    props = ["margin", "padding", "color", "background-color", "border", "font-size", "line-height", "display",
             "grid-template-columns", "gap", "flex-wrap", "border-radius", "box-shadow", "transition", "max-width"]
    values = ["0", "1rem", "0.5rem 1rem", "#1d3b53", "#f4f6f8", "1px solid #d0d7de", "1.125rem", "1.5", "flex",
              "grid", "repeat(auto-fill, minmax(14rem, 1fr))", "wrap", "4px", "0 1px 3px rgba(0,0,0,.12)",
              "color .2s ease-in-out", "72rem", "inherit", "none", "block", "2px 4px"]
    while size < target_bytes:
        sel = rng.choice([".%s", ".%s > .%s", ".%s .%s:hover", "#%s .%s", ".%s-%s", "%s.%s"])
        sel = sel % tuple(rng.choice(WORDS) for _ in range(sel.count("%s")))
        decl = "; ".join("%s: %s" % (rng.choice(props), rng.choice(values)) for _ in range(rng.randint(2, 7)))
        rule = "%s { %s; }" % (sel, decl)
        if rng.random() < 0.05:
            rule = "@media (max-width: %dpx) { %s }" % (rng.choice([480, 768, 1024]), rule)
        out.append(rule)
        size += len(rule) + 1
    return ("\n".join(out) + "\n").encode()


# ---------------------------------------------------------------- pages

class Page:
    """Builds an HTML body while counting elements (the implied html/head/body are written explicitly)."""

    def __init__(self, rng):
        self.rng = rng
        self.parts = []
        self.elements = 0

    def el(self, text):
        self.elements += 1
        self.parts.append(text)

    def raw(self, text):
        self.parts.append(text)

    def paragraph(self):
        r = self.rng
        self.el("<p>")
        self.raw(words(r, 12, 40).capitalize())
        for _ in range(r.randint(0, 3)):
            tag = r.choice(["a", "em", "strong", "code", "span"])
            self.el('<%s%s>' % (tag, ' href="#%s"' % r.choice(WORDS) if tag == "a" else ""))
            self.raw(words(r, 1, 4) + "</%s> " % tag + words(r, 3, 12))
        self.raw(".</p>\n")

    def table(self):
        r = self.rng
        cols, rows = r.randint(3, 6), r.randint(4, 14)
        self.el('<table class="data">')
        self.el("<caption>")
        self.raw(words(r, 3, 7) + "</caption>")
        self.el("<thead>")
        self.el("<tr>")
        for _ in range(cols):
            self.el("<th>")
            self.raw(r.choice(WORDS) + "</th>")
        self.raw("</tr></thead>")
        self.el("<tbody>")
        for _ in range(rows):
            self.el("<tr>")
            for c in range(cols):
                self.el("<td>")
                self.raw((words(r, 1, 3) if c == 0 else "%d" % r.randint(0, 99999)) + "</td>")
            self.raw("</tr>\n")
        self.raw("</tbody></table>\n")

    def listing(self, depth=0):
        r = self.rng
        tag = r.choice(["ul", "ol"])
        self.el("<%s>" % tag)
        for _ in range(r.randint(3, 8)):
            self.el("<li>")
            self.raw(words(r, 2, 10))
            if depth < 2 and r.random() < 0.25:
                self.listing(depth + 1)
            self.raw("</li>")
        self.raw("</%s>\n" % tag)

    def figure(self, img):
        r = self.rng
        self.el("<figure>")
        self.el('<img src="../img/%s" alt="%s" width="400" height="300">' % (img, words(r, 2, 5)))
        self.el("<figcaption>")
        self.raw(words(r, 4, 10) + "</figcaption></figure>\n")

    def section(self, level, images, budget):
        r = self.rng
        self.el('<section class="%s">' % r.choice(WORDS))
        self.el("<h%d>" % level)
        self.raw(words(r, 2, 6).capitalize() + "</h%d>\n" % level)
        while self.elements < budget:
            kind = r.random()
            if kind < 0.35:
                self.paragraph()
            elif kind < 0.5:
                self.table()
            elif kind < 0.65:
                self.listing()
            elif kind < 0.75 and images:
                self.figure(images.pop())
            elif kind < 0.85 and level < 5:
                self.section(level + 1, images, min(budget, self.elements + r.randint(40, 160)))
            else:
                self.el('<div class="card bg-%s">' % r.choice(WORDS))
                self.paragraph()
                self.raw("</div>\n")
            if r.random() < 0.12:
                break
        self.raw("</section>\n")


def page_html(rng, number, n_pages, css, js, imgs, data_uri):
    target = rng.randint(310, 1110)
    p = Page(rng)
    p.el('<html lang="en">')
    p.el("<head>")
    p.el('<meta charset="utf-8">')
    p.el('<meta name="viewport" content="width=device-width, initial-scale=1">')
    p.el("<title>")
    p.raw("Page %d - %s</title>\n" % (number, words(rng, 2, 4)))
    for c in css:
        p.el('<link rel="stylesheet" href="../css/%s">\n' % c)
    for j in js[:2]:
        p.el('<script src="../js/%s" defer></script>\n' % j)
    p.raw("</head>\n")
    p.el("<body>")
    p.el('<header class="site">')
    p.el("<nav>")
    p.el("<ul>")
    for k in range(8):
        p.el("<li>")
        p.el('<a href="page-%04d.html">' % ((number + k * 7) % n_pages + 1))
        p.raw(words(rng, 1, 2) + "</a></li>")
    p.raw("</ul></nav></header>\n")
    p.el("<main>")
    p.el("<article>")
    images = list(reversed(imgs))
    # leave room for the footer and the images that must still be placed
    while p.elements < target - 12 - 3 * len(images):
        p.section(2, images, min(target - 12 - 3 * len(images), p.elements + rng.randint(80, 300)))
    for img in images:
        p.figure(img)
    if data_uri:
        p.el('<img alt="" width="1" height="1" src="data:image/gif;base64,'
             'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">')
    p.raw("</article></main>\n")
    p.el("<footer>")
    p.el("<p>")
    p.raw("Generated page %d of %d.</p></footer>\n" % (number, n_pages))
    for j in js[2:]:
        p.el('<script src="../js/%s"></script>\n' % j)
    p.raw("</body></html>\n")
    return "<!DOCTYPE html>\n" + "".join(p.parts), p.elements


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    out = a.out
    for d in ("pages", "css", "js", "img", "fonts"):
        os.makedirs(os.path.join(out, d), exist_ok=True)

    def write(rel, data):
        with open(os.path.join(out, rel), "wb") as f:
            f.write(data)
        return len(data)

    sizes = {}
    fonts = ["font-%02d.woff2" % i for i in range(1, N_FONTS + 1)]
    for f in fonts:
        sizes["fonts/" + f] = write("fonts/" + f, woff2(rng, rng.randint(15_000, 45_000)))
    pngs = ["photo-%02d.png" % i for i in range(1, N_PNG + 1)]
    svgs = ["figure-%02d.svg" % i for i in range(1, N_SVG + 1)]
    for i in pngs:
        sizes["img/" + i] = write("img/" + i, png(rng, rng.randint(5_000, 80_000)))
    for i in svgs:
        sizes["img/" + i] = write("img/" + i, svg(rng, rng.randint(5_000, 40_000)))
    images = pngs + svgs
    css = ["theme-%02d.css" % i for i in range(1, N_CSS + 1)]
    for k, c in enumerate(css):
        sizes["css/" + c] = write("css/" + c, stylesheet(rng, k, rng.randint(4_000, 40_000), images, fonts))
    js = ["module-%02d.js" % i for i in range(1, N_JS + 1)]
    for j in js:
        sizes["js/" + j] = write("js/" + j, javascript(rng, rng.randint(10_000, 60_000), os.path.splitext(j)[0]))
    sizes["favicon.ico"] = write("favicon.ico", ico(rng))

    pages = []
    for n in range(1, a.pages + 1):
        prng = random.Random(a.seed * 1_000_003 + n)
        pc, pj, pi = prng.sample(css, CSS_PER_PAGE), prng.sample(js, JS_PER_PAGE), prng.sample(images, IMG_PER_PAGE)
        html, elements = page_html(prng, n, a.pages, pc, pj, pi, data_uri=(n % 5 == 0))
        rel = "pages/page-%04d.html" % n
        sizes[rel] = write(rel, html.encode())
        pages.append({"path": "/" + rel, "elements": elements, "css": pc, "js": pj, "images": pi})

    manifest = {
        "seed": a.seed,
        "pages": pages,
        "files": len(sizes),
        "bytes": sum(sizes.values()),
        "pool": {"css": N_CSS, "js": N_JS, "images": len(images), "fonts": N_FONTS},
        "htmlBytes": sum(v for k, v in sizes.items() if k.startswith("pages/")),
        "elements": {"min": min(p["elements"] for p in pages), "max": max(p["elements"] for p in pages)},
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
