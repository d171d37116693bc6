import ArgumentParser
import Billing
import MasterData
import Pipeline
import Store

struct MandatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandates",
        abstract: "Import and list SEPA direct-debit mandates.",
        subcommands: [MandatesImportCommand.self, MandatesListCommand.self]
    )
}

struct MandatesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import SEPA mandates from CSV (docs/formats.md, \"SEPA mandates\").",
        discussion: """
        Columns: \(MandateImport.columns.joined(separator: ";")). Import customers first. \
        IBANs (length per country, MOD 97), BICs and mandate references (≤ 35 SEPA characters, no //) are checked. \
        All or nothing; every change is audited (without the IBAN).
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The mandates CSV file.") var file: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            let report = try MandateImport(context.masterData(try context.runtime())).run(path: file)
            print("mandates: \(report.summary)")
        }
    }
}

struct MandatesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List mandates (IBANs masked).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this customer's mandates.") var customer: String?
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            Listing("mandates", .table(Self.table(try runtime.database.mandates(customer: customer)))).print(output.format)
        }
    }

    /// The mandates with IBANs masked (also part of `customers show`).
    static func table(_ mandates: [Mandate]) -> Listing.Table {
        var table = Listing.Table("mandates", columns: [
            "reference", "customer", "scheme", "iban", "bic", "signedOn", "used", "lastCollectedOn", "status",
        ], tableColumns: ["reference", "customer", "scheme", "iban", "signedOn", "used", "status"])
        for mandate in mandates {
            table.append([
                .text(mandate.reference), .text(mandate.customerId), .text(mandate.scheme.rawValue), .text(Iban.masked(mandate.iban)),
                Cell(mandate.bic), .date(mandate.signedOn), .flag(mandate.used), mandate.lastCollectedOn.map(Cell.date) ?? .none,
                .text(mandate.status.rawValue),
            ])
        }
        return table
    }
}
