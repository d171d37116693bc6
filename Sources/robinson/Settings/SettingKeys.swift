import Billing
import Foundation
import Matching
import Pipeline

extension SettingKey {
    /// Every configuration key, in the order of the example file.
    static let all: [SettingKey] = pipeline + seller + billing + dunning + datev

    private static let pipeline: [SettingKey] = [
        .init(name: "inbox.settleSeconds", kind: .integer(0...Int.max), defaultValue: "60",
              summary: "a file is claimed once unmodified for this long") { p, _ in "\(p.settleSeconds)" },
        .init(name: "retention.holdDays", kind: .integer(1...Int.max), defaultValue: "5",
              summary: "days an annotated or rejected file is kept, then purge deletes it") { p, _ in "\(p.holdDays)" },
        .init(name: "matching.workers", kind: .integer(1...1024), defaultValue: "number of cores", defaultIsComputed: true,
              summary: "threads for normalize, key and match") { p, _ in "\(p.workers)" },
        .init(name: "matching.hitKinds", kind: .list, defaultValue: "[person, phonetic, phone, email]",
              summary: "key kinds that make a row ja (add household to count household hits)") { p, _ in
                  list(KeyKind.allCases.filter(p.hitKinds.contains).map(\.name))
              },
        .init(name: "matching.keyFile", kind: .text, defaultValue: "<root>/state/hashing.key", defaultIsComputed: true,
              summary: "the hashing key (32 random bytes, mode 0600)") { p, _ in p.keyFile },
        .init(name: "matching.maxIndexAgeDays", kind: .integer(1...366), defaultValue: "14",
              summary: "an older index is not used: run holds every inbox file until a new one is built") { p, _ in "\(p.maxIndexAgeDays)" },
        .init(name: "matching.warnIndexAgeDays", kind: .integer(1...366), defaultValue: "8",
              summary: "from this age on run warns that a new delivery is due") { p, _ in "\(p.warnIndexAgeDays)" },
        .init(name: "output.markerColumn", kind: .text, defaultValue: "robinson",
              summary: "name of the appended marker column (ja, nein, pruefen)") { p, _ in p.outputColumns.marker },
        .init(name: "output.listsColumn", kind: .text, defaultValue: "robinson_listen",
              summary: "name of the appended column with the lists of a hit") { p, _ in p.outputColumns.lists },
        .init(name: "output.reasonColumn", kind: .text, defaultValue: "robinson_grund",
              summary: "name of the appended column with the deciding key or the reason for pruefen") { p, _ in p.outputColumns.reason },
        .init(name: "output.listSeparator", kind: .text, defaultValue: ";",
              summary: "separator inside the lists column") { p, _ in p.outputColumns.listSeparator },
        .init(name: "notify.sendmail", kind: .text, defaultValue: "/usr/sbin/sendmail -t -i",
              summary: "a sendmail-compatible command; empty: only write mail/outgoing/*.eml") { p, _ in p.sendmail },
        .init(name: "notify.from", kind: .text, defaultValue: "Robinson-Abgleich <robinson@localhost>",
              summary: "sender of customer e-mails") { p, _ in p.mailFrom },
        .init(name: "notify.downloadLocation", kind: .text, defaultValue: "",
              summary: "where customers download results (the job folder is appended in the e-mail)") { p, _ in p.downloadLocation },
        .init(name: "monitoring.textfile", kind: .text, defaultValue: nil,
              summary: "Prometheus metrics file for node_exporter's textfile collector, rewritten after every scheduled command") { p, _ in
                  p.metricsFile
              },
    ]

