/// The column names of line 2 of a Buchungsstapel, format version 13
/// (developer.datev.de, dtvf "Buchungsstapel"): 125 columns in this order.
/// DATEV maps by position, so every booking line has all of them.
enum BuchungsstapelColumns {
    /// "Generalumkehr (GU)": `"1"` marks a line as the reversal of an earlier one.
    static let generalReversal = names.firstIndex(of: "Generalumkehr (GU)")!
    /// The customer's EU VAT id, country prefix included (ZM).
    static let euVatId = names.firstIndex(of: "EU-Land u. UStID (Bestimmung)")!
    static let names: [String] = {
        var names = [
            "Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Kurs", "Basis-Umsatz", "WKZ Basis-Umsatz",
            "Konto", "Gegenkonto (ohne BU-Schlüssel)", "BU-Schlüssel", "Belegdatum", "Belegfeld 1", "Belegfeld 2", "Skonto",
            "Buchungstext", "Postensperre", "Diverse Adressnummer", "Geschäftspartnerbank", "Sachverhalt", "Zinssperre", "Beleglink",
        ]
        for index in 1...8 { names += ["Beleginfo - Art \(index)", "Beleginfo - Inhalt \(index)"] }
        names += [
            "KOST1 - Kostenstelle", "KOST2 - Kostenstelle", "Kost-Menge", "EU-Land u. UStID (Bestimmung)", "EU-Steuersatz (Bestimmung)",
            "Abw. Versteuerungsart", "Sachverhalt L+L", "Funktionsergänzung L+L", "BU 49 Hauptfunktionstyp",
            "BU 49 Hauptfunktionsnummer", "BU 49 Funktionsergänzung",
        ]
        for index in 1...20 { names += ["Zusatzinformation - Art \(index)", "Zusatzinformation- Inhalt \(index)"] }
        names += [
            "Stück", "Gewicht", "Zahlweise", "Forderungsart", "Veranlagungsjahr", "Zugeordnete Fälligkeit", "Skontotyp",
            "Auftragsnummer", "Buchungstyp", "USt-Schlüssel (Anzahlungen)", "EU-Land (Anzahlungen)", "Sachverhalt L+L (Anzahlungen)",
            "EU-Steuersatz (Anzahlungen)", "Erlöskonto (Anzahlungen)", "Herkunft-Kz", "Buchungs GUID", "KOST-Datum",
            "SEPA-Mandatsreferenz", "Skontosperre", "Gesellschaftername", "Beteiligtennummer", "Identifikationsnummer",
            "Zeichnernummer", "Postensperre bis", "Bezeichnung SoBil-Sachverhalt", "Kennzeichen SoBil-Buchung", "Festschreibung",
            "Leistungsdatum", "Datum Zuord. Steuerperiode", "Fälligkeit", "Generalumkehr (GU)", "Steuersatz", "Land",
            "Abrechnungsreferenz", "BVV-Position", "EU-Land u. UStID (Ursprung)", "EU-Steuersatz (Ursprung)", "Abw. Skontokonto",
        ]
        return names
    }()
}
