import Model

extension InventorySettings.MaturityLevel {
    /// The French of the bundled model's level names (models/inventory.yaml writes them in English only).
    static let frenchLabels = [
        "equipment renewed well before the reference lifespans": "équipements renouvelés bien avant les durées de vie de référence",
        "close to the reference lifespans (≥ 0.8×)": "proche des durées de vie de référence (≥ 0.8×)",
        "reference lifespans met (≥ 1×)": "durées de vie de référence atteintes (≥ 1×)",
        "equipment kept a quarter longer (≥ 1.25×)": "équipements gardés un quart plus longtemps (≥ 1.25×)",
        "equipment kept half as long again (≥ 1.5×)": "équipements gardés moitié plus longtemps (≥ 1.5×)",
    ]

    /// A level's name in both languages; a name another model gives, which has no French here, reads the same in both.
    static func label(_ english: String) -> Bilingual { Bilingual(fr: frenchLabels[english] ?? english, en: english) }
}
