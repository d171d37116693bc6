import Billing

/// A date from an ISO literal; tests only, where a typo should fail loudly.
func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// An amount from cents.
func eur(_ cents: Int64) -> Money {
    Money(cents: cents)
}
