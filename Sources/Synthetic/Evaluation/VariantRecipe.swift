/// For each variant kind: which person it needs and how that person is written.
enum VariantRecipe {
    /// The person a row of `kind` is made from.
    static func traits(for kind: VariantKind) -> PersonFactory.Traits {
        var traits = PersonFactory.Traits()
        switch kind {
        case .particleDropped, .particleAfterFirstName: traits.surname = .particle
        case .particleAdded: traits.surname = .plain
        case .doubleName: traits.surname = .double
        case .umlaut: traits.surname = .umlaut
        case .diacritics: traits.surname = .accented
        case .phoneticSurname: traits.surname = .phonetic
        case .phoneticFirstName: traits.firstName = .phonetic
        case .streetSuffix: traits.streets = Streets.compoundStrasse
        case .streetWord: traits.streets = Streets.adjectiveStrasse + Streets.leadingStrasse
        case .streetCompound: traits.streets = Streets.named
        case .platz: traits.streets = Streets.platz
        case .chaussee: traits.streets = Streets.chaussee
        case .streetPlain: traits.streets = Streets.plain
        case .houseLetter: traits.house = .letter
        case .houseRange: traits.house = .range
        case .postcodeFourDigits: traits.places = Places.leadingZero
        case .phoneMobile: traits.phone = .mobile
        case .phoneForeign: traits.phone = .foreign
        default: break
        }
        return traits
    }

    /// How a listed person is written for a postal variant kind.
    static func postalStyle(
        for kind: VariantKind, _ person: Person, _ random: inout SplitMix64, soundsAlike: (String, String) -> Bool
    ) -> PostalStyle {
        var style = PostalStyle()
        switch kind {
        case .salutation:
            style.salutation = random.pick(NameAffixes.salutations(person.gender))
            style.layout = random.chance(50) ? .columns : .full
        case .title:
            style.title = random.pick(NameAffixes.titles)
            style.titleGlued = random.chance(15)
            style.layout = random.pick([.columns, .columns, .full, .fullComma])
            style.titleWithSurname = random.chance(30)
            if random.chance(30), style.layout != .fullComma { style.salutation = random.pick(NameAffixes.salutations(person.gender)) }
        case .particleDropped:
            style.particle = .drop
            style.firstNameHyphenAsBlank = random.chance(20)
            style.layout = random.pick([.columns, .full, .fullComma])
        case .particleAdded:
            let particle = random.pick(Surnames.particles)
            style.particle = .add(random.chance(30) ? particle.prefix(1).uppercased() + particle.dropFirst() : particle)
            style.layout = random.pick([.columns, .full, .fullComma])
        case .particleAfterFirstName:
            style.particle = .afterFirstName
            style.layout = random.chance(50) ? .columns : .fullComma
            style.particleAbbreviation = abbreviation(of: person.particle, &random)
        case .doubleName:
            style.layout = random.pick([.columns, .full, .fullComma])
            style.nameSpelling = random.pick([.asIs, .transliterated, .upper])
            if random.chance(40) { style.doubleNameSeparator = random.pick([" ", " - ", "- ", " -"]) }
        case .fullName:
            style.layout = .full
            style.firstNameHyphenAsBlank = random.chance(40)
        case .fullNameComma:
            style.layout = .fullComma
        case .umlaut:
            style.nameSpelling = .transliterated
            style.streetSpelling = .transliterated
            style.layout = random.pick([.columns, .full, .fullComma])
        case .diacritics:
            style.nameSpelling = .withoutAccents
            style.layout = random.pick([.columns, .full, .fullComma])
        case .letterCase:
            let spelling: Spelling = random.chance(60) ? .upper : .lower
            style.nameSpelling = spelling
            style.streetSpelling = spelling
            style.layout = random.pick([.columns, .full, .fullComma])
        case .phoneticSurname:
            style.surnameOverride = alternative(to: person.surname, in: Surnames.phoneticGroups, soundsAlike, &random)
        case .phoneticFirstName:
            let groups = PersonFactory.phoneticFirstNames(person.gender)
            style.firstNameOverride = alternative(to: person.firstName, in: groups, soundsAlike, &random)
        case .streetSuffix:
            style.streetType = random.pick(StreetType.strasse.otherSpellings)
            style.streetJoin = random.pick([.canonical, .canonical, .hyphens, .spaces])
        case .streetWord:
            style.streetType = random.pick(StreetType.strasse.otherSpellings)
            style.streetJoin = random.pick([.canonical, .canonical, .hyphens, .glued])
        case .streetCompound:
            style.streetJoin = random.pick([.spaces, .glued, .spaces])
            if random.chance(70) { style.streetType = random.pick(StreetType.strasse.otherSpellings + ["Straße"]) }
            if person.street.type == .platz { style.streetType = random.pick(StreetType.platz.otherSpellings) }
        case .platz:
            style.streetType = random.pick(StreetType.platz.otherSpellings)
            style.streetJoin = random.pick([.canonical, .canonical, .hyphens, .spaces])
        case .chaussee:
            style.streetType = random.pick(StreetType.chaussee.otherSpellings)
        case .streetPlain:
            switch random.below(3) {
            case 0: style.streetSpelling = .upper
            case 1: style.streetSpelling = .lower
            default: style.streetDoubleSpaces = true
            }
        case .houseLetter:
            style.house = random.pick([.letterSpaced, .letterUpper, .letterSpacedUpper])
        case .houseRange:
            style.house = random.pick([.rangeSlash, .rangeSpaced, .rangeDash])
        case .houseAddition:
            style.house = .addition(random.pick(NameAffixes.houseAdditions))
        case .houseInStreet:
            style.houseInStreet = true
            style.house = random.pick(houseStyles(person.houseNumber) + [.canonical, .canonical])
            style.houseSeparator = random.pick([" ", " ", " ", "", ", ", " Nr. "])
            if random.chance(50), person.street.type != nil {
                style.streetType = random.pick(person.street.type!.otherSpellings)
            }
        case .postcodeFourDigits:
            style.postcodeWithoutZero = true
            if random.chance(20) { style.postcodePrefix = random.pick(["D-", "D ", "DE-"]) }
        case .mixed:
            style = mixedStyle(person, &random)
        default:
            break
        }
        return style
    }

