/// The last line of a foreign address: the country's German name in
/// capitals (DIN 5008), for the countries customers are likely to be in;
/// any other code is printed as it is.
enum CountryNames {
    static let german: [String: String] = [
        "AT": "ÖSTERREICH", "BE": "BELGIEN", "BG": "BULGARIEN", "CH": "SCHWEIZ", "CY": "ZYPERN", "CZ": "TSCHECHIEN",
        "DK": "DÄNEMARK", "EE": "ESTLAND", "ES": "SPANIEN", "FI": "FINNLAND", "FR": "FRANKREICH", "GB": "VEREINIGTES KÖNIGREICH",
        "GR": "GRIECHENLAND", "HR": "KROATIEN", "HU": "UNGARN", "IE": "IRLAND", "IS": "ISLAND", "IT": "ITALIEN",
        "LI": "LIECHTENSTEIN", "LT": "LITAUEN", "LU": "LUXEMBURG", "LV": "LETTLAND", "MC": "MONACO", "MT": "MALTA",
        "NL": "NIEDERLANDE", "NO": "NORWEGEN", "PL": "POLEN", "PT": "PORTUGAL", "RO": "RUMÄNIEN", "SE": "SCHWEDEN",
        "SI": "SLOWENIEN", "SK": "SLOWAKEI", "US": "VEREINIGTE STAATEN",
    ]

    static func addressLine(_ code: String) -> String { german[code.uppercased()] ?? code }
}
