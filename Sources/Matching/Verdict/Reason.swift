/// Why a row could not be (fully) checked. The `grund` string is written into
/// the customer's file, so it is German, short and stable.
public enum Reason: UInt8, CaseIterable, Sendable, Codable, Error {
    case fieldCount = 1
    case encoding
    case addressIncomplete
    case nameInvalid
    case postcodeInvalid
    case houseNumberInvalid
    case streetInvalid
    case phoneInvalid
    case emailInvalid
    case noCheckableData
    case firstNameMissing

    public var grund: String {
        switch self {
        case .fieldCount: "feldanzahl"
        case .encoding: "zeichensatz"
        case .addressIncomplete: "adresse-unvollstaendig"
        case .nameInvalid: "name-ungueltig"
        case .postcodeInvalid: "plz-ungueltig"
        case .houseNumberInvalid: "hausnummer-ungueltig"
        case .streetInvalid: "strasse-ungueltig"
        case .phoneInvalid: "telefon-ungueltig"
        case .emailInvalid: "email-ungueltig"
        case .noCheckableData: "keine-pruefbaren-daten"
        case .firstNameMissing: "vorname-fehlt"
        }
    }

    /// Plain German for the job summary.
    public var explanation: String {
        switch self {
        case .fieldCount: "Zeile hat eine andere Spaltenzahl als die Kopfzeile"
        case .encoding: "Zeile enthält Zeichen, die nicht lesbar sind"
        case .addressIncomplete: "Name oder Anschrift unvollständig"
        case .nameInvalid: "Name nicht verwertbar"
        case .postcodeInvalid: "Postleitzahl ungültig"
        case .houseNumberInvalid: "Hausnummer ungültig"
        case .streetInvalid: "Straße nicht verwertbar"
        case .phoneInvalid: "Telefonnummer ungültig"
        case .emailInvalid: "E-Mail-Adresse ungültig"
        case .noCheckableData: "keine prüfbaren Daten für die gebuchten Listen"
        case .firstNameMissing: "Haushalt gelistet, Vorname fehlt"
        }
    }
}
