/// Benchmark data as hard as real address files: surnames and streets from
/// syllable pools (over 100,000 and 200,000 of them), so almost every row is a
/// person not seen before; titles, particles and double names; every variant
/// kind of the accuracy evaluation; near misses and malformed rows.
///
/// Rows of the address file (8 columns, `HardBenchmarkData.inputHeader`):
/// 30 % listed people under a variant (postal, phone or e-mail kinds), 20 % near
/// misses and households, 5 % malformed, 45 % people on no list (half of them
/// written in a mixed style). About 60 % of the rows have a phone number in one
/// of the formats address files use, 40 % an e-mail address.
///
/// Listed people come from the delivery that `writeDelivery` writes with the same
/// seed and sizes: post entry `k` is made for variant kind `k % postalKinds.count`,
/// so a row of that kind finds a person it can vary. Both writers stream with
/// bounded memory and the same arguments always give the same bytes.
public enum HardBenchmarkData {
    public static let inputHeader = BenchmarkData.inputHeader

    /// The sizes of the delivery the input refers to.
    public struct Lists: Sendable {
        public var post: Int
        public var telefon: Int
        public var mobil: Int
        public var email: Int

        public init(post: Int = 1_000_000, telefon: Int = 800_000, mobil: Int = 300_000, email: Int = 900_000) {
            self.post = post
            self.telefon = telefon
            self.mobil = mobil
            self.email = email
        }
    }

    /// How many rows of each category and kind a file got.
    public struct Composition: Sendable, CustomStringConvertible {
        public var rows = 0
        public var perCategory: [VariantKind.Category: Int] = [:]
        public var perKind: [VariantKind: Int] = [:]
        public var withPhone = 0
        public var withEmail = 0

        public var description: String {
            func share(_ n: Int) -> String { rows == 0 ? "0 %" : "\(n * 1000 / rows / 10).\(n * 1000 / rows % 10) %" }
            var lines = ["\(rows) rows: " + VariantKind.Category.allCases.map { "\($0.rawValue) \(share(perCategory[$0] ?? 0))" }.joined(separator: ", ")]
            lines.append("phone \(share(withPhone)), e-mail \(share(withEmail)); \(perKind.count) kinds")
            return lines.joined(separator: "\n")
        }
    }

    public static var distinctSurnames: Int { SyllablePools.surnameCount }
    public static var distinctStreets: Int { SyllablePools.streetCount }

    static let postalKinds = VariantKind.allCases.filter { $0.category == .variant && $0.channel == .postal }
    static let phoneKinds = VariantKind.allCases.filter { $0.category == .variant && $0.channel == .phone }
    static let emailKinds = VariantKind.allCases.filter { $0.category == .variant && $0.channel == .email }
    static let variantKinds = postalKinds + phoneKinds + emailKinds
    static let nearMissKinds = VariantKind.allCases.filter { $0.category == .nearMiss || $0.category == .household }
    static let malformedKinds = VariantKind.allCases.filter { $0.category == .malformed }

    // MARK: - Delivery

    public static func writeDelivery(_ lists: Lists, seed: UInt64, to path: String) throws {
        let file = try BufferedFileWriter(path: path)
        try file.line(DeliveryRow.header)
        for index in 0..<max(0, lists.post) {
            try file.line(DeliveryRow.post(postPerson(index, seed: seed)).line)
        }
        for index in 0..<max(0, lists.telefon) {
            try file.line(DeliveryRow(list: "telefon", phone: telefonNumber(index, seed: seed).e164).line)
        }
        for index in 0..<max(0, lists.mobil) {
            try file.line(DeliveryRow(list: "mobil", phone: mobilNumber(index, seed: seed).e164).line)
        }
        for index in 0..<max(0, lists.email) {
            try file.line(DeliveryRow(list: "email", email: emailPerson(index, seed: seed).email).line)
        }
        try file.finish()
    }

    static func postPerson(_ index: Int, seed: UInt64) -> Person {
        var random = SplitMix64(seed: seed, stream: Stream.post, index: UInt64(index))
        return person(for: postalKinds[index % postalKinds.count], &random)
    }

