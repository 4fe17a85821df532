import Foundation
import Model
import Testing
@testable import Profiler

@Suite("Discovery: HTML elements")
struct DiscoveryHTMLElementTests {
    private func listing(_ html: String) -> [String] { DiscoveryTestSupport.listing(html) }

    @Test func titleIsCollapsed() {
        let scan = DiscoveryTestSupport.scan("<title>\n  Hello \t  world  </title><title>second</title>")
        #expect(scan.title == "Hello world")
        #expect(DiscoveryTestSupport.scan("<p>no title</p>").title == nil)
        #expect(DiscoveryTestSupport.scan("<svg><title>icon</title></svg>").title == nil)
        // The scripting-on rename of <noscript> must not leak into the title text.
        #expect(DiscoveryTestSupport.scan("<title>Why <NOSCRIPT> and <noframes></title>").title == "Why <NOSCRIPT> and <noframes>")
    }

    @Test func baseHrefAppliesToLaterReferences() {
        let scan = DiscoveryTestSupport.scan("""
        <head><link rel=stylesheet href="early.css"><base href="/assets/"><base href="https://other.example/">
        <script src="app.js"></script></head><body><img src="../logo.png"></body>
        """)
        #expect(scan.baseURL.absoluteString == "https://example.com/assets/")
        #expect(DiscoveryTestSupport.listing(scan.resources) == [
            "stylesheet https://example.com/dir/early.css",
            "script https://example.com/assets/app.js",
            "image https://example.com/logo.png",
        ])
    }

    @Test func scriptTypes() {
        let html = """
        <script src="a.js"></script>
        <script type="text/javascript" src="b.js"></script>
        <script type="module" src="c.mjs"></script>
        <script nomodule src="legacy.js"></script>
        <script type="module" nomodule src="module-nomodule.mjs"></script>
        <script type="application/ld+json" src="data.json"></script>
        <script type="text/template" src="tpl.html"></script>
        <script type="importmap" src="map.json"></script>
        <script type="" src="empty-type.js"></script>
        <script language="javascript" src="lang.js"></script>
        <script language="vbscript" src="vb.vbs"></script>
        <script src=""></script>
        <script>var inline = 1;</script>
        """
        #expect(listing(html) == [
            "script https://example.com/dir/a.js",
            "script https://example.com/dir/b.js",
            "script https://example.com/dir/c.mjs",
            "script https://example.com/dir/module-nomodule.mjs",
            "script https://example.com/dir/empty-type.js",
            "script https://example.com/dir/lang.js",
        ])
    }

    @Test func linkRelationships() {
        let html = """
        <link rel="stylesheet" href="main.css" media="print">
        <link rel="alternate stylesheet" href="alt.css" title="Alt">
        <link rel="STYLESHEET" href="upper.css">
        <link rel="stylesheet" href="disabled.css" disabled>
        <link rel="stylesheet" type="text/less" href="x.less">
        <link rel="apple-touch-icon" href="touch.png">
        <link rel="shortcut icon" href="/favicon-32.png">
        <link rel="icon" href="/favicon-16.png">
        <link rel="manifest" href="/site.webmanifest">
        <link rel="prefetch" href="next.js">
        <link rel="preconnect" href="https://fonts.example">
        <link rel="dns-prefetch" href="//cdn.example">
        <link rel="next" href="page2.html">
        <link rel="modulepreload" href="mod.js">
        <link rel="canonical" href="https://example.com/">
        """
        let scan = DiscoveryTestSupport.scan(html)
        #expect(scan.declaresIcon)
        #expect(DiscoveryTestSupport.listing(scan.resources) == [
            "stylesheet https://example.com/dir/main.css",
            "stylesheet https://example.com/dir/upper.css",
            "image https://example.com/favicon-32.png",
            "other https://example.com/site.webmanifest",
            "script https://example.com/dir/mod.js",
        ])
    }

    @Test func noIconDeclared() {
        #expect(!DiscoveryTestSupport.scan("<link rel=apple-touch-icon href=t.png>").declaresIcon)
        // A data: icon is declared (no /favicon.ico) but makes no request.
        let dataIcon = DiscoveryTestSupport.scan("<link rel=icon href='data:,'><link rel=icon href=late.png>")
        #expect(dataIcon.declaresIcon)
        #expect(dataIcon.resources.isEmpty)
    }

    @Test func preloadDestinations() {
        let html = """
        <link rel=preload as=style href=s.css>
        <link rel=preload as=script href=s.js>
        <link rel=preload as=font href=f.woff2 crossorigin>
        <link rel=preload as=image href=i.png>
        <link rel=preload as=fetch href=/api/data.json>
        <link rel=preload as=video href=v.mp4>
        <link rel=preload as=track href=t.vtt>
        <link rel=preload as=document href=d.html>
        <link rel=preload as=worker href=w.js>
        <link rel=preload href=noas.bin>
        <link rel=preload as=image href=mobile.png media="(max-width: 600px)">
        <link rel=preload as=image imagesrcset="h-480.jpg 480w, h-1920.jpg 1920w, h-3840.jpg 3840w" imagesizes=100vw>
        """
        #expect(listing(html) == [
            "stylesheet https://example.com/dir/s.css",
            "script https://example.com/dir/s.js",
            "font https://example.com/dir/f.woff2",
            "image https://example.com/dir/i.png",
            "fetch https://example.com/api/data.json",
            "media https://example.com/dir/v.mp4",
            "media https://example.com/dir/t.vtt",
            "document https://example.com/dir/d.html",
            "image https://example.com/dir/h-1920.jpg",
        ])
    }

    @Test func duplicatesKeepFirstType() {
        let html = "<link rel=preload as=image href=hero.jpg><img src=hero.jpg#x><img src='./hero.jpg'>"
        #expect(listing(html) == ["image https://example.com/dir/hero.jpg"])
        let preloadStyle = "<link rel=preload as=fetch href=a.css><link rel=stylesheet href=a.css>"
        #expect(listing(preloadStyle) == ["fetch https://example.com/dir/a.css"])
    }

    @Test func pictureSkipsUnsupportedTypesAndNonMatchingMedia() {
        let html = """
        <picture>
          <source type="image/jxl" srcset="a.jxl">
          <source type="image/avif" media="(max-width: 800px)" srcset="small.avif">
          <source type="image/webp" srcset="b-960.webp 960w, b-1920.webp 1920w" sizes="100vw">
          <img src="fallback.jpg">
        </picture>
        <picture><source srcset="x.png" type="image/heic"><img src="plain.jpg" srcset="plain-2x.jpg 2x"></picture>
        <picture><source srcset=""><source type="" srcset="empty-type.png"><img src=never.jpg></picture>
        """
        #expect(listing(html) == [
            "image https://example.com/dir/b-1920.webp",
            "image https://example.com/dir/plain.jpg",
            "image https://example.com/dir/empty-type.png",
        ])
    }

    @Test func pictureSourceAfterImgIsIgnored() {
        #expect(listing("<picture><img src=first.jpg><source srcset=late.webp></picture>")
            == ["image https://example.com/dir/first.jpg"])
    }

    @Test func imagesAndEmptySources() {
        let html = """
        <body background="bg.jpg">
        <img src=""><img><img src="  "><img src="data:image/gif;base64,R0lGOD=="><img src="a.png">
        <input type=image src=go.png><input type=text src=nope.png>
        <table background="t.png"><tr><td background="td.png">x</td></tr></table>
        """
        #expect(listing(html) == [
            "image https://example.com/dir/bg.jpg",
            "image https://example.com/dir/a.png",
            "image https://example.com/dir/go.png",
            "image https://example.com/dir/t.png",
            "image https://example.com/dir/td.png",
        ])
    }

    @Test func videoAndAudio() {
        let html = """
        <video poster="poster.jpg" controls>
          <source src="movie.mov" type="video/quicktime">
          <source src="movie.webm" type='video/webm; codecs="vp9"'>
          <source src="movie.mp4" type="video/mp4">
          <track kind=captions src="subs.vtt">
          <track kind=subtitles src="subs-default.vtt" default>
          <track src="second-default.vtt" default>
          <track kind=chapters src="chapters.vtt" default>
        </video>
        <video src="direct.mp4" preload="none" poster="p2.jpg"></video>
        <video src="auto.mp4" preload="none" autoplay muted></video>
        <audio preload=metadata><source src="song.ogg" type="audio/ogg"></audio>
        <audio src=""></audio>
        """
        #expect(listing(html) == [
            "image https://example.com/dir/poster.jpg",
            "media https://example.com/dir/movie.webm",
            "other https://example.com/dir/subs-default.vtt",
            "other https://example.com/dir/chapters.vtt",
            "image https://example.com/dir/p2.jpg",
            "media https://example.com/dir/auto.mp4",
            "media https://example.com/dir/song.ogg",
        ])
    }

    @Test func framesEmbedsObjects() {
        let html = """
        <iframe src="frame.html"></iframe>
        <iframe src="about:blank"></iframe>
        <iframe src="ignored.html" srcdoc="<img src=in-srcdoc.png><base href=/x/><script src=s.js></script>"></iframe>
        <frameset><frame src="f.html"></frameset>
        <embed src="movie.swf"><object data="doc.pdf"></object>
        """
        #expect(listing(html) == [
            "document https://example.com/dir/frame.html",
            "image https://example.com/dir/in-srcdoc.png",
            "script https://example.com/x/s.js",
            "other https://example.com/dir/movie.swf",
            "other https://example.com/dir/doc.pdf",
        ])
    }

    @Test func frameElementsInFrameset() {
        #expect(listing("<frameset><frame src=a.html><frame src=b.html></frameset>") == [
            "document https://example.com/dir/a.html",
            "document https://example.com/dir/b.html",
        ])
    }

    @Test func svgReferences() {
        let html = """
        <svg><image href="a.png"/><image xlink:href="b.png"/><use href="sprite.svg#icon"/><use href="#local"/>
        <use xlink:href="sprite.svg#other"/><filter><feImage href="fe.png"/></filter><script href="svg.js"/>
        <style>.x { fill: url(#grad); background: url(svg-bg.png) }</style></svg>
        """
        #expect(listing(html) == [
            "image https://example.com/dir/a.png",
            "image https://example.com/dir/b.png",
            "image https://example.com/dir/sprite.svg",
            "image https://example.com/dir/fe.png",
            "script https://example.com/dir/svg.js",
            "image https://example.com/dir/svg-bg.png",
        ])
    }

    @Test func inlineStylesUseDocumentBase() {
        let html = """
        <base href="https://static.example/theme/">
        <style>@import "print.css"; body { background: url(img/bg.png) }</style>
        <div style="background-image: url('hero.webp'); mask: url(#m)"></div>
        <style type="text/x-scss">.a { background: url(scss.png) }</style>
        """
        #expect(listing(html) == [
            "stylesheet https://static.example/theme/print.css",
            "image https://static.example/theme/img/bg.png",
            "image https://static.example/theme/hero.webp",
        ])
    }

    @Test func templateAndNoscriptContentIsIgnored() {
        let html = """
        <head><noscript><img height=1 width=1 src="https://tracker.example/px.gif"></noscript>
        <noscript><link rel=stylesheet href=noscript.css></noscript></head>
        <body><template><img src=tpl.png><script src=tpl.js></script></template>
        <NOSCRIPT><iframe src=ns.html></iframe></NOSCRIPT><img src=real.png></body>
        """
        #expect(listing(html) == ["image https://example.com/dir/real.png"])
    }

    @Test func dataURIsNeverProduceResources() {
        let html = """
        <img src="data:image/png;base64,AAAA" srcset="data:image/png;base64,BBBB 1x">
        <link rel=stylesheet href="data:text/css,body{}"><script src="data:text/javascript,1"></script>
        <div style="background:url(data:image/svg+xml;utf8,<svg></svg>)"></div>
        <a href="https://example.com/link-only.html">links are not fetched</a>
        """
        #expect(listing(html).isEmpty)
    }

    @Test func nonHTTPSchemesAreSkipped() {
        #expect(listing("<img src='javascript:alert(1)'><iframe src='mailto:a@b'></iframe><img src='blob:https://x/y'>").isEmpty)
    }

    @Test func documentOrderAcrossKinds() {
        let html = "<link rel=stylesheet href=1.css><script src=2.js></script><body><img src=3.png><style>.a{background:url(4.png)}</style><script src=5.js></script>"
        #expect(listing(html).map { String($0.split(separator: "/").last!) } == ["1.css", "2.js", "3.png", "4.png", "5.js"])
    }

    @Test func encodingIsReported() {
        let latin1: [UInt8] = Array("<title>caf".utf8) + [0xE9] + Array("</title>".utf8)
        let scan = HTMLDiscovery.scan(latin1, documentURL: DiscoveryTestSupport.pageURL, charset: nil)
        #expect(scan.encoding == "windows-1252")
        #expect(scan.title == "café")
    }
}
