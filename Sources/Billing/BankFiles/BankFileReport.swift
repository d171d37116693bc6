/// What one bank file held: the entries Robinson acts on and, so that nothing
/// disappears silently, every entry or line left aside with the reason.
public struct BankFileReport: Sendable, Hashable {
    public let path: String
    public let format: BankFileFormat
    /// Returns and credits, in file order.
    public let entries: [BankEntry]
    public let skipped: [SkippedEntry]

    public init(path: String, format: BankFileFormat, entries: [BankEntry], skipped: [SkippedEntry]) {
        self.path = path
        self.format = format
        self.entries = entries
        self.skipped = skipped
    }

    /// Only the returned and rejected debits.
    public var returnedDebits: [ReturnedDebit] {
        entries.compactMap { if case .returnedDebit(let debit) = $0 { debit } else { nil } }
    }

    /// Only the incoming payments.
    public var credits: [IncomingPayment] {
        entries.compactMap { if case .credit(let payment) = $0 { payment } else { nil } }
    }
}

/// An entry or line of a bank file that produced nothing, and why.
public struct SkippedEntry: Sendable, Hashable, CustomStringConvertible {
    /// Where in the file: "entry 3", "entry 3, transaction 2", "line 7".
    public let position: String
    public let reason: String

    public init(position: String, reason: String) {
        self.position = position
        self.reason = reason
    }

    public var description: String { "\(position): \(reason)" }
}

/// The kinds of bank file Robinson reads.
public enum BankFileFormat: String, Sendable, Hashable, CaseIterable {
    case camt053v02 = "camt.053.001.02"
    case camt053v08 = "camt.053.001.08"
    case camt054v02 = "camt.054.001.02"
    case camt054v08 = "camt.054.001.08"
    case pain002v03 = "pain.002.001.03"
    case pain002v10 = "pain.002.001.10"
    /// `end_to_end_id;amount;reason;date`
    case returnsCSV = "csv"

    /// The XML namespace, nil for the CSV.
    public var namespace: String? {
        self == .returnsCSV ? nil : "urn:iso:std:iso:20022:tech:xsd:" + rawValue
    }

    /// The ISO schema's file name in the schema folder; nil where Robinson has none (pain.002, CSV).
    public var schemaFileName: String? {
        switch self {
        case .camt053v02, .camt053v08, .camt054v02, .camt054v08: rawValue + ".xsd"
        case .pain002v03, .pain002v10, .returnsCSV: nil
        }
    }

    /// camt.053 statement or camt.054 notification.
    var isCamt: Bool { schemaFileName != nil }
}