    /// Every tenth entry of the telefon list is a foreign number (for `phone-foreign` rows).
    static func telefonNumber(_ index: Int, seed: UInt64) -> PhoneNumber {
        var random = SplitMix64(seed: seed, stream: Stream.telefon, index: UInt64(index))
        return index % 10 == 0 ? PhonePlan.foreignNumber(&random) : PhonePlan.landline(&random)
    }

    static func mobilNumber(_ index: Int, seed: UInt64) -> PhoneNumber {
        var random = SplitMix64(seed: seed, stream: Stream.mobil, index: UInt64(index))
        return PhonePlan.mobile(&random)
    }

    static func emailPerson(_ index: Int, seed: UInt64) -> Person {
        var random = SplitMix64(seed: seed, stream: Stream.email, index: UInt64(index))
        return person(for: nil, &random)
    }

    // MARK: - Input

    /// Writes the address file; returns what it holds.
    @discardableResult
    /// `soundsAlike` is the matcher's phonetic comparison (phonetic variants must pass it, near misses must not).
    public static func writeInput(
        rows: Int, seed: UInt64, lists: Lists = Lists(), to path: String, soundsAlike: @escaping (String, String) -> Bool
    ) throws -> Composition {
        let file = try BufferedFileWriter(path: path)
        try file.line(inputHeader)
        var generator = RowGenerator(seed: seed, lists: lists, soundsAlike: soundsAlike)
        for index in 0..<max(0, rows) {
            try file.line(CSVLine.join(generator.row(index)))
        }
        try file.finish()
        return generator.composition
    }

    /// The rows' fields in memory (for tests); the same rows `writeInput` writes.
    public static func inputRows(
        _ range: Range<Int>, seed: UInt64, lists: Lists = Lists(), soundsAlike: @escaping (String, String) -> Bool
    ) -> [[String]] {
        var generator = RowGenerator(seed: seed, lists: lists, soundsAlike: soundsAlike)
        return range.map { generator.row($0) }
    }

    struct RowGenerator {
        let seed: UInt64
        let lists: Lists
        let soundsAlike: (String, String) -> Bool
        var composition = Composition()

        init(seed: UInt64, lists: Lists, soundsAlike: @escaping (String, String) -> Bool) {
            self.seed = seed
            self.lists = lists
            self.soundsAlike = soundsAlike
        }

        mutating func row(_ index: Int) -> [String] {
            var random = SplitMix64(seed: seed, stream: Stream.input, index: UInt64(index))
            let roll = random.below(100)
            let kind: VariantKind
            var fields: InputRow
            if roll < 30 {
                kind = random.pick(variantKinds)
                fields = variantRow(kind, &random)
            } else if roll < 50 {
                kind = random.pick(nearMissKinds)
                fields = nearMissRow(kind, &random)
            } else if roll < 55 {
                kind = random.pick(malformedKinds)
                fields = malformedRow(kind, &random)
            } else {
                kind = .unrelated
                let person = HardBenchmarkData.person(for: nil, &random)
                fields = PostalRenderer.row(person, random.chance(50) ? VariantRecipe.mixedStyle(person, &random) : PostalStyle())
                addContacts(&fields, person, &random)
            }
            composition.rows += 1
            composition.perCategory[kind.category, default: 0] += 1
            composition.perKind[kind, default: 0] += 1
            if !fields.phone.isEmpty { composition.withPhone += 1 }
            if !fields.email.isEmpty { composition.withEmail += 1 }
            return [
                fields.firstName, fields.lastName, fields.street, fields.houseNumber, fields.postcode, fields.city,
                fields.phone, fields.email,
            ] + fields.extraFields
        }

        /// A phone number in 60 % of the rows, an e-mail address in 40 %: the person's own, on no list.
        private func addContacts(_ row: inout InputRow, _ person: Person, _ random: inout SplitMix64) {
            if row.phone.isEmpty, random.chance(60) { row.phone = random.pick(PhoneFormat.allCases).render(person.phone, &random) }
            if row.email.isEmpty, random.chance(40) { row.email = person.email }
        }

