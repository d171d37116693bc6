import Foundation

/// A business letter on A4 laid out after DIN 5008 form B, as plain values:
/// the renderer knows nothing about invoices, only about the parts of a letter.
///
/// Text may contain `\n` for a forced line break; everything else wraps at
/// word boundaries.
public struct Letter: Sendable, Equatable {
    /// Sender name (bold) and lines (address, phone …), top right of the first page.
    public var letterhead: Letterhead
    /// The small sender line above the address window (`Firma · Straße · PLZ Ort`).
    public var returnAddress: String
    /// Lines in the address window, at most about six fit.
    public var recipient: [String]
    /// Label/value pairs right of the address window (number, date, customer number …).
    public var info: [LabeledValue]
    /// The subject line, bold.
    public var title: String
    /// Paragraphs between the title and the table.
    public var paragraphs: [String]
    /// The item table; `nil` for a letter without one.
    public var table: ItemTable?
    /// Paragraphs between the table and the totals (remarks on the items).
    public var notes: [String]
    /// Label/value pairs under the table, right-aligned, with a rule above; the last is bold.
    public var totals: [LabeledValue]
    /// Paragraphs after the totals.
    public var closing: [String]
    /// Small columns at the bottom of every page, spread over the text width;
    /// each inner array is one column's lines (not wrapped: keep them short).
    public var footer: [[String]]
    /// The PDF's document information.
    public var metadata: LetterMetadata

    public init(letterhead: Letterhead, returnAddress: String, recipient: [String], info: [LabeledValue] = [],
                title: String, paragraphs: [String] = [], table: ItemTable? = nil, notes: [String] = [], totals: [LabeledValue] = [],
                closing: [String] = [], footer: [[String]] = [], metadata: LetterMetadata) {
        self.letterhead = letterhead
        self.returnAddress = returnAddress
        self.recipient = recipient
        self.info = info
        self.title = title
        self.paragraphs = paragraphs
        self.table = table
        self.notes = notes
        self.totals = totals
        self.closing = closing
        self.footer = footer
        self.metadata = metadata
    }
}

/// The sender as printed top right.
public struct Letterhead: Sendable, Equatable {
    /// The sender's name, bold.
    public var name: String
    /// Address, phone, e-mail …, one per line, small.
    public var lines: [String]

    public init(name: String, lines: [String]) {
        self.name = name
        self.lines = lines
    }
}

/// One row of the info block or of the totals.
public struct LabeledValue: Sendable, Equatable {
    /// Left, e.g. `Rechnungsnummer`.
    public var label: String
    /// Right-aligned, e.g. `2026-000042`.
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// What PDF viewers show as document properties.
public struct LetterMetadata: Sendable, Equatable {
    /// Shown by viewers in place of the file name.
    public var title: String
    /// Who wrote the letter: the sender.
    public var author: String
    public var subject: String
    /// The program that made it.
    public var creator: String
    /// Passed in, never "now", so the same letter gives the same bytes.
    public var creationDate: Date

    public init(title: String, author: String, subject: String = "", creator: String = "", creationDate: Date) {
        self.title = title
        self.author = author
        self.subject = subject
        self.creator = creator
        self.creationDate = creationDate
    }
}
