import Store

/// The parts of a customer's master data an invoice needs, checked: a
/// customer imported before billing existed lacks them and is reported.
struct CustomerBilling {
    let customer: Customer
    let party: Party
    let contractStart: CalendarDate
    let planId: String

    init(_ customer: Customer) throws(BillingGap) {
        func present(_ value: String?, _ field: String) throws(BillingGap) -> String {
            guard let value, !value.isEmpty else { throw BillingGap("master data lacks \(field); import the customer again with it") }
            return value
        }
        let street = try present(customer.street, "street")
        let postcode = try present(customer.postcode, "postcode")
        let city = try present(customer.city, "city")
        let startText = try present(customer.contractStart, "contract_start")
        guard let start = CalendarDate(iso: startText) else { throw BillingGap("contract_start '\(startText)' is not a date") }
        self.customer = customer
        self.contractStart = start
        self.planId = try present(customer.planId, "plan")
        self.party = Party(name: customer.name,
                           address: PostalAddress(street: street, postcode: postcode, city: city, country: customer.country),
                           email: customer.invoiceEmail, vatId: customer.vatId, taxNumber: customer.taxNumber)
    }

    /// BT-10: the Leitweg-ID or the buyer's own reference, else our customer number (BR-DE-15).
    var buyerReference: String {
        if let reference = customer.buyerReference, !reference.isEmpty { return reference }
        return customer.id
    }
}

/// Why one customer cannot be billed.
struct BillingGap: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
