import Testing
@testable import Matching

/// A name as an address file holds it: in one column, or in first and last name columns.
enum NameInput: Sendable, CustomTestStringConvertible {
    case full(String)
    case columns(String?, String?)

    var normalized: Result<PersonName, InvalidValue> {
        switch self {
        case .full(let full):
            let split = PersonNameNormalizer.split(full: full)
            return PersonNameNormalizer.normalize(first: split.first, last: split.last)
        case .columns(let first, let last):
            return PersonNameNormalizer.normalize(first: first, last: last)
        }
    }

    var testDescription: String {
        switch self {
        case .full(let full): "\"\(full)\""
        case .columns(let first, let last): "first: \(first.map { "\"\($0)\"" } ?? "nil"), last: \(last.map { "\"\($0)\"" } ?? "nil")"
        }
    }
}

@Suite struct PersonNameNormalizerTests {
    /// Ways of writing one person; every member must give the group's name.
    static let groups: [(first: String, last: String, inputs: [NameInput])] = [
        ("hans", "mueller", [
            .full("Hans Müller"), .full("Dr. Hans Müller"), .full("Müller, Hans"), .full("Herr Hans Müller"),
            .full("Hans von Müller"), .full("von Müller, Hans"), .full("Müller, Hans von"), .full("Dr.Hans Müller"),
            .full("Müller, Dr. Hans"), .full("Hans Müller, MBA"), .full("Hrn. Hans Mueller"), .full("Hans v. Müller"),
            .full("Müller, Hans v."),
            .columns("Hans", "Müller"), .columns("Hans", "von Müller"), .columns("Hans von", "Müller"),
            .columns("Dr. Hans", "Mueller"), .columns("HANS", "MÜLLER"), .columns("Herr Hans", "Müller"),
            .columns(" Hans ", "Müller\u{A0}"),
        ]),
        ("hanspeter", "muellerluedenscheidt", [
            .full("Hans-Peter von der Müller-Lüdenscheidt"), .full("Hans Peter Müller-Lüdenscheidt"),
            .full("Müller-Lüdenscheidt, Hans-Peter von der"), .columns("Hans-Peter", "von der Müller-Lüdenscheidt"),
            .columns("Hans Peter", "Müller-Lüdenscheidt"), .columns("Hans-Peter", "Müller Lüdenscheidt"),
            // A detached hyphen still joins the double name (found by `robinson eval`, double-name).
            .full("Hans-Peter Müller - Lüdenscheidt"), .full("Hans-Peter Müller- Lüdenscheidt"),
            .full("Hans-Peter Müller -Lüdenscheidt"), .full("Müller - Lüdenscheidt, Hans-Peter"),
            .columns("Hans-Peter", "Müller – Lüdenscheidt"),
        ]),
        ("karl", "schmidt", [
            .full("Herr Prof. Dr. med. Karl Schmidt"), .full("Prof.Dr.Karl Schmidt"), .full("Dr. rer. nat. Karl Schmidt"),
            .full("Dr.-Ing. Karl Schmidt"), .full("Dr. Ing. Karl Schmidt"), .full("Dipl.-Ing. (FH) Karl Schmidt"),
            .full("Dipl.-Kfm. Karl Schmidt"), .full("Diplom-Kaufmann Karl Schmidt"), .full("Karl Schmidt, M.A."),
            .full("Karl Schmidt B.Sc."), .full("Herr Dr. med. dent. Karl Schmidt jun."), .full("Mag. Karl Schmidt"),
            .full("Prof. Dr. Dr. h.c. mult. Karl Schmidt"), .full("Dr. phil. Karl Schmidt"), .full("Dr.med. Karl Schmidt"),
            .columns("Prof. Dr. Karl", "Schmidt"), .columns("Karl", "Dr. Schmidt"),
            // A name glued to a `Dipl.` title (found by `robinson eval`, title); `Dipl.Kfm.` is one title.
            .full("Dipl.-Ing.Karl Schmidt"), .full("Schmidt, Dipl.-Ing.Karl"), .columns("Dipl.-Kfm.Karl", "Schmidt"),
            .columns("Karl", "Dipl.-Ing.Schmidt"), .full("Dipl.Kfm. Karl Schmidt"), .full("Dr.-Ing.Karl Schmidt"),
        ]),
        ("anna", "schulz", [
            .full("Frau Anna Schulz"), .full("Fr. Anna Schulz"), .full("Frau Dr. Anna Schulz geb. Meyer"),
            .full("Dipl.-Kffr. Anna Schulz"), .full("Schulz geb. Meyer, Anna"), .columns("Anna", "Schulz geb. Meyer"),
            .columns("Anna", "Schulz (geb. Meyer)"),
        ]),
        ("", "schneider", [
            .full("Familie Schneider"), .full("Fam. Schneider"), .full("Herr und Frau Schneider"),
            .full("Eheleute Schneider"), .full("Schneider"), .columns(nil, "Schneider"), .columns("Herr", "Schneider"),
            .columns("", "Schneider"),
        ]),
        ("hansmaria", "weber", [
            .full("Hans und Maria Weber"), .full("Hans u. Maria Weber"), .full("Hans & Maria Weber"),
            .columns("Hans + Maria", "Weber"),
        ]),
        ("ludwig", "beethoven", [.full("Ludwig van Beethoven"), .full("Beethoven, Ludwig van"), .columns("Ludwig", "van Beethoven")]),
        ("maria", "cruz", [.full("Maria de la Cruz"), .columns("Maria", "De La Cruz")]),
        ("ursula", "leyen", [
            .full("Frau Prof. Dr. Ursula von der Leyen"), .columns("Ursula", "von der Leyen"), .full("Ursula v.d. Leyen"),
            // `v. d.` with a blank is one particle (found by `robinson eval`, particle-after-first).
            .full("Ursula v. d. Leyen"), .full("Leyen, Ursula v. d."), .columns("Ursula v. d.", "Leyen"),
            .columns("Ursula", "v. d. Leyen"),
            // A title glued to a particle or to a name not in title case (found by `robinson eval`, title).
            .columns("Ursula", "Prof.von der Leyen"), .full("DR.URSULA VON DER LEYEN"), .full("dr.ursula von der leyen"),
        ]),
        ("thi", "le", [.full("Thi Le"), .columns("Thi", "Le")]),  // a surname that is a particle stays
        ("anh", "le", [.full("Anh Van Le"), .columns("Anh Van", "Le")]),
        ("phil", "collins", [.full("Dr. Phil Collins")]),  // "phil" is a title subject only with its dot
        ("maria", "ma", [.full("Maria Ma, M.A."), .columns("Maria", "Ma")]),  // the surname Ma is no title
        ("ma", "mueller", [.full("M. A. Müller")]),  // initials are no title
        ("sean", "obrien", [.full("Seán O'Brien"), .columns("Sean", "O’Brien")]),
        ("juergen", "gross", [.full("Jürgen Groß"), .full("Juergen Gross"), .full("JÜRGEN GROSS")]),
        ("francois", "lefevre", [.full("François Lefèvre")]),
        ("", "diplock", [.full("Diplock")]),  // no "Dipl." title
    ]

