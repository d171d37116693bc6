/// What a dunning letter asks for: the open invoice amount and every charge
/// on it not paid yet, including this letter's fee, interest and lump sum.
struct DunningStatement {
    struct Item {
        var text: String
        var amount: Money
    }

    var items: [Item]
    var total: Money { items.map(\.amount).sum() }
}
