import Foundation
import Testing
@testable import Profiler

@Suite("Discovery: srcset, sizes and media queries")
struct DiscoverySrcsetSelectionTests {
    private let desktop = Viewport.desktop

    private func pick(_ srcset: String?, sizes: String? = nil, src: String? = nil, viewport: Viewport = .desktop) -> String? {
        SrcsetSelection.select(srcset: srcset, sizes: sizes, src: src, viewport: viewport)
    }

    @Test func widthDescriptorsAt100vwPickTheViewportWidth() {
        let srcset = "a-640.jpg 640w, a-1280.jpg 1280w, a-1920.jpg 1920w, a-2560.jpg 2560w"
        #expect(pick(srcset, sizes: "100vw") == "a-1920.jpg")
        #expect(pick(srcset) == "a-1920.jpg")  // no sizes: 100vw
        #expect(pick(srcset, sizes: "not a length") == "a-1920.jpg")
    }

    @Test func sizesWithMediaConditionPicksHalfWidth() {
        let srcset = "b-480.jpg 480w, b-800.jpg 800w, b-1000.jpg 1000w, b-1600.jpg 1600w"
        // 50vw at 1920 = 960 px: the smallest width ≥ 960 is 1000.
        #expect(pick(srcset, sizes: "(max-width: 600px) 100vw, 50vw") == "b-1000.jpg")
        #expect(pick(srcset, sizes: "(min-width: 1200px) 400px, 100vw") == "b-480.jpg")
        #expect(pick(srcset, sizes: "(min-width: 40em) and (max-width: 100em) 30em, 10px") == "b-480.jpg")
        #expect(pick(srcset, sizes: "(min-width: 200em) 10px, calc(50vw - 100px)") == "b-1000.jpg")  // 860
        #expect(pick(srcset, sizes: "(orientation: portrait) 10px, (unknown-feature: 3) 10px, 700px") == "b-800.jpg")
        #expect(pick(srcset, sizes: "(width >= 1000px) 1500px, 10px") == "b-1600.jpg")
    }

    @Test func densityDescriptorsPickOneX() {
        #expect(pick("c-1x.png 1x, c-2x.png 2x, c-3x.png 3x") == "c-1x.png")
        #expect(pick("c-2x.png 2x, c-3x.png 3x", src: "c.png") == "c.png")  // src is the 1x
        #expect(pick("c-2x.png 2x, c-1.5x.png 1.5x") == "c-1.5x.png")  // nothing ≥ 1 below 1.5
        #expect(pick("c-half.png 0.5x, c-quarter.png 0.25x") == "c-half.png")  // none ≥ 1: largest
        #expect(pick("c-2x.png 2x", viewport: Viewport(width: 400, devicePixelRatio: 2)) == "c-2x.png")
    }

    @Test func srcIsNotAddedNextToWidthDescriptors() {
        #expect(pick("w-100.jpg 100w", src: "big-src.jpg") == "w-100.jpg")
    }

    @Test func noSrcsetUsesSrc() {
        #expect(pick(nil, src: "plain.jpg") == "plain.jpg")
        #expect(pick(nil, src: "") == nil)
        #expect(pick("", src: "plain.jpg") == "plain.jpg")
    }

    @Test func srcsetParsingFollowsTheSpec() {
        let candidates = SrcsetSelection.parseSrcset("""
          image,with,commas.jpg 1x, data:image/png;base64,AA== 2x,trailing.jpg,, w.jpg 300w 200h, bad.jpg 2q,
          dup.jpg 1x 2x, h-only.jpg 100h, paren.jpg (x 1) 1x, zero.jpg 0w, neg.jpg -1x
        """)
        #expect(candidates.map(\.url) == ["image,with,commas.jpg", "data:image/png;base64,AA==", "trailing.jpg", "w.jpg"])
        #expect(candidates.map(\.descriptor) == [.density(1), .density(2), .density(1), .width(300)])
    }

    @Test func duplicateDensitiesKeepTheFirst() {
        #expect(pick("first.jpg 1x, second.jpg, third.jpg 1920w") == "first.jpg")
    }

    @Test func sourceSizeEvaluation() {
        #expect(SrcsetSelection.sourceSize(nil, viewport: desktop) == 1920)
        #expect(SrcsetSelection.sourceSize("20rem", viewport: desktop) == 320)
        #expect(abs(SrcsetSelection.sourceSize("(max-width: 1919px) 10px, 33.3vw", viewport: desktop) - 639.36) < 1e-9)
        #expect(SrcsetSelection.sourceSize("-5px, 300px", viewport: desktop) == 300)
        #expect(SrcsetSelection.sourceSize("50%, 250px", viewport: desktop) == 250)
        #expect(SrcsetSelection.sourceSize("auto, 480px", viewport: desktop) == 480)
        #expect(SrcsetSelection.sourceSize("min(100vw, 800px)", viewport: desktop) == 800)
        #expect(SrcsetSelection.sourceSize("(max-width: 1920px) 111px", viewport: desktop) == 111)
        #expect(SrcsetSelection.sourceSize("(min-width: 1921px) 111px", viewport: desktop) == 1920)
    }

    @Test func mediaQueryLists() {
        let media = MediaQueryEvaluator(viewport: desktop)
        #expect(media.matches(mediaQueryList: ""))
        #expect(media.matches(mediaQueryList: "all"))
        #expect(media.matches(mediaQueryList: "screen and (min-width: 1024px)"))
        #expect(!media.matches(mediaQueryList: "print"))
        #expect(media.matches(mediaQueryList: "print, (min-width: 1px)"))
        #expect(!media.matches(mediaQueryList: "not screen"))
        #expect(media.matches(mediaQueryList: "not print"))
        #expect(!media.matches(mediaQueryList: "(max-width: 768px)"))
        #expect(media.matches(mediaQueryList: "(min-width: 100px) and (max-width: 2000px)"))
        #expect(media.matches(mediaQueryList: "(max-width: 100px) or (min-width: 1900px)"))
        #expect(!media.matches(mediaQueryList: "(min-width: 100px) and (max-width: 100px) or (width)"))  // mixed: invalid
        #expect(media.matches(mediaQueryList: "(600px <= width <= 1920px)"))
        #expect(!media.matches(mediaQueryList: "(min-resolution: 2dppx)"))
        #expect(media.matches(mediaQueryList: "(-webkit-min-device-pixel-ratio: 1)"))
        #expect(media.matches(mediaQueryList: "(prefers-color-scheme: light)"))
        #expect(!media.matches(mediaQueryList: "(prefers-color-scheme: dark)"))
        #expect(!media.matches(mediaQueryList: "(unknown-thing)"))
        #expect(!media.matches(mediaQueryList: "not (unknown-thing)"))  // not unknown = unknown = false
        #expect(media.matches(mediaQueryList: "not (max-width: 600px)"))
        #expect(media.matches(mediaQueryList: "(orientation: landscape)"))
        #expect(media.matches(mediaQueryList: "(min-aspect-ratio: 16/10)"))
        #expect(!media.matches(mediaQueryList: "((((((((((((((((((((((((((((((((((((((((x"))
    }
}