    private static let seller: [SettingKey] = [
        sellerKey("name", "the seller's name on invoices and letters; required for bill") { $0.name },
        sellerKey("street", "street and number; required for bill") { $0.address.street },
        sellerKey("postcode", "postcode; required for bill") { $0.address.postcode },
        sellerKey("city", "city; required for bill") { $0.address.city },
        .init(name: "seller.country", kind: .text, defaultValue: "DE", summary: "ISO country code") { _, b in b.seller?.address.country ?? "DE" },
        sellerKey("vatId", "USt-IdNr.; vatId or taxNumber is required (§14 (4) Nr. 2 UStG)") { $0.vatId },
        sellerKey("taxNumber", "Steuernummer; vatId or taxNumber is required") { $0.taxNumber },
        sellerKey("registration", "commercial register entry (HRB 123456 B, Amtsgericht …), BT-30; required to bill businesses outside the EU") {
            $0.registration
        },
        sellerKey("email", "the seller's electronic address in the XRechnung (BT-34); required") { $0.email },
        sellerKey("contact.name", "seller contact (XRechnung BR-DE-2); required") { $0.contact.name },
        sellerKey("contact.phone", "seller contact phone (BR-DE-6); required") { $0.contact.phone },
        sellerKey("contact.email", "seller contact e-mail (BR-DE-7); required") { $0.contact.email },
        sellerKey("iban", "the account customers pay to; required and checked") { $0.iban },
        sellerKey("bic", "BIC of that account") { $0.bic },
        sellerKey("bank", "name of the bank") { $0.bankName },
        sellerKey("creditorId", "Gläubiger-ID; required when a customer pays by SEPA direct debit") { $0.creditorIdentifier },
        .init(name: "seller.footer", kind: .list, defaultValue: "[]",
              summary: "lines at the foot of every letter (register court, managing directors)") { _, b in list(b.seller?.footer ?? []) },
    ]

    private static let billing: [SettingKey] = [
        .init(name: "billing.issueWorkingDay", kind: .integer(1...20), defaultValue: "1",
              summary: "invoices of a month are dated on this working day of the next month") { _, b in "\(b.issueWorkingDay)" },
        .init(name: "billing.collectionDay", kind: .integer(1...28), defaultValue: "10",
              summary: "SEPA debit on this day of the month after the service month, moved to the next TARGET day") { _, b in
                  "\(b.collection.dayOfMonth)"
              },
        .init(name: "billing.preNotificationWorkingDays", kind: .integer(0...60), defaultValue: "3",
              summary: "the debit is at least this many working days after the invoice date") { _, b in
                  if case .workingDays(let days) = b.collection.preNotification { "\(days)" } else { nil }
              },
        .init(name: "billing.preNotificationCalendarDays", kind: .integer(0...60), defaultValue: nil,
              summary: "instead of working days: this many calendar days (14 is the SEPA rulebook default)") { _, b in
                  if case .calendarDays(let days) = b.collection.preNotification { "\(days)" } else { nil }
              },
        .init(name: "billing.sequenceTypes", kind: .choice(["firstThenRecurring", "recurringOnly"]), defaultValue: "firstThenRecurring",
              summary: "FRST for a mandate's first debit, then RCUR; or RCUR always") { _, b in
                  b.firstDebitAsFirst ? "firstThenRecurring" : "recurringOnly"
              },
        .init(name: "billing.batchBooking.core", kind: .choice(BatchBooking.allCases.map(\.rawValue)), defaultValue: "agreed",
              summary: "BtchBookg of CORE files: agreed (left out), batch (true: one booking per group), single (false: one per debit)") { _, b in
                  b.batchBooking(.core).rawValue
              },
        .init(name: "billing.batchBooking.b2b", kind: .choice(BatchBooking.allCases.map(\.rawValue)), defaultValue: "agreed",
              summary: "BtchBookg of B2B files") { _, b in b.batchBooking(.b2b).rawValue },
        .init(name: "billing.returnFee", kind: .money, defaultValue: "8,00",
              summary: "fee per returned debit the customer caused") { _, b in b.returnFee.germanNumber },
        .init(name: "billing.euConsumerLimit", kind: .money, defaultValue: "10.000,00",
              summary: "yearly sales to consumers in other EU states up to which they pay German VAT (§3a (5) UStG); beyond it bill refuses them") { _, b in
                  b.euConsumerLimit.germanNumber
              },
        .init(name: "billing.refundDays", kind: .integer(0...90), defaultValue: "14",
              summary: "a credit note promises to refund what the invoice received within this many days") { _, b in String(b.refundDays) },
        .init(name: "billing.mailDocuments", kind: .boolean, defaultValue: "true",
              summary: "e-mail invoices, credit notes and dunning letters to the customer's invoice address (false: files only)") { _, b in
                  "\(b.mailDocuments)"
              },
        .init(name: "billing.presentAgainReasons", kind: .list, defaultValue: "[AM04, MS03]",
              summary: "returns whose invoice is collected once more") { _, b in list(b.presentAgainReasons.sorted()) },
        .init(name: "billing.xrechnungSchema", kind: .text, defaultValue: nil,
              summary: "an XSD every XRechnung is validated against before it is written; unset: only our own rule checks") { _, b in
                  b.xrechnungSchema
              },
        .init(name: "billing.schematronRules", kind: .text, defaultValue: "<root>/schematron", defaultIsComputed: true,
              summary: "folder with the official EN 16931 and XRechnung rule sets that invoice validate runs") { _, b in b.schematronRules },
        .init(name: "billing.saxonJar", kind: .text, defaultValue: "/usr/share/java/Saxon-HE.jar",
              summary: "Saxon-HE, run with java from PATH") { _, b in b.saxonJar },
        .init(name: "billing.pain008Schemas", kind: .list, defaultValue: "[]",
              summary: "XSDs every pain.008 is validated against before it is recorded") { _, b in list(b.pain008Schemas) },
        .init(name: "billing.bankSchemas", kind: .text, defaultValue: nil,
              summary: "folder with the ISO camt.053/054 XSDs; bank files are validated against them when set") { _, b in b.bankSchemas },
    ]

