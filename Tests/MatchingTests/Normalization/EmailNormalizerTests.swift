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
