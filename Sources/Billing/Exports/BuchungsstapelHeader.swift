import Foundation

/// Line 1 of an EXTF Buchungsstapel (header version 700, format category 21,
/// format version 13): who the batch is for and which period it covers.
/// The 31 fields in DATEV's order; unused optional ones stay empty.
struct BuchungsstapelHeader {
    var created: Date
    var consultantNumber: Int
    var clientNumber: Int
    var fiscalYearStart: CalendarDate
    var accountLength: Int
    var from: CalendarDate
    var to: CalendarDate
    /// Bezeichnung, at most 30 characters.
    var description: String
    var chartOfAccounts: String

    var fields: [String] {
        [
            quoted("EXTF"), "700", "21", quoted("Buchungsstapel"), "13", Self.timestamp(created),
            "",                      // 7 Importiert (set by DATEV)
            quoted("RE"),            // 8 Herkunft: Rechnungswesen
            quoted("robinson"),      // 9 Exportiert von
            quoted(""),              // 10 Importiert von
            String(consultantNumber), String(clientNumber), Self.day(fiscalYearStart), String(accountLength),
            Self.day(from), Self.day(to), quoted(String(description.prefix(30))),
            quoted(""),              // 18 Diktatkürzel
            "1",                     // 19 Buchungstyp: Finanzbuchführung
            "0",                     // 20 Rechnungslegungszweck: unabhängig
            "0",                     // 21 Festschreibung: no, the accountant may still correct
            quoted("EUR"),           // 22 WKZ
            "", quoted(""), "", "",  // 23 reserviert, 24 Derivatskennzeichen, 25–26 reserviert
            quoted(chartOfAccounts), // 27 SKR
            "", "", quoted(""),      // 28 Branchen-Lösungs-ID, 29 reserviert, 30 reserviert
            quoted(""),              // 31 Anwendungsinformation
        ]
    }

    /// YYYYMMDDHHMMSSFFF in Europe/Berlin.
    static func timestamp(_ date: Date) -> String {
        let time = BerlinTime(date)
        return time.compact + BerlinTime.pad(time.millisecond, 3)
    }

    /// YYYYMMDD.
    static func day(_ date: CalendarDate) -> String { date.basicString }
}

/// A DATEV text field: in double quotes, inner quotes doubled, control characters (a line break in a name) as spaces.
func quoted(_ text: String) -> String {
    let flat = String(text.map { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } ? $0 : " " })
    return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
