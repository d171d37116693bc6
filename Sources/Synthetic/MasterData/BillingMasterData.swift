/// Invented billing master data for the invoice benchmark: `plans.csv`,
/// `customers.csv` and `mandates.csv` in the formats of docs/formats.md, with
/// `customers` customers spread over four plans, two thirds paying by SEPA
/// direct debit. Deterministic for a seed.
public enum BillingMasterData {
    public struct Files: Sendable {
        public var plans: String
        public var customers: String
        public var mandates: String
    }

    /// Valid German test IBANs (correct check digits); customers share them.
    static let ibans = ["DE89370400440532013000", "DE02120300000000202051", "DE02500105170137075030", "DE75512108001245126199"]
    static let cities = [("10115", "Berlin"), ("20095", "Hamburg"), ("80331", "München"), ("50667", "Köln"), ("01067", "Dresden")]
    static let streets = ["Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Lindenallee", "Am Markt"]

    public static func generate(customers: Int, seed: UInt64, contractStart: String = "2025-10-01") -> Files {
        var random = SplitMix64(seed: seed)
        let plans = """
        id;name;monthly_fee;annual_fee;price_per_1000;package_price;package_size;included_records;vat_rate;due_days
        basis;Basis;49,00;;4,50;;;1000;19;7
        paket;Paket;9,90;;;19,90;1500;0;19;7
        jahr;Jahr;;590,00;;;;0;19;14
        profi;Profi;149,00;;2,90;;;10000;19;7

        """
        var customerLines = ["id;name;street;postcode;city;country;invoice_email;notify_email;vat_id;tax_number;type;payment_method;plan;contract_start;lists;buyer_reference;status;output_compression"]
        var mandateLines = ["reference;customer;iban;bic;signed_on;scheme;used;status"]
        let planIds = ["basis", "paket", "jahr", "profi"]
        for index in 1...max(1, customers) {
            let id = "B" + String(100_000 + index).dropFirst()
            let (postcode, city) = random.pick(cities)
            let sepa = index % 3 != 0
            let plan = planIds[index % planIds.count]
            customerLines.append([
                id, "Beispielfirma \(index) GmbH", "\(random.pick(streets)) \(random.within(1...120))", postcode, city, "DE",
                "rechnung@kunde\(index).example", "", "", "30/\(100 + index % 900)/\(10_000 + index % 90_000)", "business",
                sepa ? "sepa" : "transfer", plan, contractStart, "post,telefon", "", "active", "asInput",
            ].joined(separator: ";"))
            if sepa {
                mandateLines.append(["\(id)-M01", id, random.pick(ibans), "", "2025-01-01", "CORE", "no", "active"].joined(separator: ";"))
            }
        }
        return Files(plans: plans, customers: customerLines.joined(separator: "\n") + "\n",
                     mandates: mandateLines.joined(separator: "\n") + "\n")
    }
}
