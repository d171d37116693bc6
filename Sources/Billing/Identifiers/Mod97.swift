/// The ISO 7064 MOD 97-10 remainder shared by IBAN (ISO 13616) and the SEPA
/// creditor identifier: letters count as two-digit numbers (A = 10 … Z = 35).
enum Mod97 {
    /// The remainder modulo 97 of the number spelled by `characters`, or nil
    /// when one is neither an ASCII digit nor an ASCII capital letter.
    static func remainder(of characters: some Sequence<Character>) -> Int? {
        var remainder = 0
        for character in characters {
            guard let ascii = character.asciiValue else { return nil }
            switch ascii {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                remainder = (remainder * 10 + Int(ascii - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                remainder = (remainder * 100 + Int(ascii - UInt8(ascii: "A")) + 10) % 97
            default:
                return nil
            }
        }
        return remainder
    }
}
