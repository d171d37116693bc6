/// Draws people from the pools, optionally with a trait a variant needs
/// (a name particle, an umlaut, a street of some shape …).
struct PersonFactory {
    enum SurnameTrait { case any, plain, particle, double, accented, umlaut, phonetic }
    enum FirstNameTrait { case any, plain, accented, phonetic }
    enum PhoneTrait { case landline, mobile, foreign }

    struct Traits {
        var surname = SurnameTrait.any
        var firstName = FirstNameTrait.any
        var streets = Streets.all
        var house = HouseNumber.Shape.any
        var places = Places.all
        var phone = PhoneTrait.landline
    }

    static func person(_ traits: Traits, _ random: inout SplitMix64) -> Person {
        let gender: Gender = random.chance(50) ? .female : .male
        let first = firstName(traits.firstName, gender, &random)
        let (particle, surname) = self.surname(traits.surname, &random)
        let phone: PhoneNumber =
            switch traits.phone {
            case .landline: PhonePlan.landline(&random)
            case .mobile: PhonePlan.mobile(&random)
            case .foreign: PhonePlan.foreignNumber(&random)
            }
        return Person(
            gender: gender, firstName: first, particle: particle, surname: surname,
            street: random.pick(traits.streets), houseNumber: HouseNumber.draw(&random, shape: traits.house),
            place: random.pick(traits.places), phone: phone,
            email: EmailAddresses.address(first: first, surname: surname, &random)
        )
    }

    static func firstName(_ trait: FirstNameTrait, _ gender: Gender, _ random: inout SplitMix64) -> String {
        switch trait {
        case .plain: return random.pick(FirstNames.pool(gender))
        case .accented: return random.pick(FirstNames.accentedPool(gender))
        case .phonetic: return random.pick(random.pick(phoneticFirstNames(gender)))
        case .any:
            let roll = random.below(100)
            if roll < 4 { return firstName(.accented, gender, &random) }
            if roll < 8 { return firstName(.phonetic, gender, &random) }
            return firstName(.plain, gender, &random)
        }
    }

    static func phoneticFirstNames(_ gender: Gender) -> [[String]] {
        FirstNames.phoneticGroups.filter { $0.0 == gender }.map(\.1)
    }

    static func surname(_ trait: SurnameTrait, _ random: inout SplitMix64) -> (particle: String?, surname: String) {
        switch trait {
        case .plain: return (nil, random.pick(Surnames.common))
        case .particle:
            let entry = random.pick(Surnames.withParticle)
            return (entry.particle, entry.core)
        case .double:
            let first = random.pick(Surnames.common)
            var second = random.pick(Surnames.common)
            while second == first { second = random.pick(Surnames.common) }
            return (nil, first + "-" + second)
        case .accented: return (nil, random.pick(Surnames.accented))
        case .umlaut: return (nil, random.pick(umlautSurnames))
        case .phonetic: return (nil, random.pick(random.pick(Surnames.phoneticGroups)))
        case .any:
            let roll = random.below(100)
            if roll < 7 { return surname(.particle, &random) }
            if roll < 14 { return surname(.double, &random) }
            if roll < 19 { return surname(.accented, &random) }
            if roll < 25 { return surname(.phonetic, &random) }
            return surname(.plain, &random)
        }
    }

    static let umlautSurnames = Surnames.common.filter { $0.contains { "äöüß".contains($0) } }
}
