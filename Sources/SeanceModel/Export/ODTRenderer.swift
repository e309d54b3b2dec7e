/// The document as OpenDocument Text (ODF 1.2), which LibreOffice, Word and the French public
/// bodies' tools open: a ZIP whose first entry is the uncompressed `mimetype`, then
/// content.xml, styles.xml, meta.xml and META-INF/manifest.xml.
///
/// Named paragraph styles (« Titre 1 », « Corps de texte », « Décision »…) make the file easy
/// to restyle in a word processor; the attendance and the follow-ups are real tables.
enum ODTRenderer {
    static let mimeType = "application/vnd.oasis.opendocument.text"

    static func package(_ doc: ExportDocument, options: ExportOptions) -> [UInt8] {
        var zip = ZipWriter(modified: options.now)
        zip.add("mimetype", Array(mimeType.utf8))
        zip.add("content.xml", Array(content(doc).utf8))
        zip.add("styles.xml", Array(styles(footer: doc.shortTitle).utf8))
        zip.add("meta.xml", Array(meta(doc, now: options.now).utf8))
        zip.add("META-INF/manifest.xml", Array(manifest.utf8))
        return zip.finished()
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        """

    static let fontFaces = """
        <office:font-face-decls>\
        <style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/>\
        </office:font-face-decls>
        """

    // MARK: - content.xml

    static func content(_ doc: ExportDocument) -> String {
        var body = ""
        var tables: [(name: String, weights: [Int], minRowHeight: Double)] = []
        if let k = doc.kicker { body += para("Surtitre", [.plain(k)]) }
        body += para("Title", [.plain(doc.title)])
        if let s = doc.subtitle { body += para("Subtitle", [.plain(s)]) }
        for b in doc.blocks {
            switch b {
            case .heading(let level, let text):
                let l = min(level - 1, 3)   // the document title is above every heading
                body += "<text:h text:style-name=\"Heading_20_\(max(1, l))\" text:outline-level=\"\(max(1, l))\">\(runs(text))</text:h>\n"
            case .paragraph(let spans, let style):
                let name: String
                switch style {
                case .body: name = "Text_20_body"
                case .note: name = "Intervention"
                case .decision: name = "Decision"
                case .decisionDetail: name = "Decision_20_detail"
                case .quiet: name = "Precision"
                }
                body += para(name, spans)
            case .fields(let fields):
                for f in fields { body += para("Champ", [.strong(f.labelWithColon), .plain(" " + f.value)]) }
            case .list(let items, let numbered):
                for (i, spans) in items.enumerated() {
                    // The marker is written out (with a tab to a hanging indent): it survives any
                    // converter, where list numbering does not always.
                    body += "<text:p text:style-name=\"Liste\">\(xml(numbered ? "\(i + 1)." : "–"))<text:tab/>\(spansXML(spans))</text:p>\n"
                }
            case .table(let t):
                let name = "Tableau\(tables.count + 1)"
                tables.append((name, t.weights, t.minRowHeight))
                body += tableXML(t, name: name)
            case .pageBreak:
                body += "<text:p text:style-name=\"Saut_20_de_20_page\"/>\n"
            }
        }
        var auto = ""
        for t in tables {
            auto += "<style:style style:name=\"\(t.name)\" style:family=\"table\"><style:table-properties style:width=\"17cm\" table:align=\"margins\" fo:margin-top=\"0.15cm\" fo:margin-bottom=\"0.25cm\"/></style:style>\n"
            let total = max(1, t.weights.reduce(0, +))
            for (i, w) in t.weights.enumerated() {
                let cm = Double(w) * 17.0 / Double(total)
                auto += "<style:style style:name=\"\(t.name).\(columnLetter(i))\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(centimetres(cm))\" style:rel-column-width=\"\(w * 1000)*\"/></style:style>\n"
            }
            if t.minRowHeight > 0 {
                auto += "<style:style style:name=\"\(t.name).Ligne\" style:family=\"table-row\"><style:table-row-properties style:min-row-height=\"\(centimetres(t.minRowHeight))\"/></style:style>\n"
            }
        }
        auto += """
            <style:style style:name="Cellule" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080"/></style:style>
            <style:style style:name="CelluleEntete" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080" fo:background-color="#e6e6e6"/></style:style>

            """
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces) office:version="1.2">
            \(fontFaces)
            <office:automatic-styles>
            <style:style style:name="Saut_20_de_20_page" style:display-name="Saut de page" style:family="paragraph"><style:paragraph-properties fo:break-after="page"/></style:style>
            \(auto)</office:automatic-styles>
            <office:body>
            <office:text>
            \(body)</office:text>
            </office:body>
            </office:document-content>

            """
    }

