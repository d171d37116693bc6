/// Surnames: common German ones (with umlauts and ß), with particles, double
/// names, foreign names with diacritics, and groups of spellings that sound alike.
enum Surnames {
    static let common: [String] = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
        "Krüger", "Hartmann", "Lange", "Werner", "Schmitz", "Krause", "Lehmann", "Köhler", "Herrmann", "König",
        "Walter", "Huber", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
        "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Schumacher",
        "Krämer", "Vogt", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber",
        "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas",
        "Voigt", "Sauer", "Arnold", "Pfeiffer", "Fröhlich", "Göbel", "Ebert", "Gärtner", "Brückner", "Hübner",
        "Strauß", "Döring", "Rößler", "Nußbaum", "Grün", "Fürst", "Kröger", "Thießen", "Jürgens", "Lüdtke",
        "Büttner", "Schütz", "Rösch", "Mößner", "Bräuer", "Kößler", "Wilke", "Hansen", "Petersen", "Jansen",
        "Timm", "Stolle", "Ahrens", "Brinkmann", "Kowalski", "Nowak", "Fiedler", "Henke", "Kirchner", "Reuter",
        "Sander", "Ullrich", "Witt", "Zander", "Ostermann", "Lindner", "Wendt", "Gerlach", "Meißner", "Haupt",
        "Struck", "Behrens", "Dreßler", "Eggers", "Fleischer", "Glaser", "Hesse", "Janßen", "Kruse", "Mertens",
    ]

    /// Surnames with a name particle, as the delivery spells them.
    static let withParticle: [(particle: String, core: String)] = [
        ("von", "Bülow"), ("von", "Arnim"), ("von der", "Heide"), ("von der", "Linden"), ("van", "Dijk"),
        ("van der", "Berg"), ("de", "Vries"), ("de", "Boer"), ("zu", "Dohna"), ("zu", "Stolberg"), ("von", "Stein"),
        ("von", "Hagen"), ("vom", "Bruch"), ("von", "Wedel"), ("von", "Alvensleben"), ("von", "Trotha"),
        ("von", "Rohr"), ("von", "Oertzen"), ("van de", "Velde"), ("van der", "Meulen"), ("ter", "Haar"),
        ("van den", "Brink"), ("van", "Leeuwen"), ("de", "Groot"), ("von", "Schwerin"), ("zur", "Nedden"),
        ("von", "Münchhausen"), ("von der", "Schulenburg"), ("von", "Göler"), ("zum", "Felde"),
    ]

    /// Particles an input file may add in front of a surname that the delivery has without one.
    static let particles = ["von", "van", "de", "zu", "von der", "van der", "vom"]

    /// Foreign surnames with diacritics other than German umlauts.
    static let accented: [String] = [
        "Çelik", "Dvořák", "Kovačević", "Wójcik", "Lefèvre", "Šimunović", "García", "Núñez", "Jørgensen",
        "Yılmaz", "Dąbrowski", "Sánchez", "Ibáñez", "Fernández", "Novák", "Horváth", "Doğan", "Şahin", "Aydın",
        "Petrović", "Jovanović", "Błaszczyk", "Łuczak", "Åberg", "Ramírez", "Gonçalves", "Ferrão", "Nyström",
    ]

    /// Spellings of one surname that sound alike (Kölner Phonetik).
    static let phoneticGroups: [[String]] = [
        ["Meier", "Maier", "Mayer", "Meyer", "Mayr"], ["Schmidt", "Schmitt", "Schmid"],
        ["Hoffmann", "Hofmann", "Hofman"], ["Schulz", "Schultz", "Schulze"], ["Neumann", "Naumann", "Neuman"],
        ["Kaiser", "Keiser", "Kayser", "Keyser"], ["Wolf", "Wolff", "Wulf"], ["Graf", "Graff", "Graaf"],
        ["Vogel", "Fogel"], ["Seidel", "Seidl", "Saidel"], ["Frank", "Franck"], ["Lehmann", "Lehman", "Leman"],
        ["Krause", "Krauße", "Kraus"], ["Schneider", "Schnaider", "Schneyder"],
        ["Philipps", "Filips"], ["Conrad", "Konrad"], ["Carstens", "Karstens"], ["Thiel", "Tiel", "Thiele"],
        ["Weiß", "Weis"], ["Beyer", "Baier", "Bayer", "Beier"],
    ]
}
