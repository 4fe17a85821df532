import Foundation

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.
/// Used wherever a recorded `Expires` or `Last-Modified` value is read back.
public enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]

    /// nil when the text is no HTTP date (which a cache reads as "already expired").
    public static func parse(_ text: String) -> Date? {
        // asctime pads the day with a space ("Jan  1"): collapse runs of spaces.
        let text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in formats {
            // A formatter per call: DateFormatter is not safe to share across the page-load threads.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
