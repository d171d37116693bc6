import Foundation

/// A moment as the wall clock in Berlin shows it, for the timestamps that
/// files carry (pain.008 `CreDtTm` and `MsgId`, the DATEV header).
public struct BerlinTime: Sendable, Equatable {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int

    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.berlin
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: instant)
        date = CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
        hour = c.hour!
        minute = c.minute!
        second = c.second!
        millisecond = c.nanosecond! / 1_000_000
    }

    /// `20261102080000`.
    public var compact: String {
        date.basicString + Self.pad(hour, 2) + Self.pad(minute, 2) + Self.pad(second, 2)
    }

    /// `2026-11-02T08:00:00` (ISO 8601 without offset).
    public var isoString: String {
        date.isoString + "T" + Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":" + Self.pad(second, 2)
    }

    /// `value` with leading zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CalendarDate {
    /// `20261102`: ISO 8601 basic format (CII format 102, DATEV dates).
    public var basicString: String { String(isoString.filter { $0 != "-" }) }

    /// Noon of this day in Berlin: a time stamp for documents that must not
    /// depend on when they were rendered (PDF creation dates).
    public var noonInBerlin: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.berlin
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }
}
