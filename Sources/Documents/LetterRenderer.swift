/// Renders a `Letter` to PDF bytes (A4, fonts embedded). Safe to call from
/// several threads at once: every call has its own cairo surface; only the
/// loaded font faces are shared.
public struct LetterRenderer: Sendable {
    /// The regular and bold face every letter is set in.
    public let fonts: LetterFonts

    public init(fonts: LetterFonts) {
        self.fonts = fonts
    }

    /// A renderer set in DejaVu Sans from fonts-dejavu-core.
    public static func dejaVuSans() throws(LetterError) -> LetterRenderer {
        LetterRenderer(fonts: try LetterFonts.dejaVuSans())
    }

    /// The complete PDF file; the caller decides where (and how atomically) it is written.
    public func pdf(_ letter: Letter) throws(LetterError) -> [UInt8] {
        let canvas = try PdfCanvas(fonts: fonts, metadata: letter.metadata)
        for page in LetterLayout.pages(of: letter, canvas: canvas) {
            canvas.draw(page)
            canvas.endPage()
        }
        return try canvas.finish()
    }
}
