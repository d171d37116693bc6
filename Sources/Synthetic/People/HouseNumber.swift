/// A house number: a number, maybe a letter (`5a`) or a range (`7-9`).
public struct HouseNumber: Sendable, Hashable {
    public var number: Int
    public var letter: Character?
    public var rangeEnd: Int?

    public init(number: Int, letter: Character? = nil, rangeEnd: Int? = nil) {
        self.number = number
        self.letter = letter
        self.rangeEnd = rangeEnd
    }

    /// As the delivery writes it, which is also the matcher's normalized form: `5`, `5a`, `7-9`.
    public var canonical: String {
        var text = String(number)
        if let letter { text.append(letter) }
        if let rangeEnd { text += "-" + String(rangeEnd) }
        return text
    }

    static func draw(_ random: inout SplitMix64, shape: Shape = .any) -> HouseNumber {
        // Small numbers are the most common, as in real streets.
        let number = random.chance(70) ? random.within(1...40) : random.within(41...240)
        switch shape {
        case .letter: return HouseNumber(number: number, letter: random.pick(["a", "b", "c", "d"]))
        case .range: return HouseNumber(number: number, rangeEnd: number + random.pick([1, 2, 2, 4]))
        case .plain: return HouseNumber(number: number)
        case .any:
            let roll = random.below(100)
            if roll < 12 { return draw(&random, shape: .letter) }
            if roll < 16 { return draw(&random, shape: .range) }
            return HouseNumber(number: number)
        }
    }

    enum Shape { case any, plain, letter, range }
}
