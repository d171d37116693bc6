/// What changed in a mandate since the debtor's bank last saw it, sent once
/// with the next debit (`AmdmntInd` true and `AmdmntInfDtls`), following the
/// usage rules of the DK's GBIC_5 schema for `AmendmentInformationDetails13_SDD`:
/// only what changed is given.
public struct MandateAmendment: Sendable, Equatable {
    /// `OrgnlDbtrAcct`: where the debtor's account was before.
    public enum OriginalAccount: Sendable, Equatable {
        /// The debtor moved to another bank: `Othr/Id` = `SMNDA` ("Same Mandate
        /// with a New Debtor Account"); `OrgnlDbtrAgt` is then not used.
        case otherBank
        /// A new account at the same bank: the old IBAN.
        case sameBank(iban: String)

        /// The code banks use for a new account at another bank.
        public static let smnda = "SMNDA"
    }

    /// `OrgnlMndtId`: the mandate reference the debtor's bank knows, when it changed.
    public var originalMandateId: String?
    /// `OrgnlCdtrSchmeId/Nm`: our former name, when it changed.
    public var originalCreditorName: SepaText?
    /// `OrgnlCdtrSchmeId/Id`: our former creditor identifier, when it changed.
    public var originalCreditorId: String?
    public var originalAccount: OriginalAccount?

    public init(originalMandateId: String? = nil, originalCreditorName: SepaText? = nil, originalCreditorId: String? = nil,
                originalAccount: OriginalAccount? = nil) {
        self.originalMandateId = originalMandateId
        self.originalCreditorName = originalCreditorName
        self.originalCreditorId = originalCreditorId
        self.originalAccount = originalAccount
    }

    /// Nothing to tell the debtor's bank.
    public var isEmpty: Bool {
        originalMandateId == nil && originalCreditorName == nil && originalCreditorId == nil && originalAccount == nil
    }

    /// Whether the creditor block (`OrgnlCdtrSchmeId`) is needed.
    var changesCreditor: Bool { originalCreditorName != nil || originalCreditorId != nil }

    /// A few words for the accountant's summary, in German.
    public var germanSummary: String {
        var parts: [String] = []
        if let id = originalMandateId { parts.append("bisherige Mandatsreferenz \(id)") }
        if let name = originalCreditorName { parts.append("bisheriger Gläubigername \(name.value)") }
        if let id = originalCreditorId { parts.append("bisherige Gläubiger-ID \(id)") }
        switch originalAccount {
        case .otherBank: parts.append("neues Konto bei anderer Bank (SMNDA)")
        case .sameBank(let iban): parts.append("neues Konto bei derselben Bank, bisher \(Iban.masked(iban))")
        case nil: break
        }
        return "Mandatsänderung: " + parts.joined(separator: ", ")
    }
}

/// Whether a mandate's file asks the bank for one booking per file group or one per debit (`BtchBookg`).
public enum BatchBooking: String, Sendable, CaseIterable {
    /// The element is left out: the conditions agreed with the bank apply (as before this setting existed).
    case agreed
    /// `true`: one booking for each payment group's sum.
    case batch
    /// `false`: one booking per debit.
    case single

    /// The element's value, nil when it is left out.
    var indicator: String? {
        switch self {
        case .agreed: nil
        case .batch: "true"
        case .single: "false"
        }
    }

    /// For the accountant's summary.
    public var germanText: String {
        switch self {
        case .agreed: "Buchung wie mit der Bank vereinbart (BtchBookg nicht angegeben)"
        case .batch: "Sammelbuchung je Einzugstermin angefordert (BtchBookg true)"
        case .single: "Einzelbuchung je Lastschrift angefordert (BtchBookg false)"
        }
    }

    /// Read back from a written file's `BtchBookg` text (absent → ``agreed``).
    public init(indicator: String?) {
        switch indicator {
        case "true", "1": self = .batch
        case "false", "0": self = .single
        default: self = .agreed
        }
    }
}
