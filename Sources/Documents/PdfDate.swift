import Foundation

/// The ISO 8601 form cairo expects for the PDF dates, in UTC so that the
/// machine's time zone cannot change the bytes.
enum PdfDate {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