    static func tableXML(_ t: DocTable, name: String) -> String {
        var s = "<table:table table:name=\"\(name)\" table:style-name=\"\(name)\">\n"
        for i in 0..<t.header.count { s += "<table:table-column table:style-name=\"\(name).\(columnLetter(i))\"/>\n" }
        s += "<table:table-header-rows><table:table-row>"
        for h in t.header {
            s += "<table:table-cell table:style-name=\"CelluleEntete\" office:value-type=\"string\">\(para("Table_20_Heading", [.plain(h)], newline: false))</table:table-cell>"
        }
        s += "</table:table-row></table:table-header-rows>\n"
        let rowStyle = t.minRowHeight > 0 ? " table:style-name=\"\(name).Ligne\"" : ""
        for row in t.rows {
            s += "<table:table-row\(rowStyle)>"
            for i in 0..<t.header.count {
                let cell = i < row.count ? row[i] : ""
                s += "<table:table-cell table:style-name=\"Cellule\" office:value-type=\"string\">\(para("Table_20_Contents", [.plain(cell)], newline: false))</table:table-cell>"
            }
            s += "</table:table-row>\n"
        }
        return s + "</table:table>\n"
    }

    static func para(_ style: String, _ spans: [DocSpan], newline: Bool = true) -> String {
        "<text:p text:style-name=\"\(style)\">\(spansXML(spans))</text:p>" + (newline ? "\n" : "")
    }

    static func spansXML(_ spans: [DocSpan]) -> String {
        var atStart = true
        return spans.map { s in
            let t = runs(s.text, atParagraphStart: atStart)
            if !s.text.isEmpty { atStart = s.text.last == "\n" }
            switch s.style {
            case .plain: return t
            case .strong: return "<text:span text:style-name=\"Strong_20_Emphasis\">\(t)</text:span>"
            case .emphasis: return "<text:span text:style-name=\"Emphasis\">\(t)</text:span>"
            }
        }.joined()
    }

    /// Text as ODF wants it: XML-escaped, a line break as `<text:line-break/>`, and the spaces
    /// that ODF would collapse (several in a row, or at the start of a line) kept with `<text:s/>`.
    static func runs(_ s: String, atParagraphStart: Bool = true) -> String {
        var out = ""
        var spaces = 0
        var atStart = atParagraphStart
        func flush() {
            guard spaces > 0 else { return }
            if atStart {
                out += spaces == 1 ? "<text:s/>" : "<text:s text:c=\"\(spaces)\"/>"
            } else {
                out += " "
                if spaces > 1 { out += spaces == 2 ? "<text:s/>" : "<text:s text:c=\"\(spaces - 1)\"/>" }
            }
            spaces = 0
        }
        for ch in s {
            if ch == " " { spaces += 1; continue }
            flush()
            atStart = false
            if ch == "\n" { out += "<text:line-break/>"; atStart = true; continue }
            out += xml(String(ch))
        }
        flush()
        return out
    }

