/// The blocks of a document turned into the pieces of the PDF's pages, with the styles of the
/// PDF: DejaVu Sans for the titles, headings, labels and tables, DejaVu Serif for what was said
/// and decided. The text arrives typeset (`ExportDocument.typeset`).
final class PDFFlow {
    let canvas: PDFCanvas
    private(set) var pieces: [PDFPiece] = []
    private let x = PDFPage.left
    private let width = PDFPage.width
    private let sans = PDFPage.sans
    private let serif = PDFPage.serif

    init(_ canvas: PDFCanvas) { self.canvas = canvas }

    func add(_ doc: ExportDocument) {
        if let k = doc.kicker { paragraph([run(k)], font: sans + " 9", grey: 0.3, space: 0) }
        paragraph([run(doc.title)], font: sans + " Bold 18", space: 2, keep: true)
        if let s = doc.subtitle { paragraph([run(s)], font: sans + " Bold 11.5", grey: 0.2, space: 3) }
        var previous: DocBlock?
        for b in doc.blocks {
            add(b, after: previous)
            previous = b
        }
    }

    func run(_ s: String, bold: Bool = false, italic: Bool = false) -> PDFRun {
        PDFRun(text: s, bold: bold, italic: italic)
    }

    func runs(_ spans: [DocSpan]) -> [PDFRun] {
        spans.map { run($0.text, bold: $0.style == .strong, italic: $0.style == .emphasis) }
    }

    func add(_ b: DocBlock, after previous: DocBlock?) {
        switch b {
        case .heading(let level, let text):
            if level <= 2 {
                heading(text, font: sans + " Bold 13", space: 16, rule: true)
            } else {
                heading(text, font: sans + " Bold " + (level == 3 ? "11" : "10"), space: 11, rule: false)
            }
        case .paragraph(let spans, let style):
            switch style {
            case .body:
                // A letter's first words (« Madame, Monsieur, », « Je soussigné… ») stand apart
                // from the list of fields above them, as the fields stand apart from the title.
                let afterFields: Bool
                if case .fields = previous { afterFields = true } else { afterFields = false }
                paragraph(runs(spans), font: serif + " 10", space: afterFields ? 12 : 5)
            case .note: paragraph(runs(spans), font: serif + " 10", indent: 12, space: 5)
            case .quiet: paragraph(runs(spans), font: sans + " 8.5", grey: 0.27, space: 4)
            case .decision:
                paragraph(runs(spans), font: serif + " 10", indent: 10, space: 8, bar: true)
            case .decisionDetail:
                let joined: Bool
                if case .paragraph(_, .decision) = previous { joined = true } else { joined = false }
                if joined, !pieces.isEmpty { pieces[pieces.count - 1].keepWithNext = true }
                paragraph(runs(spans), font: sans + " 8.5", grey: 0.2, indent: 10, space: joined ? 2 : 6, bar: true, barJoinsAbove: joined)
            }
        case .fields(let fields):
            self.fields(fields)
        case .list(let items, let numbered):
            list(items, numbered: numbered)
        case .table(let t):
            table(t)
        case .pageBreak:
            pieces.append(PDFPiece(height: 0, newPage: true, draw: { _, _ in }))
        }
    }

    // MARK: - Paragraphs

    /// One piece per line: a paragraph may run onto the next page, but never leaves a single
    /// line behind or alone on the new page.
    func paragraph(_ runs: [PDFRun], font: String, grey: Double = 0, indent: Double = 0, space: Double,
                   keep: Bool = false, bar: Bool = false, barJoinsAbove: Bool = false) {
        let text = PDFText(canvas, runs, font: font, width: width - indent)
        let n = text.lines.count
        for i in 0..<n {
            let h = text.lines[i].height
            let join = i == 0 && barJoinsAbove ? space : 0
            pieces.append(PDFPiece(
                height: h, spaceBefore: i == 0 ? space : 0,
                keepWithNext: keep || (n > 1 && (i == 0 || i == n - 2)),
                draw: { [canvas, x] y, atTop in
                    if bar {
                        let up = atTop ? 0 : join
                        canvas.fill(x: x, y: y - up, width: 2.2, height: h + up, grey: 0.4)
                    }
                    canvas.color(grey)
                    text.draw(i, on: canvas, x: x + indent, y: y)
                }))
        }
    }

