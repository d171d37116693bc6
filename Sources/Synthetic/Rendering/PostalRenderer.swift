/// Writes a person's name and postal address into an input row in a given style.
enum PostalRenderer {
    static func row(_ person: Person, _ style: PostalStyle) -> InputRow {
        var row = InputRow()
        fillName(&row, person, style)
        let street = streetText(person.street, style)
        let house = houseText(person.houseNumber, style.house)
        if style.houseInStreet {
            row.street = street + (style.houseSeparator.isEmpty && !street.hasSuffix(".") ? " " : style.houseSeparator) + house
        } else {
            row.street = street
            row.houseNumber = house
        }
        row.postcode = style.postcodePrefix
            + (style.postcodeWithoutZero && person.place.postcode.hasPrefix("0")
                ? String(person.place.postcode.dropFirst()) : person.place.postcode)
        row.city = person.place.city
        return row
    }

    static func fillName(_ row: inout InputRow, _ person: Person, _ style: PostalStyle) {
        let spell = style.nameSpelling
        var first = spell.apply(style.firstNameOverride ?? person.firstName)
        if style.firstNameHyphenAsBlank { first = first.replacingHyphens(with: " ") }
        var core = spell.apply(style.surnameOverride ?? person.surname)
        if let separator = style.doubleNameSeparator, separator != " " || style.layout == .columns {
            core = core.replacingHyphens(with: separator)
        }
        let particle = style.particleAbbreviation ?? person.particle
        var before: String?  // particle before the surname
        var after: String?  // particle after the first name
        switch style.particle {
        case .keep: before = particle
        case .drop: break
        case .afterFirstName: after = particle
        case .add(let particle): before = particle
        }
        var title = style.title
        // "Dr.Hans": the title glued to the word after it.
        if style.titleGlued, let written = title, !written.contains(" ") {
            title = nil
            if style.titleWithSurname, style.layout == .columns {
                if let particle = before { before = written + particle } else { core = written + core }
            } else {
                first = written + first
            }
        }
        switch style.layout {
        case .columns:
            row.firstName = words([style.salutation, style.titleWithSurname ? nil : title, first, after])
            row.lastName = words([style.titleWithSurname ? title : nil, before, core])
        case .full:
            row.fullName = words([style.salutation, title, first, before ?? after, core])
        case .fullComma:
            row.fullName = words([before, core]) + ", " + words([title, first, after])
        }
    }

    static func streetText(_ street: Street, _ style: PostalStyle) -> String {
        let typeWord = style.streetType ?? street.type?.word ?? ""
        var text: String
        switch street {
        case .compound(let stem, _):
            switch style.streetJoin {
            case .canonical, .glued: text = stem + typeWord.lowercased()
            case .spaces: text = stem + " " + typeWord
            case .hyphens: text = stem + "-" + typeWord
            }
        case .named(let names, _):
            switch style.streetJoin {
            case .canonical, .hyphens: text = (names + [typeWord]).joined(separator: "-")
            case .spaces: text = (names + [typeWord]).joined(separator: " ")
            case .glued: text = names.joined(separator: "-") + typeWord.lowercased()
            }
        case .adjective(let word, _):
            switch style.streetJoin {
            case .canonical, .spaces: text = word + " " + typeWord
            case .hyphens: text = word + "-" + typeWord
            case .glued: text = word + typeWord.lowercased()
            }
        case .leading(_, let rest):
            text = typeWord + " " + rest
        case .plain(let name):
            text = name
        }
        text = style.streetSpelling.apply(text)
        if style.streetDoubleSpaces { text = text.replacingBlanks(with: "  ") }
        return text
    }

    static func houseText(_ number: HouseNumber, _ style: PostalStyle.House) -> String {
        let plain = String(number.number)
        switch style {
        case .canonical: return number.canonical
        case .letterSpaced, .letterUpper, .letterSpacedUpper:
            guard let letter = number.letter else { return number.canonical }
            let written = style == .letterSpaced ? String(letter) : String(letter).uppercased()
            return plain + (style == .letterUpper ? "" : " ") + written
        case .rangeSlash, .rangeSpaced, .rangeDash:
            guard let end = number.rangeEnd, number.letter == nil else { return number.canonical }
            let separator = style == .rangeSlash ? "/" : style == .rangeSpaced ? " - " : "\u{2013}"
            return plain + separator + String(end)
        case .addition(let detail):
            return number.canonical + detail
        }
    }

    /// The non-nil, non-empty parts joined by blanks.
    private static func words(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingHyphens(with separator: String) -> String {
        split(separator: "-", omittingEmptySubsequences: false).joined(separator: separator)
    }

    fileprivate func replacingBlanks(with separator: String) -> String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
