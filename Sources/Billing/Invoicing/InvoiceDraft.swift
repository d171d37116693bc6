/// An invoice as it would be issued, before it has a number: what
/// `bill --dry-run` shows and what `bill` numbers and stores.
public struct InvoiceDraft: Sendable, Equatable {
    public var customerId: String
    public var month: YearMonth
    /// The document with an empty number (and an empty transfer reference).
    public var document: InvoiceDocument
    public var mandateReference: String?
    /// Charges (fees, interest) billed on this invoice; marked billed when it is issued.
    public var chargeIds: [Int64] = []

    /// The document with its number (the transfer reference is the number, too).
    public func numbered(_ number: InvoiceNumber) -> InvoiceDocument {
        var document = document
        document.number = number.description
        if case .transfer(var transfer) = document.payment {
            transfer.reference = number.description
            document.payment = .transfer(transfer)
        }
        return document
    }
}

/// A customer the month's run could not bill, and what to do about it.
public struct SkippedCustomer: Sendable, Equatable, CustomStringConvertible {
    public var customerId: String
    public var reason: String

    public var description: String { "\(customerId): \(reason)" }
}
