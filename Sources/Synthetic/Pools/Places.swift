/// A postcode and its town, as the delivery writes them.
public struct Place: Sendable, Hashable {
    /// Five digits, `01067` with its leading zero.
    public var postcode: String
    public var city: String
}

/// Real-looking postcodes with their towns, among them the eastern ones with a
/// leading zero that spreadsheets drop.
enum Places {
    static let all: [Place] = [
        ("01067", "Dresden"), ("01099", "Dresden"), ("01307", "Dresden"), ("02625", "Bautzen"), ("02826", "Görlitz"),
        ("03046", "Cottbus"), ("04109", "Leipzig"), ("04275", "Leipzig"), ("06108", "Halle (Saale)"),
        ("06844", "Dessau-Roßlau"), ("07743", "Jena"), ("08056", "Zwickau"), ("09111", "Chemnitz"), ("09599", "Freiberg"),
        ("10115", "Berlin"), ("10178", "Berlin"), ("10243", "Berlin"), ("10437", "Berlin"), ("10623", "Berlin"),
        ("10999", "Berlin"), ("12043", "Berlin"), ("12555", "Berlin"), ("13347", "Berlin"), ("14467", "Potsdam"),
        ("15230", "Frankfurt (Oder)"), ("17489", "Greifswald"), ("18055", "Rostock"), ("19053", "Schwerin"),
        ("20095", "Hamburg"), ("20357", "Hamburg"), ("22765", "Hamburg"), ("23552", "Lübeck"), ("24103", "Kiel"),
        ("24937", "Flensburg"), ("26122", "Oldenburg"), ("28195", "Bremen"), ("30159", "Hannover"),
        ("31134", "Hildesheim"), ("33602", "Bielefeld"), ("34117", "Kassel"), ("35037", "Marburg"),
        ("37073", "Göttingen"), ("38100", "Braunschweig"), ("39104", "Magdeburg"), ("40213", "Düsseldorf"),
        ("41061", "Mönchengladbach"), ("42103", "Wuppertal"), ("44135", "Dortmund"), ("45127", "Essen"),
        ("46045", "Oberhausen"), ("47051", "Duisburg"), ("48143", "Münster"), ("49074", "Osnabrück"),
        ("50667", "Köln"), ("51147", "Köln"), ("52062", "Aachen"), ("53111", "Bonn"), ("54290", "Trier"),
        ("55116", "Mainz"), ("56068", "Koblenz"), ("57072", "Siegen"), ("59065", "Hamm"),
        ("60311", "Frankfurt am Main"), ("60594", "Frankfurt am Main"), ("63065", "Offenbach am Main"),
        ("64283", "Darmstadt"), ("65183", "Wiesbaden"), ("66111", "Saarbrücken"), ("67059", "Ludwigshafen am Rhein"),
        ("68159", "Mannheim"), ("69117", "Heidelberg"), ("70173", "Stuttgart"), ("71634", "Ludwigsburg"),
        ("72070", "Tübingen"), ("73728", "Esslingen am Neckar"), ("74072", "Heilbronn"), ("75175", "Pforzheim"),
        ("76133", "Karlsruhe"), ("77652", "Offenburg"), ("78462", "Konstanz"), ("79098", "Freiburg im Breisgau"),
        ("80331", "München"), ("80802", "München"), ("81667", "München"), ("82319", "Starnberg"),
        ("83022", "Rosenheim"), ("84028", "Landshut"), ("85049", "Ingolstadt"), ("86150", "Augsburg"),
        ("87435", "Kempten (Allgäu)"), ("88212", "Ravensburg"), ("89073", "Ulm"), ("90402", "Nürnberg"),
        ("91052", "Erlangen"), ("92637", "Weiden in der Oberpfalz"), ("93047", "Regensburg"), ("94032", "Passau"),
        ("95444", "Bayreuth"), ("96047", "Bamberg"), ("97070", "Würzburg"), ("98527", "Suhl"), ("99084", "Erfurt"),
        ("99423", "Weimar"),
    ].map { Place(postcode: $0.0, city: $0.1) }

    static let leadingZero: [Place] = all.filter { $0.postcode.hasPrefix("0") }
}
