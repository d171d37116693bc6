import Foundation
import GRDB
import Store

/// The history of mandates' fields, and the amendments it causes: a change
/// the debtor's bank must learn of (new account, new mandate reference, our
/// new creditor identifier or name) is pending until the next debit on the
/// mandate carries it, then sent; never again, unless that debit comes back.
/// FACTS "Mandate amendments"; the GBIC_5 annotations of `AmendmentInformationDetails13_SDD`.
public enum MandateHistory {
    /// Records what an import changed on an existing mandate. A new IBAN
    /// waits for the next debit; a BIC alone is history only (banks route by IBAN).
    public static func recordImport(old: Mandate, new: Mandate, at date: Date, in db: Database) throws {
        if old.iban != new.iban {
            var change = MandateChange(mandateReference: new.reference, field: .iban, oldValue: old.iban, newValue: new.iban,
                                       changedAt: date, amendment: .pending)
            try change.insert(db)
        }
        if old.bic != new.bic {
            var change = MandateChange(mandateReference: new.reference, field: .bic, oldValue: old.bic ?? "", newValue: new.bic ?? "",
                                       changedAt: date, amendment: .notNeeded)
            try change.insert(db)
        }
    }

    /// `new` continues `old` under another reference: the next debit names the old one (`OrgnlMndtId`).
    public static func recordReplacement(of old: Mandate, by new: Mandate, at date: Date, in db: Database) throws {
        // What the bank has not learnt about the old mandate yet, it learns with the new one.
        try MandateChange.filter(MandateChange.Columns.mandateReference == old.reference && MandateChange.Columns.amendment == MandateChange.Amendment.pending)
            .updateAll(db, MandateChange.Columns.mandateReference.set(to: new.reference))
        var change = MandateChange(mandateReference: new.reference, field: .reference, oldValue: old.reference, newValue: new.reference,
                                   changedAt: date, amendment: .pending)
        try change.insert(db)
        if old.iban != new.iban {
            var account = MandateChange(mandateReference: new.reference, field: .iban, oldValue: old.iban, newValue: new.iban,
                                        changedAt: date, amendment: .pending)
            try account.insert(db)
        }
        var replaced = old
        replaced.status = .replaced
        replaced.updatedAt = date
        try replaced.update(db)
    }

    /// The mandate that continues `reference` now (itself, or the one that replaced it).
    public static func current(_ reference: String, in db: Database) throws -> Mandate? {
        var reference = reference
        var seen = Set<String>()
        while seen.insert(reference).inserted {
            guard let mandate = try Mandate.fetchOne(db, key: reference) else { return nil }
            guard mandate.status == .replaced,
                  let next = try MandateChange.filter(MandateChange.Columns.field == MandateChange.Field.reference
                                                      && MandateChange.Columns.oldValue == reference).fetchOne(db)
            else { return mandate }
            reference = next.mandateReference
        }
        return nil
    }

    /// Notes where our creditor identifier or name (as the debit spells it)
    /// differs from what a debited mandate was last collected under.
    static func recordCreditorChanges(identifier: String, name: String, at date: Date, in db: Database) throws {
        for var mandate in try Mandate.filter(Mandate.Columns.used == true).fetchAll(db) {
            var changed = false
            for (field, old, new) in [(MandateChange.Field.creditorIdentifier, mandate.creditorIdentifier, identifier),
                                      (.creditorName, mandate.creditorName, name)] {
                guard let old, old != new else { continue }
                var change = MandateChange(mandateReference: mandate.reference, field: field, oldValue: old, newValue: new,
                                           changedAt: date, amendment: .pending)
                try change.insert(db)
                changed = true
            }
            if changed {
                mandate.creditorIdentifier = identifier
                mandate.creditorName = name
                try mandate.update(db)
            }
        }
    }

    /// What the next debit on `mandate` must tell the debtor's bank; nil
    /// when nothing, or when the bank has never seen the mandate (a first debit).
    static func amendment(for mandate: Mandate, in db: Database) throws -> MandateAmendment? {
        guard mandate.used else { return nil }
        let pending = try pendingChanges(of: mandate.reference, in: db)
        // The first pending change of a field holds what the bank saw last.
        func original(_ field: MandateChange.Field) -> String? { pending.first { $0.field == field }?.oldValue }
        var amendment = MandateAmendment()
        if let reference = original(.reference), reference != mandate.reference { amendment.originalMandateId = reference }
        if let name = original(.creditorName), name != mandate.creditorName { amendment.originalCreditorName = SepaText.name(name) }
        if let id = original(.creditorIdentifier), id != mandate.creditorIdentifier { amendment.originalCreditorId = id }
        if let old = original(.iban), old != mandate.iban {
            if let before = try? Iban(old), let now = try? Iban(mandate.iban), before.isAtSameBank(as: now) {
                amendment.originalAccount = .sameBank(iban: before.electronic)
            } else {
                amendment.originalAccount = .otherBank
            }
        }
        return amendment.isEmpty ? nil : amendment
    }

    /// After a debit on `mandate` is stored: its pending changes are sent
    /// with it (`carried`), or were not needed (the bank never saw the
    /// mandate, or they cancelled out); the creditor it was collected under is noted.
    static func debited(_ mandate: Mandate, endToEndId: String, carried: Bool, creditorIdentifier: String, creditorName: String,
                        in db: Database) throws {
        for var change in try pendingChanges(of: mandate.reference, in: db) {
            change.amendment = carried ? .sent : .notNeeded
            change.sentIn = carried ? endToEndId : nil
            try change.update(db)
        }
        try Mandate.filter(key: mandate.reference).updateAll(db, Mandate.Columns.creditorIdentifier.set(to: creditorIdentifier),
                                                             Mandate.Columns.creditorName.set(to: creditorName))
    }

    /// The debit that carried an amendment came back: the next one carries it again.
    public static func returned(endToEndId: String, in db: Database) throws {
        try MandateChange.filter(MandateChange.Columns.sentIn == endToEndId)
            .updateAll(db, MandateChange.Columns.amendment.set(to: MandateChange.Amendment.pending), MandateChange.Columns.sentIn.set(to: nil))
    }

    static func pendingChanges(of reference: String, in db: Database) throws -> [MandateChange] {
        try MandateChange.filter(MandateChange.Columns.mandateReference == reference && MandateChange.Columns.amendment == MandateChange.Amendment.pending)
            .order(MandateChange.Columns.id).fetchAll(db)
    }
}
