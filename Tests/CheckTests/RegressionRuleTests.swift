import Testing
@testable import Check

/// The baseline rule: worse by more than the tolerance AND by more than k × the larger spread.
struct RegressionRuleTests {
    let rule = RegressionRule(tolerance: 0.10, noiseFactor: 1)

    @Test func heavierBundleWithoutSpreadRegresses() {
        // 20 % more bytes, and bytes of static files do not vary between runs.
        let j = rule.judge(baseline: Measure(exactly: 100_000), current: Measure(exactly: 120_000), higherIsBetter: false)
        #expect(j.regressed)
        #expect(j.delta == 20_000)
        #expect(abs(j.ratio - 0.2) < 1e-12)
    }

    @Test func noisyCPUWithinItsSpreadPasses() {
        // +30 % on the median, but the runs spanned 40 ms: not beyond the noise.
        let old = Measure(value: 100, min: 80, max: 120)
        let new = Measure(value: 130, min: 100, max: 140)
        let j = rule.judge(baseline: old, current: new, higherIsBetter: false)
        #expect(!j.regressed)
        #expect(j.noise == 40)
        #expect(j.reason.contains("noise"))
    }

    @Test func beyondTheSpreadAndTheToleranceRegresses() {
        let old = Measure(value: 100, min: 95, max: 105)
        let new = Measure(value: 130, min: 125, max: 138)
        #expect(rule.judge(baseline: old, current: new, higherIsBetter: false).regressed)
    }

    @Test func changeWithinTheToleranceNeverRegresses() {
        let j = rule.judge(baseline: Measure(exactly: 100), current: Measure(exactly: 109), higherIsBetter: false)
        #expect(!j.regressed)
        #expect(j.reason.contains("tolerance"))
        // Exactly at the tolerance is still within it.
        #expect(!rule.judge(baseline: Measure(exactly: 100), current: Measure(exactly: 110), higherIsBetter: false).regressed)
    }

    @Test func noiseFactorWidensTheAllowance() {
        let old = Measure(value: 100, min: 95, max: 105)
        let new = Measure(value: 115, min: 110, max: 120)
        #expect(RegressionRule(tolerance: 0.1, noiseFactor: 1).judge(baseline: old, current: new, higherIsBetter: false).regressed)
        #expect(!RegressionRule(tolerance: 0.1, noiseFactor: 2).judge(baseline: old, current: new, higherIsBetter: false).regressed)
    }

    @Test func improvementsNeverRegress() {
        #expect(!rule.judge(baseline: Measure(exactly: 100), current: Measure(exactly: 10), higherIsBetter: false).regressed)
        #expect(!rule.judge(baseline: Measure(exactly: 50), current: Measure(exactly: 90), higherIsBetter: true).regressed)
    }

    @Test func scoreDropsAreRegressionsBeyondTheTolerance() {
        #expect(rule.judge(baseline: Measure(exactly: 80), current: Measure(exactly: 70), higherIsBetter: true).regressed)
        #expect(!rule.judge(baseline: Measure(exactly: 80), current: Measure(exactly: 75), higherIsBetter: true).regressed)
    }

    @Test func changesUnderTheResolutionNeverRegress() {
        // Server CPU: 0.4 → 0.9 ms is +125 % and beyond both runs' spread, but under the 1 ms resolution.
        let old = Measure(value: 0.4, min: 0.38, max: 0.42, resolution: 1)
        let new = Measure(value: 0.9, min: 0.88, max: 0.92, resolution: 1)
        let j = rule.judge(baseline: old, current: new, higherIsBetter: false)
        #expect(!j.regressed)
        #expect(j.noise == 1)
        // 12 ms more is beyond it.
        #expect(rule.judge(baseline: old, current: Measure(value: 12.4, min: 12.1, max: 12.7, resolution: 1), higherIsBetter: false).regressed)
    }

    @Test func fromZero() {
        let j = rule.judge(baseline: Measure(exactly: 0), current: Measure(exactly: 3), higherIsBetter: false)
        #expect(j.regressed)
        #expect(j.ratio == .infinity)
        #expect(!rule.judge(baseline: Measure(exactly: 0), current: Measure(exactly: 0), higherIsBetter: false).regressed)
    }
}