        private mutating func variantRow(_ kind: VariantKind, _ random: inout SplitMix64) -> InputRow {
            switch kind.channel {
            case .phone:
                var listed = HardBenchmarkData.person(for: nil, &random)
                if kind == .phoneMobile {
                    listed.phone = mobilNumber(random.below(max(1, lists.mobil)), seed: seed)
                } else if kind == .phoneForeign {
                    listed.phone = telefonNumber(random.below(max(1, lists.telefon / 10)) * 10, seed: seed)
                } else {
                    var t = random.below(max(1, lists.telefon))
                    if t % 10 == 0 { t = (t + 1) % max(1, lists.telefon) }
                    listed.phone = telefonNumber(t, seed: seed)
                }
                var row = PostalRenderer.row(listed, PostalStyle())
                row.phone = InputRow.variant(kind, of: listed, using: &random, soundsAlike: { _, _ in true }).phone
                if random.chance(40) { row.email = listed.email }
                return row
            case .email:
                let listed = emailPerson(random.below(max(1, lists.email)), seed: seed)
                var row = PostalRenderer.row(listed, PostalStyle())
                row.email = InputRow.variant(kind, of: listed, using: &random, soundsAlike: { _, _ in true }).email
                if random.chance(60) { row.phone = random.pick(PhoneFormat.allCases).render(listed.phone, &random) }
                return row
            default:
                let person = listedPerson(for: kind, &random)
                var row = InputRow.variant(kind, of: person, using: &random, soundsAlike: soundsAlike)
                if !row.fullName.isEmpty {
                    // This file has no whole-name column: the split the matcher would make goes into the two columns.
                    let style = VariantRecipe.postalStyle(for: kind, person, &random, soundsAlike: soundsAlike)
                    var columns = style
                    columns.layout = .columns
                    let postal = PostalRenderer.row(person, columns)
                    row.firstName = postal.firstName
                    row.lastName = postal.lastName
                    row.fullName = ""
                }
                addContacts(&row, person, &random)
                return row
            }
        }

        private func listedPerson(for kind: VariantKind, _ random: inout SplitMix64) -> Person {
            let slot = postalKinds.firstIndex(of: kind) ?? 0
            let rounds = max(1, (lists.post - slot + postalKinds.count - 1) / postalKinds.count)
            let index = min(lists.post - 1, random.below(rounds) * postalKinds.count + slot)
            return postPerson(max(0, index), seed: seed)
        }

        private mutating func nearMissRow(_ kind: VariantKind, _ random: inout SplitMix64) -> InputRow {
            switch kind {
            case .phoneDigit:
                let listed = HardBenchmarkData.person(for: nil, &random)
                var phone = telefonNumber(random.below(max(1, lists.telefon)), seed: seed)
                let position = random.within(1...(phone.subscriber.count - 1))
                let old = Array(phone.subscriber)[position]
                var digit = Character(String(random.below(10)))
                while digit == old { digit = Character(String(random.below(10))) }
                phone = phone.changingDigit(at: position, to: digit)
                var row = PostalRenderer.row(listed, PostalStyle())
                row.phone = random.pick(PhoneFormat.allCases).render(phone, &random)
                return row
            case .otherEmail:
                let listed = emailPerson(random.below(max(1, lists.email)), seed: seed)
                var other = HardBenchmarkData.person(for: nil, &random)
                other.email = EmailAddresses.nearMiss(of: listed.email, &random)
                var row = PostalRenderer.row(other, PostalStyle())
                row.email = other.email
                return row
            default:
                let person = postPerson(random.below(max(1, lists.post)), seed: seed)
                var other = person
                switch kind {
                case .otherHouseNumber:
                    other.houseNumber.number += random.within(1...3)
                case .otherPostcode:
                    let value = Int(person.place.postcode)! + random.within(1...20)
                    other.place.postcode = postcode(min(value, 99_998))
                case .otherFirstName:
                    other.firstName = otherFirstName(than: person.firstName, gender: person.gender, &random)
                default:  // household
                    other.gender = person.gender.other
                    other.firstName = otherFirstName(than: person.firstName, gender: other.gender, &random)
                }
                var row = PostalRenderer.row(other, random.chance(50) ? VariantRecipe.mixedStyle(other, &random) : PostalStyle())
                addContacts(&row, other, &random)
                return row
            }
        }

        /// A given name that does not sound like `name` (drawn until one does not).
        private func otherFirstName(than name: String, gender: Gender, _ random: inout SplitMix64) -> String {
            var other = random.pick(FirstNames.pool(gender))
            while soundsAlike(other, name) { other = random.pick(FirstNames.pool(gender)) }
            return other
        }

