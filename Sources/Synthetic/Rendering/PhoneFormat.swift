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
        guard number.isGerman else { return Self.international(number, random.below(6)) }
        // The first spelling is the one the issue names; it comes most often.
        let spelling = random.chance(50) ? 0 : random.below(spellings)
        let area = number.area, subscriber = number.subscriber
        switch (self, spelling) {
        case (.national, 0): return "0\(area) \(subscriber)"
        case (.national, 1): return "0\(area) \(number.groupedSubscriber)"
        case (.national, _): return "0\(area)-\(subscriber)"
        case (.slash, 0): return "0\(area)/\(number.groupedSubscriber)"
        case (.slash, 1): return "0\(area)/\(subscriber)"
        case (.slash, _): return "0\(area) / \(subscriber)"
        case (.parentheses, 0):
            let split = subscriber.index(subscriber.endIndex, offsetBy: -3)
            return "(0\(area)) \(subscriber[..<split])-\(subscriber[split...])"
        case (.parentheses, 1): return "(0\(area)) \(subscriber)"
        case (.parentheses, _): return "(0\(area))\(subscriber)"
        case (.plus49, 0): return "+49 \(area) \(subscriber)"
        case (.plus49, 1): return "+49 \(area) \(number.groupedSubscriber)"
        case (.plus49, 2): return "+49\(area) \(subscriber)"
        case (.plus49, _): return "+49-\(area)-\(subscriber)"
        case (.plus49Zero, 0): return "+49 (0)\(area) \(subscriber)"
        case (.plus49Zero, 1): return "+49 (0) \(area) \(subscriber)"
        case (.plus49Zero, _): return "+49(0)\(area)-\(subscriber)"
        case (.zeroZero49, 0): return "0049 \(area) \(subscriber)"
        case (.zeroZero49, 1): return "0049 (0)\(area) \(subscriber)"
        case (.zeroZero49, 2): return "0049-\(area)-\(subscriber)"
        case (.zeroZero49, _): return "0049\(area) \(subscriber)"
        }
    }

    /// How many spellings the format has.
    private var spellings: Int {
        switch self {
        case .national, .slash, .parentheses, .plus49Zero: 3
        case .plus49, .zeroZero49: 4
        }
    }

    /// `+43 1 2345678`, `0043 1 2345678`, `+41 44 123 45 67`, `+41 (0)44 1234567`, `0041-44-1234567`, `+41441234567`.
    private static func international(_ number: PhoneNumber, _ spelling: Int) -> String {
        let country = number.country, area = number.area, subscriber = number.subscriber
        switch spelling {
        case 0: return "+\(country) \(area) \(subscriber)"
        case 1: return "00\(country) \(area) \(subscriber)"
        case 2: return "+\(country) \(area) \(number.groupedSubscriber)"
        case 3: return "+\(country) (0)\(area) \(subscriber)"
        case 4: return "00\(country)-\(area)-\(subscriber)"
        default: return "+\(country)\(area)\(subscriber)"
        }
    }
}
