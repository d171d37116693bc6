import Matching
@testable import Synthetic
import Testing

/// The pools must mean what the generator assumes of them, judged by the matcher's own normalizers.
@Suite struct PoolTests {
    @Test func phoneticGroupsSoundAlikeButAreSpelledDifferently() {
        for group in Surnames.phoneticGroups + FirstNames.phoneticGroups.map(\.1) {
            for name in group.dropFirst() {
                #expect(KoelnerPhonetik.encode(name) == KoelnerPhonetik.encode(group[0]), "\(name) / \(group[0])")
            }
            // Otherwise the person key would decide, not the phonetic one.
            #expect(Set(group.map(TextFolding.fold)).count == group.count, "\(group)")
        }
    }

    @Test func streetsHaveDistinctKeys() throws {
        let keys = try Streets.all.map { try StreetNormalizer.normalize($0.canonical).get() }
        #expect(Set(keys).count == keys.count)
    }

    @Test func postcodesAreValidAndSomeLoseAZero() throws {
        for place in Places.all {
            #expect(try PostcodeNormalizer.normalize(place.postcode).get() == place.postcode)
        }
        #expect(Places.leadingZero.contains { $0.postcode == "01067" && $0.city == "Dresden" })
        #expect(Places.leadingZero.count >= 10)
    }

    @Test func houseNumbersAreTheirOwnNormalForm() throws {
        var random = SplitMix64(seed: 1)
        for _ in 0..<500 {
            let number = HouseNumber.draw(&random)
            #expect(try HouseNumberNormalizer.normalize(number.canonical).get() == number.canonical)
        }
    }

    /// Mobile numbers go to the `mobil` list by their `1` prefix; landlines never start with it.
    @Test func areaCodesAreNotMobileCodes() {
        #expect(PhonePlan.areaCodes.allSatisfy { !$0.hasPrefix("1") && !$0.hasPrefix("0") })
        #expect(PhonePlan.mobileCodes.allSatisfy { $0.hasPrefix("1") })
    }

    @Test(arguments: [("1234567", "123 45 67"), ("12345678", "12 34 56 78"), ("12345", "123 45"), ("123456", "12 34 56")])
    func subscriberGroups(digits: String, grouped: String) {
        #expect(PhoneNumber(country: "49", area: "30", subscriber: digits).groupedSubscriber == grouped)
    }

    @Test(arguments: [("Jürgen", "juergen"), ("José", "jose"), ("Groß-Weiß", "gross-weiss"), ("Łukasz", "lukasz"), ("Yılmaz", "yilmaz")])
    func mailboxSpelling(name: String, mailbox: String) {
        #expect(Spelling.mailbox(name) == mailbox)
    }

    @Test func accentsGoUmlautsStay() {
        #expect(Spelling.stripAccents("Dvořák Müller Søren Çelik") == "Dvorak Müller Soren Celik")
    }

    @Test func splitMix64IsTheReferenceSequence() {
        // Reference values of SplitMix64 for seed 1234567 (Vigna's splitmix64.c).
        var random = SplitMix64(seed: 1_234_567)
        #expect(random.next() == 6_457_827_717_110_365_317)
        #expect(random.next() == 3_203_168_211_198_807_973)
    }
}
