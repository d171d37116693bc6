import ArgumentParser
import Billing
import Formats
import Pipeline

struct InvoiceValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check issued XRechnung files with the official EN 16931 and XRechnung rules.",
        discussion: """
        Runs the rule sets a receiver's validator applies (CEN EN 16931 CII and KoSIT \
        XRechnung 3.0 CII, compiled to XSLT) with Saxon-HE on the XML of one invoice, \
        of a service month, or of every issued invoice and credit note. A fatal \
        finding means the receiver's system rejects the invoice; warnings are listed \
        but do not fail. Needs Java 17, Saxon-HE (Debian libsaxonhe-java, \
        billing.saxonJar) and the two files EN16931-CII-validation.xslt and \
        XRechnung-CII-validation.xslt in billing.schematronRules (default \
        <root>/schematron); without them it says what is missing and exits 69.
        Exit 0 when every checked file passes, 1 when one is rejected or missing.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "One invoice or credit note, e.g. 2026-000042.") var number: String?
    @Option(help: ArgumentHelp("Every invoice and credit note of this service month.", valueName: "YYYY-MM")) var period: YearMonth?
    @Option(name: .customLong("month"), help: .hidden) var legacyPeriod: YearMonth?

    var month: YearMonth? { period ?? legacyPeriod }

    func validate() throws {
        guard number == nil || month == nil else { throw ValidationError("give an invoice number or --period, not both") }
    }

    func run() async throws {
        try await reporting {
            let command = try await CommandContext(global)
            let context = try command.billing()
            let settings = ConformanceSettings(rulesFolder: command.billingSettings.schematronRules ?? command.root.path + "/schematron",
                                               saxonJar: command.billingSettings.saxonJar)
            let selection: InvoiceConformance.Selection = number.map { .number($0) } ?? month.map { .month($0) } ?? .all
            let report = try InvoiceConformance(context: context, settings: settings).check(selection)
            print("rule sets: \(report.ruleSets.joined(separator: ", ")) (\(settings.rulesFolder))")
            for result in report.results {
                let warnings = result.warnings.isEmpty ? "" : ", \(result.warnings.count) warning(s): \(Set(result.warnings.map(\.id)).sorted().joined(separator: " "))"
                if result.fatal.isEmpty {
                    print("\(result.number)  ok\(warnings)")
                } else {
                    print("\(result.number)  REJECTED, \(result.fatal.count) fatal\(warnings)")
                    for finding in result.fatal { print("  \(finding.ruleSet) \(finding.id): \(finding.text) at \(finding.location)") }
                }
            }
            for (number, file) in report.missing { print("\(number)  MISSING: \(file) is gone; it is not written again (issued documents are never overwritten)") }
            for number in report.notWritten { print("\(number)  not written yet; `robinson bill` writes it") }
            let failed = report.results.filter { !$0.fatal.isEmpty }.count + report.missing.count
            print("\(report.results.count) checked, \(report.results.count - report.results.filter { !$0.fatal.isEmpty }.count) passed, \(failed) failed")
            if !report.passed { throw ExitCode.failure }
        }
    }
}
