/// The reason a bank gives for a returned or rejected direct debit
/// (ISO 20022 code in camt.054 `RtrInf/Rsn/Cd` or pain.002 `StsRsnInf/Rsn/Cd`),
/// with this product's default consequences (FACTS "Returned debits").
public struct ReturnReason: Sendable, Hashable, CustomStringConvertible {
    /// The four-character code (`AM04`).
    public let code: String
    /// What the code means, in a few words (logs, operators).
    public let meaning: String
    /// The same in German, for what customers read (letters, invoice lines).
    public let germanMeaning: String
    /// Whether the customer pays the return fee by default: yes unless the
    /// provider caused the return (seed 000 §4(3)).
    public let customerPaysFee: Bool
    /// Whether the mandate can no longer be used (account closed, no mandate, debtor deceased).
    public let mandateUnusable: Bool
    /// Whether the code is in the table; unknown codes charge no fee and need a look by a person.
    public let isKnown: Bool

    /// The reason for `code` (case-insensitive); an unknown code gets no fee and keeps the mandate.
    public init(code: String) {
        let normalized = code.uppercased()
        if let known = Self.table[normalized] {
            self = known
        } else {
            self.init(normalized, "unknown reason", "sonstiger Grund", fee: false, unusable: false, known: false)
        }
    }

    private init(_ code: String, _ meaning: String, _ germanMeaning: String, fee: Bool, unusable: Bool = false, known: Bool = true) {
        self.code = code
        self.meaning = meaning
        self.germanMeaning = germanMeaning
        self.customerPaysFee = fee
        self.mandateUnusable = unusable
        self.isKnown = known
    }

    /// Whether the debit is presented once more by default: for a lack of
    /// funds, which is often temporary (German banks send MS03 for it).
    public var presentAgainByDefault: Bool { code == "AM04" || code == "MS03" }

    public var description: String { "\(code) (\(meaning))" }

    /// How a customer's document names the return: `Konto nicht gedeckt (AM04)`.
    public var germanText: String { "\(germanMeaning) (\(code))" }

    /// Every code in the table, in code order.
    public static var known: [ReturnReason] { table.values.sorted { $0.code < $1.code } }

    private static let table: [String: ReturnReason] = Dictionary(uniqueKeysWithValues: [
        ReturnReason("AC01", "IBAN wrong", "IBAN fehlerhaft", fee: false),
        ReturnReason("AC04", "account closed", "Konto erloschen", fee: true, unusable: true),
        ReturnReason("AC06", "account blocked", "Konto gesperrt", fee: true),
        ReturnReason("AG01", "direct debit not allowed on account", "Lastschrift auf diesem Konto nicht zugelassen", fee: true),
        ReturnReason("AM04", "insufficient funds", "Konto nicht gedeckt", fee: true),
        ReturnReason("AM05", "duplicate", "doppelte Einreichung", fee: false),
        ReturnReason("BE05", "creditor identifier wrong", "Gläubiger-Identifikationsnummer fehlerhaft", fee: false),
        ReturnReason("FF01", "file format", "Dateiformat fehlerhaft", fee: false),
        ReturnReason("MD01", "no valid mandate", "kein gültiges Mandat", fee: false, unusable: true),
        ReturnReason("MD02", "mandate data missing or wrong", "Mandatsdaten fehlen oder sind fehlerhaft", fee: false),
        ReturnReason("MD06", "refund requested by debtor", "Rückgabe auf Verlangen des Zahlungspflichtigen", fee: true),
        ReturnReason("MD07", "debtor deceased", "Kontoinhaber verstorben", fee: false, unusable: true),
        ReturnReason("MS02", "refused by debtor", "Widerspruch des Zahlungspflichtigen", fee: true),
        ReturnReason("MS03", "reason not specified", "Grund von der Bank nicht angegeben", fee: true),
        ReturnReason("SL01", "specific service of the debtor's bank", "besondere Dienstleistung der Bank des Zahlungspflichtigen", fee: true),
    ].map { ($0.code, $0) })
}
