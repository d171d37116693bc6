/// Why a letter could not be rendered.
public enum LetterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TTF file is not there.
    case fontMissing(path: String)
    /// FreeType could not open the file (corrupt, not a font).
    case fontUnreadable(path: String, freeTypeError: Int32)
    /// cairo reported an error while drawing or writing the PDF.
    case cairo(String)

    public var description: String {
        switch self {
        case .fontMissing(let path):
            "font file \(path) is missing: install the Debian package fonts-dejavu-core"
        case .fontUnreadable(let path, let code):
            "font file \(path) could not be loaded (FreeType error \(code)); reinstall fonts-dejavu-core"
        case .cairo(let message):
            "PDF rendering failed: \(message)"
        }
    }
}
