import Billing
import Foundation
import Store

extension MonthReport {
    /// The report as one self-contained HTML page in German: inline CSS and
    /// SVG, no script, and a Content-Security-Policy that lets the browser
    /// load nothing at all, so the page works offline and anything that
    /// slipped through escaping could neither run nor fetch.
    public var html: String {
        var page = HTMLPage()
        page.heading(1, "Monatsbericht \(month.germanName)")
        page.paragraph("Stand: \(Self.dateTime(generatedAt)) (Europe/Berlin). Verarbeitung: Dateien, die im \(month.germanName) "
                       + "angenommen wurden. Abrechnung: Rechnungen für den Leistungsmonat \(month.germanName), mit Zahlungen bis heute.",
                       class: "lead")
        let invoiceCount = invoices.filter { $0.kind == .invoice }.count
        page.summary([
            Self.count("files", "Dateien", files), Self.count("rows", "Zeilen geprüft", rows), Self.count("hits", "Treffer", totalHits),
            Self.count("rejected", "Abgelehnt", rejected.count), Self.count("invoices", "Rechnungen", invoiceCount),
            Self.money("open", "Offen", open),
        ])

        page.heading(2, "Verarbeitung pro Tag")
        page.chart(BarChart(id: "files-per-day", title: "Dateien pro Tag", bars: days.map { day in
            .init(label: String(day.date.day), value: Int64(day.files), valueText: String(day.files),
                  title: "\(day.date.germanString): \(day.files) \(day.files == 1 ? "Datei" : "Dateien")"
                      + (day.rejected > 0 ? ", davon \(day.rejected) abgelehnt" : ""))
        }))
        page.chart(BarChart(id: "rows-per-day", title: "Geprüfte Zeilen pro Tag", bars: days.map { day in
            .init(label: String(day.date.day), value: Int64(day.rows), valueText: GermanNumber.grouped(Int64(day.rows)),
                  title: "\(day.date.germanString): \(GermanNumber.grouped(Int64(day.rows))) Zeilen")
        }))
        if unfinished > 0 {
            page.paragraph("\(unfinished) Dateien des Monats sind nicht fertig (laufend oder fehlgeschlagen); der Status zeigt, warum.", class: "warn")
        }

        page.heading(2, "Treffer je Liste")
        page.chart(BarChart(id: "hits-per-list", title: "Treffer je Liste", bars: hits.map { list in
            .init(label: list.label, value: Int64(list.hits), valueText: GermanNumber.grouped(Int64(list.hits)),
                  title: "\(list.label): \(GermanNumber.grouped(Int64(list.hits))) Treffer")
        }, valuesAboveBars: true))

        page.heading(2, "Abgelehnte Dateien")
        page.table(["Angenommen", "Kunde", "Datei", "Auftrag", "Grund"], text: [2, 4], rows: rejected.map {
            [Self.dateTime($0.claimedAt), $0.customerId, $0.fileName, $0.jobId, $0.reason]
        }, empty: "Keine Datei abgelehnt.")

        page.heading(2, "Zurückgehaltene Dateien und anhaltende Probleme")
        page.paragraph("Was der Verarbeitungslauf zum Stand dieses Berichts meldet (angehaltene Kunden, fehlender oder veralteter Index, "
                       + "E-Mails, die nicht zugestellt werden können).", class: "note")
        page.table(["Seit", "Meldung"], text: [1], rows: problems.map { [Self.dateTime($0.since), $0.message] },
                   empty: "Nichts zurückgehalten, keine anhaltenden Probleme.")

        page.heading(2, "Rechnungen für \(month.germanName)")
        page.summary([
            Self.money("invoiced", "In Rechnung gestellt (ohne stornierte)", invoiced), Self.money("received", "Eingegangen", received),
            Self.money("returned", "Zurückgebucht (Rücklastschriften)", returned), Self.money("open", "Offen", open),
        ])
        page.table(["Nummer", "Kunde", "Name", "Datum", "Fällig", "Brutto", "Eingegangen", "Zurückgebucht", "Offen", "Stand", "Mahnstufe"],
                   numeric: [5, 6, 7, 8], text: [2], rows: invoices.map { invoice in
            [invoice.number, invoice.customerId, invoice.customerName, Self.germanDate(invoice.issueDate), Self.germanDate(invoice.dueDate),
             invoice.gross.germanFormatted, invoice.received.germanFormatted, invoice.returned.germanFormatted,
             invoice.open.germanFormatted, invoice.state.germanLabel,
             invoice.kind == .invoice ? (dunning.first { $0.level == invoice.dunningLevel }?.name ?? String(invoice.dunningLevel)) : ""]
        }, empty: "Für diesen Monat ist keine Rechnung ausgestellt.")

        page.heading(2, "Mahnstufen")
        page.chart(BarChart(id: "dunning-levels", title: "Rechnungen je Mahnstufe", bars: dunning.map { level in
            .init(label: level.name, value: Int64(level.invoices), valueText: String(level.invoices),
                  title: "\(level.name): \(level.invoices) \(level.invoices == 1 ? "Rechnung" : "Rechnungen"), offen \(level.open.germanFormatted)")
        }, valuesAboveBars: true))
        page.table(["Stufe", "Rechnungen", "Offen"], numeric: [1, 2], rows: dunning.map {
            [$0.name, String($0.invoices), $0.open.germanFormatted]
        }, empty: "")
        return page.document(title: "Robinson – Monatsbericht \(month.isoString)")
    }

    static func count(_ key: String, _ label: String, _ value: Int) -> HTMLPage.Figure {
        HTMLPage.Figure(key: key, label: label, value: Int64(value), text: GermanNumber.grouped(Int64(value)))
    }

    static func money(_ key: String, _ label: String, _ amount: Money) -> HTMLPage.Figure {
        HTMLPage.Figure(key: key, label: label, value: amount.cents, text: amount.germanFormatted)
    }

    /// `15.10.2026 10:00` in Berlin.
    static func dateTime(_ instant: Date) -> String {
        let time = BerlinTime(instant)
        return time.date.germanString + " " + (time.hour < 10 ? "0" : "") + String(time.hour) + ":" + (time.minute < 10 ? "0" : "") + String(time.minute)
    }

    /// `2026-11-02` as `02.11.2026`; anything else as it is.
    static func germanDate(_ iso: String) -> String {
        CalendarDate(iso: iso)?.germanString ?? iso
    }
}
