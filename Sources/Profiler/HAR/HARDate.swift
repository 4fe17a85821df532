import Foundation

/// HAR's dates: ISO 8601 with a time zone (`2016-01-25T22:21:09.452+01:00`, `2016-01-19T06:46:30.145Z`).
/// Parsed by hand so that any number of fractional digits, `Z`, `±hh:mm`, `±hhmm` or `±hh` all read the
/// same on every platform; written in UTC with milliseconds.
public enum HARDate {
    /// The date, or nil when the text is not an ISO 8601 date-time with a time zone (a missing zone is read as UTC).
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var n = 0
            for k in i..<(i + count) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                n = n * 10 + Int(b[k] - 0x30)
            }
            i += count
            return n
        }
        func skip(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " "),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        i += 1
        guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
        var second = 0.0
        if skip(":") {
            guard let whole = number(2), whole <= 60 else { return nil }
            second = Double(whole)
            if skip(".") || skip(",") {
                var fraction = 0
                var scale = 1
                let start = i
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                    if scale < 1_000_000_000 {  // nanoseconds are plenty
                        fraction = fraction * 10 + Int(b[i] - 0x30)
                        scale *= 10
                    }
                    i += 1
                }
                guard i > start else { return nil }
                second += Double(fraction) / Double(scale)
            }
        }
        var offsetSeconds = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hours = number(2) else { return nil }
                _ = skip(":")
                let minutes = i < b.count ? number(2) : 0
                guard let minutes else { return nil }
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
            }
            guard i == b.count else { return nil }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2016-01-25T20:37:02.473Z`: UTC, milliseconds (rounded).
    public static func format(_ date: Date) -> String {
        let totalMs = (date.timeIntervalSince1970 * 1000).rounded()
        let ms = Int(totalMs.truncatingRemainder(dividingBy: 1000) + 1000) % 1000
        let seconds = Int(((totalMs - Double(ms)) / 1000).rounded())
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2))"
            + ":\(pad(secondOfDay % 60, 2)).\(pad(ms, 3))Z"
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