    static let members: [(NameInput, String, String)] = groups.flatMap { group in
        group.inputs.map { ($0, group.first, group.last) }
    }

    @Test(arguments: members)
    func normalizes(input: NameInput, first: String, last: String) {
        #expect(input.normalized == .success(PersonName(first: first, last: last)))
    }

    @Test func groupsAreDistinct() {
        let names = Self.groups.map { "\($0.first)|\($0.last)" }
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: [
        (NameInput.columns(nil, nil), "empty"),
        (.columns("  ", ""), "empty"),
        (.full(""), "empty"),
        (.columns("Hans", nil), "no surname"),
        (.columns("Hans", "Dr."), "no surname"),
        (.columns("Hans", "-"), "no surname"),
        (.columns(nil, "Herr Dr."), "no surname"),
        (.full("Herr Dr."), "empty"),  // split leaves nothing of it
        (.columns("Hans", "Müller 2"), "digits in name"),
        (.columns("H4ns", "Müller"), "digits in name"),
        (.full("Müller, Hans 3"), "digits in name"),
    ])
    func rejects(input: NameInput, reason: String) {
        #expect(input.normalized == .failure(InvalidValue(reason)))
    }

    @Test(arguments: [
        ("Dr. Hans Müller", "Hans", "Müller"),
        ("Müller, Hans", "Hans", "Müller"),
        ("Hans-Peter von der Müller-Lüdenscheidt", "Hans-Peter", "von der Müller-Lüdenscheidt"),
        ("Herr Prof. Dr. med. Karl Schmidt", "Karl", "Schmidt"),
        ("Hans Peter Müller", "Hans Peter", "Müller"),
        ("Müller, Hans von", "Hans von", "Müller"),
        ("Anh Van Le", "Anh Van", "Le"),
        ("Herr und Frau Müller", "", "Müller"),
        ("Hans u. Maria Müller", "Hans u. Maria", "Müller"),
        ("Hans Müller - Lüdenscheidt", "Hans", "Müller-Lüdenscheidt"),
        ("Ursula v. d. Leyen", "Ursula", "v. d. Leyen"),
        ("Müller", "", "Müller"),
        ("", "", ""),
    ])
    func splits(full: String, first: String, last: String) {
        let split = PersonNameNormalizer.split(full: full)
        #expect(split.first == first)
        #expect(split.last == last)
    }
}
