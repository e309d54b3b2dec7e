import CPangoCairo

/// An A4 PDF being drawn in memory: cairo's PDF surface (fonts embedded as subsets) and one
/// pango context at 72 dpi, so that a font size in points is a size in the page's units.
final class PDFCanvas {
    /// 210 × 297 mm in points.
    static let width = 595.2756
    static let height = 841.8898

    struct Metadata {
        var title: String
        /// Nil: no Author entry at all (nobody the state can name).
        var author: String?
        var subject: String?
        /// ISO 8601 (« 2009-12-23T10:00:00+01:00 »): written instead of the moment of the run.
        var date: String
    }

    private final class Sink { var bytes: [UInt8] = [] }
    private let sink = Sink()
    private let surface: OpaquePointer
    let cr: OpaquePointer
    let context: OpaquePointer

    init(_ meta: Metadata) {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_SUCCESS }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, Self.width, Self.height)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title)
        if let a = meta.author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, a) }
        if let s = meta.subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, s) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "seance")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, meta.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, meta.date)
        cr = cairo_create(surface)
        context = pango_cairo_create_context(cr)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_language(context, pango_language_from_string("fr-FR"))
        // Unhinted metrics: the widths measured are the widths printed.
        let fo = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, fo)
        cairo_font_options_destroy(fo)
    }

    /// Ends the document and gives its bytes; the canvas is not usable afterwards.
    func finish() -> [UInt8] {
        g_object_unref(UnsafeMutableRawPointer(context))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.bytes
    }

    func showPage() { cairo_show_page(cr) }

    func color(_ grey: Double) { cairo_set_source_rgb(cr, grey, grey, grey) }

    func fill(x: Double, y: Double, width: Double, height: Double, grey: Double) {
        color(grey)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    func stroke(x: Double, y: Double, width: Double, height: Double, grey: Double, line: Double) {
        color(grey)
        cairo_set_line_width(cr, line)
        cairo_rectangle(cr, x, y, width, height)
        cairo_stroke(cr)
    }

    func hline(x: Double, y: Double, width: Double, grey: Double, line: Double) {
        color(grey)
        cairo_set_line_width(cr, line)
        cairo_move_to(cr, x, y)
        cairo_line_to(cr, x + width, y)
        cairo_stroke(cr)
    }
}

/// A run of text and its style, as pango lays it out.
struct PDFRun {
    var text: String
    var bold = false
    var italic = false
}

/// Text laid out by pango in a given width: its lines, each drawable on its own so that a
/// paragraph can run from one page to the next.
final class PDFText {
    enum Align { case left, center, right }
    struct Line {
        /// From the top of the line to its baseline, and the line's height, in points.
        var ascent: Double
        var height: Double
        var x: Double
        let line: UnsafeMutablePointer<PangoLayoutLine>
    }

    private let layout: OpaquePointer
    private(set) var lines: [Line] = []
    /// The width the text takes (its longest line).
    private(set) var naturalWidth = 0.0
    var height: Double { lines.reduce(0) { $0 + $1.height } }

    init(_ canvas: PDFCanvas, _ runs: [PDFRun], font: String, width: Double,
         align: Align = .left, oneLine: Bool = false) {
        layout = pango_layout_new(canvas.context)
        let fd = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, fd)
        pango_font_description_free(fd)
        pango_layout_set_width(layout, Int32(max(1, width) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if oneLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        switch align {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        var text = ""
        let attrs = pango_attr_list_new()
        for r in runs {
            let start = UInt32(text.utf8.count)
            text += r.text
            let end = UInt32(text.utf8.count)
            if r.bold, let a = pango_attr_weight_new(PANGO_WEIGHT_BOLD) {
                a.pointee.start_index = start; a.pointee.end_index = end
                pango_attr_list_insert(attrs, a)
            }
            if r.italic, let a = pango_attr_style_new(PANGO_STYLE_ITALIC) {
                a.pointee.start_index = start; a.pointee.end_index = end
                pango_attr_list_insert(attrs, a)
            }
        }
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        pango_layout_set_attributes(layout, attrs)
        pango_attr_list_unref(attrs)

        let scale = Double(PANGO_SCALE)
        var extents = PangoRectangle()
        pango_layout_get_extents(layout, nil, &extents)
        naturalWidth = Double(extents.width) / scale
        let iter = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let top = Double(logical.y) / scale
            lines.append(Line(ascent: baseline - top, height: Double(logical.height) / scale,
                              x: Double(logical.x) / scale, line: line))
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Draws line `i` with its top at `y`, the layout's left edge at `x`.
    func draw(_ i: Int, on canvas: PDFCanvas, x: Double, y: Double) {
        let l = lines[i]
        cairo_move_to(canvas.cr, x + l.x, y + l.ascent)
        pango_cairo_show_layout_line(canvas.cr, l.line)
    }

    /// Draws every line from `y` down.
    func draw(on canvas: PDFCanvas, x: Double, y: Double) {
        var y = y
        for i in lines.indices { draw(i, on: canvas, x: x, y: y); y += lines[i].height }
    }
}
