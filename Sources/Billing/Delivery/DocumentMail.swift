import Foundation
import Mail
import Store

/// The German e-mails that carry our documents to customers: an invoice or
/// credit note with its PDF and XRechnung XML, a reminder or dunning letter
/// with its PDF. From the seller's electronic address, replies to the
/// seller's contact; the Message-ID is derived from the document, so a
/// message written again after a crash is the same message.
enum DocumentMail {
    /// What a message is about: one key, at most one message (`OutgoingMail`).
    static func key(invoice number: String) -> String { "invoice:" + number }
    static func key(dunning number: String, level: Int) -> String { "dunning:\(number):\(level)" }

    /// `checkedSeller` refused a seller whose addresses are not e-mail addresses before anything was issued.
    static func sender(_ seller: Seller) throws(BillingSetupError) -> (from: MailAddress, replyTo: MailAddress?) {
        guard let from = MailAddress(name: seller.name, address: seller.email) else {
            throw BillingSetupError(missingKeys: [], invalid: ["seller.email: '\(seller.email)' is no e-mail address"])
        }
        return (from, MailAddress(name: seller.contact.name, address: seller.contact.email))
    }

    static func signature(_ seller: Seller) -> String {
        "Mit freundlichen Grüßen\n\(seller.name)\n\n\(seller.contact.name)\nTelefon \(seller.contact.phone)\n\(seller.contact.email)\n"
    }

    /// An invoice or credit note with both files attached.
    static func document(_ document: InvoiceDocument, record: InvoiceRecord, to recipient: MailAddress, seller: Seller, date: Date,
                         pdf: MailAttachment, xml: MailAttachment) throws -> MailMessage {
        let sender = try sender(seller)
        let key = key(invoice: record.number)
        let subject: String
        var text = "Guten Tag,\n\n"
        switch document.kind {
        case .invoice:
            subject = "Rechnung \(record.number) von \(seller.name)"
            text += "anbei erhalten Sie unsere Rechnung \(record.number) vom \(document.issueDate.germanString) über "
                + "\(document.gross.germanFormatted) für den Leistungszeitraum \(document.servicePeriod.germanText), als PDF und als "
                + "elektronische Rechnung (XRechnung, XML).\n\n"
            switch document.payment {
            case .directDebit(let debit):
                text += "Den Betrag ziehen wir am \(debit.collectionDate.germanString) von Ihrem Konto \(Iban.masked(debit.debtorIban)) "
                    + "ein (Mandatsreferenz \(debit.mandateReference)).\n\n"
            case .transfer:
                text += "Bitte überweisen Sie den Betrag bis zum \(document.dueDate.germanString) mit der Rechnungsnummer "
                    + "\(record.number) als Verwendungszweck.\n\n"
            case .settlement:
                break
            }
        case .creditNote:
            let invoice = document.precedingInvoice.map { " zur Rechnung \($0.number)" } ?? ""
            subject = "Rechnungskorrektur \(record.number)\(invoice) von \(seller.name)"
            text += "anbei erhalten Sie unsere Rechnungskorrektur \(record.number) vom \(document.issueDate.germanString)\(invoice) "
                + "über \(document.gross.germanFormatted), als PDF und als elektronische Rechnung (XRechnung, XML).\n\n"
                + InvoicePaymentText.paragraph(document) + "\n\n"
        }
        text += signature(seller)
        return MailMessage(from: sender.from, to: [recipient], replyTo: sender.replyTo, subject: subject, date: date,
                           messageId: MailMessage.messageId(for: key, from: sender.from), text: text, attachments: [pdf, xml])
    }

    /// A reminder or dunning letter with its PDF.
    static func dunning(level: DunningLevel, invoice: String, total: Money, payBy: CalendarDate, to recipient: MailAddress,
                        seller: Seller, date: Date, pdf: MailAttachment) throws -> MailMessage {
        let sender = try sender(seller)
        let key = key(dunning: invoice, level: level.number)
        let text = "Guten Tag,\n\n"
            + "anbei erhalten Sie unsere \(level.name) zur Rechnung \(invoice). Bitte zahlen Sie \(total.germanFormatted) "
            + "bis zum \(payBy.germanString). Haben Sie in den letzten Tagen bereits gezahlt, betrachten Sie dieses Schreiben bitte als gegenstandslos.\n\n"
            + signature(seller)
        return MailMessage(from: sender.from, to: [recipient], replyTo: sender.replyTo, subject: "\(level.name) zur Rechnung \(invoice)",
                           date: date, messageId: MailMessage.messageId(for: key, from: sender.from), text: text, attachments: [pdf])
    }
}
