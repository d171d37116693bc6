/// A returned or rejected direct debit as a bank reports it (camt.054/053,
/// pain.002, or the banks' CSV), reduced to what booking needs.
public struct ReturnNotice: Sendable, Equatable {
    /// Our invoice number, as sent in the pain.008.
    public var endToEndId: String
    /// nil where the bank's file does not say (some pain.002): the debited amount is meant.
    public var amount: Money?
    /// ISO 20022 reason code (`AM04`, `MD07`, …).
    public var reason: String
    public var date: CalendarDate
    /// Identifies the bank entry, so a file imported twice books once.
    public var entryReference: String
    /// The file it came from, for the audit log.
    public var source: String

    public init(endToEndId: String, amount: Money?, reason: String, date: CalendarDate, entryReference: String, source: String) {
        self.endToEndId = endToEndId
        self.amount = amount
        self.reason = reason
        self.date = date
        self.entryReference = entryReference
        self.source = source
    }
}

/// An incoming credit transfer from a bank statement (camt.053).
public struct PaymentNotice: Sendable, Equatable {
    public var amount: Money
    public var date: CalendarDate
    /// The payer's remittance text, where they (hopefully) wrote the invoice number.
    public var remittance: String
    public var payer: String?
    public var entryReference: String
    public var source: String

    public init(amount: Money, date: CalendarDate, remittance: String, payer: String?, entryReference: String, source: String) {
        self.amount = amount
        self.date = date
        self.remittance = remittance
        self.payer = payer
        self.entryReference = entryReference
        self.source = source
    }

    /// The first invoice number (`YYYY-NNNNNN`) in the remittance text, if any.
    public var invoiceNumber: String? {
        let characters = Array(remittance)
        guard characters.count >= 11 else { return nil }
        for start in 0...(characters.count - 11) {
            let candidate = String(characters[start..<start + 11])
            let before = start > 0 ? characters[start - 1] : " "
            let after = start + 11 < characters.count ? characters[start + 11] : " "
            if InvoiceNumber(candidate) != nil, !before.isNumber, !after.isNumber { return candidate }
        }
        return nil
    }
}
