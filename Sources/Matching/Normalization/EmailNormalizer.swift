import Foundation

/// E-mail addresses as CRMs export them.
public enum EmailNormalizer {
    /// The trimmed, lower-cased address, or why it is not a usable address.
    ///
    /// Accepted wrappings: a `mailto:` prefix, angle brackets (`<a@b.de>`), and a
    /// display name before them (`Hans Müller <hans@b.de>`: the bracketed part is taken).
    /// The whole address is lower-cased: providers treat local parts case-insensitively
    /// in practice, and a missed match costs more than a rare false one.
    /// Internationalized domains (`müller.de`) stay as Unicode, in NFC.
    /// Quoted local parts and IP-literal domains are rejected as invalid characters.
    public static func normalize(_ email: String) -> Result<String, InvalidValue> {
        if let plain = plainASCII(email) { return .success(plain) }
        return normalizeFully(email)
    }

    /// The rules on Unicode scalars, for every input (the fast path is a shortcut to the same result).
    static func normalizeFully(_ email: String) -> Result<String, InvalidValue> {
        var address = email.trimmingBlanks()
        if address.isEmpty { return .failure(.empty) }
        if address.utf8.count >= 7, address.prefix(7).lowercased() == "mailto:" {
            address = Substring(address.dropFirst(7).unicodeScalars.trimmingBlanks())
        }
        if address.hasSuffix(">") {
            guard let open = address.lastIndex(of: "<") else {
                return .failure(InvalidValue("unbalanced angle brackets"))
            }
            address = address[address.index(after: open)..<address.index(before: address.endIndex)]
            address = Substring(address.unicodeScalars.trimmingBlanks())
        } else if address.hasPrefix("<") {
            return .failure(InvalidValue("unbalanced angle brackets"))
        }
        if address.isEmpty { return .failure(.empty) }

        var lowered = address.lowercased()
        if !lowered.utf8.allSatisfy({ $0 < 0x80 }) {
            lowered = lowered.precomposedStringWithCanonicalMapping
        }
        if let problem = syntaxProblem(Array(lowered.unicodeScalars)) {
            return .failure(InvalidValue(problem))
        }
        return .success(lowered)
    }

    /// The common case in bytes: an ASCII address without wrapping that breaks
    /// no rule of `syntaxProblem`, trimmed and lower-cased. Anything else
    /// (non-ASCII, `mailto:`, brackets, any rule broken) returns nil and takes
    /// the full path, which also finds the reason.
    private static func plainASCII(_ email: String) -> String? {
        var bytes = Array(email.utf8)
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        while let last = bytes.last, isBlank(last) { bytes.removeLast() }
        var start = 0
        while start < bytes.count, isBlank(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes.count - start <= 254 else { return nil }
        var at = -1
        for i in start..<bytes.count {
            let b = bytes[i]
            if b >= 0x80 || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: ":") || isBlank(b) { return nil }
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { bytes[i] = b | 0x20 }
            if b == UInt8(ascii: "@") {
                if at >= 0 { return nil }
                at = i
            }
        }
        guard at > start, at < bytes.count - 1, at - start <= 64 else { return nil }
        let local = bytes[start..<at], domain = bytes[(at + 1)...]
        for part in [local, domain] {
            if part.first == UInt8(ascii: ".") || part.last == UInt8(ascii: ".") { return nil }
            if zip(part, part.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) { return nil }
        }
        guard local.allSatisfy({ isLocalPartCharacter(Unicode.Scalar($0)) }),
              domain.allSatisfy({ isDomainCharacter(Unicode.Scalar($0)) })
        else { return nil }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2,
              !labels.contains(where: { $0.first == UInt8(ascii: "-") || $0.last == UInt8(ascii: "-") }),
              let top = labels.last, top.count >= 2, !top.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The first syntax rule the address breaks, if any.
    private static func syntaxProblem(_ scalars: [Unicode.Scalar]) -> String? {
        if scalars.contains(where: \.isBlank) { return "space inside e-mail address" }
        let atSigns = scalars.indices.filter { scalars[$0] == "@" }
        guard let at = atSigns.first else { return "missing @" }
        if atSigns.count > 1 { return "several @" }
        let local = scalars[..<at]
        let domain = scalars[(at + 1)...]
        if local.isEmpty { return "empty local part" }
        if domain.isEmpty { return "empty domain" }
        if local.count > 64 || scalars.count > 254 { return "e-mail address too long" }

        for part in [local, domain] {
            if part.first == "." || part.last == "." { return "leading or trailing dot" }
            if zip(part, part.dropFirst()).contains(where: { $0 == "." && $1 == "." }) { return "consecutive dots" }
        }
        if !local.allSatisfy(isLocalPartCharacter) { return "invalid character in local part" }
        if !domain.allSatisfy(isDomainCharacter) { return "invalid character in domain" }

        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "domain without dot" }
        if labels.contains(where: { $0.first == "-" || $0.last == "-" }) { return "domain label starts or ends with hyphen" }
        if let topLevel = labels.last, topLevel.count < 2 || topLevel.allSatisfy(\.isASCIIDigit) {
            return "invalid top-level domain"
        }
        return nil
    }

    private static func isLocalPartCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x80 { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        if scalar.asciiLetter != nil || scalar.isASCIIDigit { return true }
        return "!#$%&'*+/=?^_`{|}~.-".unicodeScalars.contains(scalar)
    }

    private static func isDomainCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x80 { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        return scalar.asciiLetter != nil || scalar.isASCIIDigit || scalar == "-" || scalar == "."
    }
}