    private static let dunning: [SettingKey] = [
        .init(name: "dunning.reminderDays", kind: .integer(0...365), defaultValue: "7",
              summary: "payment reminder this many days after the due date") { _, b in "\(b.dunning.levels[0].daysAfterDue)" },
        .init(name: "dunning.firstLetterDays", kind: .integer(0...365), defaultValue: "14",
              summary: "first dunning letter") { _, b in "\(b.dunning.levels[1].daysAfterDue)" },
        .init(name: "dunning.finalLetterDays", kind: .integer(0...365), defaultValue: "28",
              summary: "final letter with default interest and, for businesses, the lump sum") { _, b in "\(b.dunning.levels[2].daysAfterDue)" },
        .init(name: "dunning.reminderFee", kind: .money, defaultValue: "0,00", summary: "fee of the reminder") { _, b in
            b.dunning.levels[0].fee.germanNumber
        },
        .init(name: "dunning.firstLetterFee", kind: .money, defaultValue: "3,00", summary: "fee of the first letter") { _, b in
            b.dunning.levels[1].fee.germanNumber
        },
        .init(name: "dunning.finalLetterFee", kind: .money, defaultValue: "3,00", summary: "fee of the final letter") { _, b in
            b.dunning.levels[2].fee.germanNumber
        },
        .init(name: "dunning.lumpSum", kind: .money, defaultValue: "40,00",
              summary: "§288 (5) BGB, business customers, once per invoice at the final level") { _, b in b.dunning.lumpSum.germanNumber },
        .init(name: "dunning.suspendAtMonthlyFees", kind: .integer(0...120), defaultValue: "2",
              summary: "suspend when the overdue amount reaches this many monthly fees (0: never)") { _, b in "\(b.dunning.suspendAtMonthlyFees)" },
        .init(name: "dunning.suspendAfterFinalLevel", kind: .boolean, defaultValue: "true",
              summary: "suspend when a final letter stays unpaid") { _, b in "\(b.dunning.suspendAfterFinalLevel)" },
        .init(name: "dunning.baseRates", kind: .list, defaultValue: "the Bundesbank table up to 2026", defaultIsComputed: true,
              summary: "Basiszinssatz per half-year, [\"2025-07-01=1.27\", …]") { _, b in
                  list(b.dunning.baseRates.entries.map { "\($0.from.isoString)=\($0.rate.xmlValue)" })
              },
    ]

