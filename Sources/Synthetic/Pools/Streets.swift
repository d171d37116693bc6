/// Street names of every shape the matcher must recognize. No two of them
/// normalize to the same key (a test checks it).
enum Streets {
    static let compoundStrasse: [Street] = [
        "Haupt", "Bahnhof", "Schul", "Garten", "Kirch", "Berg", "Wald", "Linden", "Birken", "Eichen", "Rosen",
        "Tulpen", "Mühlen", "Feld", "Wiesen", "Sonnen", "Markt", "Brunnen", "Schloß", "Ring", "Dorf", "Post",
        "Friedhof", "Ufer", "Tal", "Wein", "Mozart", "Goethe", "Schiller", "Uhland", "Lessing", "Herder", "Kant",
        "Heine", "Industrie", "Bach", "Teich", "Ahorn", "Buchen", "Tannen", "Fichten", "Jahn", "Kolping", "Luisen",
        "Wilhelm", "Friedrich", "König", "Kaiser", "Park", "Hafen", "Kloster", "Mittel", "Gries", "Brücken",
        "Grün", "Mühlbach", "Färber", "Gerber", "Höhen", "Römer",
    ].map { .compound(stem: $0, type: .strasse) }

    static let named: [Street] = [
        (["Karl", "Marx"], StreetType.strasse), (["Rosa", "Luxemburg"], .strasse),
        (["Albert", "Schweitzer"], .strasse), (["Konrad", "Adenauer"], .strasse), (["Friedrich", "Ebert"], .strasse),
        (["Käthe", "Kollwitz"], .strasse), (["Otto", "Hahn"], .strasse), (["Robert", "Koch"], .strasse),
        (["Heinrich", "Heine"], .strasse), (["Max", "Planck"], .strasse), (["Gustav", "Heinemann"], .strasse),
        (["Hans", "Böckler"], .strasse), (["Ernst", "Thälmann"], .strasse), (["Bertolt", "Brecht"], .strasse),
        (["Geschwister", "Scholl"], .strasse), (["Theodor", "Heuss"], .strasse), (["Kurt", "Schumacher"], .strasse),
        (["Walther", "Rathenau"], .strasse), (["Carl", "von", "Ossietzky"], .strasse),
        (["Willy", "Brandt"], .platz), (["Theodor", "Heuss"], .platz), (["Sophie", "Scholl"], .platz),
        (["Johann", "Sebastian", "Bach"], .strasse), (["Annette", "Kolb"], .strasse), (["Clara", "Zetkin"], .strasse),
    ].map { .named(words: $0.0, type: $0.1) }

    static let adjectiveStrasse: [Street] = [
        "Berliner", "Hamburger", "Frankfurter", "Münchner", "Leipziger", "Dresdner", "Potsdamer", "Kölner", "Bremer",
        "Hannoversche", "Alte", "Neue", "Lange", "Breite", "Hohe", "Kurze", "Stuttgarter", "Nürnberger",
    ].map { .adjective($0, type: .strasse) }

    static let leadingStrasse: [Street] = [
        "des 17. Juni", "der Einheit", "der Freundschaft", "des Friedens", "der Jugend", "der Pariser Kommune",
        "am Park", "zum Wasserwerk",
    ].map { .leading(type: .strasse, rest: $0) }

    static let platz: [Street] = [
        "Markt", "Kirch", "Schul", "Bahnhofs", "Rathaus", "Linden", "Dom", "Schloß", "Anger", "Kloster",
    ].map { .compound(stem: $0, type: .platz) }
        + ["Potsdamer", "Leipziger", "Hackescher", "Alter"].map { .adjective($0, type: .platz) }
        + ["der Republik", "der Einheit", "des Friedens", "der Deutschen Einheit"].map { .leading(type: .platz, rest: $0) }

    static let chaussee: [Street] = [
        "Frankfurter", "Potsdamer", "Berliner", "Hamburger", "Leipziger", "Landsberger", "Schönhauser", "Bernauer",
    ].map { .adjective($0, type: .chaussee) }

    static let plain: [Street] = [
        "Am Anger", "Im Winkel", "An der Alster", "Unter den Linden", "Am Markt", "Am Kanal", "Im Ried",
        "Hinter der Kirche", "Auf dem Berg", "In den Gärten", "Am Mühlbach", "Lindenallee", "Kirchweg", "Am Ring",
        "Kurfürstendamm", "Reichpietschufer", "Mühltal", "Am Hang", "Zur Linde", "Im Grund", "Am Hopfengarten",
        "Alter Markt", "Neuer Wall", "Große Bleichen", "Am Wall", "Rosenweg", "Birkenweg", "Eichendorffweg",
        "Wiesengrund", "Sonnenhang", "Tulpenweg", "Kastanienallee", "Holunderweg", "Feldweg", "Fliederweg",
        "Ahornring", "Parkallee", "Gartenweg", "Am Steinbruch", "In der Aue", "Schlossgarten", "Domhof", "Brühl",
        "Auf der Höhe", "Zum Eichholz", "Am Sonnenhügel", "Heideweg", "Lerchenfeld", "Mühlenkamp", "Achterdiek",
    ].map { .plain($0) }

    static let all: [Street] = compoundStrasse + named + adjectiveStrasse + leadingStrasse + platz + chaussee + plain
}
