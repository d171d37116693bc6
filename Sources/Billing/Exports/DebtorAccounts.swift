/// The debtor (Debitor) account of each customer: the configured one, else
/// ``DatevSettings/debtorAccountBase`` plus the digits the customer id ends
/// in. Deterministic, so the same customer keeps the same account every month.
struct DebtorAccounts {
    let settings: DatevSettings

    /// The account, or nil if neither the mapping nor the id yields one.
    func account(for customerId: String) -> Int? {
        if let mapped = settings.debtorAccounts[customerId] { return mapped }
        let digits = customerId.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { return nil }
        return settings.debtorAccountBase + number
    }

    /// Every customer's account; throws naming all customers without one, or
    /// an account that is not a debtor account at this account length
    /// (DATEV: personal accounts have one digit more than ledger accounts).
    func accounts(for customerIds: Set<String>) throws(DatevExportError) -> [String: Int] {
        var result: [String: Int] = [:]
        var missing: [String] = []
        for id in customerIds.sorted() {
            if let account = account(for: id) { result[id] = account } else { missing.append(id) }
        }
        guard missing.isEmpty else { throw .customersWithoutDebtorAccount(missing) }
        let digits = settings.accountLength + 1
        if let (id, account) = result.sorted(by: { $0.key < $1.key }).first(where: { String($0.value).count != digits }) {
            throw .accountLength("debtor account \(account) of \(id) must have \(digits) digits at account length \(settings.accountLength)")
        }
        return result
    }
}
