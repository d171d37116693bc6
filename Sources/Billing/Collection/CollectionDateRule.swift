/// How long before a collection the debtor must have been told of it.
public enum PreNotificationPeriod: Sendable, Hashable {
    /// Calendar days (the SEPA rulebook's default is 14).
    case calendarDays(Int)
    /// German working days (the seeds' terms shorten it to 3).
    case workingDays(Int)
}

/// When a SEPA invoice is collected.
///
/// The wanted date is a fixed day of the month after the service month (the
/// 10th, seed 000 §4(7)), moved to the next TARGET business day. It is never
/// earlier than the pre-notification period after the invoice date (the
/// invoice carries the pre-notification), nor earlier than the bank's lead
/// time allows: the file must reach the bank `bankLeadDays` TARGET business
/// days before the collection date (D-1 for CORE and B2B).
public struct CollectionDateRule: Sendable, Hashable {
    /// Day of the month after the service month (clamped to the month's length).
    public var dayOfMonth: Int
    /// Notice the debtor gets, counted from the invoice date.
    public var preNotification: PreNotificationPeriod
    /// TARGET business days between the bank receiving the file and the collection date.
    public var bankLeadDays: Int

    /// The rule with the seeds' defaults: the 10th, 3 working days' notice, D-1.
    public init(dayOfMonth: Int = 10, preNotification: PreNotificationPeriod = .workingDays(3), bankLeadDays: Int = 1) {
        self.dayOfMonth = dayOfMonth
        self.preNotification = preNotification
        self.bankLeadDays = bankLeadDays
    }

    /// The collection date of an invoice for `serviceMonth`, dated `invoiceDate`,
    /// in a file created on `fileCreated`.
    public func date(serviceMonth: YearMonth, invoiceDate: CalendarDate, fileCreated: CalendarDate) -> CalendarDate {
        let target = TargetCalendar()
        let wanted = serviceMonth.next.day(dayOfMonth)
        let notified: CalendarDate
        switch preNotification {
        case .calendarDays(let days): notified = invoiceDate.adding(days: days)
        case .workingDays(let days): notified = GermanWorkingDays().addingBusinessDays(days, to: invoiceDate)
        }
        // A file created on a closing day reaches the bank on its next business day.
        let received = target.nextBusinessDay(onOrAfter: fileCreated)
        let earliestForBank = target.addingBusinessDays(bankLeadDays, to: received)
        return target.nextBusinessDay(onOrAfter: max(wanted, notified, earliestForBank))
    }
}
