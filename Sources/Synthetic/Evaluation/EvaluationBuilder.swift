/// Builds an evaluation set row by row, keeping every address, phone number
/// and e-mail address unique so that each row has exactly one right answer.
struct EvaluationBuilder {
    private var random: SplitMix64
    private let soundsAlike: (String, String) -> Bool
    private var usedAddresses: Set<String> = []
    private var usedPhones: Set<String> = []
    private var usedEmails: Set<String> = []
    private(set) var delivery: [DeliveryRow] = []
    private(set) var rows: [EvaluationRow] = []

    init(seed: UInt64, soundsAlike: @escaping (String, String) -> Bool) {
        random = SplitMix64(seed: seed)
        self.soundsAlike = soundsAlike
    }

    mutating func schedule() -> [VariantKind] {
        var kinds = VariantKind.allCases.flatMap { Array(repeating: $0, count: $0.weight) }
        random.shuffle(&kinds)
        return kinds
    }

    mutating func addRow(id: Int, kind: VariantKind) {
        let input: InputRow
        switch kind.category {
        case .variant: input = variantRow(kind)
        case .nearMiss, .household: input = nearMissRow(kind)
        case .unrelated: input = unrelatedRow()
        case .malformed: input = malformedRow(kind)
        }
        rows.append(EvaluationRow(id: id, kind: kind, input: input))
    }

    /// Listed people who do not appear in the input, as in a real delivery.
    mutating func addUnmatchedEntries(count: Int) {
        for _ in 0..<count {
            let channel = random.below(10)
            var traits = PersonFactory.Traits()
            if channel == 7 { traits.phone = .mobile }
            let person = newPerson(traits)
            switch channel {
            case 0..<6: delivery.append(.post(person))
            case 6: delivery.append(.phone(person, list: "telefon"))
            case 7: delivery.append(.phone(person, list: "mobil"))
            case 8: delivery.append(.phone(person, list: "fax"))
            default: delivery.append(.email(person))
            }
        }
    }

    // MARK: - Rows

    private mutating func variantRow(_ kind: VariantKind) -> InputRow {
        let person = newPerson(VariantRecipe.traits(for: kind))
        switch kind.channel {
        case .phone: delivery.append(.phone(person, list: person.phone.isMobile ? "mobil" : "telefon"))
        case .email: delivery.append(.email(person))
        default:
            if kind == .umlaut, random.chance(30) {
                // The other way round: the delivery writes the umlauts out, the file has them.
                var listed = person
                listed.firstName = Spelling.transliterate(person.firstName)
                listed.surname = Spelling.transliterate(person.surname)
                delivery.append(.post(listed))
                var style = PostalStyle()
                style.layout = random.pick([.columns, .full, .fullComma])
                return PostalRenderer.row(person, style)
            }
            delivery.append(.post(person))
        }
        return InputRow.variant(kind, of: person, using: &random, soundsAlike: soundsAlike)
    }

    private mutating func nearMissRow(_ kind: VariantKind) -> InputRow {
        var traits = PersonFactory.Traits()
        if kind == .phoneDigit, random.chance(40) { traits.phone = .mobile }
        let person = newPerson(traits)
        var other = person
        var row = InputRow()
        switch kind {
        case .phoneDigit:
            delivery.append(.phone(person, list: person.phone.isMobile ? "mobil" : "telefon"))
            other.phone = reservedNeighbour(of: person.phone)
            row.phone = random.pick(PhoneFormat.allCases).render(other.phone, &random)
            return row
        case .otherEmail:
            delivery.append(.email(person))
            var address = EmailAddresses.nearMiss(of: person.email, &random)
            while usedEmails.contains(address) { address = EmailAddresses.nearMiss(of: person.email, &random) }
            usedEmails.insert(address)
            row.email = address
            return row
        case .otherHouseNumber:
            other.houseNumber = reservedHouseNumber(near: person)
        case .otherPostcode:
            other.place.postcode = reservedPostcode(near: person)
        case .otherFirstName:
            other.firstName = differentFirstName(than: person.firstName, gender: person.gender, sameInitial: true)
        default:  // household: the partner
            other.gender = person.gender.other
            other.firstName = differentFirstName(than: person.firstName, gender: other.gender, sameInitial: false)
        }
        delivery.append(.post(person))
        // Half of them also spelled differently: a spelling must never turn a near miss into a hit.
        let style = random.chance(50) ? VariantRecipe.mixedStyle(other, &random) : PostalStyle()
        return PostalRenderer.row(other, style)
    }

    /// Someone on no list, with every column filled.
    private mutating func unrelatedRow() -> InputRow {
        var traits = PersonFactory.Traits()
        traits.phone = random.chance(30) ? .mobile : .landline
        let person = newPerson(traits)
        let style = random.chance(50) ? VariantRecipe.mixedStyle(person, &random) : PostalStyle()
        var row = PostalRenderer.row(person, style)
        row.phone = random.pick(PhoneFormat.allCases).render(person.phone, &random)
        row.email = person.email
        return row
    }