    /// Element content: `&`, `<` and `>` as entities. Quotes need no escape outside attributes
    /// (and some simple ODF readers do not decode `&#39;`).
    static func xml(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func columnLetter(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i % 26))) + (i >= 26 ? String(i / 26) : "") }

    static func centimetres(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)cm"
    }

    // MARK: - styles.xml

    static func styles(footer: String) -> String {
        func para(_ name: String, _ display: String, parent: String? = "Standard", next: String? = nil, klass: String = "text",
                  _ paragraph: String = "", _ text: String = "", outline: Int? = nil) -> String {
            var s = "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\""
            if let parent { s += " style:parent-style-name=\"\(parent)\"" }
            if let next { s += " style:next-style-name=\"\(next)\"" }
            if let outline { s += " style:default-outline-level=\"\(outline)\"" }
            s += " style:class=\"\(klass)\">"
            if !paragraph.isEmpty { s += "<style:paragraph-properties \(paragraph)/>" }
            if !text.isEmpty { s += "<style:text-properties \(text)/>" }
            return s + "</style:style>\n"
        }
        let keep = "fo:keep-with-next=\"always\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces) office:version="1.2">
            \(fontFaces)
            <office:styles>
            <style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/><style:text-properties style:font-name="Arial" fo:font-size="10.5pt" fo:language="fr" fo:country="FR" fo:hyphenate="false"/></style:default-style>
            <style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>
            <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
            \(para("Text_20_body", "Text body", "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\""))\
            \(para("Heading", "Heading", next: "Text_20_body", "fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.2cm\" \(keep)", "style:font-name=\"Arial\" fo:font-weight=\"bold\""))\
            \(para("Title", "Title", parent: "Heading", next: "Subtitle", klass: "chapter", "fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.1cm\" \(keep)", "fo:font-size=\"20pt\""))\
            \(para("Subtitle", "Subtitle", parent: "Heading", next: "Text_20_body", klass: "chapter", "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.4cm\" \(keep)", "fo:font-size=\"13pt\""))\
            \(para("Surtitre", "Surtitre", klass: "chapter", "fo:margin-bottom=\"0.1cm\"", "fo:font-size=\"9.5pt\" fo:color=\"#444444\""))\
            \(para("Heading_20_1", "Heading 1", parent: "Heading", next: "Text_20_body", "fo:margin-top=\"0.6cm\" fo:padding-bottom=\"0.05cm\" fo:border-bottom=\"0.5pt solid #808080\" \(keep)", "fo:font-size=\"14pt\"", outline: 1))\
            \(para("Heading_20_2", "Heading 2", parent: "Heading", next: "Text_20_body", "fo:margin-top=\"0.45cm\" \(keep)", "fo:font-size=\"12pt\"", outline: 2))\
            \(para("Heading_20_3", "Heading 3", parent: "Heading", next: "Text_20_body", "fo:margin-top=\"0.35cm\" \(keep)", "fo:font-size=\"11pt\"", outline: 3))\
            \(para("Champ", "Champ d'en-tête", "fo:margin-bottom=\"0.05cm\" fo:margin-left=\"0.5cm\" fo:text-indent=\"-0.5cm\""))\
            \(para("Intervention", "Intervention", parent: "Text_20_body", "fo:margin-left=\"0.5cm\" fo:margin-bottom=\"0.15cm\""))\
            \(para("Decision", "Décision", parent: "Text_20_body", "fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0cm\" fo:border-left=\"2pt solid #555555\" fo:padding-left=\"0.25cm\" \(keep)"))\
            \(para("Decision_20_detail", "Détail de décision", parent: "Text_20_body", "fo:margin-bottom=\"0.25cm\" fo:border-left=\"2pt solid #555555\" fo:padding-left=\"0.25cm\"", "fo:font-size=\"9.5pt\""))\
            \(para("Precision", "Précision", parent: "Text_20_body", "", "fo:font-size=\"9.5pt\" fo:color=\"#444444\""))\
            <style:style style:name="Liste" style:display-name="Liste" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"><style:paragraph-properties fo:margin-left="0.7cm" fo:text-indent="-0.6cm" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
            \(para("Table_20_Contents", "Table Contents", klass: "extra", "", "fo:font-size=\"9.5pt\""))\
            \(para("Table_20_Heading", "Table Heading", parent: "Table_20_Contents", klass: "extra", "", "fo:font-weight=\"bold\""))\
            \(para("Footer", "Footer", klass: "extra", "fo:text-align=\"center\"", "fo:font-size=\"8.5pt\" fo:color=\"#555555\""))\
            <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
            </office:styles>
            <office:automatic-styles>
            <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.8cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
            </office:automatic-styles>
            <office:master-styles>
            <style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">\(runs(footer)) – page <text:page-number text:select-page="current">1</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>
            </office:master-styles>
            </office:document-styles>

            """
    }

    // MARK: - meta.xml, manifest

    static func meta(_ doc: ExportDocument, now: Timestamp) -> String {
        let date = String(now.journalValue.prefix(19))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta \(namespaces) office:version="1.2">
            <office:meta>
            <meta:generator>seance</meta:generator>
            <dc:title>\(xml(FrenchTypography.plain(doc.shortTitle)))</dc:title>
            \(doc.author.map { "<meta:initial-creator>\(xml($0))</meta:initial-creator><dc:creator>\(xml($0))</dc:creator>" } ?? "")
            <dc:language>fr-FR</dc:language>
            <meta:creation-date>\(date)</meta:creation-date>
            <dc:date>\(date)</dc:date>
            </office:meta>
            </office:document-meta>

            """
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
        <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/>
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>

        """
}
