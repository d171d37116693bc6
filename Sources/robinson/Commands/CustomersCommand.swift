import ArgumentParser
import Foundation
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
        abstract: "Import customers from CSV (id;name;notify_email;lists;status;output_compression).",
        discussion: "All or nothing: a bad line imports nothing and names the line and field. Re-importing updates; every change is audited."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customers CSV file.")
    var file: String

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let report = try CustomerImport(runtime: runtime).run(path: file)
            print("customers: \(report.inserted.count) new, \(report.updated.count) updated, \(report.unchanged.count) unchanged")
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
                print("\(customer.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(customer.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(customer.lists.padding(toLength: 28, withPad: " ", startingAt: 0)) \(customer.name)")
            }
        }
    }
}

struct CustomersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one customer.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer id.") var id: String

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            guard let customer = try JobListing(runtime: runtime).customers().first(where: { $0.id == id }) else {
                throw CommandFailure("no customer \(id)")
            }
            print("id                 \(customer.id)")
            print("name               \(customer.name)")
            print("notify_email       \(customer.notifyEmail ?? "-")")
            print("lists              \(customer.lists)")
            print("status             \(customer.status.rawValue)")
            print("output_compression \(customer.outputCompression.rawValue)")
            print("updated            \(BerlinCalendar.shortDateTime(customer.updatedAt))")
        }
    }
}
