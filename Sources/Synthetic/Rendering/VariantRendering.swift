/// The public face of the generator: people, their list entries in canonical
/// form, and input rows in a given variant.
extension Person {
    /// A random person; for a variant `kind`, one that kind can vary (a particle
    /// for `particle-dropped`, a leading-zero postcode for `postcode-4-digits`,
    /// a mobile number for `phone-mobile` …).
    public static func random(for kind: VariantKind? = nil, using random: inout SplitMix64) -> Person {
        PersonFactory.person(kind.map(VariantRecipe.traits(for:)) ?? PersonFactory.Traits(), &random)
    }

    /// The person's entries in a delivery, canonical spelling: on the post list, on
    /// the `telefon` or `mobil` list, on the e-mail list.
    public var deliveryRows: (post: DeliveryRow, phone: DeliveryRow, email: DeliveryRow) {
        (.post(self), .phone(self, list: phone.isMobile ? "mobil" : "telefon"), .email(self))
    }
}

extension InputRow {
    /// The listed `person` written as variant `kind`: name and address for postal
    /// kinds, only the phone or e-mail column for phone and e-mail kinds. Kinds
    /// that are no variant (near misses, malformed …) give the canonical postal row.
    ///
    /// `soundsAlike` is the matcher's phonetic comparison; the phonetic kinds pick
    /// a spelling it accepts.
    public static func variant(
        _ kind: VariantKind, of person: Person, using random: inout SplitMix64, soundsAlike: (String, String) -> Bool
    ) -> InputRow {
        var row = InputRow()
        switch kind.channel {
        case .phone:
            row.phone = VariantRecipe.phoneFormat(for: kind, &random).render(person.phone, &random)
        case .email:
            row.email = kind == .emailCase
                ? EmailSpelling.mixedCase(person.email, &random) : EmailSpelling.blanksAround(person.email, &random)
        default:
            let style = kind.category == .variant
                ? VariantRecipe.postalStyle(for: kind, person, &random, soundsAlike: soundsAlike) : PostalStyle()
            row = PostalRenderer.row(person, style)
        }
        return row
    }
}

/// How e-mail addresses get mangled on their way into a CRM without becoming other addresses.
enum EmailSpelling {
    /// `HANS.MUELLER@WEB.DE`, `HaNs.MuElLeR@…`, `Hans.Mueller@Web.De`.
    static func mixedCase(_ address: String, _ random: inout SplitMix64) -> String {
        switch random.below(3) {
        case 0: return address.uppercased()
        case 1: return address.enumerated().map { $0.offset % 2 == 0 ? $0.element.uppercased() : String($0.element) }.joined()
        default:
            return address.split(separator: ".", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".")
        }
    }

    /// Blanks and no-break spaces around the address, as spreadsheets leave them.
    static func blanksAround(_ address: String, _ random: inout SplitMix64) -> String {
        let blanks = [" ", "  ", "\u{A0}", " \u{A0}"]
        return random.pick(blanks) + address + (random.chance(70) ? random.pick(blanks) : "")
    }
}
