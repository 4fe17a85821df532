import Foundation
import Model
import Testing
@testable import Scoring

/// Equal to 1e-9 relative (the vectors are decimal figures; the arithmetic is binary floating point).
private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Every vector of shared/reference/footprint.md.
@Suite struct FootprintSWDTests {
    let footprint = try! Footprint.bundled()
    var swd: SustainableWebDesign { footprint.swd }
    let gigabyte = 1_000_000_000.0

    @Test func oneGigabyteIs148point2Grams() {
        let e = swd.emissions(bytes: gigabyte)
        #expect(close(e.total, 148.2))
        #expect(close(swd.operationalEnergy(bytes: gigabyte).total + swd.embodiedEnergy(bytes: gigabyte).total, 0.3))
    }

    @Test func greenHosting() {
        #expect(close(swd.emissions(bytes: gigabyte, greenHosting: true).total, 121.03))
        #expect(swd.emissions(bytes: gigabyte, greenHosting: true).operational.dataCentre == 0)
    }

    @Test func operationalSegmentsAt494() {
        let o = swd.operationalEmissions(bytes: gigabyte, intensities: SegmentIntensities(all: 494))
        #expect(close(o.dataCentre, 27.17))
        #expect(close(o.network, 29.146))
        #expect(close(o.device, 39.52))
    }

    @Test func embodiedSegmentsAt494() {
        let e = swd.embodiedEmissions(bytes: gigabyte)
        #expect(close(e.dataCentre, 5.928))
        #expect(close(e.network, 6.422))
        #expect(close(e.device, 40.014))
    }

    @Test func segmentIntensities() {
        let o = swd.operationalEmissions(bytes: gigabyte,
                                         intensities: SegmentIntensities(dataCentre: 100, network: 200, device: 300))
        #expect(close(o.dataCentre, 5.5))
        #expect(close(o.network, 11.8))
        #expect(close(o.device, 24))
        // Embodied parts keep the global intensity whatever the operational intensities.
        let all = swd.emissions(bytes: gigabyte, intensities: SegmentIntensities(dataCentre: 100, network: 200, device: 300))
        #expect(close(all.embodied.total, 5.928 + 6.422 + 40.014))
    }

    @Test func gigabyteIsDecimal() {
        #expect(swd.gigabytes(1_000_000_000) == 1)
        #expect(swd.constants.bytesPerGB == 1e9)
    }

    @Test(arguments: [
        (0.0, "A+"), (0.040, "A+"), (0.0401, "A"), (0.079, "A"), (0.0791, "B"), (0.145, "B"), (0.1451, "C"),
        (0.209, "C"), (0.2091, "D"), (0.278, "D"), (0.2781, "E"), (0.359, "E"), (0.3591, "F"), (148.2, "F"),
    ] as [(Double, String)])
    func ratingBands(grams: Double, rating: String) {
        #expect(swd.rating(gramsPerView: grams) == rating)
    }
}

@Suite struct FootprintCPUEnergyTests {
    @Test func cloudCarbonFootprintVector() {
        let kWh = CPUEnergy.kWh(minWatts: 0.71, maxWatts: 3.46, utilisation: 0.01, vCPUHours: 1, pue: 1.135,
                                replication: 2)
        #expect(close(kWh, 0.001674125))
    }

    @Test func busySecondsRunAtMaxWatts() {
        let profile = ServerCPUProfile(label: "test", minWatts: 0.74, maxWatts: 3.5, pue: 1.75, pueSource: "test")
        // 3600 s = 1 vCPU-hour at 3.5 W × 1.75 = 6.125 Wh.
        #expect(close(CPUEnergy.kWh(busyCPUSeconds: 3600, profile: profile), 0.006125))
        #expect(CPUEnergy.kWh(busyCPUSeconds: 0, profile: profile) == 0)
    }

    @Test func ecoscoreDefaultIsDocumentedRow() throws {
        let p = try Footprint.bundled().defaultServerProfile
        #expect(p.minWatts == 0.74)
        #expect(p.maxWatts == 3.5)
        #expect(p.pue == 1.75)
        #expect(p.utilisation == 1)
        #expect(p.replication == 1)
    }
}

@Suite struct FootprintGridIntensityTests {
    let footprint = try! Footprint.bundled()

    @Test(arguments: [
        ("world", 494.0), ("France", 81.3225), ("FRANCE-EMBER", 56.04), ("eu", 243.83), ("germany", 380.95),
        ("us", 385.98), ("uk", 237.59), (" world ", 494),
    ] as [(String, Double)])
    func presetsResolve(name: String, value: Double) throws {
        let i = try footprint.intensity(name)
        #expect(i.gPerKWh == value)
        #expect(i.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased())
        #expect(!i.source.isEmpty)
        #expect(i.year?.isEmpty == false)
    }

    @Test func everyPresetHasSourceAndYear() {
        for p in footprint.presets {
            #expect(!p.source.isEmpty && !p.year.isEmpty && !p.label.isEmpty, "\(p.name)")
        }
    }

    @Test func franceIsTheEvalCarboneMix() throws {
        // mixelecs.csv: France;FR;Climate change;0.0813225 kg CO2e/kWh.
        #expect(try footprint.intensity("france").gPerKWh == 0.0813225 * 1000)
    }

