import Documents
import Foundation

/// The PDF of an invoice or credit note: a German DIN 5008 letter carrying
/// every field §14 (4) UStG requires (FACTS "Invoices"), and for SEPA
/// customers the pre-notification (FACTS "Pre-notification").
///
/// The same document always gives the same bytes: the PDF's creation date is
/// the issue date at noon in Berlin, never the time of rendering.
public enum InvoiceLetter {
    /// Renders `document`; safe to call from several threads at once.
    public static func pdf(_ document: InvoiceDocument) throws(LetterError) -> [UInt8] {
        try LetterRenderer.dejaVuSans().pdf(letter(document))
    }

    /// The letter `pdf` renders, for callers that need another renderer or font.
    public static func letter(_ document: InvoiceDocument) -> Letter {
        let wording = InvoiceWording(document)
        return Letter(
            letterhead: Letterhead(name: document.seller.name, lines: InvoiceParties.letterheadLines(document.seller)),
            returnAddress: InvoiceParties.returnAddress(document.seller),
            recipient: InvoiceParties.addressLines(name: document.buyer.name, address: document.buyer.address),
            info: info(document, wording),
            title: wording.title,
            paragraphs: [wording.introduction],
            table: InvoiceItems.table(document, sign: wording.sign),
            // A credit note's note repeats what its introduction already says (invoice and reason);
            // why there is no German VAT is said on both.
            notes: (document.kind == .creditNote ? [] : document.notes) + [document.treatment.note].compactMap { $0 },
            totals: InvoiceItems.totals(document, sign: wording.sign),
            closing: [InvoicePaymentText.paragraph(document), "Mit freundlichen Grüßen\n\(document.seller.name)"],
            footer: InvoiceParties.footer(document.seller),
            metadata: LetterMetadata(title: wording.documentName, author: document.seller.name,
                                     subject: "\(wording.documentName), Leistungszeitraum \(document.servicePeriod.germanText)",
                                     creator: "Robinson", creationDate: document.issueDate.noonInBerlin)
        )
    }

    private static func info(_ document: InvoiceDocument, _ wording: InvoiceWording) -> [LabeledValue] {
        var info = [
            LabeledValue(wording.numberLabel, document.number),
            LabeledValue(wording.dateLabel, document.issueDate.germanString),
            LabeledValue("Kundennummer", document.customerId),
        ]
        if document.buyerReference != document.customerId { info.append(LabeledValue("Ihre Referenz", document.buyerReference)) }
        info.append(LabeledValue("Leistungszeitraum", document.servicePeriod.germanText))
        if let vatId = document.buyer.vatId { info.append(LabeledValue("Ihre USt-IdNr.", vatId)) }
        if let taxNumber = document.buyer.taxNumber { info.append(LabeledValue("Ihre Steuernummer", taxNumber)) }
        if document.kind == .invoice { info.append(LabeledValue("Fällig am", document.dueDate.germanString)) }
        return info
    }
}
