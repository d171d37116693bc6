import Foundation
import Formats
import GRDB
import Store

/// `robinson dunning [--date D]`: sends the next level of the dunning ladder
/// for every invoice past due and still open, then suspends customers in
/// arrears. Each level is sent once per invoice, at least 7 days after the
/// previous one; running twice on a day sends nothing twice.
///
/// Fees, interest and the lump sum become charges (table `charge`), listed
/// on the letter's statement and in the open items; the letter is a PDF in
/// `billing/<service month>/mahnungen/`.
public struct DunningRun: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct Letter: Sendable {
        public var invoice: String
        public var customer: String
        public var level: Int
        public var name: String
        public var path: String
        public var total: Money
    }

    public struct Report: Sendable {
        public var letters: [Letter] = []
        public var suspended: [(customer: String, reason: String)] = []
        /// The letters e-mailed (queued) and copied to the print folder.
        public var delivery = DeliveryReport()
    }

    public func run(on day: CalendarDate? = nil) throws -> Report {
        let lock = try context.lock()
        defer { withExtendedLifetime(lock) {} }
        let date = day ?? context.today
        let now = context.now
        let settings = context.settings.dunning
        var report = Report()
        let invoices = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            return try InvoiceRecord.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice && PaymentState.owing.contains(InvoiceRecord.Columns.paymentState)
                                     && InvoiceRecord.Columns.paidCents < InvoiceRecord.Columns.grossCents
                                     && InvoiceRecord.Columns.presentAgain == false && InvoiceRecord.Columns.dueDate < date.isoString)
                .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        }
        for invoice in invoices {
            guard let level = settings.levels.first(where: { $0.number == invoice.dunningLevel + 1 }),
                  let due = CalendarDate(iso: invoice.dueDate), date >= due.adding(days: level.daysAfterDue) else { continue }
            let lastSent = try context.database.read { db in
                try DunningNotice.filter(DunningNotice.Columns.invoiceNumber == invoice.number)
                    .select(max(DunningNotice.Columns.sentOn), as: String?.self).fetchOne(db) ?? nil
            }
            if let lastSent, let last = CalendarDate(iso: lastSent), date < last.adding(days: 7) { continue }
            let (letter, route) = try send(level, for: invoice, due: due, on: date, now: now)
            report.letters.append(letter)
            let reference = "\(letter.invoice) \(letter.name)"
            switch route {
            case .mail: report.delivery.mailed.append(reference)
            case .print:
                report.delivery.printed.append(reference)
                report.delivery.printFolder = DocumentDelivery(context: context).printFolder
            case .none: break
            }
        }
        if !report.letters.isEmpty { FaultInjection.trip("billing:mail-queued") }
        // Also what an interrupted run queued.
        DocumentDelivery(context: context).deliver(into: &report.delivery)
        report.suspended = try context.database.writeImmediate { db in
            try Suspension(context: context).suspendOverdue(in: db, on: date, now: now)
        }
        try ReceivablesFiles(context: context).rewrite()
        return report
    }

    private func send(_ level: DunningLevel, for invoice: InvoiceRecord, due: CalendarDate, on date: CalendarDate,
                      now: Date) throws -> (Letter, DocumentDelivery.Route) {
        let settings = context.settings.dunning
        let document = try InvoiceStorage.decode(invoice)
        let customer = try context.database.read { db in try Customer.fetchOne(db, key: invoice.customerId) }
        let business = (customer?.customerType ?? .business) == .business
        let open = Money(cents: invoice.openCents)
        var newCharges: [Charge] = []
        if level.fee.cents > 0 {
            newCharges.append(Charge(customerId: invoice.customerId, kind: .dunningFee, amountCents: level.fee.cents,
                                     description: "Mahngebühr \(level.name) zu Rechnung \(invoice.number)",
                                     relatesTo: invoice.number, createdOn: date.isoString))
        }
        var interestText: String?
        if level.interest {
            let interest = DefaultInterest(baseRates: settings.baseRates, statutoryFor: business ? .business : .consumer)
            let amount = try interest.interest(on: open, dueDate: due, through: date)
            let periods = try interest.periods(dueDate: due, through: date)
            let days = periods.map(\.days).reduce(0, +)
            if amount.cents > 0 {
                newCharges.append(Charge(customerId: invoice.customerId, kind: .interest, amountCents: amount.cents,
                                         description: "Verzugszinsen auf \(open.germanFormatted), \(due.adding(days: 1).germanString)–\(date.germanString) (\(GermanWording.count(Int64(days), GermanWording.day)))",
                                         relatesTo: invoice.number, createdOn: date.isoString))
            }
            let rates = periods.map { "\($0.first.germanString)–\($0.last.germanString): \($0.annualRate.germanFormatted) p. a." }.joined(separator: "; ")
            interestText = GermanWording.sentence("Verzugszinsen nach § 288 Abs. \(business ? "2" : "1") BGB (Basiszinssatz + \(business ? "9" : "5") Prozentpunkte, act/365): \(rates)")
        }
        if level.lumpSum && business {
            let already = try context.database.read { db in
                try Charge.filter(Charge.Columns.relatesTo == invoice.number && Charge.Columns.kind == Charge.Kind.lumpSum).fetchCount(db) > 0
            }
            if !already {
                newCharges.append(Charge(customerId: invoice.customerId, kind: .lumpSum, amountCents: settings.lumpSum.cents,
                                         description: "Verzugspauschale § 288 Abs. 5 BGB zu Rechnung \(invoice.number)",
                                         relatesTo: invoice.number, createdOn: date.isoString))
            }
        }
        let earlier = try context.database.read { db in
            try Charge.filter(Charge.Columns.relatesTo == invoice.number && Charge.Columns.billedInvoice == nil).order(Charge.Columns.id).fetchAll(db)
        }
        var items = [DunningStatement.Item(text: "Rechnung \(invoice.number) vom \(document.issueDate.germanString), offen", amount: open)]
        items += (earlier + newCharges).map { DunningStatement.Item(text: $0.description, amount: Money(cents: $0.amountCents)) }
        let statement = DunningStatement(items: items)
        let payBy = date.adding(days: 7)
        let pdf = try DunningLetter.pdf(level: level, finalLevel: level.number == settings.finalLevel, invoice: document,
                                        statement: statement, date: date, payBy: payBy, interestText: interestText)
        let folder = context.monthFolder(invoice.serviceMonth) + "/mahnungen"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = folder + "/\(invoice.number)-\(invoice.customerId)-stufe\(level.number).pdf"
        // Written before it is recorded: a crash in between writes the same letter again on the next run
        // (the same bytes: nothing happens). A letter is never replaced by a different one.
        try AtomicFile.create(pdf, at: path)
        let delivery = DocumentDelivery(context: context)
        var route = DocumentDelivery.Route.none
        if let seller = context.settings.seller {
            let attachment = try DocumentDelivery.attachment(path, mediaType: "application/pdf")
            route = try delivery.prepare(
                customer: customer, files: [path], name: "dunning-\(invoice.number)-\(level.number)",
                message: { recipient in
                    try DocumentMail.dunning(level: level, invoice: invoice.number, total: statement.total, payBy: payBy, to: recipient,
                                             seller: seller, date: now, pdf: attachment)
                },
                key: DocumentMail.key(dunning: invoice.number, level: level.number), kind: level.number == 1 ? .reminder : .dunning,
                reference: invoice.number)
        }
        try context.database.writeImmediate { db in
            try delivery.record(route, in: db)
            for var charge in newCharges { try charge.insert(db) }
            try DunningNotice(invoiceNumber: invoice.number, level: level.number, sentOn: date.isoString, path: path,
                              feeCents: level.fee.cents, interestCents: newCharges.filter { $0.kind == .interest }.map(\.amountCents).reduce(0, +)).insert(db)
            try InvoiceRecord.filter(key: invoice.number).updateAll(db, InvoiceRecord.Columns.dunningLevel.set(to: level.number))
            try db.audit("invoice.dunning", subject: invoice.number, detail: "\(level.name), total \(statement.total)", actor: context.actor, at: now)
        }
        return (Letter(invoice: invoice.number, customer: invoice.customerId, level: level.number, name: level.name, path: path,
                       total: statement.total), route)
    }
}
