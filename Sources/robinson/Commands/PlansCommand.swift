import ArgumentParser
import Billing
import MasterData
import Pipeline
import Store

struct PlansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "Import and list price plans.",
        subcommands: [PlansImportCommand.self, PlansListCommand.self]
    )
}

struct PlansImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import price plans from CSV (docs/formats.md, \"Price plans\").",
        discussion: "Columns: \(PlanImport.columns.joined(separator: ";")). All or nothing; every change is audited."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The plans CSV file.") var file: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            let report = try PlanImport(context.masterData(try context.runtime())).run(path: file)
            print("plans: \(report.summary)")
        }
    }
}

struct PlansListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List price plans.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            var table = Listing.Table("plans", columns: [
                "id", "name", "monthlyFeeCents", "annualFeeCents", "pricePerThousandCents", "packagePriceCents", "packageSize",
                "includedRecords", "vatPercent", "dueDays", "terms",
            ], tableColumns: ["id", "name", "terms"])
            for plan in try runtime.database.plans() {
                let terms = PriceTerms(plan)
                let fee = switch terms.fee {
                case .none: "no fee"
                case .monthly(let amount): "\(amount.germanFormatted) a month"
                case .annual(let amount): "\(amount.germanFormatted) a year in advance"
                }
                let usage = switch terms.usage {
                case .none: "no usage price"
                case .perThousand(let price): "\(price.germanFormatted) per 1.000 records"
                case .perPackage(let price, let size): "\(price.germanFormatted) per started package of \(GermanNumber.grouped(size))"
                }
                let words = "\(fee); \(usage); \(GermanNumber.grouped(plan.includedRecords)) included; VAT \(terms.vatRate.germanFormatted); due in \(plan.dueDays) days"
                table.append([
                    .text(plan.id), .text(plan.name), plan.monthlyFeeCents.map(Cell.cents) ?? .none, plan.annualFeeCents.map(Cell.cents) ?? .none,
                    plan.pricePerThousandCents.map(Cell.cents) ?? .none, plan.packagePriceCents.map(Cell.cents) ?? .none,
                    .integer(Int(plan.packageSize)), .integer(Int(plan.includedRecords)), .text(terms.vatRate.xmlValue), .integer(plan.dueDays),
                    .text(words),
                ])
            }
            Listing("plans", .table(table)).print(output.format)
        }
    }
}
