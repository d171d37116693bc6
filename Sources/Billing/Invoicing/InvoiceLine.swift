/// One line of an invoice: `quantity` units at `unitPrice` per `basisQuantity`
/// units, e.g. 12,345 records at 4.50 € per 1,000 records, or 1 month at 49.00 €.
public struct InvoiceLine: Codable, Sendable, Equatable {
    /// 1, 2, 3 … (BT-126).
    public var position: Int
    /// What was supplied (BT-153), German: "Grundgebühr Oktober 2026".
    public var description: String
    /// A second line of explanation (BT-154), e.g. "12.345 geprüfte Datensätze, davon 1.000 inklusive".
    public var detail: String?
    /// BT-129, whole units.
    public var quantity: Int64
    /// UN/ECE Rec. 20 unit (BT-130): `MON` month, `ANN` year, `C62` one (records, packages).
    public var unitCode: String
    /// The unit as printed on the letter: "Monat", "Jahr", "Datensätze", "Pakete";
    /// ``GermanWording/quantity(_:unitLabel:)`` prints it in the number the quantity needs.
    public var unitLabel: String
    /// Net price per `basisQuantity` units (BT-146), in cents.
    public var unitPrice: Money
    /// BT-149: 1, or 1,000 for a price per 1,000 records.
    public var basisQuantity: Int64
    /// `quantity × unitPrice / basisQuantity`, rounded half up once (BT-131).
    public var net: Money
    /// BT-152.
    public var vatRate: Percent
    /// The line's own period where it differs from the invoice's (annual fee: 12 months ahead).
    public var period: ServicePeriod?
    /// BT-151: `S` for our services; `E` for fees and interest passed on as
    /// damages (Schadensersatz, not a taxable supply), billed at 0 %.
    public var vatCategory: VatCategory = .standard

    public init(position: Int, description: String, detail: String? = nil, quantity: Int64, unitCode: String,
                unitLabel: String, unitPrice: Money, basisQuantity: Int64 = 1, vatRate: Percent, period: ServicePeriod? = nil) {
        self.position = position
        self.description = description
        self.detail = detail
        self.quantity = quantity
        self.unitCode = unitCode
        self.unitLabel = unitLabel
        self.unitPrice = unitPrice
        self.basisQuantity = basisQuantity
        self.net = unitPrice.times(quantity, per: basisQuantity)
        self.vatRate = vatRate
        self.period = period
    }

    /// A fee or interest charge passed on to the customer: 1 item, no VAT.
    public static func charge(position: Int, description: String, amount: Money) -> InvoiceLine {
        var line = InvoiceLine(position: position, description: description, quantity: 1, unitCode: "C62", unitLabel: GermanWording.item.singular,
                               unitPrice: amount, vatRate: Percent(0))
        line.vatCategory = .exempt
        return line
    }
}

/// VAT category (UNCL 5305) of an invoice line and of a VAT breakdown group.
public enum VatCategory: String, Codable, Sendable, Comparable {
    /// Standard rate: German VAT.
    case standard = "S"
    /// No VAT: damages passed on (dunning and return fees, default interest).
    case exempt = "E"
    /// Reverse charge: a business in another EU member state owes the VAT there (§3a (2), §14a (1) UStG).
    case reverseCharge = "AE"
    /// Not subject to VAT: a service to a business outside the EU, taxed (if at all) where the business is (§3a (2) UStG).
    case notSubject = "O"

    /// BT-120, required for every category but S (BR-E-10, BR-AE-10, BR-O-10).
    public var exemptionReason: String? {
        switch self {
        case .standard: nil
        case .exempt: "Nicht steuerbarer Schadensersatz (Mahn- und Rücklastschriftgebühren, Verzugszinsen)"
        // The wording §14a (1) UStG demands on the invoice.
        case .reverseCharge: "Steuerschuldnerschaft des Leistungsempfängers"
        case .notSubject: "Nicht im Inland steuerbare Leistung"
        }
    }

    /// BT-121, from the CEF VATEX code list.
    public var exemptionReasonCode: String? {
        switch self {
        case .standard, .exempt: nil
        case .reverseCharge: "VATEX-EU-AE"
        case .notSubject: "VATEX-EU-O"
        }
    }

    /// An O line carries no rate (BR-O-05); every other line does.
    public var lineHasRate: Bool { self != .notSubject }

    /// Breakdown groups in the order S, E, AE, O.
    public static func < (lhs: VatCategory, rhs: VatCategory) -> Bool { lhs.order < rhs.order }
    private var order: Int {
        switch self {
        case .standard: 0
        case .exempt: 1
        case .reverseCharge: 2
        case .notSubject: 3
        }
    }
}

extension InvoiceLine {
    enum CodingKeys: String, CodingKey {
        case position, description, detail, quantity, unitCode, unitLabel, unitPrice, basisQuantity, net, vatRate, period, vatCategory
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        position = try c.decode(Int.self, forKey: .position)
        description = try c.decode(String.self, forKey: .description)
        detail = try c.decodeIfPresent(String.self, forKey: .detail)
        quantity = try c.decode(Int64.self, forKey: .quantity)
        unitCode = try c.decode(String.self, forKey: .unitCode)
        unitLabel = try c.decode(String.self, forKey: .unitLabel)
        unitPrice = try c.decode(Money.self, forKey: .unitPrice)
        basisQuantity = try c.decode(Int64.self, forKey: .basisQuantity)
        net = try c.decode(Money.self, forKey: .net)
        vatRate = try c.decode(Percent.self, forKey: .vatRate)
        period = try c.decodeIfPresent(ServicePeriod.self, forKey: .period)
        // Documents stored before categories existed are all standard-rated.
        vatCategory = try c.decodeIfPresent(VatCategory.self, forKey: .vatCategory) ?? .standard
    }
}