    /// Several independent changes at once, as real files have them.
    static func mixedStyle(_ person: Person, _ random: inout SplitMix64) -> PostalStyle {
        var style = PostalStyle()
        style.layout = random.pick([.columns, .columns, .full, .fullComma])
        if random.chance(30), style.layout != .fullComma { style.salutation = random.pick(NameAffixes.salutations(person.gender)) }
        if random.chance(30) { style.title = random.pick(NameAffixes.titles) }
        if person.particle != nil, random.chance(50) {
            style.particle = style.layout == .full ? .drop : random.pick([.drop, .afterFirstName])
        }
        if random.chance(30) { style.particleAbbreviation = abbreviation(of: person.particle, &random) }
        let spelling = random.pick([Spelling.asIs, .asIs, .transliterated, .upper, .withoutAccents])
        style.nameSpelling = spelling
        if random.chance(50) { style.streetSpelling = spelling }
        if let type = person.street.type, random.chance(60) { style.streetType = random.pick(type.otherSpellings) }
        // Glued abbreviations exist for Straße and Platz (`Berlinerstr.`, `Marktpl.`), not for Chaussee.
        if random.chance(40) {
            style.streetJoin = random.pick(person.street.type == .chaussee ? [.spaces, .hyphens] : [.spaces, .hyphens, .glued])
        }
        if random.chance(60) { style.house = random.pick(houseStyles(person.houseNumber)) }
        if random.chance(25) { style.houseInStreet = true }
        style.postcodeWithoutZero = random.chance(50)
        if random.chance(10) { style.postcodePrefix = random.pick(["D-", "D ", "DE-"]) }
        return style
    }

    /// The ways of writing a house number that differ from the canonical one.
    static func houseStyles(_ number: HouseNumber) -> [PostalStyle.House] {
        if number.letter != nil { return [.letterSpaced, .letterUpper, .letterSpacedUpper] }
        if number.rangeEnd != nil { return [.rangeSlash, .rangeSpaced, .rangeDash] }
        return NameAffixes.houseAdditions.map { .addition($0) }
    }

    /// `v.` for `von`, `v.d.`/`v. d.` for `von der`; nil for other particles.
    static func abbreviation(of particle: String?, _ random: inout SplitMix64) -> String? {
        switch particle {
        case "von": "v."
        case "von der": random.pick(["v.d.", "v. d."])
        default: nil
        }
    }

    /// Another spelling from `name`'s group that sounds alike; nil when there is none.
    static func alternative(
        to name: String, in groups: [[String]], _ soundsAlike: (String, String) -> Bool, _ random: inout SplitMix64
    ) -> String? {
        guard let group = groups.first(where: { $0.contains(name) }) else { return nil }
        let others = group.filter { $0 != name && soundsAlike($0, name) }
        return others.isEmpty ? nil : random.pick(others)
    }

    /// The phone format a phone variant kind is written in.
    static func phoneFormat(for kind: VariantKind, _ random: inout SplitMix64) -> PhoneFormat {
        switch kind {
        case .phoneNational: .national
        case .phoneSlash: .slash
        case .phoneParentheses: .parentheses
        case .phonePlus49: .plus49
        case .phonePlus49Zero: .plus49Zero
        case .phone0049: .zeroZero49
        case .phoneMobile: random.pick([.national, .national, .slash, .plus49, .zeroZero49])
        default: random.pick(PhoneFormat.allCases)
        }
    }
}
