@testable import History
import Model
import Testing

@Suite struct TargetKeyTests {
    func pages(_ urls: [String]) -> ScoreCard {
        CardFactory.card(journey: nil, steps: urls.map { StepSpec(name: $0, url: $0, bytes: 1, requests: 1) })
    }

    @Test func aJourneyIsKeyedByItsNameWhateverItsURLs() {
        let a = CardFactory.card(journey: "Book an appointment", steps: [StepSpec(name: "Home", url: "http://127.0.0.1:4711/", bytes: 1, requests: 1)])
        let b = CardFactory.card(journey: "Book an appointment", steps: [StepSpec(name: "Home", url: "http://127.0.0.1:5822/", bytes: 1, requests: 1)])
        #expect(TargetKey.of(a) == "journey:Book an appointment")
        #expect(TargetKey.of(a) == TargetKey.of(b))
    }

    @Test func pagesAreKeyedByTheirFirstURLNormalised() {
        #expect(TargetKey.of(pages(["HTTPS://User:S3cret@Example.ORG:443/a?x=1#top"])) == "url:https://example.org/a?x=1")
        #expect(TargetKey.of(pages(["http://example.org"])) == "url:http://example.org/")
        #expect(TargetKey.of(pages(["http://example.org:8080/"])) == "url:http://example.org:8080/")
        #expect(TargetKey.of(pages(["http://example.org/", "http://example.org/b", "http://example.org/c"])) == "url:http://example.org/ +2")
    }

    @Test func credentialsInAURLNeverReachTheKey() {
        #expect(!TargetKey.of(pages(["https://admin:hunter2@intranet.example/"])).contains("hunter2"))
    }

    @Test func aCardWithoutAProfileIsDeclared() {
        var card = CardFactory.visit()
        card.profile = nil
        #expect(TargetKey.of(card) == "declared")
    }
}

@Suite struct SparklineTests {
    @Test func barsScaleFromTheSmallestToTheLargest() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([10, 80, 10]) == "▁█▁")
    }

    @Test func aFlatSeriesSitsMidHeightAndGapsShow() {
        #expect(Sparkline.render([5, 5, 5]) == "▄▄▄")
        #expect(Sparkline.render([1, nil, 2]) == "▁·█")
        #expect(Sparkline.render([nil, nil]) == "··")
        #expect(Sparkline.render([]) == "")
    }
}
