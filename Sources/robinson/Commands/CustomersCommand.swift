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
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            var table = Listing.Table("customers", columns: [
                "id", "status", "suspendedForArrears", "plan", "paymentMethod", "customerType", "lists", "name", "updatedAt",
            ], tableColumns: ["id", "status", "plan", "paymentMethod", "lists", "name"])
            for customer in try runtime.database.customers() {
                table.append([
                    .text(customer.id), .text(customer.status.rawValue), .flag(customer.suspendedForArrears), Cell(customer.planId),
                    .text(customer.paymentMethod.rawValue), .text(customer.customerType.rawValue), .list(customer.bookedLists),
                    .text(customer.name), .time(customer.updatedAt),
                ])
            }
            Listing("customers", .table(table)).print(output.format)
        }
    }
}

struct CustomersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one customer with their mandates and everything we sent them.",
        discussion: """
        The correspondence lists the customer's invoices and credit notes, reminders and dunning letters, and the \
        "file is ready" e-mails of their jobs, each with how it went out: the mail queue's state (queued, sent, \
        unknown, …), print (copied to billing/druck/ for a customer without invoice e-mail), or none (only a file).
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer id.") var id: String
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let customer = try runtime.database.customer(id)
            let mandates = try runtime.database.mandates(customer: id).sorted { $0.signedOn < $1.signedOn }
            guard let customer else { throw CommandFailure("no customer \(id); `robinson customers list` shows all", status: .noInput) }
            let fields: [(String, Cell)] = [
                ("id", .text(customer.id)), ("name", .text(customer.name)), ("street", Cell(customer.street)),
                ("postcode", Cell(customer.postcode)), ("city", Cell(customer.city)), ("country", .text(customer.country)),
                ("invoiceEmail", Cell(customer.invoiceEmail)), ("notifyEmail", Cell(customer.notifyEmail)), ("vatId", Cell(customer.vatId)),
                ("taxNumber", Cell(customer.taxNumber)), ("customerType", .text(customer.customerType.rawValue)),
                ("paymentMethod", .text(customer.paymentMethod.rawValue)), ("plan", Cell(customer.planId)),
                ("contractStart", customer.contractStart.map(Cell.date) ?? .none), ("lists", .list(customer.bookedLists)),
                ("buyerReference", Cell(customer.buyerReference)), ("status", .text(customer.status.rawValue)),
                ("suspendedForArrears", .flag(customer.suspendedForArrears)),
                ("outputCompression", .text(customer.outputCompression.rawValue)), ("updatedAt", .time(customer.updatedAt)),
            ]
            var correspondence = Listing.Table("correspondence", columns: [
                "date", "kind", "document", "level", "file", "recipients", "delivery", "sentAt",
            ], tableColumns: ["date", "kind", "document", "level", "delivery", "file"])
            for entry in try Correspondence.of(customer: id, context: try await CommandContext(global).billing()) {
                correspondence.append([.date(entry.date.isoString), .text(entry.kind), .text(entry.document), Cell(entry.level), Cell(entry.file),
                                       Cell(entry.recipients), Cell(entry.delivery), Cell(entry.sentAt)])
            }
            Listing("customer", .record(.init("customer", fields)), .table(MandatesListCommand.table(mandates)), .table(correspondence))
                .print(output.format)
        }
    }
}

extension CommandContext {
    /// Where master-data imports write, as whom, and when.
    func masterData(_ runtime: Runtime) -> MasterDataImport {
        MasterDataImport(database: runtime.database, actor: Self.actor, now: runtime.now)
    }
}
