#!/usr/bin/env python3
"""Generates the binary and bulky fixture files (deterministic: fixed seeds, no timestamps).

Needs Pillow (with AVIF and WebP support) and fontTools with brotli: `pip install pillow fonttools brotli`,
and DejaVu Sans (Debian: fonts-dejavu-core). Run from the package root:
    python3 generate_assets.py Fixtures/sites
then `scripts/precompress`. Hand-written files (HTML of lean and edge, small CSS/JS) are not touched.
"""
import io
import os
import random
import struct
import sys
import zlib

from PIL import Image

SITES = sys.argv[1] if len(sys.argv) > 1 else "Fixtures/sites"


def write(path, data):
    full = os.path.join(SITES, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(full, "wb") as f:
        f.write(data)
    return len(data)


def noisy_image(width, height, seed, spread, tint=(0, 0, 0)):
    rng = random.Random(seed)
    pixels = bytearray()
    for y in range(height):
        for x in range(width):
            n = rng.randrange(spread)
            pixels += bytes(((x * 255 // width + n + tint[0]) % 256,
                             (y * 255 // height + n + tint[1]) % 256,
                             (128 + n + tint[2]) % 256))
    return Image.frombytes("RGB", (width, height), bytes(pixels))


def flat_image(width, height, color, accent=None):
    """A small, clean picture: a background and a centred block (what an icon or thumbnail compresses to)."""
    image = Image.new("RGB", (width, height), color)
    if accent:
        w, h = width // 3, height // 3
        for y in range(h, 2 * h):
            for x in range(w, 2 * w):
                image.putpixel((x, y), accent)
    return image


def encode(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_noise(width, height, seed):
    """A valid PNG of pure noise: does not compress, so it is as big as it looks."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def fake_font(magic, size, seed):
    """Only counted, never rendered: a font signature then deterministic bytes."""
    return magic + random.Random(seed).randbytes(size - len(magic))


# --------------------------------------------------------------------------------------------- bloated JS

JS_WORDS = ["appointment", "patient", "doctor", "clinic", "slot", "calendar", "consent", "tracker", "session",
            "insurance", "prescription", "referral", "reminder", "widget", "banner", "carousel", "analytics",
            "locale", "payload", "queue", "render", "schedule", "department", "ward", "triage", "billing"]


def minified_js(name, target_size, seed):
    """Plausible minified library code: valid JS, defines things, never touches the DOM tree."""
    rng = random.Random(seed)
    out = [f"/*! {name} v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)} | (c) MediCare+ vendors | MIT */\n",
           "!function(g){\"use strict\";var M={};"]
    i = 0
    while sum(len(s) for s in out) < target_size:
        i += 1
        w = rng.choice(JS_WORDS)
        fn = f"_{w[:3]}{i:x}"
        k = rng.randint(3, 97)
        kind = i % 5
        if kind == 0:
            out.append(f"function {fn}(t,e){{var n=t.length,r=[];for(var i=0;i<n;i++)r.push((t[i]*e+i%{k})|0);return r}}")
        elif kind == 1:
            out.append(f"M.{w}{i}=function(t){{return t==null?\"\":String(t).replace(/[<>&\"]/g,function(c){{return\"&#\"+c.charCodeAt(0)+\";\"}})}};")
        elif kind == 2:
            keys = rng.sample(JS_WORDS, 4)
            body = ",".join(f"{key}:\"{key.title()} {rng.randint(100, 999)}\"" for key in keys)
            out.append(f"var {fn}={{{body},ttl:{k * 1000}}};")
        elif kind == 3:
            out.append(f"function {fn}(t){{var e=0;for(var n=0;n<t.length;n++)e=(e<<5)-e+t.charCodeAt(n)|0;return(e>>>0).toString({16 + k % 20})}}")
        else:
            out.append(f"M.{w}Queue{i}=[];M.{w}Push{i}=function(t){{M.{w}Queue{i}.push({{t:Date.now(),v:t,k:{k}}});return M.{w}Queue{i}.length}};")
    out.append(f"g.{name.replace('-', '_').replace('.', '_')}=M}}(typeof window!==\"undefined\"?window:this);\n")
    return "".join(out)


def bloated_css(target_size):
    rng = random.Random(7)
    parts = ["/*! MediCare+ UI kit — every utility class, shipped unused */\n"]
    colors = ["#0b5394", "#e69138", "#6aa84f", "#cc0000", "#674ea7", "#3d85c6", "#f1c232", "#999999"]
    names = ["primary", "warning", "success", "danger", "accent", "info", "highlight", "muted"]
    bps = [(576, "sm"), (768, "md"), (992, "lg"), (1200, "xl"), (1400, "xxl")]
    i = 0
    while sum(len(p) for p in parts) < target_size:
        i += 1
        for name, color in zip(names, colors):
            parts.append(f".btn-{name}-{i}{{color:#fff;background-color:{color};border-color:{color};padding:.375rem .75rem;border-radius:.25rem}}"
                         f".btn-{name}-{i}:hover{{filter:brightness(.9)}}.text-{name}-{i}{{color:{color}!important}}"
                         f".bg-{name}-{i}{{background-color:{color}!important}}\n")
        for bp, label in bps:
            parts.append(f"@media (min-width:{bp}px){{.col-{label}-{i}{{flex:0 0 auto;width:{rng.randint(8, 100)}%}}"
                         f".m-{label}-{i}{{margin:{i % 5 * .25}rem!important}}.p-{label}-{i}{{padding:{i % 5 * .25}rem!important}}}}\n")
    return "".join(parts)


# ------------------------------------------------------------------------------------------- bloated HTML

ICON = ('<svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
        '<path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3v4l3 2" fill="none" stroke="currentColor"/>'
        '<circle cx="8" cy="8" r="1"/></svg>')

FIRST = ["Amara", "Tomasz", "Helen", "Jonas", "Priya", "Mateo", "Chloé", "Kwame", "Ingrid", "Yusuf", "Mei", "Olusegun"]
LAST = ["Okafor", "Nowak", "Price", "Berg", "Raman", "García", "Dubois", "Mensah", "Larsen", "Demir", "Chen", "Adeyemi"]
SPECIALTIES = ["Cardiology", "Dermatology", "General practice", "Paediatrics", "Physiotherapy", "Ophthalmology"]
MENU = {
    "Find care": ["Find a doctor", "Book online", "Walk-in clinics", "Urgent care", "Telehealth", "Second opinion",
                  "Home visits", "Lab tests"],
    "Specialties": SPECIALTIES + ["Orthopaedics", "Neurology"],
    "Patients": ["My records", "Prescriptions", "Invoices", "Insurance", "Consent forms", "Referrals",
                 "Vaccinations", "Messages"],
    "About": ["Our clinics", "Careers", "Press", "Research", "Sustainability", "Governance", "Partners", "Contact"],
}


def bloated_index():
    rng = random.Random(42)
    h = []
    a = h.append
    a("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>MediCare+ | Find a doctor and book online</title>\n"
      "<meta name=\"description\" content=\"MediCare+ patient portal: find a doctor, book appointments, manage prescriptions.\">\n"
      "<!-- no icon link: browsers ask for /favicon.ico -->\n"
      "<link rel=\"stylesheet\" href=\"css/bootstrap.css\">\n"
      "<link rel=\"stylesheet\" href=\"css/theme.css\">\n"
      "<link rel=\"stylesheet\" href=\"css/fonts.css\">\n"
      "<link rel=\"stylesheet\" href=\"css/boom.css\">\n"
      "<script src=\"js/polyfills.js\"></script>\n"
      "<script src=\"js/jquery.js\"></script>\n"
      "<script src=\"js/analytics.js\"></script>\n"
      "<script src=\"js/missing.js\"></script>\n"
      "</head>\n<body class=\"portal\">\n")
    a("<div class=\"cookie-banner\" role=\"dialog\" aria-label=\"Cookies\"><div class=\"cookie-inner\">"
      "<p>We use cookies to improve your experience and for marketing.</p>"
      "<div class=\"cookie-actions\"><button class=\"btn btn-primary\" type=\"button\">Accept all</button>"
      "<button class=\"btn btn-link\" type=\"button\">Settings</button></div></div></div>\n")
    a("<header class=\"site-header\"><div class=\"container\"><div class=\"row\"><div class=\"col\">"
      "<a class=\"logo\" href=\"index.html\"><img src=\"img/logo.png\" alt=\"MediCare+\"></a></div>\n"
      "<nav class=\"col mega-menu\" aria-label=\"Main\"><ul class=\"menu\">\n")
    for title, links in MENU.items():
        a(f"<li class=\"menu-item has-children\"><a href=\"#\" class=\"menu-link\"><span>{title}</span>{ICON}</a>"
          "<div class=\"dropdown\"><div class=\"dropdown-inner\"><ul class=\"submenu\">\n")
        for link in links:
            a(f"<li class=\"submenu-item\"><a class=\"submenu-link\" href=\"#\"><span class=\"label\">{link}</span></a></li>\n")
        a("</ul></div></div></li>\n")
    a("</ul></nav></div></div></header>\n")
    a("<main id=\"content\">\n<section class=\"hero\"><div class=\"container\"><div class=\"hero-media\">"
      "<img src=\"img/hero-old.jpg\" alt=\"Our new clinic building\"></div>"
      "<div class=\"hero-text\"><h1>Care that fits your life</h1><p>Book with one of 140 specialists, online, 24/7.</p>"
      "<form class=\"search\" action=\"#\"><div class=\"input-group\"><input type=\"search\" placeholder=\"Search a doctor or specialty\">"
      "<button class=\"btn btn-primary\" type=\"submit\">Search</button></div></form></div></div></section>\n")
    a("<section class=\"carousel\" aria-label=\"Our clinics\"><div class=\"carousel-track\">\n")
    for i, (src, alt) in enumerate([("img/team.png", "Our team"), ("img/clinic-1.jpg", "Reception"),
                                    ("img/clinic-2.png", "Waiting room")]):
        a(f"<div class=\"carousel-slide\" data-index=\"{i}\"><div class=\"slide-inner\"><img src=\"{src}\" alt=\"{alt}\">"
          f"<div class=\"caption\"><h2>{alt}</h2><p>Slide {i + 1} of 3</p></div></div></div>\n")
    a("</div><div class=\"carousel-dots\"><button type=\"button\" aria-label=\"Slide 1\"></button>"
      "<button type=\"button\" aria-label=\"Slide 2\"></button><button type=\"button\" aria-label=\"Slide 3\"></button>"
      "</div></section>\n")
    a("<section class=\"directory\"><div class=\"container\"><h2>Our doctors</h2><div class=\"filters\">")
    for specialty in SPECIALTIES:
        a(f"<label class=\"filter\"><input type=\"checkbox\" value=\"{specialty}\"><span>{specialty}</span></label>")
    a("</div>\n<div class=\"row cards\">\n")
    for i in range(36):
        name = f"Dr {FIRST[i % 12]} {LAST[(i * 5) % 12]}"
        specialty = SPECIALTIES[i % 6]
        a(f"<div class=\"col col-md-4\"><article class=\"card doctor-card\"><div class=\"card-body\">"
          f"<h3 class=\"card-title\">{name}</h3><p class=\"specialty\">{specialty}</p><ul class=\"meta\">"
          f"<li>{ICON}<span>Next slot: {rng.randint(1, 28)} March, {rng.randint(8, 17)}:{rng.choice(['00', '30'])}</span></li>"
          f"<li>{ICON}<span>{rng.choice(['North', 'South', 'Riverside', 'Central'])} clinic</span></li>"
          f"<li>{ICON}<span>{rng.randint(40, 50) / 10:.1f} ★ ({rng.randint(12, 480)} reviews)</span></li></ul>"
          f"<div class=\"actions\"><a class=\"btn btn-primary\" href=\"#\">Book</a>"
          f"<button class=\"btn btn-outline\" type=\"button\">Profile</button></div></div></article></div>\n")
    a("</div></div></section>\n</main>\n")
    a("<footer class=\"site-footer\"><div class=\"container\"><div class=\"row\">\n")
    for title, links in MENU.items():
        a(f"<div class=\"col\"><h4>{title}</h4><ul>")
        for link in links:
            a(f"<li><a href=\"#\">{link}</a></li>")
        a("</ul></div>\n")
    a("</div><p class=\"legal\">© 2024 MediCare+ Group. All rights reserved.</p></div></footer>\n")
    a("<div class=\"chat-launcher\"><button type=\"button\" class=\"chat-button\">Chat with us</button></div>\n"
      "<img src=\"img/pixel.gif?uid=4711&amp;ev=pageview\" width=\"1\" height=\"1\" alt=\"\" class=\"tracking-pixel\">\n"
      "<script src=\"js/vendor.bundle.js\"></script>\n"
      "<script src=\"js/carousel.js\"></script>\n"
      "<script src=\"js/chat-widget.js\"></script>\n"
      "<script src=\"js/cookie-banner.js\"></script>\n"
      "<script src=\"js/app.bundle.js\"></script>\n"
      "</body>\n</html>\n")
    return "".join(h)


def bloated():
    sizes = {}
    sizes["index.html"] = write("bloated/index.html", bloated_index())
    for name, size, seed in [("polyfills.js", 38_000, 1), ("jquery.js", 52_000, 2), ("analytics.js", 21_000, 3),
                             ("vendor.bundle.js", 88_000, 4), ("carousel.js", 14_000, 5),
                             ("chat-widget.js", 46_000, 6), ("cookie-banner.js", 9_000, 7),
                             ("app.bundle.js", 64_000, 8)]:
        sizes["js/" + name] = write("bloated/js/" + name, minified_js(name[:-3], size, seed))
    sizes["css/bootstrap.css"] = write("bloated/css/bootstrap.css", bloated_css(70_000))
    fonts = [("OpenSans-Regular", 400, "normal", 24_000), ("OpenSans-Bold", 700, "normal", 26_000),
             ("OpenSans-Italic", 400, "italic", 25_000), ("Merriweather-Bold", 700, "normal", 31_000)]
    css = ["/* Web fonts: four files, all requested by the page's text */\n"]
    for i, (name, weight, style, size) in enumerate(fonts):
        family = "Merriweather" if name.startswith("Merriweather") else "Open Sans"
        css.append(f"@font-face{{font-family:\"{family}\";font-style:{style};font-weight:{weight};font-display:swap;"
                   f"src:url(../fonts/{name}.woff2) format(\"woff2\")}}\n")
        sizes[f"fonts/{name}.woff2"] = write(f"bloated/fonts/{name}.woff2", fake_font(b"wOF2", size, 100 + i))
    css.append("body{font-family:\"Open Sans\",Arial,sans-serif}h1,h2,h3,h4{font-family:Merriweather,Georgia,serif;font-weight:700}"
               "b,strong,.btn,.menu-link{font-weight:700}em,.caption p,.legal{font-style:italic}\n")
    sizes["css/fonts.css"] = write("bloated/css/fonts.css", "".join(css))
    sizes["img/hero.jpg"] = write("bloated/img/hero.jpg", encode(noisy_image(1600, 700, 1, 40), "JPEG", quality=70))
    sizes["img/clinic-1.jpg"] = write("bloated/img/clinic-1.jpg", encode(noisy_image(1200, 500, 2, 40, (40, 0, 20)), "JPEG", quality=60))
    sizes["img/team.png"] = write("bloated/img/team.png", png_noise(300, 250, 3))
    sizes["img/clinic-2.png"] = write("bloated/img/clinic-2.png", png_noise(260, 180, 4))
    sizes["img/logo.png"] = write("bloated/img/logo.png", png_noise(120, 60, 5))
    # The classic 43-byte transparent GIF.
    sizes["img/pixel.gif"] = write("bloated/img/pixel.gif", bytes.fromhex(
        "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"))
    return sizes


# ---------------------------------------------------------------------------------------------- edge

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian package fonts-dejavu-core


def font_subset(flavor):
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(DEJAVU, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(range(0x20, 0x7F)) + [0xE9, 0xFC, 0xB7, 0x2013, 0x2014, 0x2019])
    subsetter.subset(font)
    font.flavor = flavor
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def edge():
    sizes = {}
    green, white, sand = (31, 111, 80), (255, 255, 255), (236, 226, 208)
    for w in (480, 1280, 1920, 2560):
        h = w * 9 // 16
        sizes[f"img/photo-{w}.jpg"] = write(f"edge/sub/img/photo-{w}.jpg",
                                             encode(flat_image(w, h, sand, green), "JPEG", quality=75))
    for scale, suffix in ((1, ""), (2, "@2x"), (3, "@3x")):
        sizes[f"img/logo{suffix}.png"] = write(f"edge/sub/img/logo{suffix}.png",
                                               encode(flat_image(64 * scale, 32 * scale, green, white), "PNG"))
    clinic = flat_image(800, 450, (210, 225, 235), green)
    sizes["img/clinic.avif"] = write("edge/sub/img/clinic.avif", encode(clinic, "AVIF", quality=60))
    sizes["img/clinic.webp"] = write("edge/sub/img/clinic.webp", encode(clinic, "WEBP", quality=75))
    sizes["img/clinic.jpg"] = write("edge/sub/img/clinic.jpg", encode(clinic, "JPEG", quality=75))
    small = {
        "img/map.png": (200, 120, (225, 235, 225), green),
        "img/hero-bg.png": (320, 80, (240, 246, 243), None),
        "img/badge.png": (24, 24, green, white),
        "img/card-bg.png": (120, 60, sand, None),
        "img/café-ü.png": (48, 48, (250, 240, 200), green),
        "img/frame-chart.png": (160, 90, white, green),
        "img/noscript-pixel.png": (1, 1, white, None),
        "img/template-img.png": (40, 40, green, None),
    }
    for path, (w, h, color, accent) in small.items():
        sizes[path] = write("edge/sub/" + path, encode(flat_image(w, h, color, accent), "PNG"))
    sizes["../img/stamp.png"] = write("edge/img/stamp.png", encode(flat_image(40, 40, (200, 30, 30), white), "PNG"))
    sizes["media/poster.jpg"] = write("edge/sub/media/poster.jpg", encode(flat_image(640, 360, (20, 40, 35), green), "JPEG", quality=70))
    # Not a playable video, only its first box: the browser's metadata request is what is measured.
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"
    sizes["media/intro.mp4"] = write("edge/sub/media/intro.mp4", ftyp + random.Random(9).randbytes(4096))
    # A real font (a browser falls back to the next src when a font does not decode): DejaVu Sans,
    # Basic Latin and the few other characters the page uses. Bitstream Vera / DejaVu licence: free to redistribute.
    for flavor in ("woff2", "woff"):
        sizes[f"css/fonts/linden-sans.{flavor}"] = write(f"edge/sub/css/fonts/linden-sans.{flavor}", font_subset(flavor))
    return sizes


if __name__ == "__main__":
    for site, sizes in (("bloated", bloated()), ("edge", edge())):
        print(site, sum(sizes.values()), "bytes")
        for path, size in sizes.items():
            print(f"  {path:32} {size:>8}")
