import Foundation
import GRDB
import Store
@testable import Billing
import TestSupport

/// A temporary billing root with a real state database, the sample seller
/// and helpers to add plans, customers, mandates and usage.
final class BillingFixture: @unchecked Sendable {
    let root: String
    let database: StateDatabase
    var settings = BillingSettings()
    /// Europe/Berlin wall-clock time the commands see.
    var now: Date
    var rendering: any InvoiceRendering = StandardInvoiceRendering.forTests

    init(now: String = "2026-11-02T09:00:00+01:00") throws {
        root = try TemporaryFolders.make("robinson-billing")
        try FileManager.default.createDirectory(atPath: root + "/state", withIntermediateDirectories: true)
        database = try StateDatabase(path: root + "/state/robinson.sqlite")
        settings.seller = SampleInvoices.seller
        self.now = ISO8601DateFormatter().date(from: now)!
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var context: BillingContext {
        let fixed = now
        return BillingContext(database: database, folder: root + "/billing", lockFile: root + "/state/billing.lock",
                              settings: settings, rendering: rendering, clock: { fixed }, actor: "test@host", workers: 2)
    }

    func setNow(_ iso: String) { now = ISO8601DateFormatter().date(from: iso)! }

    func plan(_ id: String, monthly: Int64? = nil, annual: Int64? = nil, perThousand: Int64? = nil, package: Int64? = nil,
              included: Int64 = 0) throws {
        try database.write { db in
            try Plan(id: id, name: "Tarif \(id)", monthlyFeeCents: monthly, annualFeeCents: annual, pricePerThousandCents: perThousand,
                     packagePriceCents: package, includedRecords: included, updatedAt: now).insert(db)
        }
    }

    func customer(_ id: String, plan: String, payment: Customer.PaymentMethod = .transfer, start: String = "2025-01-01",
                  status: Customer.Status = .active, street: String? = "Hauptstraße 1", _ adjust: (inout Customer) -> Void = { _ in }) throws {
        var customer = Customer(id: id, name: "Kunde \(id) GmbH", notifyEmail: nil, lists: "post", status: status, updatedAt: now)
        customer.street = street
        customer.postcode = "10115"
        customer.city = "Berlin"
        customer.invoiceEmail = "rechnung@\(id.lowercased()).example"
        customer.paymentMethod = payment
        customer.planId = plan
        customer.contractStart = start
        adjust(&customer)
        try database.write { db in try customer.insert(db) }
    }

    func mandate(_ reference: String, customer: String, iban: String = "DE89370400440532013000", scheme: Mandate.Scheme = .core) throws {
        try database.write { db in
            try Mandate(reference: reference, customerId: customer, iban: iban, bic: nil, signedOn: "2025-01-01",
                        scheme: scheme, updatedAt: now).insert(db)
        }
    }

    /// An unbilled charge (fee, interest, lump sum) created on 23 October 2026.
    func charge(_ customer: String, _ kind: Charge.Kind, _ cents: Int64, _ description: String) throws {
        try database.write { db in
            var charge = Charge(customerId: customer, kind: kind, amountCents: cents, description: description,
                                relatesTo: nil, createdOn: "2026-10-23")
            try charge.insert(db)
        }
    }

    func usage(_ customer: String, month: String, rows: Int, job: String = UUID().uuidString) throws {
        try database.write { db in
            try UsageRecord(jobId: job, customerId: customer, month: month, rowsChecked: rows, hitsPost: 0, hitsTelefon: 0,
                            hitsMobil: 0, hitsFax: 0, hitsEmail: 0, recordedAt: now).insert(db)
        }
    }

    func invoices() throws -> [InvoiceRecord] {
        try database.read { db in try InvoiceRecord.order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db) }
    }

    func files(_ month: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/billing/" + month)) ?? []).sorted()
    }
}

extension BillingFixture {
    /// K1 transfer, K2 SEPA (both 49 € a month), October billed on 2 November
    /// and collected the same day (debit date 10 November).
    static func collectedOctober() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900)
        try fixture.customer("K1", plan: "M")
        try fixture.customer("K2", plan: "M", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2")
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        _ = try CollectionRun(context: fixture.context).run()
        return fixture
    }

    /// The stored invoice with this number.
    func invoice(_ number: String) throws -> InvoiceRecord {
        try database.read { db in try InvoiceRecord.fetchOne(db, key: number)! }
    }
}
