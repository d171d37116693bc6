/// A person at a postal address, every part normalized: the input of the
/// `person`, `household` and `phonetic` keys.
public struct PostalIdentity: Sendable, Equatable {
    public var first: String
    public var last: String
    public var street: String
    public var houseNumber: String
    public var postcode: String

    /// Normalizes raw address parts. Name either split (`first`/`last`) or in
    /// one column (`fullName`); the house number either in its own column or
    /// at the end of the street.
    public static func normalize(
        first: String?, last: String?, fullName: String?, street: String?, houseNumber: String?, postcode: String?,
        memo: NormalizationMemo? = nil
    ) -> Result<PostalIdentity, Reason> {
        var firstRaw = first ?? ""
        var lastRaw = last ?? ""
        if lastRaw.isBlank, let fullName, !fullName.isBlank {
            let split = PersonNameNormalizer.split(full: fullName)
            firstRaw = firstRaw.isBlank ? split.first : firstRaw
            lastRaw = split.last
        }
        var streetRaw = street ?? ""
        var numberRaw = houseNumber ?? ""
        if numberRaw.isBlank {
            let split = Normalize.splitHouseNumber(streetRaw, memo)
            streetRaw = split.street
            numberRaw = split.houseNumber ?? ""
        }
        if lastRaw.isBlank || streetRaw.isBlank || numberRaw.isBlank || (postcode ?? "").isBlank {
            return .failure(.addressIncomplete)
        }
        // Same result as PersonNameNormalizer.normalize(first:last:), whose halves are independent.
        guard case .success(let name) = PersonNameNormalizer.combine(
            first: Normalize.givenNames(firstRaw, memo), last: Normalize.surname(lastRaw, memo)
        ) else { return .failure(.nameInvalid) }
        guard case .success(let streetKey) = Normalize.street(streetRaw, memo) else { return .failure(.streetInvalid) }
        guard case .success(let number) = Normalize.houseNumber(numberRaw, memo) else { return .failure(.houseNumberInvalid) }
        guard case .success(let plz) = Normalize.postcode(postcode ?? "", memo) else { return .failure(.postcodeInvalid) }
        return .success(PostalIdentity(first: name.first, last: name.last, street: streetKey, houseNumber: number, postcode: plz))
    }

    /// The keys of this identity. `person` and `phonetic` need a first name.
    public func keys(_ fingerprinter: Fingerprinter, into keys: inout [ProbeKey], memo: NormalizationMemo? = nil) {
        keys.append(ProbeKey(kind: .household, fingerprint: fingerprinter.fingerprint(.household, last, street, houseNumber, postcode)))
        guard !first.isEmpty else { return }
        keys.append(ProbeKey(kind: .person, fingerprint: fingerprinter.fingerprint(.person, last, first, street, houseNumber, postcode)))
        keys.append(ProbeKey(
            kind: .phonetic,
            fingerprint: fingerprinter.fingerprint(.phonetic, Normalize.phonetic(last, memo), Normalize.phonetic(first, memo), street, houseNumber, postcode)
        ))
    }
}

extension String {
    /// Empty or only white space. Checks bytes first: almost every field has a
    /// visible ASCII character, which settles it without Unicode tables.
    var isBlank: Bool {
        var sawNonASCII = false
        for byte in utf8 {
            if byte >= 0x80 {
                sawNonASCII = true
            } else if !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
                return false
            }
        }
        return !sawNonASCII || unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
