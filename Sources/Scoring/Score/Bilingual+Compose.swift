import Model

/// Building the scorer's bilingual texts (evidence details, criterion notes, card notes) from parts.
///
/// The French is written with ordinary spaces before ":" and ";" and inside « »; `Bilingual.say` turns them into
/// the no-break spaces French typography wants, so a colon never starts a line in the report. Numbers stay plainly formatted
/// in both languages: the report formats the card's figures, not these texts.
extension Bilingual {
    /// A text whose French and English are written here.
    static func say(fr: String, en: String) -> Bilingual {
        var french = fr
        for (plain, spaced) in [(" :", "\u{00A0}:"), (" ;", "\u{00A0};"), ("« ", "«\u{00A0}"), (" »", "\u{00A0}»")] {
            french = french.replacingOccurrences(of: plain, with: spaced)
        }
        return Bilingual(fr: french, en: en)
    }

    /// A text that reads the same in both languages: names, URLs, codes, lists of hosts.
    init(same text: String) { self.init(fr: text, en: text) }

    /// Both languages transformed alike (a name, a period, brackets around the text).
    func map(_ transform: (String) -> String) -> Bilingual { Bilingual(fr: transform(fr), en: transform(en)) }

    static func + (lhs: Bilingual, rhs: Bilingual) -> Bilingual { Bilingual(fr: lhs.fr + rhs.fr, en: lhs.en + rhs.en) }

    /// A metric's unit as a word of each language ("bytes" → "octets"); symbols (ms, Wh) read the same.
    static func unit(_ unit: String) -> Bilingual {
        let french = ["bytes": "octets", "requests": "requêtes", "files": "fichiers", "hosts": "hôtes",
                      "elements": "éléments", "level": "niveau"]
        return Bilingual(fr: french[unit] ?? unit, en: unit)
    }
}

extension Array where Element == Bilingual {
    /// Joined language by language; `separator` as French typography wants it (no-break space before ";").
    func joined(separator: String) -> Bilingual {
        let french = separator.hasPrefix(";") ? "\u{00A0}" + separator : separator
        return Bilingual(fr: map(\.fr).joined(separator: french), en: map(\.en).joined(separator: separator))
    }
}

extension EvidenceRequest {
    /// A request that counts against a metric, with why in both languages (`detail` keeps the English).
    init(url: String, step: String?, text: Bilingual) {
        self.init(url: url, step: step, detail: text.en, detailText: text)
    }
}

extension OffendingRequest {
    /// A request a check holds against the page, with why in both languages (`detail` keeps the English).
    init(url: String, page: Int, transferBytes: Int, estimatedSavingBytes: Int, text: Bilingual) {
        self.init(url: url, page: page, transferBytes: transferBytes, estimatedSavingBytes: estimatedSavingBytes,
                  detail: text.en, detailText: text)
    }
}
