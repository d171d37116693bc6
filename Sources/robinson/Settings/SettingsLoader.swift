import Billing
import Configuration
import Foundation
import Mail
import Matching
import Pipeline
import SystemPackage

/// Reads settings from the YAML file (if any) and `ROBINSON_*` environment
/// variables, which win: `inbox.settleSeconds` ← `ROBINSON_INBOX_SETTLE_SECONDS`.
/// Both are checked against the known keys first (``ConfigurationSources``):
/// a mistake is an error naming the file and line or the variable, never a
/// silently used default.
enum SettingsLoader {
    struct Loaded {
        let sources: ConfigurationSources
        let pipeline: PipelineSettings
        let billing: BillingSettings
    }

    static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> Loaded {
        let sources = ConfigurationSources(file: file, environment: environment)
        if let first = sources.problems.first {
            let more = sources.problems.count - 1
            throw ConfigurationError(first + (more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"); `robinson check` lists them all)" : ""))
        }
        var providers: [any ConfigProvider] = [
            KeyMappingProvider(upstream: EnvironmentVariablesProvider()) { key in
                AbsoluteConfigKey(["robinson"] + key.components)
            },
        ]
        if let file {
            guard FileManager.default.fileExists(atPath: file) else {
                throw ConfigurationError("configuration file \(file) not found")
            }
            providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(file)))
        }
        let config = ConfigReader(providers: providers)
        let located = { (key: String, problem: String) in ConfigurationError(sources.locate(key) + key + ": " + problem) }
        return Loaded(sources: sources, pipeline: try pipeline(config, located), billing: try billing(config, located))
    }

    /// Builds the error for a value that passed its type check but is still wrong.
    typealias Locate = (_ key: String, _ problem: String) -> ConfigurationError

    private static func pipeline(_ config: ConfigReader, _ located: Locate) throws -> PipelineSettings {
        var settings = PipelineSettings()
        settings.settleSeconds = config.int(forKey: "inbox.settleSeconds", default: settings.settleSeconds)
        settings.holdDays = config.int(forKey: "retention.holdDays", default: settings.holdDays)
        settings.workers = config.int(forKey: "matching.workers", default: settings.workers)
        settings.keyFile = config.string(forKey: "matching.keyFile")
        settings.maxIndexAgeDays = config.int(forKey: "matching.maxIndexAgeDays", default: settings.maxIndexAgeDays)
        settings.warnIndexAgeDays = config.int(forKey: "matching.warnIndexAgeDays", default: settings.warnIndexAgeDays)
        guard settings.warnIndexAgeDays <= settings.maxIndexAgeDays else {
            throw located("matching.warnIndexAgeDays", "must not be more than matching.maxIndexAgeDays (\(settings.maxIndexAgeDays)), not \(settings.warnIndexAgeDays)")
        }
        let kinds = config.stringArray(forKey: "matching.hitKinds", default: settings.hitKinds.map(\.name).sorted())
        settings.hitKinds = Set(try kinds.map { name in
            guard let kind = KeyKind(name: name.trimmingCharacters(in: .whitespaces)) else {
                throw located("matching.hitKinds", "'\(name)' is not a key kind; use person, household, phonetic, phone, email")
            }
            return kind
        })
        settings.outputColumns.marker = config.string(forKey: "output.markerColumn", default: settings.outputColumns.marker)
        settings.outputColumns.lists = config.string(forKey: "output.listsColumn", default: settings.outputColumns.lists)
        settings.outputColumns.reason = config.string(forKey: "output.reasonColumn", default: settings.outputColumns.reason)
        settings.outputColumns.listSeparator = config.string(forKey: "output.listSeparator", default: settings.outputColumns.listSeparator)
        settings.sendmail = config.string(forKey: "notify.sendmail", default: settings.sendmail)
        settings.mailFrom = config.string(forKey: "notify.from", default: settings.mailFrom)
        guard MailAddress(parsing: settings.mailFrom) != nil else {
            throw located("notify.from", "'\(settings.mailFrom)' is not an e-mail address such as 'Robinson-Abgleich <robinson@example.org>'")
        }
        settings.downloadLocation = config.string(forKey: "notify.downloadLocation", default: settings.downloadLocation)
        settings.metricsFile = config.string(forKey: "monitoring.textfile").flatMap { $0.isEmpty ? nil : $0 }
        return settings
    }

    /// `seller.*` (who we are on every invoice) and `billing.*`; missing seller
    /// keys are reported by `bill`, not here, so matching runs without them.
    private static func billing(_ config: ConfigReader, _ located: Locate) throws -> BillingSettings {
        var settings = BillingSettings()
        if let name = config.string(forKey: "seller.name") {
            let text = { (key: String) in config.string(forKey: ConfigKey("seller." + key), default: "") }
            let optional = { (key: String) -> String? in
                let value = text(key)
                return value.isEmpty ? nil : value
            }
            settings.seller = Seller(
                name: name,
                address: PostalAddress(street: text("street"), postcode: text("postcode"), city: text("city"),
                                       country: config.string(forKey: "seller.country", default: "DE")),
                vatId: optional("vatId"), taxNumber: optional("taxNumber"),
                contact: Seller.Contact(name: text("contact.name"), phone: text("contact.phone"), email: text("contact.email")),
                email: text("email"), creditorIdentifier: optional("creditorId"),
                iban: text("iban").replacingOccurrences(of: " ", with: "").uppercased(), bic: optional("bic"),
                bankName: optional("bank"), footer: config.stringArray(forKey: "seller.footer", default: []),
                registration: optional("registration"))
        }
        settings.issueWorkingDay = config.int(forKey: "billing.issueWorkingDay", default: settings.issueWorkingDay)
        settings.collection.dayOfMonth = config.int(forKey: "billing.collectionDay", default: settings.collection.dayOfMonth)
        if let days = config.int(forKey: "billing.preNotificationCalendarDays") {
            settings.collection.preNotification = .calendarDays(days)
        } else {
            settings.collection.preNotification = .workingDays(config.int(forKey: "billing.preNotificationWorkingDays", default: 3))
        }
        settings.xrechnungSchema = config.string(forKey: "billing.xrechnungSchema").flatMap { $0.isEmpty ? nil : $0 }
        settings.schematronRules = config.string(forKey: "billing.schematronRules").flatMap { $0.isEmpty ? nil : $0 }
        settings.saxonJar = config.string(forKey: "billing.saxonJar", default: settings.saxonJar)
        settings.pain008Schemas = config.stringArray(forKey: "billing.pain008Schemas", default: []).filter { !$0.isEmpty }
        settings.bankSchemas = config.string(forKey: "billing.bankSchemas").flatMap { $0.isEmpty ? nil : $0 }
        for (scheme, key) in [(DirectDebitMessage.Scheme.core, "billing.batchBooking.core"), (.b2b, "billing.batchBooking.b2b")] {
            let text = config.string(forKey: ConfigKey(key), default: BatchBooking.agreed.rawValue)
            guard let value = BatchBooking(rawValue: text) else {
                throw ConfigurationError("\(key): '\(text)' is not allowed; use agreed (BtchBookg left out), batch (true) or single (false)")
            }
            settings.batchBookings[scheme] = value
        }
        switch config.string(forKey: "billing.sequenceTypes", default: "firstThenRecurring") {
        case "firstThenRecurring": settings.firstDebitAsFirst = true
        case "recurringOnly": settings.firstDebitAsFirst = false
        case let other: throw located("billing.sequenceTypes", "'\(other)' is not allowed; use firstThenRecurring or recurringOnly")
        }
        if let fee = config.string(forKey: "billing.returnFee") {
            do { settings.returnFee = try Money(parsing: fee) } catch { throw located("billing.returnFee", "\(error)") }
        }
        settings.refundDays = config.int(forKey: "billing.refundDays", default: settings.refundDays)
        settings.mailDocuments = config.bool(forKey: "billing.mailDocuments", default: settings.mailDocuments)
        if let limit = config.string(forKey: "billing.euConsumerLimit") {
            do { settings.euConsumerLimit = try Money(parsing: limit) } catch { throw located("billing.euConsumerLimit", "\(error)") }
        }
        settings.dunning = try dunning(config, located)
        settings.datev = try datev(config, located)
        settings.presentAgainReasons = Set(config.stringArray(forKey: "billing.presentAgainReasons",
                                                              default: settings.presentAgainReasons.sorted()).map { $0.uppercased() })
        return settings
    }

    /// `dunning.*`: the three levels' days and fees, the lump sum, when to suspend, the base-rate table.
    private static func dunning(_ config: ConfigReader, _ located: Locate) throws -> DunningSettings {
        var settings = DunningSettings()
        func money(_ key: String, _ fallback: Money) throws -> Money {
            guard let text = config.string(forKey: ConfigKey(key)) else { return fallback }
            do { return try Money(parsing: text) } catch { throw located(key, "\(error)") }
        }
        let days = [
            config.int(forKey: "dunning.reminderDays", default: 7),
            config.int(forKey: "dunning.firstLetterDays", default: 14),
            config.int(forKey: "dunning.finalLetterDays", default: 28),
        ]
        guard days[0] < days[1] && days[1] < days[2] else {
            throw located("dunning.finalLetterDays", "reminderDays < firstLetterDays < finalLetterDays is required, not \(days)")
        }
        settings.levels[0].daysAfterDue = days[0]
        settings.levels[1].daysAfterDue = days[1]
        settings.levels[2].daysAfterDue = days[2]
        settings.levels[0].fee = try money("dunning.reminderFee", settings.levels[0].fee)
        settings.levels[1].fee = try money("dunning.firstLetterFee", settings.levels[1].fee)
        settings.levels[2].fee = try money("dunning.finalLetterFee", settings.levels[2].fee)
        settings.lumpSum = try money("dunning.lumpSum", settings.lumpSum)
        settings.suspendAtMonthlyFees = config.int(forKey: "dunning.suspendAtMonthlyFees", default: 2)
        settings.suspendAfterFinalLevel = config.bool(forKey: "dunning.suspendAfterFinalLevel", default: true)
        if let lines = config.stringArray(forKey: "dunning.baseRates") {
            // "2025-07-01=1.27": the Bundesbank's base rate from that day on.
            let entries = try lines.map { line -> BaseRateTable.Entry in
                let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let from = CalendarDate(iso: parts[0]), let rate = try? Percent(parsing: parts[1]) else {
                    throw located("dunning.baseRates", "'\(line)' is not like 2025-07-01=1.27")
                }
                return .init(from: from, rate: rate)
            }
            do { settings.baseRates = try BaseRateTable(entries) } catch { throw located("dunning.baseRates", "\(error)") }
        }
        return settings
    }

    /// `datev.*`: header data and accounts of `export datev`; missing numbers are reported by the export.
    private static func datev(_ config: ConfigReader, _ located: Locate) throws -> DatevSettings {
        var datev = DatevSettings()
        datev.consultantNumber = config.int(forKey: "datev.consultantNumber")
        datev.clientNumber = config.int(forKey: "datev.clientNumber")
        datev.fiscalYearStartMonth = config.int(forKey: "datev.fiscalYearStartMonth", default: datev.fiscalYearStartMonth)
        datev.accountLength = config.int(forKey: "datev.accountLength", default: datev.accountLength)
        datev.chartOfAccounts = config.string(forKey: "datev.chartOfAccounts", default: datev.chartOfAccounts)
        let account = { (key: String, fallback: Int) throws -> Int in
            config.int(forKey: ConfigKey("datev.accounts." + key), default: fallback)
        }
        datev.accounts.revenue = try account("revenue", datev.accounts.revenue)
        datev.accounts.revenueReverseCharge = try account("revenueReverseCharge", datev.accounts.revenueReverseCharge)
        datev.accounts.revenueNotTaxable = try account("revenueNotTaxable", datev.accounts.revenueNotTaxable)
        datev.accounts.bank = try account("bank", datev.accounts.bank)
        datev.accounts.returnFee = try account("returnFee", datev.accounts.returnFee)
        datev.accounts.dunningFee = try account("dunningFee", datev.accounts.dunningFee)
        datev.accounts.interest = try account("interest", datev.accounts.interest)
        datev.accounts.lumpSum = try account("lumpSum", datev.accounts.lumpSum)
        datev.accounts.unassignedPayments = try account("unassignedPayments", datev.accounts.unassignedPayments)
        datev.debtorAccountBase = config.int(forKey: "datev.debtorAccountBase", default: datev.debtorAccountBase)
        // "K1001=10001" entries: a list works in YAML and in one environment variable alike.
        for entry in config.stringArray(forKey: "datev.debtorAccounts", default: []) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let number = Int(parts[1]), number > 0 else {
                throw located("datev.debtorAccounts", "'\(entry)' is not CUSTOMER=ACCOUNT like K1001=10001")
            }
            datev.debtorAccounts[parts[0]] = number
        }
        return datev
    }
}
