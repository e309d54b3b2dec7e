/// The document as one self-contained HTML page: inline CSS, no script, no outside resource,
/// printable on A4 (the browser's « Imprimer » gives a clean compte rendu).
enum HTMLRenderer {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: "Marianne", Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
               color: #111; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; }
        .kicker { font-size: 10pt; color: #444; margin: 0; }
        h1 { font-size: 20pt; margin: 0.2em 0 0.1em; }
        .subtitle { font-size: 13pt; font-weight: bold; margin: 0 0 1em; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 0.15em; margin: 1.6em 0 0.6em; }
        h3 { font-size: 12pt; margin: 1.3em 0 0.4em; }
        p { margin: 0.4em 0; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0 0 1em; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0; }
        p.quiet { color: #444; font-size: 10pt; }
        p.note { margin-left: 1em; }
        .decision-block { border-left: 3px solid #555; padding: 0.2em 0 0.2em 0.8em; margin: 0.7em 0; }
        .decision-block p { margin: 0.2em 0; }
        p.decision-detail { font-size: 10pt; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 10pt; }
        th, td { border: 1px solid #888; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        ol, ul { margin: 0.4em 0; padding-left: 1.6em; }
        @page { size: A4; margin: 2cm 2cm 1.8cm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          tr, .decision-block, li { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
        }
        """

    static func render(_ doc: ExportDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="seance">
            <title>\(escape(doc.shortTitle))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>

            """
        if let k = doc.kicker { out += "<p class=\"kicker\">\(escape(k))</p>\n" }
        out += "<h1>\(escape(doc.title))</h1>\n"
        if let s = doc.subtitle { out += "<p class=\"subtitle\">\(escape(s))</p>\n" }
        var i = 0
        let blocks = doc.blocks
        while i < blocks.count {
            // A decision and its details share one frame.
            if case .paragraph(let spans, .decision) = blocks[i] {
                out += "<div class=\"decision-block\">\n<p class=\"decision\">\(inline(spans))</p>\n"
                if i + 1 < blocks.count, case .paragraph(let d, .decisionDetail) = blocks[i + 1] {
                    out += "<p class=\"decision-detail\">\(inline(d))</p>\n"
                    i += 1
                }
                out += "</div>\n"
                i += 1
                continue
            }
            out += block(blocks[i])
            i += 1
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func block(_ b: DocBlock) -> String {
        switch b {
        case .heading(let level, let text):
            let h = min(6, level)
            return "<h\(h)>\(escape(text))</h\(h)>\n"
        case .paragraph(let spans, let style):
            let cls: String
            switch style {
            case .body: cls = ""
            case .note: cls = " class=\"note\""
            case .decision: cls = " class=\"decision\""
            case .decisionDetail: cls = " class=\"decision-detail\""
            case .quiet: cls = " class=\"quiet\""
            }
            return "<p\(cls)>\(inline(spans))</p>\n"
        case .fields(let fields):
            return "<dl class=\"fields\">\n"
                + fields.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>\n" }.joined()
                + "</dl>\n"
        case .list(let items, let numbered):
            let tag = numbered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .table(let t):
            let total = max(1, t.weights.reduce(0, +))
            var s = "<table>\n<colgroup>"
            for w in t.weights { s += "<col style=\"width: \(w * 100 / total)%\">" }
            s += "</colgroup>\n<thead><tr>" + t.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in t.rows {
                s += "<tr>" + row.map { "<td>\(lines($0))</td>" }.joined() + "</tr>\n"
            }
            return s + "</tbody>\n</table>\n"
        case .pageBreak:
            return "<hr class=\"page-break\" style=\"break-after: page\">\n"
        }
    }

    static func inline(_ spans: [DocSpan]) -> String {
        spans.map { s in
            let t = lines(s.text)
            switch s.style {
            case .plain: return t
            case .strong: return "<strong>\(t)</strong>"
            case .emphasis: return "<em>\(t)</em>"
            }
        }.joined()
    }

    /// Escaped text with its line breaks as `<br>`.
    static func lines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>\n")
    }

    /// `& < > " '` as entities: safe in text and in attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
