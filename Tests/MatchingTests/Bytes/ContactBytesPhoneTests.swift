import Testing
@testable import Matching

/// The byte path for ASCII phone fields against `PhoneNormalizer`, both ways:
/// its answer is final (a number it refuses is `telefon-ungueltig`).
@Suite struct ContactBytesPhoneTests {
    static func fast(_ text: String) -> String? {
        contactBytesValue(text) { contacts, bytes, out in contacts.phone(ascii: bytes, into: &out) }
    }

    static let digits: [String] = ["0", "1", "2", "4", "9", "49", "0049", "030", "0171"]
    static let others: [String] = [" ", "/", "-", "(", ")", "(0)", "( 0 )", ".", "+", "+49", "x", "Tel. ", "Tel.: ", "nr", ",", "\t"]

    @Test func agreesWithTheReferenceOnGeneratedNumbers() {
        var random = SplitMix(seed: 164)
        var valid = 0
        for _ in 0..<60_000 {
            let text = (0..<Int(random.next() % 9)).map { _ in
                let set = random.next() % 3 == 0 ? Self.others : Self.digits
                return set[Int(random.next() % UInt64(set.count))]
            }.joined()
            let expected: String? = switch PhoneNormalizer.normalize(text) {
            case .success(let value): value
            case .failure: nil
            }
            #expect(Self.fast(text) == expected, "\(text)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 2_000, "valid numbers among the generated ones")
    }
}
