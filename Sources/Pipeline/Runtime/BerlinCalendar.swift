import Foundation

/// Calendar dates as the company and its customers see them: Europe/Berlin.
public enum BerlinCalendar {
    public static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// `YYYY-MM` of the Berlin calendar month containing `date` (the service month).
    public static func month(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }

    /// `28.11.2026, 14:05 Uhr`, for German texts.
    public static func germanDateTime(_ date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d.%02d.%04d, %02d:%02d Uhr", p.day!, p.month!, p.year!, p.hour!, p.minute!)
    }

    /// `2026-11-28T14:05:09+01:00`: ISO 8601 in Berlin with its offset, the one
    /// time format of every listing, log line and note.
    public static func timestamp(_ date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date) / 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!,
                      offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
    }

    /// `2026-11-28 14:05` local time, for the CLI.
    public static func shortDateTime(_ date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!)
    }

    /// German number with thousands dots: 1.234.567.
    public static func germanCount(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