    func heading(_ s: String, font: String, space: Double, rule: Bool) {
        let text = PDFText(canvas, [run(s)], font: font, width: width)
        let h = text.height + (rule ? 5 : 2)
        pieces.append(PDFPiece(height: h, spaceBefore: space, keepWithNext: true, draw: { [canvas, x, width] y, _ in
            canvas.color(0)
            text.draw(on: canvas, x: x, y: y)
            if rule { canvas.hline(x: x, y: y + text.height + 2, width: width, grey: 0.55, line: 0.6) }
        }))
    }

    // MARK: - Fields, lists

    /// « Libellé : valeur » in two columns, the labels as wide as the widest (up to a third).
    func fields(_ fields: [DocBlock.Field]) {
        let labelFont = sans + " Bold 9", valueFont = serif + " 10"
        let labels = fields.map { [run($0.label)] }
        let widest = labels.map { PDFText(canvas, $0, font: labelFont, width: width).naturalWidth }.max() ?? 0
        let column = min(widest + 10, width / 3)
        for (i, f) in fields.enumerated() {
            let label = PDFText(canvas, labels[i], font: labelFont, width: column - 10)
            let value = PDFText(canvas, [run(f.value)], font: valueFont, width: width - column)
            // Baselines aligned: the label drops by the difference of the first lines' ascents.
            let drop = (value.lines.first?.ascent ?? 0) - (label.lines.first?.ascent ?? 0)
            pieces.append(PDFPiece(height: max(label.height + drop, value.height), spaceBefore: i == 0 ? 12 : 2.5,
                                   draw: { [canvas, x] y, _ in
                canvas.color(0.15)
                label.draw(on: canvas, x: x, y: y + drop)
                canvas.color(0)
                value.draw(on: canvas, x: x + column, y: y)
            }))
        }
    }

    func list(_ items: [[DocSpan]], numbered: Bool) {
        let font = serif + " 10"
        let indent = numbered ? (items.count >= 10 ? 20.0 : 15.0) : 12.0
        for (n, spans) in items.enumerated() {
            let text = PDFText(canvas, runs(spans), font: font, width: width - indent)
            let marker = PDFText(canvas, [PDFRun(text: numbered ? "\(n + 1)." : "–")], font: font, width: indent)
            let count = text.lines.count
            for i in 0..<count {
                pieces.append(PDFPiece(
                    height: text.lines[i].height, spaceBefore: i == 0 ? (n == 0 ? 6 : 3) : 0,
                    keepWithNext: count > 1 && (i == 0 || i == count - 2),
                    draw: { [canvas, x] y, _ in
                        canvas.color(0)
                        if i == 0 { marker.draw(0, on: canvas, x: x, y: y) }
                        text.draw(i, on: canvas, x: x + indent, y: y)
                    }))
            }
        }
    }

    // MARK: - Tables

    /// Ruled cells, the header row shaded and repeated at the top of each page the table runs
    /// onto; a row is never split, and is at least `minRowHeight` high (boxes to sign in).
    func table(_ t: DocTable) {
        let n = t.header.count
        guard n > 0 else { return }
        let weights = (0..<n).map { $0 < t.weights.count ? max(1, t.weights[$0]) : 1 }
        let total = Double(weights.reduce(0, +))
        let widths = weights.map { Double($0) * width / total }
        let pad = 3.5
        let minHeight = t.minRowHeight * 72 / 2.54
        let font = sans + " 8.5"

        func row(_ cells: [String], header: Bool) -> PDFPiece {
            let texts = (0..<n).map { c in
                PDFText(canvas, [run(c < cells.count ? cells[c] : "", bold: header)], font: font, width: widths[c] - 2 * pad)
            }
            let height = max((texts.map(\.height).max() ?? 0) + 2 * pad, header ? 0 : minHeight)
            return PDFPiece(height: height, draw: { [canvas, x] y, _ in
                var cx = x
                for c in 0..<n {
                    if header { canvas.fill(x: cx, y: y, width: widths[c], height: height, grey: 0.9) }
                    canvas.stroke(x: cx, y: y, width: widths[c], height: height, grey: 0.5, line: 0.5)
                    canvas.color(0)
                    texts[c].draw(on: canvas, x: cx + pad, y: y + pad)
                    cx += widths[c]
                }
            })
        }

        let head = row(t.header, header: true)
        var first = head
        first.spaceBefore = 7
        first.keepWithNext = !t.rows.isEmpty
        pieces.append(first)
        for cells in t.rows {
            var p = row(cells, header: false)
            p.repeatAtTop = [head]
            pieces.append(p)
        }
    }
}
