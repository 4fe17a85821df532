import Testing
@testable import Check

struct QuantityTests {
    @Test func sizesWithUnits() {
        #expect(Quantity.bytes("307200") == 307_200)
        #expect(Quantity.bytes("300 KiB") == 307_200)
        #expect(Quantity.bytes("300 kB") == 300_000)
        #expect(Quantity.bytes("1.5MB") == 1_500_000)
        #expect(Quantity.bytes("2 MiB") == 2_097_152)
        #expect(Quantity.bytes("12 B") == 12)
        #expect(Quantity.bytes("1_000") == 1000)
    }

    @Test func refusedSizes() {
        for text in ["", "-5", "5 apples", "kB", "1e3", "٣ kB", "NaN", "1.2.3"] {
            #expect(Quantity.bytes(text) == nil, "\(text)")
        }
    }

    @Test func percentagesAreNeverFractions() {
        #expect(Quantity.percent("10%") == 0.1)
        #expect(Quantity.percent("10 %") == 0.1)
        #expect(Quantity.percent("10") == 0.1)
        #expect(Quantity.percent("0.5") == 0.005)
        #expect(Quantity.percent("-1") == nil)
    }
}
