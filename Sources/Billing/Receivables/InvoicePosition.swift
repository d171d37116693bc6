import Store

/// Where one invoice's money stands on a day, computed from its payment rows:
/// the one rule behind ``PaymentState``. `Ledger` stores today's position with
/// the invoice; the open-items list of an earlier day computes it for that day.
///
/// A row counts from its `bookedOn` day (a debit from its collection date). A
/// debit whose date has not come is under way (`collectionSubmitted`) unless
/// a return already took it back.
public struct InvoicePosition: Sendable, Equatable {
    public var state: PaymentState
    /// The gross; 0 once cancelled and for a credit note.
    public var owed: Int64
    /// What counted rows add up to on the day.
    public var received: Int64
    /// The day the money first reached what is owed (and stayed there).
    public var settledOn: CalendarDate?

    /// Owed minus received; negative is the customer's credit.
    public var open: Int64 { owed - received }

    /// TARGET business days after its collection date in which a Core debit may still be returned by the bank (FACTS:
    /// returns arrive up to D+5); until then a paid-by-debit invoice is `collected`, then `paid`.
    public static let returnWindow = 5

    public static func of(_ invoice: InvoiceRecord, rows: [Payment], on day: CalendarDate) -> InvoicePosition {
        guard invoice.kind == .invoice else { return InvoicePosition(state: .creditNote, owed: 0, received: 0) }
        let cancelled = invoice.cancelledOn.flatMap { CalendarDate(iso: $0) }.map { $0 <= day } ?? false
        let owed: Int64 = cancelled ? 0 : invoice.grossCents
        let dated = rows.map { (row: $0, date: CalendarDate(iso: $0.bookedOn) ?? day) }
            .sorted { ($0.date, $0.row.id ?? 0) < ($1.date, $1.row.id ?? 0) }
        let counted = dated.filter { $0.date <= day }
        let received = counted.map(\.row.amountCents).reduce(0, +)
        let takenBack = Set(rows.filter { $0.kind == .returned || $0.kind == .reversal }.compactMap(\.relatesTo))
        let live = { (row: Payment) in row.kind == .debit && !takenBack.contains(row.id ?? -1) }
        let pending = dated.contains { live($0.row) && $0.date > day }

        var settledOn: CalendarDate?
        var running: Int64 = 0
        for (row, date) in counted {
            running += row.amountCents
            if running < owed || owed == 0 {
                settledOn = nil
            } else if settledOn == nil {
                settledOn = date
            }
        }

        let state: PaymentState
        if cancelled {
            state = .cancelled
        } else if pending {
            state = .collectionSubmitted
        } else if received <= 0 {
            state = .issued
        } else if received < owed {
            state = .partiallyPaid
        } else if received > owed {
            state = .overpaid
        } else if let debit = counted.last(where: { live($0.row) }),
                  day < TargetCalendar().addingBusinessDays(returnWindow, to: debit.date) {
            state = .collected
        } else {
            state = .paid
        }
        return InvoicePosition(state: state, owed: owed, received: received, settledOn: state == .cancelled ? nil : settledOn)
    }
}
