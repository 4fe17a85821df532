import Model
import Testing
@testable import Scoring

/// Every vector of shared/reference/ecoindex.md (from the reference project's own tests).
@Suite struct EcoIndexTests {
    let eco = try! EcoIndex.bundled()

    @Test func quantileVectors() {
        let q = eco.tables.quantiles
        #expect(eco.quantile(q.sizeKB, 2500) == 14.086372025739513)
        #expect(eco.quantile(q.dom, 150) == 2.892857142857143)
        #expect(eco.quantile(q.requests, 23) == 2.8)
        #expect(eco.quantile(q.sizeKB, 310182.902) == 20)
    }

    @Test(arguments: [
        (100.0, 100.0, 100.0, 72), (100, 100, 1000, 67), (100, 100, 10000, 58), (200, 200, 10000, 46),
        (2355, 267, 2493, 10), (240, 20, 331, 83), (2240, 100, 310182.902, 16), (600000, 4000, 300000, 0),
        (0, 0, 0, 100), (100, 10, 100, 90), (2000, 150, 5000, 13),
    ] as [(Double, Double, Double, Int)])
    func scoreVectors(dom: Double, requests: Double, size: Double, expected: Int) {
        #expect(eco.score(dom: dom, requests: requests, sizeKB: size) == expected)
    }

    @Test func roundsHalfToEven() {
        #expect(eco.rawScore(dom: 159, requests: 0, sizeKB: 0) == 92.5)
        #expect(eco.score(dom: 159, requests: 0, sizeKB: 0) == 92)
    }

    @Test func fullResults() {
        func check(_ r: EcoIndexResult, _ score: Int, _ grade: String, _ ghg: Double, _ water: Double) {
            #expect(r.score == score)
            #expect(r.grade == grade)
            #expect(r.ghg == ghg)
            #expect(r.water == water)
        }
        check(eco.compute(domElements: 100, requests: 100, sizeKB: 100), 72, "B", 1.56, 2.34)
        check(eco.compute(domElements: 2240, requests: 100, sizeKB: 310182.902), 16, "F", 2.68, 4.02)
        check(eco.compute(domElements: 100, requests: 10, sizeKB: 100), 90, "A", 1.2, 1.8)
        check(eco.compute(domElements: 2000, requests: 150, sizeKB: 5000), 13, "F", 2.74, 4.11)
    }

    @Test(arguments: [
        (2.0, "G"), (10, "G"), (15, "F"), (25, "F"), (30, "E"), (45, "D"), (50.2, "D"), (55.2, "C"), (80, "B"),
        (100, "A"),
    ] as [(Double, String)])
    func grades(score: Double, grade: String) {
        #expect(eco.grade(score) == grade)
    }

    @Test(arguments: [(2, 2.96, 4.44), (10, 2.8, 4.2), (50, 2, 3), (70, 1.6, 2.4)] as [(Int, Double, Double)])
    func ghgAndWater(score: Int, ghg: Double, water: Double) {
        #expect(eco.ghg(score: score) == ghg)
        #expect(eco.water(score: score) == water)
    }

    @Test func sizeIsBytesOverAThousand() {
        let r = eco.compute(domElements: 100, requests: 100, transferBytes: 100_000)
        #expect(r.sizeKB == 100)
        #expect(r.score == 72)
    }
}
