/// Surnames and street names built from syllables: large enough (over 100,000
/// surnames, over 200,000 streets) that no memo of repeated values can hide the
/// cost of normalizing them, as in real address files. Value `i` is a pure
/// function of `i`.
enum SyllablePools {
    static let heads = [
        "Ha", "Ber", "Kra", "Schu", "Wen", "Lin", "Mö", "Brü", "Gro", "Stei", "Wal", "Fri", "Ot", "Zie", "Lau", "Ro",
        "Kie", "Hü", "Pfa", "Dre", "Ae", "Bö", "Chri", "Dü", "Eh", "Fa", "Gä", "Hei", "Ilg", "Jä", "Kno", "Lö",
        "Mar", "Nie", "Obe", "Pie", "Quan", "Rü", "Sa", "Schä", "Stü", "Tie", "Ul", "Vo", "Wi", "Zö", "Bra", "Dö",
        "Ei", "Flo", "Gu", "Hö", "Jo", "Ka", "Le", "Mü", "No", "Pö", "Re", "Sto", "Tra", "Ü", "We", "Zu",
    ]
    static let middles = [
        "", "n", "ter", "del", "ken", "sel", "ber", "ling", "mer", "ß", "rin", "ck", "gel", "lo", "ster", "zen",
        "bel", "din", "fel", "hal", "kel", "mel", "nit", "pel", "rab", "sen", "tel", "wal", "zel", "bus", "gan", "ret",
    ]
    static let surnameTails = [
        "mann", "er", "ner", "ke", "sch", "berg", "hoff", "dt", "rich", "ler", "städt", "mayer", "ing", "hausen",
        "bach", "feld", "stein", "brink", "kamp", "wald", "kötter", "meier", "huber", "schmidt", "bauer", "wig",
        "holz", "dorf", "rath", "bruch", "mund", "hardt", "wein", "loh", "horst", "beck", "bichler", "egger",
        "seder", "müller", "inger", "owski", "ecki", "ski", "ak", "ić", "ert", "old", "ulf", "ot", "mark", "ries",
        "ßner", "ige", "land", "acker", "reuther", "gruber", "lehner", "riedl", "wimmer", "kofler", "zeller", "haas",
    ]
    static let streetTails = [
        "feld", "berg", "hain", "wald", "au", "bach", "dorf", "tal", "kamp", "horst", "brook", "moor", "heide",
        "wiese", "hof", "garten", "brunn", "stein", "born", "hügel", "grund", "ried", "holz", "kirch", "mühl",
        "eck", "stadt", "hausen", "bruch", "weiler", "rode", "hagen",
    ]

    static var surnameCount: Int { heads.count * middles.count * surnameTails.count }
    static var streetStemCount: Int { heads.count * middles.count * streetTails.count }
    /// Ten shapes per stem.
    static var streetCount: Int { streetStemCount * 10 }

    static func surname(_ i: Int) -> String {
        let i = i % surnameCount
        return heads[i % heads.count] + middles[(i / heads.count) % middles.count]
            + surnameTails[i / (heads.count * middles.count)]
    }

    static func streetStem(_ i: Int) -> String {
        let i = i % streetStemCount
        return heads[i % heads.count] + middles[(i / heads.count) % middles.count]
            + streetTails[i / (heads.count * middles.count)]
    }

    /// The street shapes, as `i % 10`.
    enum Shape: Int, CaseIterable {
        case strasse0, strasse1, strasse2, platz, adjectiveStrasse, adjectiveChaussee, named, plainPrefix, plainSuffix,
            leading
    }

    static func street(_ i: Int) -> Street {
        let i = i % streetCount
        let stem = streetStem(i / 10)
        switch Shape(rawValue: i % 10)! {
        case .strasse0, .strasse1, .strasse2: return .compound(stem: stem, type: .strasse)
        case .platz: return .compound(stem: stem, type: .platz)
        case .adjectiveStrasse: return .adjective(adjective(stem), type: .strasse)
        case .adjectiveChaussee: return .adjective(adjective(stem), type: .chaussee)
        case .named:
            let first = FirstNames.female[(i / 10) % FirstNames.female.count]
            return .named(words: [first, surname(i / 10 * 7)], type: .strasse)
        case .plainPrefix: return .plain(["Am ", "Im ", "An der ", "Auf dem ", "Zum "][(i / 10) % 5] + stem)
        case .plainSuffix: return .plain(stem + ["weg", "ring", "allee", "damm", "pfad", "steig"][(i / 10) % 6])
        case .leading: return .leading(type: (i / 10) % 3 == 0 ? .platz : .strasse, rest: ["der ", "des ", "am "][(i / 10) % 3] + stem)
        }
    }

    /// `Kralfeld` → `Kralfelder`, `Lauau` → `Lauauer`.
    private static func adjective(_ stem: String) -> String {
        stem.hasSuffix("e") ? stem + "r" : stem + "er"
    }

    /// A street index of one of `shapes`, drawn at random.
    static func streetIndex(_ shapes: [Shape], _ random: inout SplitMix64) -> Int {
        random.below(streetStemCount) * 10 + random.pick(shapes).rawValue
    }
}
