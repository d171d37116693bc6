/// What a camt entry (`Ntry`) is, from its direction, reversal flag and bank
/// transaction code (FACTS "Returned debits").
enum CamtEntryKind: Equatable {
    case returnedDebit
    case credit
    /// Anything else (fees, outgoing transfers, our own collections): the reason it is left aside.
    case other(String)

    /// The bank transaction code: ISO domain/family/sub-family and the German proprietary code.
    struct Code {
        var domain: String?
        var family: String?
        var subFamily: String?
        /// `NDDT+109+…` (DK/ZKA: GVC and text key).
        var proprietary: String?

        var isReturnedDirectDebit: Bool {
            (domain == "PMNT" && family == "IDDT" && subFamily == "UPDD") || proprietary?.hasPrefix("NDDT+109") == true
        }

        var isCreditTransfer: Bool {
            (domain == "PMNT" && family == "RCDT") || proprietary?.hasPrefix("NTRF+166") == true
        }

        var description: String {
            [[domain, family, subFamily].compactMap { $0 }.joined(separator: "/"), proprietary ?? ""]
                .filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }

    init(creditDebit: String, reversal: Bool, code: Code) {
        switch creditDebit {
        case "DBIT" where code.isReturnedDirectDebit:
            self = .returnedDebit
        // A reversed debit that is not a reversed incoming transfer: German banks book returns so.
        case "DBIT" where reversal && !code.isCreditTransfer:
            self = .returnedDebit
        case "CRDT" where reversal:
            self = .other("a reversal booked as credit (\(code.description)), not a customer payment")
        case "CRDT" where code.isCreditTransfer:
            self = .credit
        case "CRDT":
            self = .other("a credit that is no credit transfer (\(code.description))")
        default:
            self = .other("a debit that is no returned direct debit (\(code.description.isEmpty ? "no code" : code.description))")
        }
    }
}
