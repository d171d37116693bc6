import Billing
import Foundation
import Formats
import GRDB
import Store

/// `robinson mandates import FILE`: SEPA direct-debit mandates from CSV
/// (docs/formats.md, "SEPA mandates"). Customers must exist first. All or nothing;
/// every change is audited without the IBAN itself. A new IBAN or BIC of a
/// known mandate, and a mandate that continues another under a new reference
/// (`replaces`), go to the mandate's history: the next debit tells the
/// debtor's bank (mandate amendment).
public struct MandateImport: Sendable {
    public static let columns = ["reference", "customer", "iban", "bic", "signed_on", "scheme", "used", "status", "replaces"]

    let target: MasterDataImport

    public init(_ target: MasterDataImport) { self.target = target }

    public func run(path: String) throws -> ImportReport {
        let customers = try Dictionary(target.database.customers().map { ($0.id, $0.customerType) }, uniquingKeysWith: { a, _ in a })
        // A re-import must not forget that a mandate was used (the bank wants RCUR then), when, under which
        // creditor, or that it became unusable or was replaced.
        let stored = try Dictionary(target.database.mandates().map { ($0.reference, $0) }, uniquingKeysWith: { a, _ in a })
        let continued = try target.database.read { db in
            try Dictionary(MandateChange.filter(MandateChange.Columns.field == MandateChange.Field.reference).fetchAll(db)
                .map { ($0.oldValue, $0.newValue) }, uniquingKeysWith: { a, _ in a })
        }
        let parsed = try parse(path: path, customers: customers, stored: stored, continued: continued)
        let replacing = Dictionary(parsed.compactMap { row in row.replaces.map { ($0.reference, row.mandate.reference) } }, uniquingKeysWith: { a, _ in a })
        var changes = FieldChanges<Mandate>()
        changes.compare("customer", \.customerId)
        changes.compare("iban", \.iban)
        changes.compare("bic", \.bic)
        changes.compare("signed_on", \.signedOn)
        changes.compare("scheme", \.scheme)
        changes.compare("used", \.used)
        changes.compare("status", \.status)
        let merged = parsed.map { row -> Mandate in
            var mandate = row.mandate
            // A continued mandate carries on where the old one stood with the debtor's bank.
            if let old = stored[mandate.reference] ?? row.replaces {
                mandate.used = mandate.used || old.used
                mandate.lastCollectedOn = old.lastCollectedOn
                mandate.creditorIdentifier = old.creditorIdentifier
                mandate.creditorName = old.creditorName
            }
            if let old = stored[mandate.reference] {
                // A bank said this mandate is gone (AC04, MD01, MD07): a new mandate gets a new reference.
                if old.status == .unusable || old.status == .replaced { mandate.status = old.status }
            }
            if replacing[mandate.reference] != nil { mandate.status = .replaced }
            return mandate
        }
        let replaces = Dictionary(parsed.compactMap { row in row.replaces.map { (row.mandate.reference, $0) } }, uniquingKeysWith: { a, _ in a })
        return try target.store(merged, kind: "mandate", id: \.reference, changes: changes.between,
                                created: { "customer \($0.customerId), \($0.scheme.rawValue), status \($0.status.rawValue)"
                                    + (replaces[$0.reference].map { ", replaces \($0.reference)" } ?? "") },
                                written: { old, new, db in
                                    if let old {
                                        try MandateHistory.recordImport(old: old, new: new, at: target.now, in: db)
                                    } else if let replaced = replaces[new.reference] {
                                        try MandateHistory.recordReplacement(of: replaced, by: new, at: target.now, in: db)
                                    }
                                })
    }

    /// A mandate as the file gives it, and the stored mandate it continues under a new reference.
    struct Parsed {
        var mandate: Mandate
        var replaces: Mandate?
    }

