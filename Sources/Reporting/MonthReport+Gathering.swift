import Billing
import Foundation
import Store

extension MonthReport {
    /// The Robinson lists in the order of the usage record's columns, with their German names.
    static let lists: [(list: String, label: String, hits: @Sendable (UsageRecord) -> Int)] = [
        ("post", "Post", { $0.hitsPost }), ("telefon", "Telefon", { $0.hitsTelefon }), ("mobil", "Mobil", { $0.hitsMobil }),
        ("fax", "Fax", { $0.hitsFax }), ("email", "E-Mail", { $0.hitsEmail }),
    ]

    /// Reads the month from the state database through Store's typed queries.
    /// Days are Berlin calendar days; the invoices are those of `month` as
    /// service month, with their payments as known `now`; `dunningLevels`
    /// names the configured reminder and dunning levels.
    public static func gather(from database: StateDatabase, month: YearMonth, now: Date,
                              dunningLevels: [DunningLevel]) throws -> MonthReport {
        let start = month.firstDay.midnightInBerlin, end = month.next.firstDay.midnightInBerlin
        let jobs = try database.jobs(claimedFrom: start, before: end)
        var days = (1...month.lastDay.day).map { Day(date: month.day($0)) }
        var rejected: [RejectedFile] = []
        var unfinished = 0
        for job in jobs {
            let index = CalendarDate(job.claimedAt).day - 1
            days[index].files += 1
            switch job.state {
            case .done, .purged:
                days[index].rows += job.rows ?? 0
            case .rejected:
                days[index].rejected += 1
                rejected.append(RejectedFile(jobId: job.id, customerId: job.customerId, fileName: job.inputName,
                                             claimedAt: job.claimedAt, reason: job.error ?? ""))
            case .running, .failed:
                unfinished += 1
            }
        }
        let usage = try database.usageRecords(month: month.isoString)
        let hits = lists.map { list in ListHits(list: list.list, label: list.label, hits: usage.reduce(0) { $0 + list.hits($1) }) }
        let problems = try database.lastingConditions().map { Problem(since: $0.since, message: $0.message) }

        let records = try database.invoices(serviceMonth: month.isoString)
        let names = Dictionary(try database.customers().map { ($0.id, $0.name) }) { first, _ in first }
        let payments = Dictionary(grouping: try database.payments(invoices: records.map(\.number)), by: { $0.invoiceNumber ?? "" })
        let invoices = records.map { record in
            let rows = payments[record.number] ?? []
            let returned = -rows.filter { $0.kind == .returned }.reduce(0) { $0 + $1.amountCents }
            let received = rows.filter { $0.kind != .returned }.reduce(0) { $0 + $1.amountCents }
            return Invoice(number: record.number, kind: record.kind, customerId: record.customerId,
                           customerName: names[record.customerId] ?? "", issueDate: record.issueDate, dueDate: record.dueDate,
                           gross: Money(cents: record.grossCents), received: Money(cents: received), returned: Money(cents: returned),
                           open: Money(cents: record.openCents), state: record.paymentState, dunningLevel: record.dunningLevel)
        }
        let owing = invoices.filter { $0.kind == .invoice && $0.state != .cancelled }
        let levelNames = [0: "ohne Mahnung"].merging(dunningLevels.map { ($0.number, $0.name) }) { $1 }
        let highest = max(dunningLevels.map(\.number).max() ?? 0, owing.map(\.dunningLevel).max() ?? 0)
        let dunning = (0...highest).map { level in
            let at = owing.filter { $0.dunningLevel == level }
            return DunningCount(level: level, name: levelNames[level] ?? "Stufe \(level)", invoices: at.count, open: at.map(\.open).sum())
        }
        return MonthReport(month: month, generatedAt: now, days: days, hits: hits, rejected: rejected, unfinished: unfinished,
                           problems: problems, invoices: invoices, dunning: dunning)
    }
}

extension CalendarDate {
    /// 00:00 of this day in Berlin.
    var midnightInBerlin: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDate.berlin
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
