import Billing
import Foundation
import Formats
import Matching
import Store

/// `robinson customers import FILE`: customer master data from CSV (docs/formats.md,
/// "Customer master data"). Plans must exist first. All or nothing: one bad
/// line imports nothing; every change goes to the audit log.
public struct CustomerImport: Sendable {
    public static let columns = ["id", "name", "street", "postcode", "city", "country", "invoice_email", "notify_email", "vat_id",
                                 "tax_number", "type", "payment_method", "plan", "contract_start", "lists", "buyer_reference",
                                 "status", "output_compression"]
    static let required = ["id", "name", "street", "postcode", "city", "invoice_email", "type", "payment_method", "plan",
                           "contract_start", "lists"]

    let target: MasterDataImport

    public init(_ target: MasterDataImport) { self.target = target }

    /// Imports the file; returns what changed and the customers read.
    public func run(path: String) throws -> (report: ImportReport, customers: [Customer]) {
        let plans = Set(try target.database.plans().map(\.id))
        let customers = try parse(path: path, knownPlans: plans)
        var changes = FieldChanges<Customer>()
        changes.compare("name", \.name)
        changes.compare("street", \.street)
        changes.compare("postcode", \.postcode)
        changes.compare("city", \.city)
        changes.compare("country", \.country)
        changes.compare("invoice_email", \.invoiceEmail)
        changes.compare("notify_email", \.notifyEmail)
        changes.compare("vat_id", \.vatId)
        changes.compare("tax_number", \.taxNumber)
        changes.compare("type", \.customerType)
        changes.compare("payment_method", \.paymentMethod)
        changes.compare("plan", \.planId)
        changes.compare("contract_start", \.contractStart)
        changes.compare("lists", \.lists)
        changes.compare("buyer_reference", \.buyerReference)
        changes.compare("status", \.status)
        changes.compare("output_compression", \.outputCompression)
        let report = try target.store(customers, kind: "customer", id: \.id, changes: changes.between,
                                      created: { "plan \($0.planId ?? "-"), \($0.paymentMethod.rawValue), lists \($0.lists), status \($0.status.rawValue)" })
        return (report, customers)
    }

    func parse(path: String, knownPlans: Set<String>) throws -> [Customer] {
        let table = try CSVTable.read(path: path, required: Self.required)
        var customers: [Customer] = []
        var seen = Set<String>()
        for row in table.rows {
            let id = try row.required("id", in: table)
            guard id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw table.error(row, field: "id", "'\(id)' is not a valid customer id (letters, digits, - and _; it is also the inbox folder name)")
            }
            guard seen.insert(id).inserted else { throw table.error(row, field: "id", "customer \(id) appears twice") }
            var customer = Customer(id: id, name: try row.required("name", in: table), notifyEmail: nil, lists: "", updatedAt: target.now)
            customer.street = try row.required("street", in: table)
            customer.city = try row.required("city", in: table)
            let country = row["country"].isEmpty ? "DE" : row["country"].uppercased()
            guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw table.error(row, field: "country", "'\(row["country"])' is not an ISO 3166 country code such as DE or AT")
            }
            customer.country = country
            let postcode = try row.required("postcode", in: table)
            if country == "DE" {
                guard postcode.count == 5, postcode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw table.error(row, field: "postcode", "'\(postcode)' is not a German postcode (five digits; write it as text so Excel keeps a leading 0)")
                }
            }
            customer.postcode = postcode
            customer.invoiceEmail = try email(row, "invoice_email", table, required: true)
            customer.notifyEmail = try email(row, "notify_email", table, required: false)
            if let vatId = row.optional("vat_id") {
                do { customer.vatId = try VatId(vatId).value } catch {
                    throw table.error(row, field: "vat_id", "\(error)")
                }
            }
            customer.taxNumber = row.optional("tax_number")
            customer.customerType = try choice(row, "type", table, Customer.CustomerType.self, default: nil)
            customer.paymentMethod = try choice(row, "payment_method", table, Customer.PaymentMethod.self, default: nil)
            let plan = try row.required("plan", in: table)
            guard knownPlans.contains(plan) else {
                throw table.error(row, field: "plan", "plan '\(plan)' does not exist; import plans.csv first (robinson plans import)")
            }
            customer.planId = plan
            let start = try row.required("contract_start", in: table)
            guard CalendarDate(iso: start) != nil else {
                throw table.error(row, field: "contract_start", "'\(start)' is not a date YYYY-MM-DD")
            }
            customer.contractStart = start
            do {
                let lists = try ListSet(names: try row.required("lists", in: table))
                guard !lists.isEmpty else { throw table.error(row, field: "lists", "no list booked; use e.g. post,telefon") }
                customer.lists = lists.lists.map(\.rawValue).joined(separator: ",")
            } catch let error as MasterDataError {
                throw error
            } catch {
                throw table.error(row, field: "lists", "\(error)")
            }
            if let reference = row.optional("buyer_reference") {
                guard reference.count <= 200 else { throw table.error(row, field: "buyer_reference", "longer than 200 characters") }
                customer.buyerReference = reference
            }
            customer.status = try choice(row, "status", table, Customer.Status.self, default: .active)
            customer.outputCompression = try choice(row, "output_compression", table, Customer.OutputCompression.self, default: .asInput)
            customers.append(customer)
        }
        return customers
    }

    private func email(_ row: CSVTable.Row, _ field: String, _ table: CSVTable, required: Bool) throws -> String? {
        guard let text = required ? try row.required(field, in: table) : row.optional(field) else { return nil }
        switch EmailNormalizer.normalize(text) {
        case .success(let address): return address
        case .failure(let why): throw table.error(row, field: field, "'\(text)' is not an e-mail address (\(why.reason))")
        }
    }

    private func choice<Value: RawRepresentable & CaseIterable>(
        _ row: CSVTable.Row, _ field: String, _ table: CSVTable, _ type: Value.Type, default fallback: Value?
    ) throws -> Value where Value.RawValue == String {
        let text = row[field]
        if text.isEmpty, let fallback { return fallback }
        guard let value = Value.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw table.error(row, field: field, text.isEmpty ? "the value is missing; use one of \(allowed)" : "'\(text)' is not allowed; use one of \(allowed)")
        }
        return value
    }
}
