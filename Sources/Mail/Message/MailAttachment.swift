import Foundation

/// A file sent with a message: an invoice PDF, its XRechnung XML, a list.
public struct MailAttachment: Sendable, Equatable {
    public var fileName: String
    /// `application/pdf`, `application/xml`, `text/csv; charset=utf-8`.
    public var mediaType: String
    public var content: [UInt8]

    public init(fileName: String, mediaType: String, content: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
    }

    /// The part's header lines: the name as a quoted parameter when it is
    /// short printable ASCII, else RFC 2231 (`filename*0*=UTF-8''…`, in
    /// pieces that keep the lines short), plus an encoded `name=` for old readers.
    var headerLines: [String] {
        let simple = fileName.unicodeScalars.allSatisfy { HeaderText.isPrintableASCII($0) && $0 != "\"" && $0 != "\\" }
            && fileName.utf8.count <= 50
        let mediaType = mediaType.unicodeScalars.allSatisfy(HeaderText.isPrintableASCII) ? self.mediaType : "application/octet-stream"
        if simple {
            return [
                "Content-Type: \(mediaType);",
                " name=\"\(fileName)\"",
                "Content-Disposition: attachment;",
                " filename=\"\(fileName)\"",
                "Content-Transfer-Encoding: base64",
            ]
        }
        var lines = ["Content-Type: \(mediaType);"]
        // Encoded words inside the quotes, one per folded line (most readers decode them; RFC 2231 below is the standard).
        let words = HeaderText.encodedWords(fileName, firstBudget: HeaderText.lineLimit - 8)
        for (index, word) in words.enumerated() {
            lines.append((index == 0 ? " name=\"" : " ") + word + (index == words.count - 1 ? "\"" : ""))
        }
        lines.append("Content-Disposition: attachment;")
        let pieces = Self.rfc2231Pieces(fileName)
        for (index, piece) in pieces.enumerated() {
            lines.append(" filename*\(index)*=\(index == 0 ? "UTF-8''" : "")\(piece)\(index == pieces.count - 1 ? "" : ";")")
        }
        lines.append("Content-Transfer-Encoding: base64")
        return lines
    }

    /// The name percent-encoded (RFC 2231 §4), cut into pieces of at most
    /// 50 characters, so each `filename*N*=` line stays within 78.
    static func rfc2231Pieces(_ name: String) -> [String] {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var pieces: [String] = []
        var current = ""
        for character in name {
            let encoded = String(character).utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
            if current.count + encoded.count > 50 {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        pieces.append(current)
        return pieces
    }
}
