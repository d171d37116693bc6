import Foundation
import Formats

/// Writes a ``DirectDebitMessage`` as `pain.008.001.08` in the order of the
/// German banks' schema (DK GBIC_5): each function is one block of the message.
public enum Pain008Writer {
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"

    public static func xml(_ message: DirectDebitMessage) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("Document", attributes: ["xmlns": namespace]) { xml in
            xml.element("CstmrDrctDbtInitn") { xml in
                groupHeader(&xml, message)
                for group in message.groups { paymentInformation(&xml, group, message) }
            }
        }
        return xml.bytes
    }

    static func groupHeader(_ xml: inout XMLWriter, _ message: DirectDebitMessage) {
        xml.element("GrpHdr") { xml in
            xml.element("MsgId", message.messageId)
            xml.element("CreDtTm", BerlinTime(message.created).isoString)
            xml.element("NbOfTxs", String(message.debits.count))
            xml.element("CtrlSum", message.total.xmlValue)
            xml.element("InitgPty") { $0.element("Nm", message.creditor.name.value) }
        }
    }

    static func paymentInformation(_ xml: inout XMLWriter, _ group: DirectDebitMessage.PaymentGroup, _ message: DirectDebitMessage) {
        let creditor = message.creditor
        xml.element("PmtInf") { xml in
            xml.element("PmtInfId", group.id)
            xml.element("PmtMtd", "DD")
            if let indicator = message.batchBooking.indicator { xml.element("BtchBookg", indicator) }
            xml.element("NbOfTxs", String(group.debits.count))
            xml.element("CtrlSum", group.total.xmlValue)
            xml.element("PmtTpInf") { xml in
                xml.element("SvcLvl") { $0.element("Cd", "SEPA") }
                xml.element("LclInstrm") { $0.element("Cd", message.scheme.rawValue) }
                xml.element("SeqTp", group.sequenceType.rawValue)
            }
            xml.element("ReqdColltnDt", group.collectionDate.isoString)
            xml.element("Cdtr") { xml in
                xml.element("Nm", creditor.name.value)
                // Structured address: banks reject unstructured ones from 15 Nov 2026.
                xml.element("PstlAdr") { xml in
                    xml.element("StrtNm", creditor.street.value)
                    xml.element("PstCd", creditor.postcode.value)
                    xml.element("TwnNm", creditor.town.value)
                    xml.element("Ctry", creditor.country)
                }
            }
            xml.element("CdtrAcct") { $0.element("Id") { $0.element("IBAN", creditor.iban) } }
            agent(&xml, "CdtrAgt", bic: creditor.bic)
            xml.element("ChrgBr", "SLEV")
            xml.element("CdtrSchmeId") { creditorSchemeId(&$0, creditor.creditorIdentifier) }
            for debit in group.debits { transaction(&xml, debit) }
        }
    }

    static func transaction(_ xml: inout XMLWriter, _ debit: DirectDebitMessage.Debit) {
        xml.element("DrctDbtTxInf") { xml in
            xml.element("PmtId") { $0.element("EndToEndId", debit.endToEndId) }
            xml.element("InstdAmt", debit.amount.xmlValue, attributes: ["Ccy": "EUR"])
            xml.element("DrctDbtTx") { xml in
                xml.element("MndtRltdInf") { xml in
                    xml.element("MndtId", debit.mandateReference)
                    xml.element("DtOfSgntr", debit.mandateSignedOn.isoString)
                    if let amendment = debit.amendment, !amendment.isEmpty { self.amendment(&xml, amendment) }
                }
            }
            agent(&xml, "DbtrAgt", bic: debit.debtorBic)
            xml.element("Dbtr") { $0.element("Nm", debit.debtorName.value) }
            xml.element("DbtrAcct") { $0.element("Id") { $0.element("IBAN", debit.debtorIban) } }
            xml.element("RmtInf") { $0.element("Ustrd", debit.remittance.value) }
        }
    }

    /// `AmdmntInd` and only the changed parts of `AmdmntInfDtls`, in schema order.
    static func amendment(_ xml: inout XMLWriter, _ amendment: MandateAmendment) {
        xml.element("AmdmntInd", "true")
        xml.element("AmdmntInfDtls") { xml in
            xml.element("OrgnlMndtId", ifPresent: amendment.originalMandateId)
            if amendment.changesCreditor {
                xml.element("OrgnlCdtrSchmeId") { xml in
                    xml.element("Nm", ifPresent: amendment.originalCreditorName?.value)
                    if let id = amendment.originalCreditorId { creditorSchemeId(&xml, id) }
                }
            }
            switch amendment.originalAccount {
            case .otherBank:
                xml.element("OrgnlDbtrAcct") { $0.element("Id") { $0.element("Othr") { $0.element("Id", MandateAmendment.OriginalAccount.smnda) } } }
            case .sameBank(let iban):
                xml.element("OrgnlDbtrAcct") { $0.element("Id") { $0.element("IBAN", iban) } }
            case nil:
                break
            }
        }
    }

    /// `Id/PrvtId/Othr` with the creditor identifier and scheme `SEPA`.
    static func creditorSchemeId(_ xml: inout XMLWriter, _ identifier: String) {
        xml.element("Id") { xml in
            xml.element("PrvtId") { xml in
                xml.element("Othr") { xml in
                    xml.element("Id", identifier)
                    xml.element("SchmeNm") { $0.element("Prtry", "SEPA") }
                }
            }
        }
    }

    /// A bank by BIC, or `NOTPROVIDED` (IBAN-only SEPA).
    static func agent(_ xml: inout XMLWriter, _ name: String, bic: String?) {
        xml.element(name) { xml in
            xml.element("FinInstnId") { xml in
                if let bic, !bic.isEmpty {
                    xml.element("BICFI", bic)
                } else {
                    xml.element("Othr") { $0.element("Id", "NOTPROVIDED") }
                }
            }
        }
    }
}
