/// The payment paragraph: the SEPA pre-notification, the transfer request
/// with our bank details, or how a credit note is settled.
enum InvoicePaymentText {
    static func paragraph(_ document: InvoiceDocument) -> String {
        let amount = document.gross.germanFormatted
        switch document.payment {
        case .directDebit(let debit):
            // Amount, date, mandate reference and creditor id make it a valid pre-notification.
            return "Wir ziehen den Betrag von \(amount) am \(debit.collectionDate.germanString) mit Mandatsreferenz "
                + "\(debit.mandateReference) und Gläubiger-ID \(debit.creditorIdentifier) von Ihrem Konto "
                + "\(Iban.masked(debit.debtorIban)) ein."
        case .transfer(let transfer):
            var lines = ["Bitte überweisen Sie \(amount) bis zum \(document.dueDate.germanString) auf unser Konto:",
                         "Kontoinhaber: \(transfer.accountHolder)",
                         "IBAN: \(grouped(iban: transfer.iban))"]
            if let bic = transfer.bic { lines.append("BIC: \(bic)") }
            if let bank = transfer.bankName { lines.append("Bank: \(bank)") }
            lines.append("Verwendungszweck: \(transfer.reference)")
            return lines.joined(separator: "\n")
        case .settlement:
            return "Den Betrag von \(amount) verrechnen wir mit Ihrer nächsten Rechnung; ist nichts offen, "
                + "erstatten wir ihn bis zum \(document.dueDate.germanString) auf Ihr Konto."
        }
    }

    /// `DE02 1203 0000 0000 2020 51`.
    static func grouped(iban text: String) -> String {
        (try? Iban(text))?.grouped ?? text
    }
}
