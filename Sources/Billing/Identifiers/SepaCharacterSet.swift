/// The restricted Latin character set that SEPA files may carry (EPC
/// implementation guidelines): `A–Z a–z 0–9` and `space + ? / - : ( ) . , '`.
public enum SepaCharacterSet {
    private static let punctuation: Set<Character> = [" ", "+", "?", "/", "-", ":", "(", ")", ".", ",", "'"]

    /// True when `character` may appear in a SEPA file as it is.
    public static func contains(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || punctuation.contains(character)
    }
}
