import Billing
import Testing

struct ReturnReasonTests {
    // FACTS "Returned debits": fee by default unless the provider caused it; some codes end the mandate.
    @Test(arguments: [
        ("AC01", false, false), ("AC04", true, true), ("AC06", true, false), ("AG01", true, false),
        ("AM04", true, false), ("AM05", false, false), ("BE05", false, false), ("FF01", false, false),
        ("MD01", false, true), ("MD02", false, false), ("MD06", true, false), ("MD07", false, true),
        ("MS02", true, false), ("MS03", true, false), ("SL01", true, false),
    ])
    func table(code: String, fee: Bool, unusable: Bool) {
        let reason = ReturnReason(code: code)
        #expect(reason.isKnown)
        #expect(reason.customerPaysFee == fee)
        #expect(reason.mandateUnusable == unusable)
    }

    @Test func presentedAgainOnlyForMissingFunds() {
        #expect(ReturnReason(code: "AM04").presentAgainByDefault)
        #expect(ReturnReason(code: "ms03").presentAgainByDefault)
        #expect(!ReturnReason(code: "AC04").presentAgainByDefault)
        #expect(!ReturnReason(code: "MD06").presentAgainByDefault)
    }

    @Test func unknownCodeChargesNothing() {
        let reason = ReturnReason(code: "RR04")
        #expect(!reason.isKnown && !reason.customerPaysFee && !reason.mandateUnusable)
        #expect(reason.description == "RR04 (unknown reason)")
    }
}
