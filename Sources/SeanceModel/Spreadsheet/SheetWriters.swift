/// XLSX and ODS written by hand: a handful of XML parts in a stored ZIP (`ZipWriter`, as for the
/// ODT). The cells are typed — numbers as numbers, dates as dates (shown 15/03/2016), amounts
/// as numbers with a euro format — the header row is bold and frozen.
enum XMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default:
                // XML 1.0 forbids the other controls (ExportClean has made them visible already).
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

enum XLSXWriter {
    static func package(_ table: SheetTable, modified: Timestamp) -> [UInt8] {
        var zip = ZipWriter(modified: modified)
        zip.add("[Content_Types].xml", Array(contentTypes.utf8))
        zip.add("_rels/.rels", Array(rootRels.utf8))
        zip.add("xl/workbook.xml", Array(workbook(table.name).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        zip.add("xl/worksheets/sheet1.xml", Array(sheet(table).utf8))
        return zip.finished()
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """
    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
    static let workbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
    static func workbook(_ name: String) -> String {
        // A sheet name: at most 31 characters, none of : \ / ? * [ ].
        let clean = String(ExportClean.line(name).filter { !":\\/?*[]".contains($0) }.prefix(31))
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(XMLText.escape(clean.isEmpty ? "Feuille1" : clean))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    /// Styles by index: 0 normal, 1 date (format 14: the reader's short date, 15/03/2016 in
    /// France), 2 euros, 3 bold (the header), 4 wrapped text.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func sheet(_ table: SheetTable) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
            """
        s += "<cols>"
        for (i, w) in SheetLayout.widths(table).enumerated() { s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
        s += "</cols><sheetData>"
        s += row(1, table.columns.map(CellValue.text), header: true)
        for (i, r) in table.rows.enumerated() { s += row(i + 2, r, header: false) }
        s += "</sheetData></worksheet>"
        return s
    }

    static func row(_ n: Int, _ cells: [CellValue], header: Bool) -> String {
        var s = "<row r=\"\(n)\">"
        for (i, v) in cells.enumerated() {
            let ref = XLSXReader.columnName(i) + String(n)
            switch v {
            case .empty: continue
            case .text(let t), .formula(let t):
                let clean = header ? ExportClean.line(t) : ExportClean.text(t)
                let style = header ? " s=\"3\"" : (clean.contains("\n") ? " s=\"4\"" : "")
                s += "<c r=\"\(ref)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(XMLText.escape(clean))</t></is></c>"
            case .number(let x): s += "<c r=\"\(ref)\"><v>\(x)</v></c>"
            case .integer(let x): s += "<c r=\"\(ref)\"><v>\(x)</v></c>"
            case .date(let d):
                let serial = d.daysSinceEpoch - LocalDate(year: 1899, month: 12, day: 30)!.daysSinceEpoch
                s += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
            case .money(let m): s += "<c r=\"\(ref)\" s=\"2\"><v>\(SheetLayout.decimal(m))</v></c>"
            case .boolean(let b): s += "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
            }
        }
        return s + "</row>"
    }
}

enum ODSWriter {
    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    static func package(_ table: SheetTable, modified: Timestamp) -> [UInt8] {
        var zip = ZipWriter(modified: modified)
        zip.add("mimetype", Array(mimeType.utf8))
        zip.add("content.xml", Array(content(table).utf8))
        zip.add("META-INF/manifest.xml", Array(manifest.utf8))
        return zip.finished()
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="\(mimeType)"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """

    static func content(_ table: SheetTable) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(ODTRenderer.namespaces) \
            xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2">\
            <office:automatic-styles>\
            <number:date-style style:name="N-date"><number:day number:style="long"/><number:text>/</number:text>\
            <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>\
            <number:currency-style style:name="N-euro"><number:number number:decimal-places="2" number:min-decimal-places="2" \
            number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text>\
            <number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>\
            <style:style style:name="ce-date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N-date"/>\
            <style:style style:name="ce-euro" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N-euro"/>\
            <style:style style:name="ce-head" style:family="table-cell" style:parent-style-name="Default">\
            <style:text-properties fo:font-weight="bold"/></style:style>\
            <style:style style:name="ce-wrap" style:family="table-cell" style:parent-style-name="Default">\
            <style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
            """
        let widths = SheetLayout.widths(table)
        for (i, w) in widths.enumerated() {
            s += "<style:style style:name=\"co\(i)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(String(format2: Double(w) * 0.19))cm\"/></style:style>"
        }
        s += "</office:automatic-styles><office:body><office:spreadsheet>"
        let name = ExportClean.line(table.name)
        s += "<table:table table:name=\"\(XMLText.escape(name.isEmpty ? "Feuille1" : name))\">"
        for i in widths.indices { s += "<table:table-column table:style-name=\"co\(i)\"/>" }
        s += "<table:table-header-rows><table:table-row>"
        for c in table.columns { s += "<table:table-cell table:style-name=\"ce-head\" office:value-type=\"string\"><text:p>\(XMLText.escape(ExportClean.line(c)))</text:p></table:table-cell>" }
        s += "</table:table-row></table:table-header-rows>"
        for r in table.rows {
            s += "<table:table-row>"
            for v in r { s += cell(v) }
            s += "</table:table-row>"
        }
        s += "</table:table></office:spreadsheet></office:body></office:document-content>"
        return s
    }

    static func cell(_ v: CellValue) -> String {
        switch v {
        case .empty: return "<table:table-cell/>"
        case .text(let t), .formula(let t):
            let clean = ExportClean.text(t)
            let ps = clean.split(separator: "\n", omittingEmptySubsequences: false).map { "<text:p>\(paragraph(String($0)))</text:p>" }.joined()
            return "<table:table-cell\(clean.contains("\n") ? " table:style-name=\"ce-wrap\"" : "") office:value-type=\"string\">\(ps)</table:table-cell>"
        case .number(let x):
            return "<table:table-cell office:value-type=\"float\" office:value=\"\(x)\"><text:p>\(x.replacingOccurrences(of: ".", with: ","))</text:p></table:table-cell>"
        case .integer(let n):
            return "<table:table-cell office:value-type=\"float\" office:value=\"\(n)\"><text:p>\(n)</text:p></table:table-cell>"
        case .date(let d):
            return "<table:table-cell table:style-name=\"ce-date\" office:value-type=\"date\" office:date-value=\"\(d.journalValue)\"><text:p>\(d.french)</text:p></table:table-cell>"
        case .money(let m):
            return "<table:table-cell table:style-name=\"ce-euro\" office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"\(SheetLayout.decimal(m))\"><text:p>\(XMLText.escape(m.french))</text:p></table:table-cell>"
        case .boolean(let b):
            return "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"\(b)\"><text:p>\(b ? "VRAI" : "FAUX")</text:p></table:table-cell>"
        }
    }

    /// Runs of spaces kept (`text:s`), tabs as `text:tab`.
    static func paragraph(_ s: String) -> String {
        var out = "", spaces = 0
        func flushSpaces() {
            guard spaces > 0 else { return }
            // The first space of a run stays a space (unless at the start); the rest are counted.
            if out.isEmpty { out += "<text:s text:c=\"\(spaces)\"/>" } else {
                out += " "
                if spaces > 1 { out += "<text:s text:c=\"\(spaces - 1)\"/>" }
            }
            spaces = 0
        }
        for ch in s {
            if ch == " " { spaces += 1; continue }
            flushSpaces()
            if ch == "\t" { out += "<text:tab/>" } else { out += XMLText.escape(String(ch)) }
        }
        if spaces > 0 { out += "<text:s text:c=\"\(spaces)\"/>" }
        return out
    }
}

enum SheetLayout {
    /// Column widths in characters: the longest line of the head and of the first rows, 8 to 50.
    static func widths(_ t: SheetTable) -> [Int] {
        t.columns.indices.map { i in
            var w = t.columns[i].count
            for r in t.rows.prefix(200) where i < r.count {
                let len = r[i].display.split(separator: "\n").map(\.count).max() ?? 0
                w = max(w, len)
            }
            return min(max(w + 2, 8), 50)
        }
    }

    /// `12500.5` as a number for the XML: a dot, no grouping.
    static func decimal(_ m: Money) -> String { m.journalValue }
}

extension String {
    init(format2 x: Double) {
        let c = Int((x * 100).rounded())
        self = "\(c / 100)." + (c % 100 < 10 ? "0" : "") + "\(c % 100)"
    }
}
