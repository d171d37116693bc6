import Testing
@testable import Matching

/// The byte path for plain e-mail addresses against `EmailNormalizer`: where it
/// gives an address, it is the reference's; where it gives nil the reference decides.
@Suite struct ContactBytesEmailTests {
    static func fast(_ text: String) -> String? {
        contactBytesValue(text) { contacts, bytes, out in contacts.plainEmail(bytes, into: &out) == true }
    }

    /// Characters that meet every rule: dots and hyphens at the ends of labels,
    /// doubled, digits-only labels, a second "@", specials, blanks, capitals.
    static let alphabet: [String] = ["a", "B", "z", "0", "9", ".", "-", "@", "_", "+", "!", "~", " ", "\t", "(", ","]
    static let letters: [String] = ["a", "e", "x", "M", "Q", "0", "7"]

    @Test func agreesWithTheReferenceOnGeneratedAddresses() {
        var random = SplitMix(seed: 5322)
        var fastCount = 0
        for round in 0..<60_000 {
            // Mostly address-shaped: local part "@" labels, with noise.
            // Mostly letters and digits, one character in five from the rule breakers.
            func piece(_ length: Int) -> String {
                (0..<length).map { _ in
                    let set = random.next() % 5 == 0 ? Self.alphabet : Self.letters
                    return set[Int(random.next() % UInt64(set.count))]
                }.joined()
            }
            let text = round % 3 == 0
                ? piece(Int(random.next() % 20))
                : piece(Int(random.next() % 8)) + "@" + piece(Int(random.next() % 6)) + "." + piece(Int(random.next() % 5))
            guard let value = Self.fast(text) else { continue }
            fastCount += 1
            #expect(EmailNormalizer.normalize(text) == .success(value), "\(text)")
        }
        #expect(fastCount > 1_000, "the byte path takes plain addresses")
    }

    @Test(arguments: [
        ("Max.Mustermann@Example.COM", "max.mustermann@example.com"),
        ("  a+b@sub.example.de\t", "a+b@sub.example.de"),
        ("x@a-b.de", "x@a-b.de"),
    ])
    func takesPlainAddresses(_ text: String, _ expected: String) {
        #expect(Self.fast(text) == expected)
        #expect(EmailNormalizer.normalize(text) == .success(expected))
    }

    @Test(arguments: [".a@example.de", "a.@example.de", "a..b@example.de", "@example.de", "a@", "a@b@example.de",
                      "a@-x.de", "a@x-.de", "a@x..de", "a@example.1", "a@example.123", "a@example.d", "a@exa_mple.de",
                      "a@example", "a b@example.de"])
    func leavesBrokenAddressesToTheReference(_ text: String) {
        #expect(Self.fast(text) == nil, "\(text)")
    }
}
