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
            guard let settlement = document.creditSettlement else {
                // The wording of credit notes issued before the settlement was recorded; they are re-rendered as they were.
                return "Den Betrag von \(amount) verrechnen wir mit Ihrer nächsten Rechnung; ist nichts offen, "
                    + "erstatten wir ihn bis zum \(document.dueDate.germanString) auf Ihr Konto."
            }
            return creditText(document, settlement)
        }
    }

    /// A credit note: an unpaid amount is no longer owed; a paid one is refunded by a named day.
    static func creditText(_ document: InvoiceDocument, _ settlement: CreditSettlement) -> String {
        let gross = document.gross
        let invoice = document.precedingInvoice.map { "der Rechnung \($0.number) " } ?? ""
        guard settlement.paid.cents > 0, let refundBy = settlement.refundBy else {
            return "Den Betrag \(invoice)von \(gross.germanFormatted) müssen Sie nicht mehr zahlen."
        }
        let refunded = Money(cents: min(settlement.paid.cents, gross.cents))
        var text = "Den bereits gezahlten oder eingezogenen Betrag von \(refunded.germanFormatted) erstatten wir Ihnen bis zum "
            + "\(refundBy.germanString) auf Ihr Konto."
        if refunded < gross {
            text += " Den Rest \(invoice)von \((gross - refunded).germanFormatted) müssen Sie nicht mehr zahlen."
        }
        return text
    }

    /// `DE02 1203 0000 0000 2020 51`.
    static func grouped(iban text: String) -> String {
        (try? Iban(text))?.grouped ?? text
    }
}