    @Test func numbers() throws {
        let i = try footprint.intensity("81.3")
        #expect(i.gPerKWh == 81.3)
        #expect(i.name == "custom")
        #expect(i.year == nil)
        #expect(try footprint.intensity("0").gPerKWh == 0)
        #expect(try footprint.intensity("2000").gPerKWh == 2000)
    }

    @Test(arguments: [
        ("", "empty grid intensity"), ("   ", "empty grid intensity"), ("mars", "unknown grid intensity \"mars\""),
        ("-5", "must be zero or more"), ("81,3", "unknown grid intensity"), ("81 g", "unknown grid intensity"),
        ("nan", "unknown grid intensity"), ("inf", "unknown grid intensity"), ("2001", "above 2000"),
        ("1e400", "not a finite number"),
    ] as [(String, String)])
    func badStrings(text: String, message: String) {
        do {
            _ = try footprint.intensity(text)
            Issue.record("\"\(text)\" was accepted")
        } catch let error as GridIntensityError {
            #expect(error.description.contains(message), "\(error)")
            if !text.trimmingCharacters(in: .whitespaces).isEmpty, error.description.contains("unknown") {
                #expect(error.description.contains("world, france"), "the message lists the presets")
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func defaultIsWorld() {
        #expect(footprint.defaultIntensity.name == "world")
        #expect(footprint.defaultIntensity.gPerKWh == 494)
    }
}

@Suite struct FootprintOfTests {
    let footprint = try! Footprint.bundled()

    @Test func oneGigabyteAtWorld() throws {
        let r = footprint.of(transferBytes: 1e9, intensity: try footprint.intensity("world"))
        #expect(close(r.emissions.total, 148.2))
        #expect(close(r.emissions.web, 148.2))
        #expect(r.emissions.server == 0)
        #expect(close(r.energy.totalKWh, 0.3))
        #expect(close(r.energy.totalWh, 300))
        #expect(close(r.energy.operational.total, 0.194))
        #expect(close(r.energy.embodied.total, 0.106))
        #expect(r.rating == "F")
        #expect(r.model.bytesModel == "Sustainable Web Design")
        #expect(r.model.bytesModelVersion == "4")
        // Water: data centre 0.055 kWh × 1.8 + electricity 0.194 kWh × 7.6.
        #expect(close(r.water.dataCentreLitres, 0.055 * 1.8))
        #expect(close(r.water.generationLitres, 0.194 * 7.6))
        #expect(close(r.water.litres, 0.099 + 1.4744))
    }

    @Test func greenHostingRemovesDataCentreAndServerOperational() throws {
        let r = footprint.of(transferBytes: 1e9, serverCPUSeconds: 3600, intensity: try footprint.intensity("world"),
                             greenHosting: true)
        #expect(close(r.emissions.web, 121.03))
        #expect(r.emissions.server == 0)
        #expect(close(r.energy.serverKWh, 0.006125))  // energy is still consumed
    }

    @Test func serverCPU() throws {
        // 3600 busy seconds × 3.5 W × PUE 1.75 = 6.125 Wh; at France 81.3225 g/kWh = 0.49810... g.
        let r = footprint.of(transferBytes: 0, serverCPUSeconds: 3600, intensity: try footprint.intensity("france"))
        #expect(close(r.energy.serverKWh, 0.006125))
        #expect(close(r.emissions.server, 0.006125 * 81.3225))
        #expect(close(r.emissions.total, r.emissions.server))
        #expect(r.emissions.web == 0)
        #expect(r.rating == "A+")
        #expect(close(r.water.litres, 0.006125 * (1.8 + 7.6)))
    }

    @Test func intensityAppliesToOperationalOnly() throws {
        let r = footprint.of(transferBytes: 1e9, intensity: try footprint.intensity("100"))
        #expect(close(r.emissions.operational.total, 0.194 * 100))
        #expect(close(r.emissions.embodied.total, 0.106 * 494))
        #expect(r.intensity.name == "custom")
    }

    @Test func everyConstantIsListed() throws {
        let r = footprint.of(transferBytes: 1, intensity: try footprint.intensity("france"))
        let names = Set(r.constants.map(\.name))
        for name in ["swd.bytesPerGB", "swd.operational.dataCentre", "swd.operational.network", "swd.operational.device",
                     "swd.embodied.dataCentre", "swd.embodied.network", "swd.embodied.device",
                     "swd.greenHostingFactor", "server.utilisation", "server.pue", "server.replication",
                     "water.dataCentre", "water.generation", "rating.A+ (at most)", "rating.E (at most)"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(r.constants.contains { $0.name.hasPrefix("intensity.france") && $0.value == 81.3225 })
        #expect(r.constants.contains { $0.name.hasPrefix("server.maxWatts") && $0.value == 3.5 })
        #expect(r.constants.contains { $0.source.contains("ECOSCORE ASSUMPTION") })
        #expect(r.constants.allSatisfy { !$0.source.isEmpty && !$0.unit.isEmpty })
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let r = footprint.of(transferBytes: 2_500_000, serverCPUSeconds: 0.2, intensity: try footprint.intensity("eu"))
        let data = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(FootprintResult.self, from: data) == r)
    }

    @Test func badConstantsFileIsAClearError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        let good = try String(contentsOf: try DataFile.bundled("models/footprint.yaml"), encoding: .utf8)
        try good.replacingOccurrences(of: "defaultPreset: world", with: "defaultPreset: mars")
            .write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try Footprint.load(from: url)
        } throws: { error in
            "\(error)".contains(url.path) && "\(error)".contains("defaultPreset")
        }
    }
}
