/// Values that cannot be normalized, as they turn up in real address files.
enum Defects {
    /// Three or six digits, a letter O for a zero, a space inside, a foreign code, a `00` start.
    static func postcode(_ code: String, _ random: inout SplitMix64) -> String {
        switch random.below(6) {
        case 0: return String(code.prefix(3))
        case 1: return code + String(random.below(10))
        case 2: return String(code.prefix(1)) + "O" + String(code.dropFirst(2))
        case 3: return String(code.prefix(2)) + " " + String(code.dropFirst(2))
        case 4: return "A-" + String(random.within(1010...9999))
        default: return "00" + String(code.suffix(3))
        }
    }

    /// House numbers without digits, with text before them, or too long.
    static let houseNumbers = ["fünf", "ohne", "a", "Hinterhaus", "12345", "a5", "k.A.", "-", "?", "Whg. 3", "B12"]

    /// Too short, with letters, too long, or with a stray character.
    static func phone(_ number: PhoneNumber, _ random: inout SplitMix64) -> String {
        let area = "0" + number.area
        switch random.below(4) {
        case 0: return area + " " + String(number.subscriber.prefix(max(0, 5 - number.area.count)))
        case 1: return area + " " + number.subscriber + " privat"
        case 2: return "+49 " + number.area + " " + number.subscriber + "12345678"
        default: return area + " " + number.subscriber + " #2"
        }
    }

    /// No domain, no @, a blank inside, no dot in the domain, no local part, two dots, two @.
    static func email(_ address: String, _ random: inout SplitMix64) -> String {
        let parts = address.split(separator: "@", maxSplits: 1).map(String.init)
        let (local, domain) = (parts[0], parts[1])
        switch random.below(7) {
        case 0: return local + "@"
        case 1: return local + "(at)" + domain
        case 2: return String(local.prefix(1)) + " " + String(local.dropFirst()) + "@" + domain
        case 3: return local + "@" + String(domain.prefix { $0 != "." })
        case 4: return "@" + domain
        case 5: return String(local.prefix(1)) + ".." + String(local.dropFirst()) + "@" + domain
        default: return local + "@@" + domain
        }
    }
}
