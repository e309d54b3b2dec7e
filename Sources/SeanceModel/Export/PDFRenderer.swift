/// The document as an A4 PDF, laid out by pango and written by cairo: a running header (the
/// project, the document and its séance) and « page n / N » on every page, tables with ruled
/// borders whose header row comes back on each page, the fonts embedded, the title and the
/// author in the file's metadata.
///
/// The blocks become pieces (a line of a paragraph, a table row), the pieces are placed on
/// pages, then every page is drawn: the number of pages is known before the first is drawn.
enum PDFRenderer {
    static func render(_ doc: ExportDocument, options: ExportOptions) -> [UInt8] {
        // The metadata keeps ordinary spaces: it is searched, not printed.
        let plain = FrenchTypography.plain
        let canvas = PDFCanvas(.init(
            title: plain([doc.title, doc.subtitle].compactMap { $0 }.joined(separator: " – ")),
            author: doc.author,
            subject: doc.kicker.map(plain),
            date: options.now.journalValue))
        let flow = PDFFlow(canvas)
        flow.add(doc)
        let pages = PDFPage.paginate(flow.pieces)
        for (n, page) in pages.enumerated() {
            PDFPage.header(canvas, left: doc.kicker ?? "", right: doc.shortTitle)
            PDFPage.footer(canvas, "page \(n + 1) / \(pages.count)")
            for placed in page { placed.piece.draw(placed.y, placed.atTop) }
            canvas.showPage()
        }
        return canvas.finish()
    }
}

/// What a page is made of: a line of a paragraph, a heading, a table row.
struct PDFPiece {
    var height: Double
    /// Dropped at the top of a page.
    var spaceBefore = 0.0
    /// Not to be left at the bottom of a page without the next piece (headings, orphans, widows).
    var keepWithNext = false
    /// Drawn first when this piece starts a page: a table's header row.
    var repeatAtTop: [PDFPiece] = []
    /// Starts a new page (unless the page is still empty).
    var newPage = false
    /// Draws the piece with its top at y; the flag says whether it starts a page.
    var draw: (_ y: Double, _ atTop: Bool) -> Void
}

/// The geometry of the page, its running header and footer, and the placing of the pieces.
enum PDFPage {
    static let left = 56.7          // 2 cm
    static let width = PDFCanvas.width - 2 * left
    static let top = 70.0           // under the running header
    static let bottom = PDFCanvas.height - 60.0
    /// DejaVu first; FreeFont for what DejaVu lacks, such as the control pictures (␛) that
    /// stand for the control characters of a hostile journal.
    static let sans = "DejaVu Sans, FreeSans"
    static let serif = "DejaVu Serif, FreeSerif"

    struct Placed {
        var piece: PDFPiece
        var y: Double
        var atTop: Bool
    }

    static func paginate(_ pieces: [PDFPiece]) -> [[Placed]] {
        var pages: [[Placed]] = [[]]
        var y = top
        let room = bottom - top
        for (i, p) in pieces.enumerated() {
            let atTop = pages[pages.count - 1].isEmpty
            if p.newPage {
                if !atTop { pages.append([]); y = top }
                continue
            }
            // The room this piece needs: itself and the pieces it must not be parted from
            // (a chain longer than half a page is not kept together).
            var need = (atTop ? 0 : p.spaceBefore) + p.height
            var j = i
            var chain = need
            while j + 1 < pieces.count, pieces[j].keepWithNext {
                j += 1
                chain += pieces[j].spaceBefore + pieces[j].height
                if chain > room / 2 { break }
            }
            if chain <= room / 2 { need = chain }
            if !atTop, y + need > bottom {
                pages.append([])
                y = top
                for r in p.repeatAtTop {
                    pages[pages.count - 1].append(Placed(piece: r, y: y, atTop: pages[pages.count - 1].isEmpty))
                    y += r.height
                }
            }
            let first = pages[pages.count - 1].isEmpty
            if !first { y += p.spaceBefore }
            pages[pages.count - 1].append(Placed(piece: p, y: y, atTop: first))
            y += p.height
        }
        return pages
    }

    /// The project on the left, the document and its séance on the right, a hairline under.
    static func header(_ canvas: PDFCanvas, left l: String, right r: String) {
        let font = sans + " 7.5"
        let gap = 12.0
        let lw = PDFText(canvas, [PDFRun(text: l)], font: font, width: width).naturalWidth
        let rw = PDFText(canvas, [PDFRun(text: r)], font: font, width: width).naturalWidth
        let leftWidth = lw + rw + gap <= width ? width - rw - gap : (width - gap) / 2
        canvas.color(0.35)
        PDFText(canvas, [PDFRun(text: l)], font: font, width: leftWidth, oneLine: true).draw(0, on: canvas, x: left, y: 38)
        PDFText(canvas, [PDFRun(text: r)], font: font, width: width - leftWidth - gap, align: .right, oneLine: true)
            .draw(0, on: canvas, x: left + leftWidth + gap, y: 38)
        canvas.hline(x: left, y: 50, width: width, grey: 0.6, line: 0.4)
    }

    static func footer(_ canvas: PDFCanvas, _ text: String) {
        canvas.color(0.35)
        PDFText(canvas, [PDFRun(text: text)], font: sans + " 7.5", width: width, align: .center)
            .draw(0, on: canvas, x: left, y: PDFCanvas.height - 40)
    }
}
