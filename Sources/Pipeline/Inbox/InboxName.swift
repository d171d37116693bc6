import Formats

/// The name of a file in the inbox: its bytes as uploaded, and the text the
/// product shows, stores and derives output names from. A name that is not
/// UTF-8 is read as Windows-1252 (what German Windows software writes);
/// bytes that are neither are shown as `\xNN`.
struct InboxName: Sendable, Equatable {
    enum Encoding: String, Sendable { case utf8, windows1252, undecodable }

    let bytes: [UInt8]
    /// The decoded name; may hold control characters (see ``display``).
    let text: String
    let encoding: Encoding

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if let utf8 = TextDecoding.decode(bytes, as: .utf8) {
            (text, encoding) = (utf8, .utf8)
        } else if let windows = TextDecoding.decode(bytes, as: .windows1252) {
            (text, encoding) = (windows, .windows1252)
        } else {
            (text, encoding) = (TerminalText.escaped(bytes: bytes), .undecodable)
        }
    }

    /// Safe to print and to use in a derived file name: control characters escaped.
    var display: String { TerminalText.escaped(text) }

    /// Line feeds, escape sequences, bidi overrides: refused at claim, since
    /// such a name can forge lines in e-mails, logs and listings.
    var hasControlCharacters: Bool { TerminalText.needsEscaping(text) }

    /// For the audit log and the note: how the name was read when it was not plain UTF-8.
    var encodingNote: String? {
        switch encoding {
        case .utf8: nil
        case .windows1252: "the name is not UTF-8 and was read as Windows-1252 (bytes: \(TerminalText.escaped(bytes: bytes)))"
        case .undecodable: "the name is neither UTF-8 nor Windows-1252; undecodable bytes are shown as \\xNN"
        }
    }
}
