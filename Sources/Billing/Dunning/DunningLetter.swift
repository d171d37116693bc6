import Documents
import Foundation

/// The PDF of a reminder or dunning letter, in the look of the invoices:
/// same letterhead, window, footer, and an itemised statement.
enum DunningLetter {
    static func pdf(level: DunningLevel, finalLevel: Bool, invoice: InvoiceDocument, statement: DunningStatement,
                    date: CalendarDate, payBy: CalendarDate, interestText: String?) throws -> [UInt8] {
        let seller = invoice.seller
        var paragraphs = [
            "Sehr geehrte Damen und Herren,",
            "unsere Rechnung \(invoice.number) vom \(invoice.issueDate.germanString) über \(invoice.gross.germanFormatted) war am \(invoice.dueDate.germanString) fällig. Bis heute haben wir nicht den vollen Betrag erhalten.",
        ]
        switch (level.number, finalLevel) {
        case (1, false):
            paragraphs.append("Sicher ist Ihnen die Zahlung nur entgangen. Bitte überweisen Sie den offenen Betrag bis zum \(payBy.germanString). Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.")
        case (_, true):
            paragraphs.append("Sie befinden sich seit dem \(invoice.dueDate.adding(days: 1).germanString) in Verzug (§ 286 BGB). Wir fordern Sie letztmalig auf, den Gesamtbetrag bis zum \(payBy.germanString) zu zahlen. Andernfalls sperren wir den Zugang zum Abgleich und übergeben die Forderung ohne weitere Ankündigung.")
        default:
            paragraphs.append("Bitte zahlen Sie den Gesamtbetrag bis zum \(payBy.germanString).")
        }
        if let interestText { paragraphs.append(interestText) }
        let table = ItemTable(
            columns: [.init("Posten", width: 140), .init("Betrag", width: 30, alignment: .right)],
            rows: statement.items.map { ItemTable.Row([$0.text, $0.amount.germanFormatted]) })
        let account = InvoicePaymentText.grouped(iban: seller.iban)
        let letter = Letter(
            letterhead: Letterhead(name: seller.name, lines: InvoiceParties.letterheadLines(seller)),
            returnAddress: InvoiceParties.returnAddress(seller),
            recipient: InvoiceParties.addressLines(name: invoice.buyer.name, address: invoice.buyer.address),
            info: [
                LabeledValue("Datum", date.germanString), LabeledValue("Kundennummer", invoice.customerId),
                LabeledValue("Rechnung", invoice.number), LabeledValue("Zahlbar bis", payBy.germanString),
            ],
            title: "\(level.name) zu Rechnung \(invoice.number)",
            paragraphs: paragraphs,
            table: table,
            totals: [LabeledValue("Gesamtbetrag", statement.total.germanFormatted)],
            closing: [
                "Bitte überweisen Sie \(statement.total.germanFormatted) auf unser Konto \(account)\(seller.bic.map { ", BIC \($0)" } ?? ""), Verwendungszweck: \(invoice.number).",
                "Mit freundlichen Grüßen\n\(seller.name)",
            ],
            footer: InvoiceParties.footer(seller),
            metadata: LetterMetadata(title: "\(level.name) \(invoice.number)", author: seller.name,
                                     subject: "\(level.name) zu Rechnung \(invoice.number)", creator: "Robinson",
                                     creationDate: date.noonInBerlin))
        return try LetterRenderer.dejaVuSans().pdf(letter)
    }
}
