/// A telephone number in parts: country code, area (or network) code without
/// the trunk zero, and subscriber number.
public struct PhoneNumber: Sendable, Hashable {
    public var country: String
    public var area: String
    public var subscriber: String

    public var isGerman: Bool { country == "49" }

    /// A German mobile number (`015x`, `016x`, `017x`): it belongs on the `mobil` list.
    public var isMobile: Bool { isGerman && area.hasPrefix("1") }

    /// E.164 without separators: `+49301234567` — how the delivery writes it.
    public var e164: String { "+" + country + area + subscriber }

    /// German national form with a space: `030 1234567`.
    var national: String { "0" + area + " " + subscriber }

    /// The subscriber number in pairs, led by a triple when odd: `1234567` → `123 45 67`.
    var groupedSubscriber: String {
        let digits = Array(subscriber.utf8)
        var grouped: [UInt8] = []
        grouped.reserveCapacity(digits.count * 3 / 2)
        for (index, digit) in digits.enumerated() {
            // A blank before every pair, counted from the end.
            if index > 0, (digits.count - index) % 2 == 0, !(digits.count % 2 == 1 && index < 3) { grouped.append(0x20) }
            grouped.append(digit)
        }
        return String(decoding: grouped, as: UTF8.self)
    }

    /// The same number with the subscriber digit at `position` replaced.
    func changingDigit(at position: Int, to digit: Character) -> PhoneNumber {
        var digits = Array(subscriber)
        digits[position] = digit
        return PhoneNumber(country: country, area: area, subscriber: String(digits))
    }
}

/// Area codes, mobile network codes and foreign numbers.
enum PhonePlan {
    /// German area codes without the trunk zero, two to five digits.
    static let areaCodes = [
        "30", "40", "89", "221", "69", "711", "211", "231", "201", "421", "341", "351", "511", "911", "203", "234",
        "202", "521", "228", "251", "721", "621", "821", "611", "209", "2161", "531", "371", "431", "241", "345",
        "391", "761", "381", "361", "331", "6221", "4621", "3581", "35201", "33203", "39203", "4101", "8031",
        "9561", "7531", "5121", "6131", "2631", "34602",
    ]

    /// Mobile network codes: 015x numbers have 8 subscriber digits, 016x/017x 7.
    static let mobileCodes = [
        "151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177",
        "178", "179",
    ]

    /// Austrian and Swiss codes with their subscriber lengths.
    static let foreign: [(country: String, area: String, digits: Int)] = [
        ("43", "1", 7), ("43", "316", 6), ("43", "662", 6), ("43", "664", 7), ("43", "660", 7), ("43", "512", 6),
        ("41", "44", 7), ("41", "31", 7), ("41", "61", 7), ("41", "79", 7), ("41", "76", 7), ("41", "22", 7),
    ]

    static func landline(_ random: inout SplitMix64) -> PhoneNumber {
        let area = random.pick(areaCodes)
        // Area code and subscriber together have 10 or 11 digits, as in the German plan.
        let length = (area.count <= 2 ? 8 : 11 - area.count) - random.below(2)
        return PhoneNumber(country: "49", area: area, subscriber: subscriber(length, &random))
    }

    static func mobile(_ random: inout SplitMix64) -> PhoneNumber {
        let code = random.pick(mobileCodes)
        return PhoneNumber(country: "49", area: code, subscriber: subscriber(code.hasPrefix("15") ? 8 : 7, &random))
    }

    static func foreignNumber(_ random: inout SplitMix64) -> PhoneNumber {
        let plan = random.pick(foreign)
        return PhoneNumber(country: plan.country, area: plan.area, subscriber: subscriber(plan.digits, &random))
    }

    /// Digits, the first of them 2…9 (1 and 0 start service numbers).
    static func subscriber(_ length: Int, _ random: inout SplitMix64) -> String {
        var text = String(random.within(2...9))
        for _ in 1..<length { text += String(random.below(10)) }
        return text
    }
}
