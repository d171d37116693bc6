/// Everything an issued invoice or credit note says, frozen when its number
/// is assigned. The PDF and the XRechnung XML are both rendered from this
/// value, and it is stored as JSON with the invoice, so a document written
/// again after a crash is the same document.
///
/// Amounts are as printed on an invoice: positive. A credit note
/// (`kind == .creditNote`) repeats the lines of the invoice it reverses with
/// positive amounts; its type says it is a reversal (CII type code 381).
public struct InvoiceDocument: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case invoice
        case creditNote
    }

    public var kind: Kind
    /// `YYYY-NNNNNN` (BT-1).
    public var number: String
    /// BT-2.
    public var issueDate: CalendarDate
    /// BT-9; for a credit note the date it is settled by.
    public var dueDate: CalendarDate
    /// What the invoice covers (BT-73/74): the service month, extended to
    /// every line's own period (an annual fee billed ahead runs into next year).
    public var servicePeriod: ServicePeriod
    public var seller: Seller
    public var buyer: Party
    /// Our customer number (shown on the letter; BT-46 in the XML).
    public var customerId: String
    /// BT-10: the buyer's Leitweg-ID, or the customer number when they gave none (BR-DE-15).
    public var buyerReference: String
    public var lines: [InvoiceLine]
    public var payment: PaymentTerms
    /// For a credit note: the invoice it reverses (BT-25/26) and why.
    public var precedingInvoice: PrecedingInvoice?
    /// Free text printed above the totals and carried as BT-22 notes.
    public var notes: [String]
    /// For a credit note: what the reversed invoice had received, and when we refund it. Absent in
    /// credit notes issued before it existed, which keep their wording.
    public var creditSettlement: CreditSettlement?
    /// How the invoice is taxed (``PlaceOfSupply``); absent in documents issued before it existed, which were all domestic.
    public var vatTreatment: VatTreatment?

    public init(kind: Kind, number: String, issueDate: CalendarDate, dueDate: CalendarDate, servicePeriod: ServicePeriod,
                seller: Seller, buyer: Party, customerId: String, buyerReference: String, lines: [InvoiceLine],
                payment: PaymentTerms, precedingInvoice: PrecedingInvoice? = nil, notes: [String] = []) {
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.servicePeriod = servicePeriod
        self.seller = seller
        self.buyer = buyer
        self.customerId = customerId
        self.buyerReference = buyerReference
        self.lines = lines
        self.payment = payment
        self.precedingInvoice = precedingInvoice
        self.notes = notes
    }

    /// Net per VAT category and rate, VAT computed once per rate (BR-CO-17).
    public var vat: VatBreakdown { VatBreakdown(lines: lines.map { (net: $0.net, rate: $0.vatRate, category: $0.vatCategory) }) }
    /// German VAT, reverse charge or not taxable in Germany.
    public var treatment: VatTreatment { vatTreatment ?? .domestic }
    /// BT-106: sum of the line nets.
    public var lineTotal: Money { lines.map(\.net).sum() }
    /// BT-112 (= BT-115, nothing is prepaid).
    public var gross: Money { vat.gross }
}

/// How a credit note settles the invoice it reverses, as it stood when the credit note was issued.
public struct CreditSettlement: Codable, Sendable, Equatable {
    /// What the invoice had received or was being collected (a debit under way).
    public var paid: Money
    /// The day we refund `paid` by; nil when nothing was paid.
    public var refundBy: CalendarDate?

    public init(paid: Money, refundBy: CalendarDate?) {
        self.paid = paid
        self.refundBy = refundBy
    }
}

/// The invoice a credit note reverses.
public struct PrecedingInvoice: Codable, Sendable, Equatable {
    public var number: String
    public var issueDate: CalendarDate
    public var reason: String

    public init(number: String, issueDate: CalendarDate, reason: String) {
        self.number = number
        self.issueDate = issueDate
        self.reason = reason
    }
}

/// First and last day of what is billed (both inclusive).
public struct ServicePeriod: Codable, Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The whole calendar month.
    public init(month: YearMonth) {
        self.init(start: month.firstDay, end: month.lastDay)
    }

    /// The smallest period holding this one and `others`: an invoice's period
    /// must contain each line's (PEPPOL-EN16931-R110/R111).
    public func covering(_ others: [ServicePeriod]) -> ServicePeriod {
        ServicePeriod(start: others.map(\.start).reduce(start, min), end: others.map(\.end).reduce(end, max))
    }

    /// `01.10.2026 – 31.10.2026`, or `Oktober 2026` for exactly one calendar month.
    public var germanText: String {
        if start == start.firstOfMonth && end == start.lastOfMonth { return start.yearMonth.germanName }
        return "\(start.germanString) – \(end.germanString)"
    }
}
