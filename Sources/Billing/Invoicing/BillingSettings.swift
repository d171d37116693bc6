import Formats

/// How invoices are issued; the CLI fills it from the `seller.*` and
/// `billing.*` configuration keys (docs/configuration.md, "Configuration").
public struct BillingSettings: Sendable {
    /// Us, as printed on every invoice; nil until configured.
    public var seller: Seller?
    /// Invoices for a month are dated on this working day of the following
    /// month (1 = the first working day, 001 §5.2), or on the day of the run if later.
    public var issueWorkingDay = 1
    /// When SEPA invoices are collected; printed in the pre-notification.
    public var collection = CollectionDateRule()
    /// An XSD (for example Factur-X EN 16931) every XRechnung file is
    /// validated against before it is written; nil = only our own rule checks.
    public var xrechnungSchema: String?
    /// The folder with the official e-invoice rule sets `invoice validate`
    /// runs (nil: `<root>/schematron`), and the Saxon-HE jar that runs them.
    public var schematronRules: String?
    public var saxonJar = Schematron.defaultSaxonJar
    /// XSDs every pain.008 is validated against before it is stored (the DK's
    /// GBIC_5 and the ISO schema); empty = only our own checks.
    public var pain008Schemas: [String] = []
    /// A folder with the ISO camt.053/054 XSDs the bank's files are validated against; nil = not validated.
    public var bankSchemas: String?
    /// `BtchBookg` per scheme: left out (the conditions agreed with the bank, the default), batch or single bookings.
    public var batchBookings: [DirectDebitMessage.Scheme: BatchBooking] = [:]
    public func batchBooking(_ scheme: DirectDebitMessage.Scheme) -> BatchBooking { batchBookings[scheme] ?? .agreed }
    /// FRST for a mandate's first debit, then RCUR; or RCUR always (allowed since November 2016).
    public var firstDebitAsFirst = true
    /// Return fee charged to the customer per reason code's default (seed 001 §5.7: 8.00 €).
    public var returnFee = Money(cents: 800)
    /// Net sales a year to consumers in other EU member states up to which they pay German VAT
    /// (§3a (5) sentence 3 UStG: €10,000, counting the company's other such sales too); beyond it `bill` refuses them.
    public var euConsumerLimit = Money(cents: 1_000_000)
    /// Days from a credit note to the day it promises to refund what the invoice had received.
    public var refundDays = 14
    /// E-mail invoices, credit notes and dunning letters to the customers (false: they are only files).
    public var mailDocuments = true
    /// Reason codes whose debit is presented once more on the next collection date.
    public var presentAgainReasons: Set<String> = ["AM04", "MS03"]
    public var dunning = DunningSettings()
    /// Accounts and header data of the DATEV export (`datev.*`).
    public var datev = DatevSettings()

    public init() {}
}
