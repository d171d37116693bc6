/// Given names as German address files hold them: common ones, double names,
/// names with umlauts, a few with other diacritics.
enum FirstNames {
    static let female: [String] = [
        "Anna", "Maria", "Ursula", "Monika", "Petra", "Sabine", "Renate", "Helga", "Karin", "Brigitte", "Ingrid",
        "Erika", "Andrea", "Gisela", "Susanne", "Christa", "Claudia", "Birgit", "Heike", "Gabriele", "Stefanie",
        "Julia", "Katharina", "Christina", "Nicole", "Martina", "Elisabeth", "Barbara", "Angelika", "Sandra",
        "Melanie", "Jutta", "Doris", "Anja", "Silke", "Tanja", "Daniela", "Kerstin", "Manuela", "Bettina", "Lena",
        "Laura", "Lea", "Hannah", "Sophie", "Emma", "Mia", "Lina", "Leonie", "Johanna", "Charlotte", "Clara",
        "Greta", "Ida", "Frieda", "Paula", "Marlene", "Luise", "Jana", "Franziska", "Hildegard", "Gertrud", "Ilse",
        "Irmgard", "Waltraud", "Margarete", "Sieglinde", "Dörte", "Jördis", "Bärbel", "Anke", "Ute", "Almut",
        "Marion", "Simone", "Carina", "Cornelia", "Nadine", "Yvonne", "Anneliese", "Anna-Lena", "Marie-Luise",
        "Käthe", "Lotte", "Mathilde", "Henriette", "Wiebke", "Maren", "Frauke", "Gesine", "Ricarda", "Veronika",
    ]

    static let male: [String] = [
        "Hans", "Peter", "Klaus", "Wolfgang", "Jürgen", "Michael", "Thomas", "Andreas", "Stefan", "Werner",
        "Manfred", "Günter", "Horst", "Dieter", "Uwe", "Frank", "Bernd", "Karl", "Helmut", "Heinz", "Gerhard",
        "Rainer", "Joachim", "Walter", "Ralf", "Markus", "Christian", "Martin", "Jörg", "Matthias", "Sven",
        "Torsten", "Holger", "Dirk", "Alexander", "Tobias", "Daniel", "Sebastian", "Florian", "Jan", "Lukas",
        "Leon", "Paul", "Felix", "Jonas", "Maximilian", "Finn", "Noah", "Elias", "Ben", "Emil", "Anton", "Theo",
        "Moritz", "Henrik", "Philipp", "Konrad", "Friedrich", "Wilhelm", "Otto", "Rüdiger", "Björn", "Sören",
        "Jens", "Lars", "Kai", "Till", "Hans-Peter", "Karl-Heinz", "Hans-Jürgen", "Klaus-Dieter", "Franz",
        "Josef", "Georg", "Ludwig", "Gustav", "Hubert", "Norbert", "Volker", "Detlef", "Olaf", "Lutz", "Jörn",
        "Hauke", "Ole", "Malte", "Bernhard", "Reinhold", "Ulrich", "Gottfried", "Eckhard",
    ]

    /// Names with diacritics other than German umlauts; input files often lose them.
    static let femaleAccented: [String] = [
        "Renée", "Zoë", "Chloé", "Inês", "Agnès", "Hélène", "Małgorzata", "Anaïs", "Léa", "Bożena", "Žaneta",
    ]
    static let maleAccented: [String] = [
        "José", "André", "René", "Noël", "Łukasz", "Joël", "François", "Ángel", "Tomáš", "Jiří", "Zoltán",
        "Raphaël", "Jérôme", "Søren", "Dušan",
    ]

    static func pool(_ gender: Gender) -> [String] { gender == .female ? female : male }
    static func accentedPool(_ gender: Gender) -> [String] { gender == .female ? femaleAccented : maleAccented }

    /// Spellings of one given name that sound alike (Kölner Phonetik), per gender.
    static let phoneticGroups: [(Gender, [String])] = [
        (.male, ["Karl", "Carl"]), (.male, ["Stefan", "Stephan"]), (.male, ["Klaus", "Claus"]),
        (.male, ["Konrad", "Conrad"]), (.male, ["Ralf", "Ralph"]), (.male, ["Matthias", "Mathias"]),
        (.male, ["Philipp", "Philip"]), (.male, ["Josef", "Joseph"]), (.male, ["Clemens", "Klemens"]),
        (.male, ["Christoph", "Kristoph"]), (.male, ["Carsten", "Karsten"]), (.male, ["Marcus", "Markus"]),
        (.female, ["Claudia", "Klaudia"]), (.female, ["Christina", "Kristina"]),
        (.female, ["Katharina", "Catharina", "Katarina"]), (.female, ["Sophie", "Sofie"]),
        (.female, ["Carina", "Karina"]), (.female, ["Cornelia", "Kornelia"]), (.female, ["Nicole", "Nikole"]),
        (.female, ["Elisabeth", "Elisabet"]),
    ]
}

/// Decides salutation (`Herr`/`Frau`) and the other given names of a household.
public enum Gender: Sendable, Hashable {
    case female, male

    var other: Gender { self == .female ? .male : .female }
}
