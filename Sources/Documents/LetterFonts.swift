import CCairo
import Foundation

/// The regular and bold faces a letter is set in, loaded from TTF files
/// through FreeType so that exactly these fonts are embedded (no fontconfig
/// substitution). Load once and share: cairo font faces are reference-counted
/// and cairo locks the FreeType face while it uses it, so one instance serves
/// every thread. An instance is meant to live as long as the process; its
/// faces are never freed.
public final class LetterFonts: @unchecked Sendable {
    /// Where Debian's fonts-dejavu-core puts the files.
    public static let dejaVuDirectory = "/usr/share/fonts/truetype/dejavu"

    let regular: OpaquePointer
    let bold: OpaquePointer

    /// Loads `regular` and `bold` (paths to TTF/OTF files).
    public init(regular: String, bold: String) throws(LetterError) {
        // A library per instance: FT_New_Face must not run concurrently on one library.
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        guard error == 0, let library else { throw .cairo("FreeType could not start (error \(error))") }
        self.regular = try Self.face(path: regular, library: library)
        self.bold = try Self.face(path: bold, library: library)
    }

    /// DejaVu Sans and DejaVu Sans Bold, loaded on first use and kept for the process.
    public static func dejaVuSans() throws(LetterError) -> LetterFonts {
        try shared.get()
    }

    private static let shared = Result { () throws(LetterError) -> LetterFonts in
        try LetterFonts(regular: dejaVuDirectory + "/DejaVuSans.ttf", bold: dejaVuDirectory + "/DejaVuSans-Bold.ttf")
    }

    private static func face(path: String, library: FT_Library) throws(LetterError) -> OpaquePointer {
        guard FileManager.default.fileExists(atPath: path) else { throw .fontMissing(path: path) }
        var face: FT_Face?
        let error = FT_New_Face(library, path, 0, &face)
        guard error == 0, let face else { throw .fontUnreadable(path: path, freeTypeError: error) }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0),
              cairo_font_face_status(cairoFace) == CAIRO_STATUS_SUCCESS else {
            throw .cairo("cairo could not use the font \(path)")
        }
        return cairoFace
    }
}
