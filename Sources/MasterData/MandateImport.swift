import Billing
import Foundation
import Formats
import Store

/// `robinson mandates import FILE`: SEPA direct-debit mandates from CSV
/// (docs/formats.md, "SEPA mandates"). Customers must exist first. All or nothing;
/// every change is audited without the IBAN itself.
public struct MandateImport: Sendable {
    public static let columns = ["reference", "customer", "iban", "bic", "signed_on", "scheme", "used", "status"]

    let target: MasterDataImport

    public init(_ target: MasterDataImport) { self.target = target }

    public func run(path: String) throws -> ImportReport {
        let customers = try Dictionary(target.database.customers().map { ($0.id, $0.customerType) }, uniquingKeysWith: { a, _ in a })
        let mandates = try parse(path: path, customers: customers)
        var changes = FieldChanges<Mandate>()
        changes.compare("customer", \.customerId)
        changes.compare("iban", \.iban)
        changes.compare("bic", \.bic)
        changes.compare("signed_on", \.signedOn)
        changes.compare("scheme", \.scheme)
        changes.compare("used", \.used)
        changes.compare("status", \.status)
        // A re-import must not forget that a mandate was used (the bank wants RCUR then), when, or that it became unusable.
        let stored = try Dictionary(target.database.mandates().map { ($0.reference, $0) }, uniquingKeysWith: { a, _ in a })
        let merged = mandates.map { mandate -> Mandate in
            var mandate = mandate
            if let old = stored[mandate.reference] {
                mandate.used = mandate.used || old.used
                mandate.lastCollectedOn = old.lastCollectedOn
                // A bank said this mandate is gone (AC04, MD01, MD07): a new mandate gets a new reference.
                if old.status == .unusable { mandate.status = .unusable }
            }
            return mandate
        }
        return try target.store(merged, kind: "mandate", id: \.reference, changes: changes.between,
                                created: { "customer \($0.customerId), \($0.scheme.rawValue), status \($0.status.rawValue)" })
    }

    func parse(path: String, customers: [String: Customer.CustomerType]) throws -> [Mandate] {
        let table = try CSVTable.read(path: path, required: ["reference", "customer", "iban", "signed_on", "scheme"])
        let today = CalendarDate(target.now)
        var mandates: [Mandate] = []
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
            guard let status = Mandate.Status(rawValue: statusText) else {
                throw table.error(row, field: "status", "'\(row["status"])' is not a status; use active, revoked or unusable")
            }
            mandates.append(Mandate(reference: reference.value, customerId: customer, iban: iban.electronic, bic: bic,
                                    signedOn: signed.isoString, scheme: scheme, used: used, status: status, updatedAt: target.now))
        }
        return mandates
    }
}
