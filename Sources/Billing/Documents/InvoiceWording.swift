/// The words that differ between an invoice and a credit note
/// (Rechnungskorrektur): title, labels and the sign amounts are shown with.
struct InvoiceWording {
    let documentName: String
    let title: String
    let introduction: String
    let numberLabel: String
    let dateLabel: String
    /// -1 for a credit note: the model holds its amounts positive, the letter shows them negative.
    let sign: Int64

    init(_ document: InvoiceDocument) {
        switch document.kind {
        case .invoice:
            documentName = "Rechnung \(document.number)"
            title = "Rechnung Nr. \(document.number)"
            introduction = "Sehr geehrte Damen und Herren,\nfür unsere Leistungen im Zeitraum \(document.servicePeriod.germanText) berechnen wir Ihnen:"
            numberLabel = "Rechnungsnummer"
            dateLabel = "Rechnungsdatum"
            sign = 1
        case .creditNote:
            documentName = "Rechnungskorrektur \(document.number)"
            let preceding = document.precedingInvoice
            title = "Rechnungskorrektur Nr. \(document.number)"
                + (preceding.map { " zur Rechnung \($0.number) vom \($0.issueDate.germanString)" } ?? "")
            introduction = "Sehr geehrte Damen und Herren,\n"
                + (preceding.map { GermanWording.sentence("wir korrigieren die Rechnung \($0.number) vom \($0.issueDate.germanString). Grund: \($0.reason)") }
                    ?? "wir korrigieren unsere Rechnung.")
                + " Wir schreiben Ihnen gut:"
            numberLabel = "Nummer"
            dateLabel = "Datum"
            sign = -1
        }
    }
}
