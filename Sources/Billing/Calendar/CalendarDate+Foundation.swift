import Foundation

extension CalendarDate {
    /// Europe/Berlin, the time zone of the business and its banks.
    public static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// The calendar day in Germany at `instant`: 23:30 UTC on 31 December is
    /// already 1 January in Berlin, and that is the day our business runs on.
    public init(_ instant: Date, timeZone: TimeZone = CalendarDate.berlin) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
