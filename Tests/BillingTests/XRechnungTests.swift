import Formats
import Foundation
import Testing
@testable import Billing

@Suite("XRechnung (CII)")
struct XRechnungTests {
    static let samples: [(String, InvoiceDocument)] = [
        ("direct debit", SampleInvoices.directDebit()), ("transfer", SampleInvoices.transfer()), ("credit note", SampleInvoices.creditNote()),
    ]

    @Test("the samples validate against the Factur-X EN 16931 XSD and pass our rule checks", arguments: [0, 1, 2])
    func validates(sample: Int) throws {
        let (name, document) = Self.samples[sample]
        let schema = try XMLSchema(path: try ConformanceSchemas.requireFacturX())
        let xml = CrossIndustryInvoice.xml(document)
        #expect(schema.violations(of: xml) == [], "\(name)")
        #expect(EInvoiceRules.check(xml) == [], "\(name)")
    }

    @Test("direct debit: payment means 59 with mandate (BT-89), creditor id (BT-90) before the currency, debited IBAN (BT-91)")
    func directDebit() throws {
        let query = try XMLQuery(CrossIndustryInvoice.xml(SampleInvoices.directDebit()), namespaces: CrossIndustryInvoice.namespaces)
        let settlement = "//ram:ApplicableHeaderTradeSettlement"
        #expect(query.string("//rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
                == "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0")
        #expect(query.string("//rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID")
                == "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0")
        #expect(query.string("//rsm:ExchangedDocument/ram:TypeCode") == "380")
        #expect(query.string("//ram:BuyerReference") == "K1001")
        #expect(query.string(settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "59")
        #expect(query.string(settlement + "/ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID") == "K1001-M01")
        #expect(query.string(settlement + "/ram:CreditorReferenceID") == "DE98ZZZ09999999999")
        #expect(query.string(settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:IBANID") == "DE89370400440532013000")
        #expect(query.count(settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount") == 0)
        #expect(query.string("//ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID") == "rechnung@robinson-abgleich.example")
        #expect(query.string("//ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber") == "+49 30 1234567-0")
        #expect(query.strings("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID") == ["DE123456789", "30/123/45678"])
        #expect(query.string("//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID") == "rechnungen@versandhaus-nord.example")
        // 49.00 + 11,345 × 4.50 / 1,000 (51.0525 → 51.05) = 100.05; VAT 19.01; gross 119.06.
        #expect(query.string("//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount") == "100.05")
        #expect(query.string("//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount") == "19.01")
        #expect(query.string("//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount") == "119.06")
        #expect(query.string("//ram:NetPriceProductTradePrice[ram:BasisQuantity]/ram:BasisQuantity") == "1000")
        #expect(query.strings(settlement + "/ram:BillingSpecifiedPeriod/*/udt:DateTimeString") == ["20261001", "20261031"])
    }

    @Test("transfer: payment means 58 with our IBAN and BIC; credit note: 381 referencing the invoice, payment means 97")
    func transferAndCreditNote() throws {
        let transfer = try XMLQuery(CrossIndustryInvoice.xml(SampleInvoices.transfer()), namespaces: CrossIndustryInvoice.namespaces)
        #expect(transfer.string("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "58")
        #expect(transfer.string("//ram:PayeePartyCreditorFinancialAccount/ram:IBANID") == "DE02120300000000202051")
        #expect(transfer.string("//ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID") == "BYLADEM1001")
        #expect(transfer.count("//ram:CreditorReferenceID") == 0)
        #expect(transfer.string("//ram:BuyerReference") == "04011000-12345-67")
        let credit = try XMLQuery(CrossIndustryInvoice.xml(SampleInvoices.creditNote()), namespaces: CrossIndustryInvoice.namespaces)
        #expect(credit.string("//rsm:ExchangedDocument/ram:TypeCode") == "381")
        #expect(credit.string("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == "2026-000042")
        #expect(credit.string("//ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString") == "20261102")
        #expect(credit.string("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "97")
        #expect(credit.string("//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount") == "119.06")
    }

    @Test("VAT once on the total: three lines of 0.35 € carry 0.20 €, not 3 × 0.07 €")
    func vatOnTotal() throws {
        var document = SampleInvoices.transfer()
        document.lines = (1...3).map {
            InvoiceLine(position: $0, description: "Posten \($0)", quantity: 1, unitCode: "C62", unitLabel: "Stück",
                        unitPrice: Money(cents: 35), vatRate: Percent(19))
        }
        let xml = CrossIndustryInvoice.xml(document)
        let query = try XMLQuery(xml, namespaces: CrossIndustryInvoice.namespaces)
        #expect(query.string("//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount") == "0.20")
        #expect(EInvoiceRules.check(xml) == [])
        #expect(try XMLSchema(path: try ConformanceSchemas.requireFacturX()).violations(of: xml) == [])
    }

    @Test("reverse charge and not subject to VAT pass the XSD and our checks; a missing buyer VAT id, a VAT id beside O and O beside S fail")
    func vatAbroad() throws {
        let schema = try XMLSchema(path: try ConformanceSchemas.requireFacturX())
        for document in [SampleInvoices.reverseCharge(), SampleInvoices.notTaxable()] {
            let xml = CrossIndustryInvoice.xml(document)
            #expect(EInvoiceRules.check(xml) == [], "\(document.treatment)")
            #expect(schema.violations(of: xml) == [], "\(document.treatment)")
        }
        var noBuyerId = SampleInvoices.reverseCharge()
        noBuyerId.buyer.vatId = nil
        #expect(EInvoiceRules.check(CrossIndustryInvoice.xml(noBuyerId)).map(\.rule) == ["BR-AE-02"])
        var withIds = SampleInvoices.notTaxable()
        withIds.vatTreatment = .domestic
        #expect(EInvoiceRules.check(CrossIndustryInvoice.xml(withIds)).map(\.rule) == ["BR-O-02"])
        var mixed = SampleInvoices.notTaxable()
        mixed.lines[1] = SampleInvoices.lines[1]
        #expect(EInvoiceRules.check(CrossIndustryInvoice.xml(mixed)).map(\.rule) == ["BR-O-11"])
    }

    @Test("tampered documents fail the matching rule", arguments: [
        ("<ram:TaxTotalAmount currencyID=\"EUR\">19.01</ram:TaxTotalAmount>", "<ram:TaxTotalAmount currencyID=\"EUR\">19.02</ram:TaxTotalAmount>", "BR-CO-14"),
        ("<ram:LineTotalAmount>100.05</ram:LineTotalAmount>", "<ram:LineTotalAmount>100.06</ram:LineTotalAmount>", "BR-CO-10"),
        ("<ram:GrandTotalAmount>119.06</ram:GrandTotalAmount>", "<ram:GrandTotalAmount>119.07</ram:GrandTotalAmount>", "BR-CO-15"),
        ("<ram:DuePayableAmount>119.06</ram:DuePayableAmount>", "<ram:DuePayableAmount>19.06</ram:DuePayableAmount>", "BR-CO-16"),
        ("<ram:CalculatedAmount>19.01</ram:CalculatedAmount>", "<ram:CalculatedAmount>19.00</ram:CalculatedAmount>", "BR-CO-17"),
        ("<ram:BuyerReference>K1001</ram:BuyerReference>", "<ram:BuyerReference></ram:BuyerReference>", "BR-DE-15"),
        ("<ram:CreditorReferenceID>DE98ZZZ09999999999</ram:CreditorReferenceID>", "", "BR-DE-30"),
        ("<ram:IBANID>DE89370400440532013000</ram:IBANID>", "", "BR-DE-31"),
        ("<ram:TaxBasisTotalAmount>100.05</ram:TaxBasisTotalAmount>", "<ram:TaxBasisTotalAmount>100.050</ram:TaxBasisTotalAmount>", "BR-DEC"),
    ] as [(String, String, String)])
    func tampered(original: String, replacement: String, rule: String) throws {
        let xml = String(decoding: CrossIndustryInvoice.xml(SampleInvoices.directDebit()), as: UTF8.self)
        #expect(xml.contains(original), "the sample must contain the text to tamper with")
        let tampered = Array(xml.replacingOccurrences(of: original, with: replacement).utf8)
        #expect(EInvoiceRules.check(tampered).map(\.rule).contains(rule))
        #expect(throws: Never.self) { _ = try XRechnung(schemaPath: nil).xml(SampleInvoices.directDebit()) }
    }

    @Test("names with & < and umlauts are escaped and survive a round trip")
    func escaping() throws {
        var document = SampleInvoices.transfer()
        document.buyer.name = "Müller & Söhne <Vertrieb> \"Süd\""
        let xml = CrossIndustryInvoice.xml(document)
        #expect(String(decoding: xml, as: UTF8.self).contains("Müller &amp; Söhne &lt;Vertrieb&gt; \"Süd\""))
        let query = try XMLQuery(xml, namespaces: CrossIndustryInvoice.namespaces)
        #expect(query.string("//ram:BuyerTradeParty/ram:Name") == "Müller & Söhne <Vertrieb> \"Süd\"")
        #expect(try XMLSchema(path: try ConformanceSchemas.requireFacturX()).violations(of: xml) == [])
    }

    @Test("an invoice that breaks the schema is refused with the line of the error")
    func schemaRefusal() throws {
        let schema = try XMLSchema(path: try ConformanceSchemas.requireFacturX())
        let xml = String(decoding: CrossIndustryInvoice.xml(SampleInvoices.directDebit()), as: UTF8.self)
            .replacingOccurrences(of: "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>", with: "")
        let violations = schema.violations(of: Array(xml.utf8))
        #expect(violations.count == 1)
        #expect(violations.first?.hasPrefix("line ") == true)
        #expect(violations.first?.contains("InvoiceCurrencyCode") == true)
        #expect(throws: XMLSchemaError.self) { try XMLSchema(path: "/nonexistent/schema.xsd") }
    }
}

@Suite("XML writer")
struct XMLWriterTests {
    @Test("nesting, attributes, escaping, dropped control characters")
    func writes() {
        var xml = XMLWriter(indent: " ")
        xml.element("a", attributes: ["x": "1 & \"2\""]) { xml in
            xml.element("b", "Tom & Jerry <3")
            xml.element("c", ifPresent: nil)
            xml.element("d", "bell\u{07}tab\tend")
            xml.element("e") { _ in }
        }
        #expect(xml.string == """
        <?xml version="1.0" encoding="UTF-8"?>
        <a x="1 &amp; &quot;2&quot;">
         <b>Tom &amp; Jerry &lt;3</b>
         <d>belltab\tend</d>
         <e>
         </e>
        </a>

        """)
    }
}
