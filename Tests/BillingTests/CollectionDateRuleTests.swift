import Billing
import Testing

struct CollectionDateRuleTests {
    // Defaults: the 10th of the following month (seed 000 §4(7)) on a TARGET business day,
    // at least 3 German working days after the invoice date (seed 002 §6[4]), file at the bank by D-1.
    @Test(arguments: [
        // March 2026, invoiced Wed 1 Apr; notice ends Wed 8 Apr (Easter in between); the 10th is a Friday.
        ("2026-03", "2026-04-01", "2026-04-02", "2026-04-10"),
        // September 2026: the 10th of October is a Saturday → Monday 12th.
        ("2026-09", "2026-10-01", "2026-10-01", "2026-10-12"),
        // File created late on Thu 10 Dec: the bank needs it by D-1, so Fri 11 Dec.
        ("2026-11", "2026-12-01", "2026-12-10", "2026-12-11"),
        // File created on Sat 12 Dec reaches the bank Mon 14 Dec: earliest Tue 15 Dec.
        ("2026-11", "2026-12-01", "2026-12-12", "2026-12-15"),
        // Year end: invoiced Mon 4 Jan 2027 (1 Jan is a holiday); notice ends Thu 7 Jan; the 10th is a Sunday.
        ("2026-12", "2027-01-04", "2027-01-04", "2027-01-11"),
        // Invoiced late on Thu 7 May 2026: 3 working days end Tue 12 May, after the wanted Sunday 10th.
        ("2026-04", "2026-05-07", "2026-05-07", "2026-05-12"),
    ])
    func defaultRule(serviceMonth: String, invoiceDate: String, fileCreated: String, expected: String) {
        let date = CollectionDateRule().date(
            serviceMonth: YearMonth(iso: serviceMonth)!, invoiceDate: day(invoiceDate), fileCreated: day(fileCreated))
        #expect(date == day(expected))
    }

    @Test func christmas() {
        let invoice = day("2026-12-01")
        let november = YearMonth(iso: "2026-11")!
        // 24 December is a TARGET business day; 25 December moves over Christmas and the weekend to Monday 28th.
        #expect(CollectionDateRule(dayOfMonth: 24).date(serviceMonth: november, invoiceDate: invoice, fileCreated: invoice)
            == day("2026-12-24"))
        #expect(CollectionDateRule(dayOfMonth: 25).date(serviceMonth: november, invoiceDate: invoice, fileCreated: invoice)
            == day("2026-12-28"))
    }

    @Test func fourteenCalendarDaysNotice() {
        // Without a shortened period (rulebook: 14 calendar days): invoiced 1 Apr 2026 → not before Wed 15 Apr.
        let rule = CollectionDateRule(preNotification: .calendarDays(14))
        #expect(rule.date(serviceMonth: YearMonth(iso: "2026-03")!, invoiceDate: day("2026-04-01"), fileCreated: day("2026-04-01"))
            == day("2026-04-15"))
    }

    @Test func dayBeyondMonthEndIsClamped() {
        // "The 31st" in February 2027 is Sunday 28 Feb → Monday 1 March.
        let rule = CollectionDateRule(dayOfMonth: 31)
        #expect(rule.date(serviceMonth: YearMonth(iso: "2027-01")!, invoiceDate: day("2027-02-01"), fileCreated: day("2027-02-01"))
            == day("2027-03-01"))
    }
}
