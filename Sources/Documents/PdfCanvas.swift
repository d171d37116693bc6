import CCairo
import Foundation

/// One cairo PDF surface and context writing into memory. Created per
/// rendering call, so concurrent calls share nothing but the font faces.
final class PdfCanvas {
    private let sink = ByteSink()
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let fonts: LetterFonts
    private var currentStyle: TextStyle?

    init(fonts: LetterFonts, metadata: LetterMetadata) throws(LetterError) {
        self.fonts = fonts
        surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                      PageGeometry.width, PageGeometry.height)
        context = cairo_create(surface)
        try check(cairo_surface_status(surface))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        // Without an explicit date cairo writes the current time and no two runs are equal.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, PdfDate.string(metadata.creationDate))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, PdfDate.string(metadata.creationDate))
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Advance width of `text` in points.
    func width(of text: String, style: TextStyle) -> Double {
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    func draw(_ marks: [Mark]) {
        for mark in marks {
            switch mark {
            case .text(let text, let x, let y, let style):
                select(style)
                cairo_set_source_rgb(context, style.gray, style.gray, style.gray)
                cairo_move_to(context, x, y)
                cairo_show_text(context, text)
            case .rule(let from, let to, let y, let width):
                cairo_set_source_rgb(context, 0, 0, 0)
                cairo_set_line_width(context, width)
                cairo_move_to(context, from, y)
                cairo_line_to(context, to, y)
                cairo_stroke(context)
            }
        }
    }

    func endPage() {
        cairo_show_page(context)
    }

    /// Finishes the document and hands back the file's bytes.
    func finish() throws(LetterError) -> [UInt8] {
        try check(cairo_status(context))
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface))
        return sink.bytes
    }

    private func select(_ style: TextStyle) {
        guard style != currentStyle else { return }
        if style.bold != currentStyle?.bold {
            cairo_set_font_face(context, style.bold ? fonts.bold : fonts.regular)
        }
        if style.size != currentStyle?.size {
            cairo_set_font_size(context, style.size)
        }
        currentStyle = style
    }

    private func check(_ status: cairo_status_t) throws(LetterError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
    }
}

/// Collects what cairo writes; the closure pointer cairo passes back is this object.
private final class ByteSink {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(48 * 1024)
    }

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
