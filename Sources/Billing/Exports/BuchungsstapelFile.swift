import Foundation
import Formats

/// The bytes of an EXTF Buchungsstapel: header, column names, one line per
/// booking with all 125 columns; `;`, CRLF, Windows-1252, decimal comma.
struct BuchungsstapelFile {
    var header: BuchungsstapelHeader
    var bookings: [DatevBooking]

    var text: String {
        var lines = [header.fields.joined(separator: ";"), BuchungsstapelColumns.names.map(quoted).joined(separator: ";")]
        lines += bookings.map(line)
        return lines.map { $0 + "\r\n" }.joined()
    }

    var bytes: [UInt8] { TextEncoding.windows1252Bytes(text) }

    private func line(_ booking: DatevBooking) -> String {
        var fields = [String](repeating: "", count: BuchungsstapelColumns.names.count)
        fields[0] = Self.amount(booking.amount)
        fields[1] = quoted(booking.side.rawValue)
        fields[2] = quoted("EUR")
        fields[6] = String(booking.account)
        fields[7] = String(booking.contraAccount)
        // 8 BU-Schlüssel stays empty: each revenue account (8400, 8336, 8338) carries its tax treatment itself.
        fields[9] = BerlinTime.pad(booking.date.day, 2) + BerlinTime.pad(booking.date.month, 2)
        fields[10] = quoted(String(Self.documentField(booking.document).prefix(36)))
        fields[13] = quoted(String(booking.text.prefix(60)))
        fields[17] = booking.sachverhalt.map { String($0.rawValue) } ?? ""
        if let vatId = booking.euVatId { fields[BuchungsstapelColumns.euVatId] = quoted(vatId) }
        if booking.reversal { fields[BuchungsstapelColumns.generalReversal] = quoted("1") }
        return fields.joined(separator: ";")
    }

    /// `1234,56`: no thousands separator, always two decimals, never negative.
    static func amount(_ money: Money) -> String {
        money.xmlValue.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: ",")
    }

    /// Belegfeld 1 allows only letters, digits and `$ & % * + - /`; anything else is dropped.
    static func documentField(_ text: String) -> String {
        String(text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "$&%*+-/".contains($0)) })
    }
}