    private static let datev: [SettingKey] = [
        .init(name: "datev.consultantNumber", kind: .integer(1...9_999_999), defaultValue: nil,
              summary: "Beraternummer in the DATEV header; required for export datev") { _, b in b.datev.consultantNumber.map(String.init) },
        .init(name: "datev.clientNumber", kind: .integer(1...99_999), defaultValue: nil,
              summary: "Mandantennummer; required for export datev") { _, b in b.datev.clientNumber.map(String.init) },
        .init(name: "datev.fiscalYearStartMonth", kind: .integer(1...12), defaultValue: "1",
              summary: "the month the fiscal year begins") { _, b in "\(b.datev.fiscalYearStartMonth)" },
        .init(name: "datev.accountLength", kind: .integer(4...8), defaultValue: "4",
              summary: "Sachkontenlänge; debtor accounts have one digit more") { _, b in "\(b.datev.accountLength)" },
        .init(name: "datev.chartOfAccounts", kind: .text, defaultValue: "\"03\"",
              summary: "SKR in the header (\"04\" for SKR04, then set the accounts too)") { _, b in "\"\(b.datev.chartOfAccounts)\"" },
        account("revenue", "8400", "Erlöse 19 % USt (automatic account)") { $0.revenue },
        account("revenueReverseCharge", "8336", "Erlöse aus im anderen EU-Land steuerpflichtigen sonstigen Leistungen (reverse charge; UStVA Kz. 21, ZM)") {
            $0.revenueReverseCharge
        },
        account("revenueNotTaxable", "8338", "Erlöse aus im Drittland steuerbaren Leistungen, im Inland nicht steuerbar (UStVA Kz. 45)") {
            $0.revenueNotTaxable
        },
        account("bank", "1200", "Bank, debited with payments") { $0.bank },
        account("returnFee", "2700", "Sonstige Erträge: return fees (damages, not taxable)") { $0.returnFee },
        account("dunningFee", "2700", "Sonstige Erträge: dunning fees") { $0.dunningFee },
        account("interest", "2650", "Sonstige Zinsen und ähnliche Erträge: default interest") { $0.interest },
        account("lumpSum", "2700", "Sonstige Erträge: the §288 (5) BGB lump sum") { $0.lumpSum },
        account("unassignedPayments", "1590", "Durchlaufende Posten: payments that name no invoice") { $0.unassignedPayments },
        .init(name: "datev.debtorAccounts", kind: .list, defaultValue: "[]",
              summary: "CUSTOMER=ACCOUNT pairs, [\"K1001=10001\"]") { _, b in
                  list(b.datev.debtorAccounts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
              },
        .init(name: "datev.debtorAccountBase", kind: .integer(0...Int.max), defaultValue: "10000",
              summary: "a customer not listed whose id ends in digits gets base + number (K1001 → 11001)") { _, b in "\(b.datev.debtorAccountBase)" },
    ]

    private static func sellerKey(_ name: String, _ summary: String, _ value: @escaping @Sendable (Seller) -> String?) -> SettingKey {
        SettingKey(name: "seller." + name, kind: .text, defaultValue: nil, summary: summary) { _, b in
            b.seller.flatMap(value).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    private static func account(_ name: String, _ value: String, _ summary: String,
                                _ read: @escaping @Sendable (DatevSettings.Accounts) -> Int) -> SettingKey {
        SettingKey(name: "datev.accounts." + name, kind: .integer(1...99_999_999), defaultValue: value, summary: summary) { _, b in
            "\(read(b.datev.accounts))"
        }
    }

    /// A YAML flow list: `[a, b]`, each item quoted when YAML needs it.
    static func list(_ items: [String]) -> String {
        "[" + items.map(YAMLText.scalar).joined(separator: ", ") + "]"
    }
}

/// Writing values as YAML text.
enum YAMLText {
    /// `value`, or `"value"` when plain YAML would read it differently.
    static func scalar(_ value: String) -> String {
        let plain = value.range(of: #"^[A-Za-z0-9_./<>@=+-][A-Za-z0-9_ ./<>@=+-]*$"#, options: .regularExpression) != nil
            && !value.hasSuffix(" ") && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(value.lowercased())
        if plain { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
