import Testing
@testable import Matching

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Müller", "mueller"),
        ("MÜLLER", "mueller"),
        ("Mueller", "mueller"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Ärger Öl Übel", "aergeroeluebel"),
        ("Müller-Lüdenscheidt", "muellerluedenscheidt"),
        ("François Lefèvre", "francoislefevre"),
        ("Łódź", "lodz"),
        ("Søren Kierkegaard", "sorenkierkegaard"),
        ("Ærø", "aero"),
        ("Œuvre", "oeuvre"),
        ("Škoda Čapek", "skodacapek"),
        ("Ñandú", "nandu"),
        ("Ångström", "angstroem"),
        ("İstanbul", "istanbul"),
        ("O'Brien", "obrien"),
        ("D’Angelo", "dangelo"),
        ("Mu\u{308}ller", "mueller"),  // decomposed ü, as macOS file names have it
        ("Jose\u{301}", "jose"),
        ("Ｍüｌｌｅｒ", "mueller"),  // full-width (NFKC)
        ("ﬁscher", "fischer"),  // ligature (NFKC)
        ("Straße des 17. Juni", "strassedes17juni"),
        ("  a\u{A0}b\tc  ", "abc"),
        ("", ""),
        ("-- / --", ""),
    ])
    func fold(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(arguments: [
        ("Hans-Peter von Müller", ["hans", "peter", "von", "mueller"]),
        ("Dr. med. Karl Schmidt", ["dr", "med", "karl", "schmidt"]),
        ("Karl-Marx-Str. 5a", ["karl", "marx", "str", "5a"]),
        ("  Groß,  Jürgen ", ["gross", "juergen"]),
        ("O'Brien", ["obrien"]),
        ("", []),
        ("...", []),
    ])
    func words(input: String, expected: [String]) {
        #expect(TextFolding.words(input) == expected)
    }
}
