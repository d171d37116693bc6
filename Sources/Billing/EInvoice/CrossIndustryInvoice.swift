import Formats

/// Writes an ``InvoiceDocument`` as XRechnung 3.0 in the CII syntax
/// (UN/CEFACT Cross Industry Invoice D16B). The code follows the message:
/// each function writes one aggregate, in the order the schema demands.
public enum CrossIndustryInvoice {
    /// BT-24: XRechnung 3.0 on EN 16931.
    public static let specification = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    /// BT-23: the PEPPOL billing process.
    public static let process = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

    public static let namespaces = [
        "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
        "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    ]

    public static func xml(_ document: InvoiceDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("rsm:CrossIndustryInvoice", attributes: [
            "xmlns:rsm": namespaces["rsm"]!, "xmlns:ram": namespaces["ram"]!,
            "xmlns:qdt": namespaces["qdt"]!, "xmlns:udt": namespaces["udt"]!,
        ]) { xml in
            xml.element("rsm:ExchangedDocumentContext") { xml in
                xml.element("ram:BusinessProcessSpecifiedDocumentContextParameter") { $0.element("ram:ID", process) }
                xml.element("ram:GuidelineSpecifiedDocumentContextParameter") { $0.element("ram:ID", specification) }
            }
            exchangedDocument(&xml, document)
            xml.element("rsm:SupplyChainTradeTransaction") { xml in
                for line in document.lines { lineItem(&xml, line) }
                agreement(&xml, document)
                xml.element("ram:ApplicableHeaderTradeDelivery") { _ in }
                settlement(&xml, document)
            }
        }
        return xml.bytes
    }

    // MARK: - Header

    static func exchangedDocument(_ xml: inout XMLWriter, _ document: InvoiceDocument) {
        xml.element("rsm:ExchangedDocument") { xml in
            xml.element("ram:ID", document.number)
            // 380 commercial invoice, 381 credit note (amounts stay positive).
            xml.element("ram:TypeCode", document.kind == .invoice ? "380" : "381")
            xml.element("ram:IssueDateTime") { date(&$0, "udt:DateTimeString", document.issueDate) }
            for note in document.notes + [document.treatment.note].compactMap({ $0 }) {
                xml.element("ram:IncludedNote") { $0.element("ram:Content", note) }
            }
        }
    }

    static func lineItem(_ xml: inout XMLWriter, _ line: InvoiceLine) {
        xml.element("ram:IncludedSupplyChainTradeLineItem") { xml in
            xml.element("ram:AssociatedDocumentLineDocument") { $0.element("ram:LineID", String(line.position)) }
            xml.element("ram:SpecifiedTradeProduct") { xml in
                xml.element("ram:Name", line.description)
                xml.element("ram:Description", ifPresent: line.detail)
            }
            xml.element("ram:SpecifiedLineTradeAgreement") { xml in
                xml.element("ram:NetPriceProductTradePrice") { xml in
                    xml.element("ram:ChargeAmount", line.unitPrice.xmlValue)
                    if line.basisQuantity != 1 {
                        xml.element("ram:BasisQuantity", String(line.basisQuantity), attributes: ["unitCode": line.unitCode])
                    }
                }
            }
            xml.element("ram:SpecifiedLineTradeDelivery") { xml in
                xml.element("ram:BilledQuantity", String(line.quantity), attributes: ["unitCode": line.unitCode])
            }
            xml.element("ram:SpecifiedLineTradeSettlement") { xml in
                xml.element("ram:ApplicableTradeTax") { xml in
                    xml.element("ram:TypeCode", "VAT")
                    xml.element("ram:CategoryCode", line.vatCategory.rawValue)
                    // Not subject to VAT: no rate on the line (BR-O-05).
                    if line.vatCategory.lineHasRate { xml.element("ram:RateApplicablePercent", line.vatRate.xmlValue) }
                }
                if let period = line.period { billingPeriod(&xml, period) }
                xml.element("ram:SpecifiedTradeSettlementLineMonetarySummation") { $0.element("ram:LineTotalAmount", line.net.xmlValue) }
            }
        }
    }

    static func agreement(_ xml: inout XMLWriter, _ document: InvoiceDocument) {
        xml.element("ram:ApplicableHeaderTradeAgreement") { xml in
            xml.element("ram:BuyerReference", document.buyerReference)
            // Not subject to VAT: neither party's VAT id (BR-O-02); the register entry identifies us (BR-CO-26).
            let vatIds = document.treatment != .notTaxable
            xml.element("ram:SellerTradeParty") { xml in
                let seller = document.seller
                xml.element("ram:Name", seller.name)
                if let registration = seller.registration, !registration.isEmpty {
                    xml.element("ram:SpecifiedLegalOrganization") { $0.element("ram:ID", registration) }
                }
                xml.element("ram:DefinedTradeContact") { xml in
                    xml.element("ram:PersonName", seller.contact.name)
                    xml.element("ram:TelephoneUniversalCommunication") { $0.element("ram:CompleteNumber", seller.contact.phone) }
                    xml.element("ram:EmailURIUniversalCommunication") { $0.element("ram:URIID", seller.contact.email) }
                }
                address(&xml, seller.address)
                xml.element("ram:URIUniversalCommunication") { $0.element("ram:URIID", seller.email, attributes: ["schemeID": "EM"]) }
                if let vatId = seller.vatId, !vatId.isEmpty, vatIds {
                    xml.element("ram:SpecifiedTaxRegistration") { $0.element("ram:ID", vatId, attributes: ["schemeID": "VA"]) }
                }
                if let taxNumber = seller.taxNumber, !taxNumber.isEmpty {
                    xml.element("ram:SpecifiedTaxRegistration") { $0.element("ram:ID", taxNumber, attributes: ["schemeID": "FC"]) }
                }
            }
            xml.element("ram:BuyerTradeParty") { xml in
                let buyer = document.buyer
                xml.element("ram:ID", document.customerId)
                xml.element("ram:Name", buyer.name)
                address(&xml, buyer.address)
                if let email = buyer.email, !email.isEmpty {
                    xml.element("ram:URIUniversalCommunication") { $0.element("ram:URIID", email, attributes: ["schemeID": "EM"]) }
                }
                if let vatId = buyer.vatId, !vatId.isEmpty, vatIds {
                    xml.element("ram:SpecifiedTaxRegistration") { $0.element("ram:ID", vatId, attributes: ["schemeID": "VA"]) }
                }
            }
        }
    }

    static func settlement(_ xml: inout XMLWriter, _ document: InvoiceDocument) {
        let vat = document.vat
        xml.element("ram:ApplicableHeaderTradeSettlement") { xml in
            if case .directDebit(let debit) = document.payment {
                xml.element("ram:CreditorReferenceID", debit.creditorIdentifier)
            }
            xml.element("ram:PaymentReference", document.number)
            xml.element("ram:InvoiceCurrencyCode", "EUR")
            paymentMeans(&xml, document.payment)
            for group in vat.groups {
                xml.element("ram:ApplicableTradeTax") { xml in
                    xml.element("ram:CalculatedAmount", group.vat.xmlValue)
                    xml.element("ram:TypeCode", "VAT")
                    xml.element("ram:ExemptionReason", ifPresent: group.category.exemptionReason)
                    xml.element("ram:BasisAmount", group.net.xmlValue)
                    xml.element("ram:CategoryCode", group.category.rawValue)
                    xml.element("ram:ExemptionReasonCode", ifPresent: group.category.exemptionReasonCode)
                    // Also for O, 0: XRechnung demands the rate of every group (BR-DE-14), EN 16931 allows it there (BR-48).
                    xml.element("ram:RateApplicablePercent", group.rate.xmlValue)
                }
            }
            billingPeriod(&xml, document.servicePeriod)
            paymentTerms(&xml, document)
            xml.element("ram:SpecifiedTradeSettlementHeaderMonetarySummation") { xml in
                xml.element("ram:LineTotalAmount", document.lineTotal.xmlValue)
                xml.element("ram:TaxBasisTotalAmount", vat.net.xmlValue)
                xml.element("ram:TaxTotalAmount", vat.vat.xmlValue, attributes: ["currencyID": "EUR"])
                xml.element("ram:GrandTotalAmount", vat.gross.xmlValue)
                xml.element("ram:DuePayableAmount", vat.gross.xmlValue)
            }
            if let preceding = document.precedingInvoice {
                xml.element("ram:InvoiceReferencedDocument") { xml in
                    xml.element("ram:IssuerAssignedID", preceding.number)
                    xml.element("ram:FormattedIssueDateTime") { date(&$0, "qdt:DateTimeString", preceding.issueDate) }
                }
            }
        }
    }

    static func paymentMeans(_ xml: inout XMLWriter, _ payment: PaymentTerms) {
        xml.element("ram:SpecifiedTradeSettlementPaymentMeans") { xml in
            switch payment {
            case .directDebit(let debit):
                xml.element("ram:TypeCode", "59")
                xml.element("ram:PayerPartyDebtorFinancialAccount") { $0.element("ram:IBANID", debit.debtorIban) }
            case .transfer(let transfer):
                xml.element("ram:TypeCode", "58")
                xml.element("ram:PayeePartyCreditorFinancialAccount") { xml in
                    xml.element("ram:IBANID", transfer.iban)
                    xml.element("ram:AccountName", transfer.accountHolder)
                }
                if let bic = transfer.bic, !bic.isEmpty {
                    xml.element("ram:PayeeSpecifiedCreditorFinancialInstitution") { $0.element("ram:BICID", bic) }
                }
            case .settlement:
                // 97: clearing between partners; the credit is offset or refunded.
                xml.element("ram:TypeCode", "97")
            }
        }
    }

    static func paymentTerms(_ xml: inout XMLWriter, _ document: InvoiceDocument) {
        xml.element("ram:SpecifiedTradePaymentTerms") { xml in
            let gross = document.gross.germanFormatted
            switch document.payment {
            case .directDebit(let debit):
                xml.element("ram:Description", "Wir ziehen den Betrag von \(gross) am \(debit.collectionDate.germanString) mit Mandatsreferenz \(debit.mandateReference) und Gläubiger-ID \(debit.creditorIdentifier) ein.")
                xml.element("ram:DueDateDateTime") { date(&$0, "udt:DateTimeString", document.dueDate) }
                xml.element("ram:DirectDebitMandateID", debit.mandateReference)
            case .transfer:
                xml.element("ram:Description", "Zahlbar bis \(document.dueDate.germanString) ohne Abzug.")
                xml.element("ram:DueDateDateTime") { date(&$0, "udt:DateTimeString", document.dueDate) }
            case .settlement:
                xml.element("ram:Description", "Der Betrag von \(gross) wird verrechnet oder erstattet.")
            }
        }
    }

    // MARK: - Shared pieces

    static func address(_ xml: inout XMLWriter, _ address: PostalAddress) {
        xml.element("ram:PostalTradeAddress") { xml in
            xml.element("ram:PostcodeCode", address.postcode)
            xml.element("ram:LineOne", address.street)
            xml.element("ram:CityName", address.city)
            xml.element("ram:CountryID", address.country)
        }
    }

    static func billingPeriod(_ xml: inout XMLWriter, _ period: ServicePeriod) {
        xml.element("ram:BillingSpecifiedPeriod") { xml in
            xml.element("ram:StartDateTime") { date(&$0, "udt:DateTimeString", period.start) }
            xml.element("ram:EndDateTime") { date(&$0, "udt:DateTimeString", period.end) }
        }
    }

    /// A date in format 102 (`YYYYMMDD`).
    static func date(_ xml: inout XMLWriter, _ element: String, _ date: CalendarDate) {
        xml.element(element, date.basicString, attributes: ["format": "102"])
    }
}
