import Documents

/// The item table and the totals of an invoice letter: per line position,
/// description, quantity with unit, unit price, VAT rate and net; per VAT
/// rate the net and the VAT (§14 (4) Nr. 5, 7, 8 UStG).
enum InvoiceItems {
    static func table(_ document: InvoiceDocument, sign: Int64) -> ItemTable {
        ItemTable(
            columns: [
                .init("Pos.", width: 10),
                .init("Beschreibung", width: 62),
                .init("Menge", width: 33, alignment: .right),
                .init("Einzelpreis", width: 26, alignment: .right),
                .init("USt", width: 12, alignment: .right),
                .init("Betrag", width: 22, alignment: .right),
            ],
            rows: document.lines.map { line in
                ItemTable.Row(
                    ["\(line.position)", line.description, GermanWording.quantity(line.quantity, unitLabel: line.unitLabel),
                     unitPrice(line), vatColumn(line), (line.net * sign).germanFormatted],
                    detail: detail(line)
                )
            },
            detailColumn: 1
        )
    }

    static func totals(_ document: InvoiceDocument, sign: Int64) -> [LabeledValue] {
        let vat = document.vat
        var totals = [LabeledValue("Summe netto", (vat.net * sign).germanFormatted)]
        for group in vat.groups {
            let net = (group.net * sign).germanFormatted
            switch group.category {
            case .standard: totals.append(LabeledValue("Umsatzsteuer \(group.rate.germanFormatted) auf \(net)", (group.vat * sign).germanFormatted))
            case .exempt: totals.append(LabeledValue("Keine Umsatzsteuer (Schadensersatz) auf \(net)", (group.vat * sign).germanFormatted))
            // No German VAT at all: no VAT line; the note above the totals says why.
            case .reverseCharge, .notSubject: break
            }
        }
        totals.append(LabeledValue(sign < 0 ? "Gutschriftsbetrag" : "Rechnungsbetrag", (vat.gross * sign).germanFormatted))
        return totals
    }

    /// The rate, or a dash where no German VAT applies (reverse charge, not subject to VAT).
    static func vatColumn(_ line: InvoiceLine) -> String {
        switch line.vatCategory {
        case .standard, .exempt: line.vatRate.germanFormatted
        case .reverseCharge, .notSubject: "–"
        }
    }

    /// `49,00 €`, or `4,50 € / 1.000` for a price per 1,000 units.
    static func unitPrice(_ line: InvoiceLine) -> String {
        line.basisQuantity == 1
            ? line.unitPrice.germanFormatted
            : "\(line.unitPrice.germanFormatted) / \(GermanNumber.grouped(line.basisQuantity))"
    }

    /// The line's explanation and, where it has its own, its service period.
    private static func detail(_ line: InvoiceLine) -> String? {
        let parts = [line.detail, line.period.map { "Leistungszeitraum \($0.germanText)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
