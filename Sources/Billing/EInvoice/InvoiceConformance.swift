import Foundation
import Formats
import Store

/// Checks issued XRechnung files with the official rule sets a receiver's
/// validator applies (CEN EN 16931 and KoSIT XRechnung, compiled to XSLT),
/// run by Saxon-HE: a fatal finding means the receiver rejects the invoice.
/// The rules and Saxon are not part of the product; without them the check
/// says what is missing and checks nothing.
public struct InvoiceConformance: Sendable {
    public let context: BillingContext
    public let settings: ConformanceSettings

    public init(context: BillingContext, settings: ConformanceSettings) {
        self.context = context
        self.settings = settings
    }

    /// Which issued documents to check.
    public enum Selection: Sendable, Equatable {
        case number(String)
        /// Every invoice and credit note of a service month.
        case month(YearMonth)
        case all
    }

    public struct Result: Sendable {
        public var number: String
        public var file: String
        public var fatal: [SchematronFinding]
        public var warnings: [SchematronFinding]
    }

    public struct Report: Sendable {
        public var ruleSets: [String] = []
        public var results: [Result] = []
        /// Issued documents whose XML is not written yet (the next billing command writes it).
        public var notWritten: [String] = []
        /// Issued documents whose XML file has gone: number and the missing path.
        public var missing: [(number: String, file: String)] = []

        public var passed: Bool { results.allSatisfy(\.fatal.isEmpty) && missing.isEmpty }
    }

    public func check(_ selection: Selection) throws -> Report {
        let rules = try ruleSets()
        let records: [InvoiceRecord]
        switch selection {
        case .number(let number): records = try context.database.invoice(number).map { [$0] } ?? []
        case .month(let month): records = try context.database.invoices(serviceMonth: month.isoString)
        case .all: records = try context.database.invoices()
        }
        if case .number(let number) = selection, records.isEmpty { throw BillingRunError.notFound(number) }
        var report = Report(ruleSets: rules.map(\.name))
        var files: [(number: String, file: String)] = []
        let paths = InvoiceFiles(context: context)
        for record in records {
            let file = paths.paths(for: record).xml
            if record.documentsWrittenAt == nil {
                report.notWritten.append(record.number)
            } else if FileManager.default.fileExists(atPath: file) {
                files.append((record.number, file))
            } else {
                report.missing.append((record.number, file))
            }
        }
        let findings = try schematron.validate(files.map(\.file), against: rules)
        report.results = files.map { number, file in
            let found = findings[file] ?? []
            return Result(number: number, file: file, fatal: found.filter(\.isFatal), warnings: found.filter { !$0.isFatal })
        }
        return report
    }

    var schematron: Schematron { Schematron(saxonJar: settings.saxonJar) }

    /// The configured rule sets, all of them present, with Java and Saxon to run them.
    func ruleSets() throws(ConformanceUnavailable) -> [SchematronRules] {
        let found = SchematronRules.all(in: settings.rulesFolder)
        let missing = ConformanceSettings.officialRuleSets.filter { name in !found.contains { $0.name == name } }
        guard missing.isEmpty else {
            throw ConformanceUnavailable(reason: "the official rule sets are not in \(settings.rulesFolder): "
                + missing.map { "\($0).xslt" }.joined(separator: " and ") + " missing")
        }
        if let tools = schematron.missingTools() { throw ConformanceUnavailable(reason: tools) }
        return found.filter { ConformanceSettings.officialRuleSets.contains($0.name) }
    }
}

/// Where the official rule sets and Saxon are (`billing.schematronRules`, `billing.saxonJar`).
public struct ConformanceSettings: Sendable, Equatable {
    /// The compiled Schematron files the folder must hold: CEN's EN 16931 CII
    /// validation and KoSIT's XRechnung 3.0 CII validation.
    public static let officialRuleSets = ["EN16931-CII-validation", "XRechnung-CII-validation"]

    public var rulesFolder: String
    public var saxonJar: String

    public init(rulesFolder: String, saxonJar: String = Schematron.defaultSaxonJar) {
        self.rulesFolder = rulesFolder
        self.saxonJar = saxonJar
    }
}

/// The official check cannot run here: rules, Java or Saxon are missing.
public struct ConformanceUnavailable: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { "the official e-invoice check is not available: \(reason); nothing was checked" }
}
