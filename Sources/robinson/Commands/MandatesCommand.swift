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

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let mandates = try runtime.database.mandates(customer: customer)
            for mandate in mandates {
                let iban = Iban.masked(mandate.iban)
                print("\(mandate.reference.padded(20)) \(mandate.customerId.padded(10)) \(mandate.scheme.rawValue.padded(5)) \(iban.padded(10)) signed \(mandate.signedOn) \(mandate.used ? "used  " : "unused") \(mandate.status.rawValue)")
            }
        }
    }
}
