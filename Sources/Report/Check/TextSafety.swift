/// Text from a target (step names, URLs) made safe for the places check outputs go.
enum TextSafety {
    /// Control characters (which could move a terminal's cursor or recolour it) become U+FFFD; tabs and line
    /// breaks become spaces so a value stays on its row.
    static func singleLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: " "
            case 0x00...0x1F, 0x7F...0x9F: "\u{FFFD}"
            default: scalar
            }
        }))
    }

    /// XML 1.0 text or attribute value: the five special characters escaped; characters XML cannot carry at
    /// all (most C0 controls, lone surrogates cannot occur in Swift strings) replaced by U+FFFD.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                let allowed = v >= 0x20 && v != 0xFFFE && v != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Markdown inline text (a table cell or a list item on GitHub): punctuation that would format or break
    /// the table is backslash-escaped, HTML is neutralised, and everything stays on one line.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in singleLine(s) {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "(", ")": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}
