/// One line of a DATEV Buchungsstapel: `amount` on `account` (debit or
/// credit) against `contraAccount`. Amounts are always positive; the side says the sign.
public struct DatevBooking: Sendable, Equatable {
    public enum Side: String, Sendable { case debit = "S", credit = "H" }

    /// The column `Sachverhalt`: marks the dunning bookings of the open-items
    /// ledger so DATEV recognises them.
    public enum Sachverhalt: Int, Sendable {
        /// Mahnzins: default interest.
        case dunningInterest = 31
        /// Mahngebühr: a dunning fee.
        case dunningFee = 40
    }

    public var amount: Money
    /// Soll/Haben-Kennzeichen, seen from `account`.
    public var side: Side
    public var account: Int
    public var contraAccount: Int
    /// Belegdatum.
    public var date: CalendarDate
    /// Belegfeld 1: the invoice number, or another document reference.
    public var document: String
    /// Buchungstext, at most 60 characters (longer text is cut). Always begins with a fixed word of ours
    /// ("Rechnung", "Zahlung", a charge's description), never with outside text.
    public var text: String
    public var sachverhalt: Sachverhalt?
    /// "EU-Land u. UStID (Bestimmung)": the customer's VAT id on a reverse-charge sale, from which
    /// DATEV fills the Zusammenfassende Meldung (§18a (7) no. 3 UStG).
    public var euVatId: String?
    /// Generalumkehr: this line reverses an earlier one with the same accounts and side.
    public var reversal = false

    public init(amount: Money, side: Side, account: Int, contraAccount: Int, date: CalendarDate, document: String, text: String,
                sachverhalt: Sachverhalt? = nil) {
        self.amount = amount
        self.side = side
        self.account = account
        self.contraAccount = contraAccount
        self.date = date
        self.document = document
        self.text = text
        self.sachverhalt = sachverhalt
    }
}
