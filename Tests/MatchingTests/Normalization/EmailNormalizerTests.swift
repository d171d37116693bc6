import Testing
@testable import Matching

@Suite struct EmailNormalizerTests {
    @Test(arguments: [
        ("hans.mueller@example.de", "hans.mueller@example.de"),
        ("Hans.Mueller@Example.DE", "hans.mueller@example.de"),
        ("  hans@example.de\t", "hans@example.de"),
        ("mailto:hans@example.de", "hans@example.de"),
        ("MAILTO:Hans@Example.de", "hans@example.de"),
        ("<hans@example.de>", "hans@example.de"),
        ("Hans Müller <Hans@Example.de>", "hans@example.de"),
        ("mailto:<hans@example.de>", "hans@example.de"),
        ("hans+robinson@example.de", "hans+robinson@example.de"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("info@sub.example.co.uk", "info@sub.example.co.uk"),
        ("hans@müller.de", "hans@müller.de"),
        ("Hans@MÜLLER.DE", "hans@müller.de"),
        ("hans@mu\u{308}ller.de", "hans@müller.de"),  // decomposed ü composed (NFC)
        ("hans_mueller-1@example-shop.de", "hans_mueller-1@example-shop.de"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(EmailNormalizer.normalize(input) == .success(expected))
    }

    @Test(arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("<>", "empty"),
        ("hans", "missing @"),
        ("hans(at)example.de", "missing @"),
        ("hans@@example.de", "several @"),
        ("a@b@example.de", "several @"),
        ("@example.de", "empty local part"),
        ("hans@", "empty domain"),
        ("hans@example", "domain without dot"),
        ("hans mueller@example.de", "space inside e-mail address"),
        ("hans..mueller@example.de", "consecutive dots"),
        ("hans@example..de", "consecutive dots"),
        (".hans@example.de", "leading or trailing dot"),
        ("hans.@example.de", "leading or trailing dot"),
        ("hans@example.de.", "leading or trailing dot"),
        ("hans@.example.de", "leading or trailing dot"),
        ("hans@example,de", "invalid character in domain"),
        ("hans@exa_mple.de", "invalid character in domain"),
        ("hans@[192.168.0.1]", "invalid character in domain"),
        ("\"hans\"@example.de", "invalid character in local part"),
        ("hans;maria@example.de", "invalid character in local part"),
        ("hans@-example.de", "domain label starts or ends with hyphen"),
        ("hans@example.d", "invalid top-level domain"),
        ("hans@example.123", "invalid top-level domain"),
        ("hans@example.de>", "unbalanced angle brackets"),
        ("<hans@example.de", "unbalanced angle brackets"),
    ])
    func rejects(input: String, reason: String) {
        #expect(EmailNormalizer.normalize(input) == .failure(InvalidValue(reason)))
    }
}

@Suite("E-mail fast path agrees with the full rules")
struct EmailFastPathTests {
    /// Random strings from the characters the rules care about: the byte-level
    /// shortcut must give exactly what the scalar-level rules give.
    @Test func randomAddressesMatchTheFullPath() {
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        func word(_ alphabet: String, _ maxLength: Int) -> String {
            let chars = Array(alphabet)
            return String((0..<(1 + next(maxLength))).map { _ in chars[next(chars.count)] })
        }
        var successes = 0
        for _ in 0..<50_000 {
            // Mostly plausible addresses, with a rule broken now and then.
            var text = word("aB9._-+#'", 6) + "@" + (0..<(1 + next(3))).map { _ in word("aB9-", 4) }.joined(separator: ".")
            if next(4) == 0 {
                let noise = Array(" @.:<>\t-9ä")
                var chars = Array(text)
                chars.insert(noise[next(noise.count)], at: next(chars.count + 1))
                text = String(chars)
            }
            if next(8) == 0 { text = " " + text + "\t" }
            let fast = EmailNormalizer.normalize(text)
            #expect(fast == EmailNormalizer.normalizeFully(text), "\(text)")
            if case .success = fast { successes += 1 }
        }
        #expect(successes > 100, "the generator must produce valid addresses too")
    }
}
