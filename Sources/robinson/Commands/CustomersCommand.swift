import ArgumentParser
import Billing
import Foundation
import MasterData
import Pipeline
import Store

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Import and show customer master data.",
        subcommands: [CustomersImportCommand.self, CustomersListCommand.self, CustomersShowCommand.self]
    )
}

struct CustomersImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers from CSV (docs/formats.md, \"Customer master data\").",
        discussion: """
        Columns: \(CustomerImport.columns.joined(separator: ";")). Import plans first. \
        All or nothing: a bad line imports nothing and names the line and field. \
        Re-importing updates; every change is audited. Creates inbox/<id>/ for every customer not terminated.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customers CSV file.")
    var file: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            let runtime = try context.runtime()
            let (report, customers) = try CustomerImport(context.masterData(runtime)).run(path: file)
            // Each customer gets its inbox folder, so ops (or the upload server) can drop files at once.
            for customer in customers where customer.status != .terminated {
                try runtime.root.makeFolder(runtime.root.inbox + "/" + customer.id)
            }
            print("customers: \(report.summary)")
        }
    }
}

struct CustomersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List all customers.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            for customer in try JobListing(runtime: runtime).customers() {
                print([customer.id.padded(10), customer.status.rawValue.padded(10), (customer.planId ?? "-").padded(8),
                       customer.paymentMethod.rawValue.padded(8), customer.lists.padded(28), customer.name].joined(separator: " "))
            }
        }
    }
}

struct CustomersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one customer with their mandates.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer id.") var id: String

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let customer = try runtime.database.customer(id)
            let mandates = try runtime.database.mandates(customer: id).sorted { $0.signedOn < $1.signedOn }
            guard let customer else { throw CommandFailure("no customer \(id); `robinson customers list` shows all", status: .noInput) }
            let fields: [(String, String?)] = [
                ("id", customer.id), ("name", customer.name), ("street", customer.street), ("postcode", customer.postcode),
                ("city", customer.city), ("country", customer.country), ("invoice_email", customer.invoiceEmail),
                ("notify_email", customer.notifyEmail), ("vat_id", customer.vatId), ("tax_number", customer.taxNumber),
                ("type", customer.customerType.rawValue), ("payment_method", customer.paymentMethod.rawValue), ("plan", customer.planId),
                ("contract_start", customer.contractStart), ("lists", customer.lists), ("buyer_reference", customer.buyerReference),
                ("status", customer.status.rawValue), ("output_compression", customer.outputCompression.rawValue),
                ("updated", BerlinCalendar.shortDateTime(customer.updatedAt)),
            ]
            for (name, value) in fields { print("\(name.padded(19))\(value ?? "-")") }
            for mandate in mandates {
                let iban = Iban.masked(mandate.iban)
                print("mandate            \(mandate.reference)  \(mandate.scheme.rawValue)  \(iban)  signed \(mandate.signedOn)  \(mandate.used ? "used" : "unused")  \(mandate.status.rawValue)")
            }
        }
    }
}

extension String {
    /// Left-aligned in a column of `width` characters (longer text is kept whole).
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

extension CommandContext {
    /// Where master-data imports write, as whom, and when.
    func masterData(_ runtime: Runtime) -> MasterDataImport {
        MasterDataImport(database: runtime.database, actor: Self.actor, now: runtime.now)
    }
}
