@testable import Billing

/// Realistic invoice documents for renderer tests (PDF, XRechnung).
enum SampleInvoices {
    static let seller = Seller(
        name: "Robinson Abgleich GmbH",
        address: PostalAddress(street: "Friedrichstraße 123", postcode: "10117", city: "Berlin"),
        vatId: "DE123456789", taxNumber: "30/123/45678",
        contact: Seller.Contact(name: "Petra Buchhalter", phone: "+49 30 1234567-0", email: "buchhaltung@robinson-abgleich.example"),
        email: "rechnung@robinson-abgleich.example",
        creditorIdentifier: "DE98ZZZ09999999999",
        iban: "DE02120300000000202051", bic: "BYLADEM1001", bankName: "Deutsche Kreditbank",
        footer: ["Amtsgericht Charlottenburg HRB 123456 B", "Geschäftsführerin: Anna Beispiel"],
        registration: "HRB 123456 B"
    )

    static let buyer = Party(
        name: "Versandhaus Nord GmbH",
        address: PostalAddress(street: "Große Elbstraße 7a", postcode: "22767", city: "Hamburg"),
        email: "rechnungen@versandhaus-nord.example", vatId: "DE987654321"
    )

    static let october = YearMonth(year: 2026, month: 10)!

    static var lines: [InvoiceLine] {
        [
            InvoiceLine(position: 1, description: "Grundgebühr Oktober 2026", quantity: 1, unitCode: "MON", unitLabel: "Monat",
                        unitPrice: Money(cents: 4_900), vatRate: Percent(19)),
            InvoiceLine(position: 2, description: "Robinson-Abgleich, Preis je 1.000 Datensätze",
                        detail: "12.345 geprüfte Datensätze, davon 1.000 inklusive", quantity: 11_345, unitCode: "C62",
                        unitLabel: "Datensätze", unitPrice: Money(cents: 450), basisQuantity: 1_000, vatRate: Percent(19)),
        ]
    }

    /// SEPA customer: payment means 59 with mandate, creditor id and debtor IBAN.
    static func directDebit() -> InvoiceDocument {
        InvoiceDocument(
            kind: .invoice, number: "2026-000042",
            issueDate: CalendarDate(year: 2026, month: 11, day: 2)!, dueDate: CalendarDate(year: 2026, month: 11, day: 9)!,
            servicePeriod: ServicePeriod(month: october), seller: seller, buyer: buyer, customerId: "K1001",
            buyerReference: "K1001", lines: lines,
            payment: .directDebit(.init(mandateReference: "K1001-M01", creditorIdentifier: "DE98ZZZ09999999999",
                                        debtorIban: "DE89370400440532013000", collectionDate: CalendarDate(year: 2026, month: 11, day: 10)!))
        )
    }

    /// Transfer customer: payment means 58 with the seller's IBAN.
    static func transfer() -> InvoiceDocument {
        var document = directDebit()
        document.number = "2026-000043"
        document.customerId = "K1002"
        document.buyerReference = "04011000-12345-67"
        document.buyer = Party(name: "Callcenter Süd AG", address: PostalAddress(street: "Leopoldstraße 244", postcode: "80807", city: "München"),
                               email: "kreditoren@callcenter-sued.example", vatId: nil, taxNumber: "143/123/45678")
        document.payment = .transfer(.init(iban: seller.iban, bic: seller.bic, bankName: seller.bankName,
                                           accountHolder: seller.name, reference: "2026-000043"))
        return document
    }

    /// `directDebit()` to a business in Austria: reverse charge.
    static func reverseCharge() -> InvoiceDocument {
        var document = directDebit()
        document.buyer = Party(name: "Adressverlag Wien GmbH", address: PostalAddress(street: "Mariahilfer Straße 99", postcode: "1060", city: "Wien", country: "AT"),
                               email: "rechnung@adressverlag.example", vatId: "ATU12345675")
        document.vatTreatment = .reverseCharge
        document.lines = document.lines.map(VatTreatment.reverseCharge.applied)
        return document
    }

    /// `transfer()` to a business in Switzerland: not taxable in Germany.
    static func notTaxable() -> InvoiceDocument {
        var document = transfer()
        document.buyer = Party(name: "Direktmarketing Zürich AG", address: PostalAddress(street: "Bahnhofstrasse 1", postcode: "8001", city: "Zürich", country: "CH"),
                               email: "rechnung@dm-zuerich.example", vatId: nil, taxNumber: "CHE-123.456.789")
        document.vatTreatment = .notTaxable
        document.lines = document.lines.map(VatTreatment.notTaxable.applied)
        return document
    }

    /// A credit note reversing `directDebit()`.
    static func creditNote() -> InvoiceDocument {
        var document = directDebit()
        document.kind = .creditNote
        document.number = "2026-000057"
        document.issueDate = CalendarDate(year: 2026, month: 11, day: 20)!
        document.dueDate = CalendarDate(year: 2026, month: 11, day: 20)!
        document.precedingInvoice = PrecedingInvoice(number: "2026-000042", issueDate: CalendarDate(year: 2026, month: 11, day: 2)!,
                                                     reason: "Falscher Tarif berechnet")
        document.payment = .settlement
        return document
    }
}
