import Foundation
import Model

/// A grid intensity in gCO2e/kWh: a named preset from `footprint.yaml`, or a number.
public struct GridIntensity: Sendable, Equatable {
    /// The preset name, or "custom".
    public var name: String
    public var gPerKWh: Double
    public var source: String
    public var year: String?

    public init(name: String, gPerKWh: Double, source: String, year: String?) {
        self.name = name; self.gPerKWh = gPerKWh; self.source = source; self.year = year
    }

    public init(preset: GridPreset) {
        self.init(name: preset.name, gPerKWh: preset.gPerKWh, source: preset.source, year: preset.year)
    }

    public var info: GridIntensityInfo { GridIntensityInfo(name: name, gPerKWh: gPerKWh, source: source, year: year) }

    /// Reads a preset name (case-insensitive) or a plain number of gCO2e per kWh between 0 and `maxGPerKWh`.
    public static func parse(_ text: String, presets: [GridPreset], maxGPerKWh: Double) throws -> GridIntensity {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let names = presets.map(\.name).joined(separator: ", ")
        guard !trimmed.isEmpty else {
            throw GridIntensityError("empty grid intensity: give a preset (\(names)) or a number of gCO2e/kWh")
        }
        if let preset = presets.first(where: { $0.name.caseInsensitiveCompare(trimmed) == .orderedSame }) {
            return GridIntensity(preset: preset)
        }
        // A plain decimal number only ("81.3", "494", "1e2"): no unit, no thousands separator.
        let numberChars = CharacterSet(charactersIn: "0123456789.eE+-")
        guard trimmed.unicodeScalars.allSatisfy(numberChars.contains), let value = Double(trimmed) else {
            throw GridIntensityError("unknown grid intensity \"\(trimmed)\": give a preset (\(names)) or a number of gCO2e/kWh such as 81.3")
        }
        guard value.isFinite else { throw GridIntensityError("grid intensity \(trimmed): not a finite number") }
        guard value >= 0 else {
            throw GridIntensityError("grid intensity \(trimmed) gCO2e/kWh: must be zero or more")
        }
        guard value <= maxGPerKWh else {
            throw GridIntensityError("grid intensity \(trimmed) gCO2e/kWh is above \(Int(maxGPerKWh)), more than any national grid: give grams of CO2e per kWh")
        }
        return GridIntensity(name: "custom", gPerKWh: value, source: "given by the user", year: nil)
    }
}

public struct GridIntensityError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
