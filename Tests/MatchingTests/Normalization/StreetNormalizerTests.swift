import Testing
@testable import Matching

@Suite struct StreetNormalizerTests {
    /// Ways of writing one street; every member must give the group's key.
    static let groups: [(key: String, spellings: [String])] = [
        ("karlmarxstr", [
            "Karl-Marx-Str.", "Karl Marx Straße", "Karl-Marx-Strasse", "Karl-Marx-Straße", "KARL-MARX-STR",
            "Karl-Marx-Strase", "Karlmarxstr.", "Karl-Marx-Str", "karl marx str.", "Karl-Marxstraße",
            "KARL-MARX-STRASSE", "Karl-Marx-Str .",
        ]),
        ("hauptstr", ["Hauptstraße", "Hauptstr.", "Hauptstrasse", "Haupt-Str.", "HAUPTSTR", "Hauptstrase", " Hauptstr. "]),
        ("strdes17juni", ["Straße des 17. Juni", "Str. des 17. Juni", "Strasse des 17 Juni"]),
        ("strdereinheit", ["Str. der Einheit", "Straße der Einheit"]),
        ("sanktgeorgstr", ["St. Georg-Str.", "Sankt-Georg-Straße", "St.-Georg-Strasse", "Sankt Georg Str."]),
        ("marktplatz", ["Marktplatz", "Marktpl.", "Markt-Platz", "Markt Pl."]),
        ("platzderrepublik", ["Platz der Republik", "Pl. der Republik"]),
        ("frankfurterchaussee", ["Frankfurter Chaussee", "Frankfurter Ch.", "Frankfurter Chaus."]),
        ("lindenallee", ["Lindenallee", "Linden-Allee", "Linden-Al.", "Linden Al."]),
        ("uferpromenade", ["Uferpromenade", "Uferprom.", "Ufer-Prom."]),
        ("amhauptbahnhof", ["Am Hauptbahnhof", "Am Hauptbhf.", "Am Haupt-Bhf."]),
        ("kirchgasse", ["Kirchgasse", "Kirch-Gasse", "Kirch-G."]),
        ("schlossstr", ["Schloßstraße", "Schlossstr.", "Schloss-Str", "Schloßstr."]),
        ("amanger", ["Am Anger", "Am  Anger", "AM ANGER"]),
        ("imried", ["Im Ried"]),
        ("anderalster", ["An der Alster"]),
        ("schoenhauserallee", ["Schönhauser Allee", "Schoenhauser Allee"]),
        ("kurfuerstendamm", ["Kurfürstendamm", "Kurfürsten-Damm"]),
        ("reichpietschufer", ["Reichpietschufer"]),
        ("amkanal", ["Am Kanal"]),  // "al" is no Allee without its dot
        ("muehltal", ["Mühltal"]),
        ("hauptweg", ["Hauptweg", "Hauptweg."]),  // "g." glued to a word is no Gasse
        ("amstrand", ["Am Strand"]),
        ("q7", ["Q 7", "Q7"]),  // Mannheim squares
        ("g7", ["G 7"]),
        ("ringstr", ["Ringstraße", "Ring-Str."]),
    ]

    static let spellings: [(String, String)] = groups.flatMap { group in group.spellings.map { ($0, group.key) } }

    @Test(arguments: spellings)
    func normalizes(input: String, expected: String) {
        #expect(StreetNormalizer.normalize(input) == .success(expected))
    }

    @Test func groupsAreDistinct() {
        #expect(Set(Self.groups.map(\.key)).count == Self.groups.count)
    }

    @Test(arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("12", "no letters in street"),
        ("--", "no letters in street"),
    ])
    func rejects(input: String, reason: String) {
        #expect(StreetNormalizer.normalize(input) == .failure(InvalidValue(reason)))
    }

    @Test(arguments: [
        ("Hauptstr. 5a", "Hauptstr.", "5a"),
        ("Hauptstr.5a", "Hauptstr.", "5a"),
        ("Straße des 17. Juni 114", "Straße des 17. Juni", "114"),
        ("Hauptstraße 5 - 7", "Hauptstraße", "5 - 7"),
        ("Hauptstraße 5/7", "Hauptstraße", "5/7"),
        ("Am Anger 12 // Whg. 3", "Am Anger", "12 // Whg. 3"),
        ("Hauptstr. 5 a", "Hauptstr.", "5 a"),
        ("Hauptstr. 5, 2. OG links", "Hauptstr.", "5, 2. OG links"),
        ("Hauptstr. 5 c/o Meier", "Hauptstr.", "5 c/o Meier"),
        ("Hauptstr 12 Hinterhaus", "Hauptstr", "12 Hinterhaus"),
        ("Q 7 12", "Q 7", "12"),  // Mannheim: the first number names the square
        ("Q7 12", "Q7", "12"),
        ("Straße 70 12", "Straße 70", "12"),  // numbered street
        ("  Karl-Marx-Str. 1  ", "Karl-Marx-Str.", "1"),
        // A label before the number goes with it (found by `robinson eval`, house-in-street).
        ("Hauptstr. Nr. 5a", "Hauptstr.", "Nr. 5a"),
        ("Am Anger Nr.12 // Whg. 3", "Am Anger", "Nr.12 // Whg. 3"),
        ("Hauptstraße, Hausnr. 7", "Hauptstraße", "Hausnr. 7"),
        ("Hauptstraße, 7", "Hauptstraße", "7"),
    ])
    func splitsHouseNumber(combined: String, street: String, houseNumber: String) {
        let split = StreetNormalizer.splitHouseNumber(combined)
        #expect(split.street == street)
        #expect(split.houseNumber == houseNumber)
    }

    @Test(arguments: ["Hauptstr.", "Am Anger", "Q 7", "Q7", "Straße des 17. Juni", "Platz der 3 Linden", "5 Hauptstraße", ""])
    func leavesStreetWithoutHouseNumber(combined: String) {
        let split = StreetNormalizer.splitHouseNumber(combined)
        #expect(split.street == combined)
        #expect(split.houseNumber == nil)
    }
}