        private func malformedRow(_ kind: VariantKind, _ random: inout SplitMix64) -> InputRow {
            let person = HardBenchmarkData.person(for: nil, &random)
            var row = PostalRenderer.row(person, PostalStyle())
            switch kind {
            case .badPostcode: row.postcode = Defects.postcode(person.place.postcode, &random)
            case .badHouseNumber: row.houseNumber = random.pick(Defects.houseNumbers)
            case .missingHouseNumber: row.houseNumber = ""
            case .missingPostcode: row.postcode = ""
            case .digitsInName:
                if random.chance(50) { row.firstName += String(random.within(1...9)) } else { row.lastName += " " + String(random.within(2...9)) }
            case .fieldCount: row.extraFields = [random.pick(["x", "", "Kunde seit 2019"])]
            case .bareLocalNumber:
                row = InputRow()
                row.phone = random.chance(50) ? person.phone.subscriber : person.phone.groupedSubscriber
            case .badPhone:
                row = InputRow()
                row.phone = Defects.phone(person.phone, &random)
            case .invalidEmail:
                row = InputRow()
                row.email = Defects.email(person.email, &random)
            default:
                row = InputRow()
                row.city = person.place.city
            }
            return row
        }
    }

    // MARK: - People

    /// A person from the large pools, with what `kind` needs to be varied.
    static func person(for kind: VariantKind?, _ random: inout SplitMix64) -> Person {
        let traits = kind.map(VariantRecipe.traits(for:)) ?? PersonFactory.Traits()
        var person = PersonFactory.person(traits, &random)
        switch traits.surname {
        case .any:
            let roll = random.below(100)
            if roll < 7 {
                person.particle = random.pick(particles)
                person.surname = SyllablePools.surname(random.below(SyllablePools.surnameCount))
            } else if roll < 14 {
                person.surname = doubleName(&random)
            } else if roll >= 25 {
                person.surname = SyllablePools.surname(random.below(SyllablePools.surnameCount))
            }  // else: accented or phonetic from the small pools, as drawn
        case .plain:
            person.surname = SyllablePools.surname(random.below(SyllablePools.surnameCount))
        case .particle:
            person.particle = random.pick(particles)
            person.surname = SyllablePools.surname(random.below(SyllablePools.surnameCount))
        case .double:
            person.surname = doubleName(&random)
        case .umlaut:
            var name = SyllablePools.surname(random.below(SyllablePools.surnameCount))
            while !name.contains(where: { "äöüß".contains($0) }) { name = SyllablePools.surname(random.below(SyllablePools.surnameCount)) }
            person.surname = name
        case .accented, .phonetic:
            break
        }
        let shapes: [SyllablePools.Shape]
        switch kind {
        case .streetSuffix: shapes = [.strasse0, .strasse1, .strasse2]
        case .streetWord: shapes = [.adjectiveStrasse, .leading]
        case .streetCompound: shapes = [.named]
        case .platz: shapes = [.platz]
        case .chaussee: shapes = [.adjectiveChaussee]
        case .streetPlain: shapes = [.plainPrefix, .plainSuffix]
        default: shapes = SyllablePools.Shape.allCases
        }
        person.street = SyllablePools.street(SyllablePools.streetIndex(shapes, &random))
        if kind == .streetWord, case .leading(let type, let rest) = person.street, type != .strasse {
            person.street = .leading(type: .strasse, rest: rest)
        }
        let zeroLed = kind == .postcodeFourDigits
        person.place = Place(
            postcode: postcode(zeroLed ? random.within(1_001...9_999) : random.within(1_001...99_998)),
            city: random.pick(Places.all).city
        )
        person.email = EmailAddresses.address(first: person.firstName, surname: person.surname, &random)
        return person
    }

    static let particles = ["von", "von der", "van", "van der", "de", "zu", "vom", "ter", "van den", "zur"]

    private static func doubleName(_ random: inout SplitMix64) -> String {
        SyllablePools.surname(random.below(SyllablePools.surnameCount)) + "-"
            + SyllablePools.surname(random.below(SyllablePools.surnameCount))
    }

    private static func postcode(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    private enum Stream {
        static let post: UInt64 = 11, telefon: UInt64 = 12, mobil: UInt64 = 13, email: UInt64 = 14, input: UInt64 = 15
    }
}
