import Foundation
import Formats
import Matching
import Store

/// `zusammenfassung.txt` beside the annotated file: what was checked, what
/// was found, and which rows could not be checked and why. German, for the customer.
struct JobSummary {
    let job: Job
    let customer: Customer
    let description: InputDescription
    let stats: MatchStats
    let outputName: String
    let at: Date

    /// Says that a workbook was read and a CSV comes back (summary and e-mail), ending in a line break.
    static func workbookNote(_ workbook: Workbook.Conversion) -> String {
        "Ihre Excel-Datei wurde gelesen (Blatt „\(TerminalText.escaped(workbook.sheet))“); die Ergebnisdatei\n"
            + "ist eine CSV-Datei (UTF-8 mit BOM, Trennzeichen Semikolon), die Excel direkt öffnet.\n"
    }

    var text: String {
        var lines = [
            "Robinson-Abgleich – Zusammenfassung",
            "",
            "Auftrag:          \(job.id)",
            "Eingangsdatei:    \(job.inputName)",
        ]
        if let repeatOf = job.repeatOf {
            lines.append("Hinweis:          Diese Datei ist identisch mit Auftrag \(repeatOf) (Wiederholung).")
        }
        if let workbook = description.workbook {
            lines.append("Hinweis:          " + Self.workbookNote(workbook).trimmingCharacters(in: .newlines)
                .replacingOccurrences(of: "\n", with: "\n                  "))
        }
        lines += [
            "Ergebnisdatei:    \(outputName)",
            "Abgeglichen am:   \(BerlinCalendar.germanDateTime(at))",
            "Gebuchte Listen:  \(customer.bookedLists.joined(separator: ", "))",
            "Listenstand:      \(stats.indexVersion)",
            "Verfügbar bis:    \(job.expiresAt.map(BerlinCalendar.germanDateTime) ?? "-")",
            "",
            "Datensätze:                         \(BerlinCalendar.germanCount(stats.rows))",
            "Gelistet (robinson = ja):           \(BerlinCalendar.germanCount(stats.ja))",
        ]
        for list in RobinsonList.allCases where stats.hits(list) > 0 {
            lines.append("  auf der Liste \(list.rawValue):".padding(toLength: 36, withPad: " ", startingAt: 0) + BerlinCalendar.germanCount(stats.hits(list)))
        }
        lines.append("Nicht gelistet (robinson = nein):   \(BerlinCalendar.germanCount(stats.nein))")
        if stats.household > 0 {
            lines.append("  davon Haushalt gelistet, andere Person (grund haushalt): \(BerlinCalendar.germanCount(stats.household))")
        }
        lines.append("Nicht prüfbar (robinson = pruefen): \(BerlinCalendar.germanCount(stats.pruefen))")
        for (grund, count) in stats.reasons.sorted(by: { $0.key < $1.key }) {
            let explanation = Reason.allCases.first { $0.grund == grund }?.explanation ?? ""
            let sample = (stats.reasonLines[grund] ?? []).map(String.init).joined(separator: ", ")
            lines.append("  \(grund): \(BerlinCalendar.germanCount(count)) – \(explanation) (z. B. Zeile \(sample))")
        }
        if description.blankLines > 0 {
            lines.append("Leerzeilen (unverändert übernommen): \(BerlinCalendar.germanCount(description.blankLines))")
        }
        if description.mixedEncodingRows > 0 {
            // A UTF-8 file with pasted Windows-1252 text: those rows were read as Windows-1252.
            lines.append("Zeilen in Windows-1252 statt UTF-8 (so gelesen): \(BerlinCalendar.germanCount(description.mixedEncodingRows))")
        }
        lines += [
            "",
            "Spalten: robinson = ja (gelistet, nicht bewerben) / nein / pruefen (nicht prüfbar,",
            "bitte Daten korrigieren und erneut abgleichen); robinson_listen = Listen des Treffers;",
            "robinson_grund = entscheidender Schlüssel oder Grund für pruefen.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
