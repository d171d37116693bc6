import Foundation

/// Dates and amounts as banks write them.
enum BankValues {
    /// `2026-11-03`, `2026-11-03T10:15:00+01:00` (the day as written, no time
    /// zone shift: banks write local booking days) or `03.11.2026`.
    static func date(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: trimmed.prefix(10)), trimmed.count == 10 || trimmed.dropFirst(10).first == "T" {
            return iso
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// An XML decimal (`49.90`, `49.9`, `49.900`): ISO allows up to five
    /// decimals; zeros beyond the cent are dropped, anything else is refused.
    static func xmlAmount(_ text: String) -> Money? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if let dot = body.firstIndex(of: ".") {
            while body.distance(from: dot, to: body.endIndex) > 3, body.hasSuffix("0") { body.removeLast() }
        }
        guard !body.contains(","), let amount = try? Money(parsing: body) else { return nil }
        return amount
    }
}