    /// `continued`: old reference → the reference that continues it, as recorded.
    func parse(path: String, customers: [String: Customer.CustomerType], stored: [String: Mandate],
               continued: [String: String]) throws -> [Parsed] {
        let table = try CSVTable.read(path: path, required: ["reference", "customer", "iban", "signed_on", "scheme"])
        let today = CalendarDate(target.now)
        var mandates: [Parsed] = []
        var seen = Set<String>()
        for row in table.rows {
            let referenceText = try row.required("reference", in: table)
            let reference: MandateReference
            do { reference = try MandateReference(referenceText) } catch { throw table.error(row, field: "reference", "\(error)") }
            guard seen.insert(reference.value).inserted else {
                throw table.error(row, field: "reference", "mandate \(reference.value) appears twice")
            }
            let customer = try row.required("customer", in: table)
            guard let type = customers[customer] else {
                throw table.error(row, field: "customer", "customer \(customer) does not exist; import customers.csv first")
            }
            let iban: Iban
            do { iban = try Iban(try row.required("iban", in: table)) } catch let error as MasterDataError { throw error } catch {
                throw table.error(row, field: "iban", "\(error)")
            }
            var bic: String?
            if let text = row.optional("bic") {
                do { bic = try Bic(text).value } catch { throw table.error(row, field: "bic", "\(error)") }
            }
            let signedText = try row.required("signed_on", in: table)
            guard let signed = CalendarDate(iso: signedText) else {
                throw table.error(row, field: "signed_on", "'\(signedText)' is not a date YYYY-MM-DD")
            }
            guard signed <= today else {
                throw table.error(row, field: "signed_on", "\(signedText) is in the future; a mandate must be signed before it is used")
            }
            let schemeText = try row.required("scheme", in: table).uppercased()
            guard let scheme = Mandate.Scheme(rawValue: schemeText) else {
                throw table.error(row, field: "scheme", "'\(schemeText)' is not a scheme; use CORE or B2B")
            }
            guard scheme == .core || type == .business else {
                throw table.error(row, field: "scheme", "B2B mandates are for business customers only; \(customer) is a consumer")
            }
            let usedText = row["used"].lowercased()
            guard let used = ["": false, "no": false, "nein": false, "false": false, "0": false,
                              "yes": true, "ja": true, "true": true, "1": true][usedText] else {
                throw table.error(row, field: "used", "'\(row["used"])' is not yes or no")
            }
            let statusText = row["status"].isEmpty ? "active" : row["status"].lowercased()
            guard let status = Mandate.Status(rawValue: statusText), status != .replaced else {
                throw table.error(row, field: "status", "'\(row["status"])' is not a status; use active, revoked or unusable")
            }
            let mandate = Mandate(reference: reference.value, customerId: customer, iban: iban.electronic, bic: bic,
                                  signedOn: signed.isoString, scheme: scheme, used: used, status: status, updatedAt: target.now)
            mandates.append(Parsed(mandate: mandate, replaces: try replaced(by: mandate, row: row, table: table, stored: stored, continued: continued)))
        }
        return mandates
    }

    /// The stored mandate the row continues (`replaces`): same customer, not
    /// replaced by another, and only when the new mandate is first imported
    /// (a re-import of the same file changes nothing).
    func replaced(by mandate: Mandate, row: CSVTable.Row, table: CSVTable, stored: [String: Mandate],
                  continued: [String: String]) throws -> Mandate? {
        guard let text = row.optional("replaces") else { return nil }
        guard let old = stored[text] else {
            throw table.error(row, field: "replaces", "mandate \(text) does not exist; only an imported mandate can be continued under a new reference")
        }
        guard old.reference != mandate.reference else { throw table.error(row, field: "replaces", "a mandate cannot replace itself") }
        guard old.customerId == mandate.customerId else {
            throw table.error(row, field: "replaces", "mandate \(text) belongs to another customer")
        }
        if stored[mandate.reference] != nil {
            // Already imported: fine when it is the recorded replacement, otherwise too late to say so.
            guard continued[text] == mandate.reference else {
                throw table.error(row, field: "replaces", "\(mandate.reference) was imported before without replacing \(text); give replaces only with the new mandate's first import")
            }
            return nil
        }
        guard continued[text] == nil else { throw table.error(row, field: "replaces", "mandate \(text) was already replaced by another mandate") }
        return old
    }
}
