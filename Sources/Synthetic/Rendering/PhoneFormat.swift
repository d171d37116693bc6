/// The ways address files write a telephone number; each format has a few
/// spellings (blanks, hyphens, groups), chosen at random.
enum PhoneFormat: CaseIterable {
    /// `030 1234567`, `030 123 45 67`, `030-1234567`
    case national
    /// `030/123 45 67`, `030/1234567`, `030 / 1234567`
    case slash
    /// `(030) 1234-567`, `(030) 1234567`, `(030)1234567`
    case parentheses
    /// `+49 30 1234567`, `+49 30 123 45 67`, `+4930 1234567`, `+49-30-1234567`
    case plus49
    /// `+49 (0)30 1234567`, `+49 (0) 30 1234567`, `+49(0)30-1234567`
    case plus49Zero
    /// `0049 30 1234567`, `0049 (0)30 1234567`, `0049-30-1234567`, `004930 1234567`
    case zeroZero49

    /// A German number in this format; a foreign one in one of its international forms.
    func render(_ number: PhoneNumber, _ random: inout SplitMix64) -> String {
        guard number.isGerman else { return Self.international(number, &random) }
        let area = number.area, subscriber = number.subscriber, grouped = number.groupedSubscriber
        let options: [String]
        switch self {
        case .national: options = ["0\(area) \(subscriber)", "0\(area) \(grouped)", "0\(area)-\(subscriber)"]
        case .slash: options = ["0\(area)/\(grouped)", "0\(area)/\(subscriber)", "0\(area) / \(subscriber)"]
        case .parentheses:
            let split = subscriber.index(subscriber.endIndex, offsetBy: -3)
            options = ["(0\(area)) \(subscriber[..<split])-\(subscriber[split...])", "(0\(area)) \(subscriber)", "(0\(area))\(subscriber)"]
        case .plus49: options = ["+49 \(area) \(subscriber)", "+49 \(area) \(grouped)", "+49\(area) \(subscriber)", "+49-\(area)-\(subscriber)"]
        case .plus49Zero: options = ["+49 (0)\(area) \(subscriber)", "+49 (0) \(area) \(subscriber)", "+49(0)\(area)-\(subscriber)"]
        case .zeroZero49:
            options = ["0049 \(area) \(subscriber)", "0049 (0)\(area) \(subscriber)", "0049-\(area)-\(subscriber)", "0049\(area) \(subscriber)"]
        }
        // The first spelling is the one the issue names; it comes most often.
        return random.chance(50) ? options[0] : random.pick(options)
    }

    /// `+43 1 2345678`, `0043 1 2345678`, `+41 44 123 45 67`, `+41 (0)44 1234567`, `0041-44-1234567`.
    private static func international(_ number: PhoneNumber, _ random: inout SplitMix64) -> String {
        let country = number.country, area = number.area, subscriber = number.subscriber
        return random.pick([
            "+\(country) \(area) \(subscriber)", "00\(country) \(area) \(subscriber)",
            "+\(country) \(area) \(number.groupedSubscriber)", "+\(country) (0)\(area) \(subscriber)",
            "00\(country)-\(area)-\(subscriber)", "+\(country)\(area)\(subscriber)",
        ])
    }
}