    /// Unusable data; half of the people are listed, to show that a defect never produces a hit.
    private mutating func malformedRow(_ kind: VariantKind) -> InputRow {
        let person = newPerson(PersonFactory.Traits())
        let listed = random.chance(50)
        var row = PostalRenderer.row(person, PostalStyle())
        switch kind {
        case .badPostcode:
            if listed { delivery.append(.post(person)) }
            row.postcode = Defects.postcode(person.place.postcode, &random)
        case .badHouseNumber:
            if listed { delivery.append(.post(person)) }
            row.houseNumber = random.pick(Defects.houseNumbers)
        case .missingHouseNumber:
            if listed { delivery.append(.post(person)) }
            row.houseNumber = ""
        case .missingPostcode:
            if listed { delivery.append(.post(person)) }
            row.postcode = ""
        case .digitsInName:
            if listed { delivery.append(.post(person)) }
            if random.chance(50) {
                row.firstName += String(random.within(1...9))
            } else {
                row.lastName += " " + String(random.within(2...9))
            }
        case .fieldCount:
            if listed { delivery.append(.post(person)) }
            row.extraFields = [random.pick(["x", "", "Kunde seit 2019"])]
        case .bareLocalNumber:
            if listed { delivery.append(.phone(person, list: "telefon")) }
            row = InputRow()
            row.phone = random.chance(50) ? person.phone.subscriber : person.phone.groupedSubscriber
        case .badPhone:
            if listed { delivery.append(.phone(person, list: "telefon")) }
            row = InputRow()
            row.phone = Defects.phone(person.phone, &random)
        case .invalidEmail:
            if listed { delivery.append(.email(person)) }
            row = InputRow()
            row.email = Defects.email(person.email, &random)
        default:  // no data: a town alone
            row = InputRow()
            row.city = person.place.city
        }
        return row
    }

    // MARK: - Unique people

    /// A person whose address, phone number and e-mail address nobody else has.
    private mutating func newPerson(_ traits: PersonFactory.Traits) -> Person {
        var person = PersonFactory.person(traits, &random)
        while usedAddresses.contains(person.addressKey) {
            person.houseNumber = HouseNumber.draw(&random, shape: traits.house)
            person.street = random.pick(traits.streets)
        }
        usedAddresses.insert(person.addressKey)
        while usedPhones.contains(person.phone.e164) {
            person.phone.subscriber = PhonePlan.subscriber(person.phone.subscriber.count, &random)
        }
        usedPhones.insert(person.phone.e164)
        while usedEmails.contains(person.email) {
            person.email = EmailAddresses.address(first: person.firstName, surname: person.surname, &random)
        }
        usedEmails.insert(person.email)
        return person
    }

    /// Another house number in the same street: a neighbour, or another letter.
    private mutating func reservedHouseNumber(near person: Person) -> HouseNumber {
        var candidate = person
        repeat {
            var number = person.houseNumber
            if number.letter != nil, random.chance(50) {
                number.letter = number.letter == "a" ? "b" : "a"
            } else if number.rangeEnd == nil, random.chance(30) {
                number.letter = "a"
            } else {
                let step = random.within(1...3)
                number.number = number.number > step && random.chance(50) ? number.number - step : number.number + step
                if let end = number.rangeEnd { number.rangeEnd = number.number + (end - person.houseNumber.number) }
            }
            candidate.houseNumber = number
        } while usedAddresses.contains(candidate.addressKey)
        usedAddresses.insert(candidate.addressKey)
        return candidate.houseNumber
    }

    /// A neighbouring postcode that nobody at this street and number has.
    private mutating func reservedPostcode(near person: Person) -> String {
        var candidate = person
        let value = Int(person.place.postcode)!
        repeat {
            let step = random.within(1...20)
            let other = value > 1100 + step && random.chance(50) ? value - step : min(value + step, 99_998)
            let digits = String(other)
            candidate.place.postcode = String(repeating: "0", count: 5 - digits.count) + digits
        } while usedAddresses.contains(candidate.addressKey) || candidate.place.postcode == person.place.postcode
        usedAddresses.insert(candidate.addressKey)
        return candidate.place.postcode
    }

    private mutating func reservedNeighbour(of phone: PhoneNumber) -> PhoneNumber {
        var other: PhoneNumber
        repeat {
            // Not the first subscriber digit: it would change the number's length class.
            let position = random.within(1...(phone.subscriber.count - 1))
            let old = Array(phone.subscriber)[position]
            var digit = Character(String(random.below(10)))
            while digit == old { digit = Character(String(random.below(10))) }
            other = phone.changingDigit(at: position, to: digit)
        } while usedPhones.contains(other.e164)
        usedPhones.insert(other.e164)
        return other
    }

    /// A given name of `gender` that does not sound like `name`; with `sameInitial`, one that looks close.
    private mutating func differentFirstName(than name: String, gender: Gender, sameInitial: Bool) -> String {
        let pool = FirstNames.pool(gender)
        let candidates = pool.filter { !soundsAlike($0, name) && (!sameInitial || $0.first == name.first) }
        if !candidates.isEmpty { return random.pick(candidates) }
        return random.pick(pool.filter { !soundsAlike($0, name) })
    }
}
