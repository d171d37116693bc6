import ArgumentParser
import Foundation
import Synthetic

struct GenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write synthetic test data: address files and list deliveries (for benchmarks).",
        discussion: "All data is invented and deterministic: the same arguments always give the same bytes.",
        subcommands: [GenInputCommand.self, GenDeliveryCommand.self, GenBillingCommand.self]
    )
}

struct GenInputCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "input",
        abstract: "An 8-column ';' address file (vorname;nachname;strasse;hausnummer;plz;ort;telefon;email)."
    )

    @Option(help: "Data rows.") var rows: Int
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Percent of rows taken from the delivery's post list (half of them respelled).") var listedPercent = 10
    @Option(help: "Post entries of the delivery written with the same seed.") var deliveryPost = 1_000_000
    @Option(name: .shortAndLong, help: "Output file.") var output: String

    func run() async throws {
        try await reporting {
            try BenchmarkData.writeInput(rows: rows, seed: seed, to: output, listedPercent: listedPercent, deliveryPost: deliveryPost)
        }
    }
}

struct GenDeliveryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "A Robinson list delivery in the format of docs/formats.md."
    )

    @Option(help: "Entries on the post list.") var post = 1_000_000
    @Option(help: "Entries on the telefon list.") var telefon = 800_000
    @Option(help: "Entries on the mobil list.") var mobil = 300_000
    @Option(help: "Entries on the email list.") var email = 900_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: "Output file.") var output: String

    func run() async throws {
        try await reporting {
            try BenchmarkData.writeDelivery(post: post, telefon: telefon, mobil: mobil, email: email, seed: seed, to: output)
        }
    }
}

struct GenBillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Billing master data: plans.csv, customers.csv and mandates.csv (for the invoice benchmark)."
    )

    @Option(help: "Customers.") var customers = 10_000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Folder for the three files.", valueName: "dir")) var out: String

    func run() async throws {
        try await reporting {
            let files = BillingMasterData.generate(customers: customers, seed: seed)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in [("plans.csv", files.plans), ("customers.csv", files.customers), ("mandates.csv", files.mandates)] {
                try text.write(toFile: out + "/" + name, atomically: true, encoding: .utf8)
            }
        }
    }
}
