/// E-mail addresses built from a person's name, the way German consumers have them.
enum EmailAddresses {
    static let domains = [
        "web.de", "gmx.de", "gmx.net", "t-online.de", "freenet.de", "posteo.de", "mailbox.org", "outlook.de",
        "gmail.com", "yahoo.de", "icloud.com", "arcor.de", "online.de", "email.de", "aol.com", "kabelmail.de",
    ]

    /// Lower case, ASCII, e.g. `hans.mueller@web.de`, `h.mueller71@gmx.de`, `mueller.hans@posteo.de`.
    static func address(first: String, surname: String, _ random: inout SplitMix64) -> String {
        let given = Spelling.mailbox(first.split(separator: " ").first.map(String.init) ?? first)
        let family = Spelling.mailbox(surname)
        var local: String
        switch random.below(6) {
        case 0: local = given + "." + family
        case 1: local = String(given.prefix(1)) + "." + family
        case 2: local = given + family
        case 3: local = family + "." + given
        case 4: local = given + "_" + family
        default: local = given + "." + String(family.prefix(1))
        }
        if random.chance(60) { local += String(random.within(1...99)) }
        return local + "@" + random.pick(domains)
    }

    /// Another address close to `address`: a digit more, another domain, or a letter swapped.
    static func nearMiss(of address: String, _ random: inout SplitMix64) -> String {
        let parts = address.split(separator: "@", maxSplits: 1).map(String.init)
        let local = parts[0], domain = parts[1]
        switch random.below(3) {
        case 0: return local + String(random.below(10)) + "@" + domain
        case 1:
            var other = random.pick(domains)
            while other == domain { other = random.pick(domains) }
            return local + "@" + other
        default:
            var letters = Array(local)
            let index = random.below(letters.count)
            let replacement: Character = letters[index] == "x" ? "y" : "x"
            letters[index] = replacement
            return String(letters) + "@" + domain
        }
    }
}
