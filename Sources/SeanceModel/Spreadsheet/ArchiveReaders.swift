import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// XLSX and ODS: ZIP archives of XML. The archive is read with ZIPFoundation (inflate, ZIP64,
/// damaged archives refused with an error rather than a crash); the XML with Foundation's
/// `XMLParser` (libxml2 on Linux, external entities off) into a small tree.
enum SpreadsheetArchive {
    /// No part of a spreadsheet we read is bigger than this once inflated (a ZIP bomb stops here).
    static let maxPartSize: UInt64 = 64 << 20

    static func read(_ bytes: [UInt8], fileName: String, sheet: String?) throws(SpreadsheetError) -> ReadTable {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw SpreadsheetError(fileName, "archive ZIP illisible (fichier tronqué ou abîmé) : ce n'est pas un classeur XLSX ou ODS valide.")
        }
        func part(_ path: String) throws(SpreadsheetError) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maxPartSize else {
                throw SpreadsheetError(fileName, "« \(path) » ferait plus de 64 Mo une fois décompressé : fichier refusé.")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    if UInt64(data.count) > maxPartSize { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw SpreadsheetError(fileName, "« \(path) » est illisible dans l'archive (fichier tronqué ou abîmé).")
            }
            return data
        }
        if let mime = try part("mimetype"), String(decoding: mime, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
            guard let content = try part("content.xml") else { throw SpreadsheetError(fileName, "classeur ODS sans content.xml : fichier abîmé.") }
            return try ODSReader.read(content, fileName: fileName, sheet: sheet)
        }
        if try part("xl/workbook.xml") != nil {
            return try XLSXReader.read(part, fileName: fileName, sheet: sheet)
        }
        if try part("content.xml") != nil {
            throw SpreadsheetError(fileName, "document OpenDocument qui n'est pas un classeur (un texte ODT ?) : enregistrez la liste en ODS ou en CSV.")
        }
        if try part("word/document.xml") != nil {
            throw SpreadsheetError(fileName, "document Word (.docx) : enregistrez la liste en XLSX, ODS ou CSV.")
        }
        throw SpreadsheetError(fileName, "archive ZIP qui n'est ni un classeur XLSX ni un classeur ODS.")
    }
}

// MARK: - A small XML tree

final class XMLNode {
    let name: String
    var attributes: [String: String]
    var children: [XMLChild] = []
    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    func elements(_ local: String) -> [XMLNode] {
        children.compactMap { if case .element(let e) = $0, e.name == local { e } else { nil } }
    }
    func first(_ local: String) -> XMLNode? { elements(local).first }
    func descendants(_ local: String) -> [XMLNode] {
        var out: [XMLNode] = []
        func walk(_ n: XMLNode) { for c in n.children { if case .element(let e) = c { if e.name == local { out.append(e) }; walk(e) } } }
        walk(self)
        return out
    }
    /// All the text inside, in order.
    var text: String {
        var s = ""
        func walk(_ n: XMLNode) { for c in n.children { switch c { case .text(let t): s += t; case .element(let e): walk(e) } } }
        walk(self)
        return s
    }
    subscript(_ attribute: String) -> String? { attributes[attribute] }
}

enum XMLChild {
    case element(XMLNode)
    case text(String)
}

/// Builds the tree with names and attributes stripped of their prefixes (`table:table-cell`
/// becomes `table-cell`, `r:id` becomes `id`): the readers compare local names.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    private var pending = ""

    static func parse(_ data: Data, fileName: String, part: String) throws(SpreadsheetError) -> XMLNode {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw SpreadsheetError(fileName, "« \(part) » n'est pas du XML valide (fichier abîmé).")
        }
        return root
    }

    private static func local(_ name: String) -> String {
        guard let i = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: i)...])
    }

    private func flush() {
        guard !pending.isEmpty, let top = stack.last else { pending = ""; return }
        top.children.append(.text(pending))
        pending = ""
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        flush()
        var attrs: [String: String] = [:]
        for (k, v) in attributeDict { attrs[Self.local(k)] = v }
        let node = XMLNode(name: Self.local(elementName), attributes: attrs)
        if let top = stack.last { top.children.append(.element(node)) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flush()
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { pending += string }
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { pending += String(decoding: CDATABlock, as: UTF8.self) }
}

// MARK: - XLSX

enum XLSXReader {
    static func read(_ part: (String) throws(SpreadsheetError) -> Data?, fileName: String, sheet: String?) throws(SpreadsheetError) -> ReadTable {
        func xml(_ path: String) throws(SpreadsheetError) -> XMLNode? {
            guard let d = try part(path) else { return nil }
            return try XMLTreeBuilder.parse(d, fileName: fileName, part: path)
        }
        guard let workbook = try xml("xl/workbook.xml") else { throw SpreadsheetError(fileName, "classeur XLSX sans xl/workbook.xml.") }
        let date1904 = workbook.descendants("workbookPr").first.map { ["1", "true"].contains($0["date1904"] ?? "") } ?? false
        let sheets = workbook.descendants("sheet").map { ($0["name"] ?? "", $0["id"] ?? "") }
        guard !sheets.isEmpty else { throw SpreadsheetError(fileName, "classeur XLSX sans feuille.") }
        let chosen: (String, String)
        if let sheet {
            guard let s = sheets.first(where: { Folding.fold($0.0) == Folding.fold(sheet) }) else {
                throw SpreadsheetError(fileName, "pas de feuille « \(sheet) » ; feuilles : \(sheets.map { "« \($0.0) »" }.joined(separator: ", ")).")
            }
            chosen = s
        } else {
            chosen = sheets[0]
        }
        var target = "xl/worksheets/sheet1.xml"
        if let rels = try xml("xl/_rels/workbook.xml.rels"),
           let r = rels.descendants("Relationship").first(where: { $0["Id"] == chosen.1 }), let t = r["Target"] {
            target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
        }
        guard let sheetXML = try xml(target) else { throw SpreadsheetError(fileName, "la feuille « \(chosen.0) » manque dans l'archive (\(target)).") }

        var shared: [String] = []
        if let sst = try xml("xl/sharedStrings.xml") {
            shared = sst.elements("si").map(richText)
        }
        var dateStyles = Set<Int>()
        if let styles = try xml("xl/styles.xml") {
            var custom: [Int: String] = [:]
            for f in styles.descendants("numFmt") { if let id = Int(f["numFmtId"] ?? ""), let code = f["formatCode"] { custom[id] = code } }
            if let xfs = styles.first("cellXfs") {
                for (i, xf) in xfs.elements("xf").enumerated() {
                    let id = Int(xf["numFmtId"] ?? "0") ?? 0
                    if isDateFormat(id, custom[id]) { dateStyles.insert(i) }
                }
            }
        }

        var rows: [TableRow] = []
        var nextRow = 1
        for row in sheetXML.descendants("row") {
            let r = Int(row["r"] ?? "") ?? nextRow
            nextRow = r + 1
            var cells: [CellValue] = []
            var nextCol = 0
            for c in row.elements("c") {
                let col = c["r"].flatMap(columnIndex) ?? nextCol
                nextCol = col + 1
                guard col < 16_384 else { continue }
                let v = c.first("v")?.text
                var value: CellValue
                if let f = c.first("f") {
                    value = .formula("=" + f.text)
                } else {
                    switch c["t"] ?? "n" {
                    case "s":
                        guard let i = v.flatMap({ Int($0) }), i >= 0, i < shared.count else {
                            throw SpreadsheetError(fileName, line: r, column: col + 1, "référence à un texte partagé absent : fichier abîmé.")
                        }
                        value = .text(shared[i])
                    case "inlineStr": value = .text(c.first("is").map(richText) ?? "")
                    case "str": value = .text(v ?? "")
                    case "b": value = .boolean(v == "1")
                    case "e": value = .formula(v ?? "#ERREUR")
                    default:
                        guard let v, !v.isEmpty else { value = .empty; break }
                        if let s = Int(c["s"] ?? "0"), dateStyles.contains(s), let serial = Double(v) {
                            value = date(serial: serial, date1904: date1904).map(CellValue.date) ?? .number(v)
                        } else {
                            value = .number(v)
                        }
                    }
                }
                if col >= cells.count { cells += Array(repeating: .empty, count: col - cells.count + 1) }
                cells[col] = value
            }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(TableRow(line: r, cells: cells)) }
        }
        return ReadTable(fileName: fileName, format: .xlsx, encoding: nil, separator: nil, sheetName: chosen.0, rows: rows)
    }

    /// The text of a shared or inline string: its `t` runs, phonetic runs (`rPh`) left out.
    static func richText(_ si: XMLNode) -> String {
        var s = ""
        func walk(_ n: XMLNode) {
            for c in n.children {
                guard case .element(let e) = c else { continue }
                if e.name == "t" { s += e.text } else if e.name != "rPh" { walk(e) }
            }
        }
        walk(si)
        return s
    }

    /// `AB12` → 27 (0-based column).
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0, any = false
        for u in ref.utf8 {
            if u >= 65 && u <= 90 { n = n * 26 + Int(u - 64); any = true } else if u >= 97 && u <= 122 { n = n * 26 + Int(u - 96); any = true } else { break }
            if n > 20_000 { return nil }
        }
        return any ? n - 1 : nil
    }

    static func columnName(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// The built-in date formats (14–22, 45–47 and the East Asian ones), or a custom code with a
    /// day, month or year in it (outside quotes and brackets).
    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "d", "y": if !inQuote && !inBracket { return true }
            default: continue
            }
        }
        return false
    }

    static func date(serial: Double, date1904: Bool) -> LocalDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let days = Int64(serial.rounded(.down))
        // 1900 system: day 1 is 1900-01-01 and day 60 the fictitious 1900-02-29; from day 61 on,
        // day n is 1899-12-30 + n.
        let epoch1899 = LocalDate(year: 1899, month: 12, day: 30)!.daysSinceEpoch
        if date1904 { return LocalDate(daysSinceEpoch: LocalDate(year: 1904, month: 1, day: 1)!.daysSinceEpoch + days) }
        return LocalDate(daysSinceEpoch: epoch1899 + (days < 61 ? days + 1 : days))
    }
}

// MARK: - ODS

enum ODSReader {
    /// Beyond this many cells, repeated rows and columns are refused (a hostile file would ask
    /// for a billion).
    static let maxCells = 2_000_000

    static func read(_ content: Data, fileName: String, sheet: String?) throws(SpreadsheetError) -> ReadTable {
        let root = try XMLTreeBuilder.parse(content, fileName: fileName, part: "content.xml")
        let tables = root.descendants("table").filter { $0["name"] != nil || $0.first("table-row") != nil || !$0.descendants("table-row").isEmpty }
        guard !tables.isEmpty else { throw SpreadsheetError(fileName, "classeur ODS sans feuille.") }
        let table: XMLNode
        if let sheet {
            guard let t = tables.first(where: { Folding.fold($0["name"] ?? "") == Folding.fold(sheet) }) else {
                throw SpreadsheetError(fileName, "pas de feuille « \(sheet) » ; feuilles : \(tables.map { "« \($0["name"] ?? "") »" }.joined(separator: ", ")).")
            }
            table = t
        } else {
            table = tables[0]
        }
        var rows: [TableRow] = []
        var line = 0, cellsSeen = 0
        for row in rowsOf(table) {
            let repeatRows = max(1, min(Int(row["number-rows-repeated"] ?? "1") ?? 1, 1_048_576))
            var cells: [CellValue] = []
            for c in row.children {
                guard case .element(let e) = c, e.name == "table-cell" || e.name == "covered-table-cell" else { continue }
                let repeatCols = max(1, min(Int(e["number-columns-repeated"] ?? "1") ?? 1, 16_384))
                let v = value(e)
                if v.isEmpty { cells += Array(repeating: .empty, count: repeatCols); continue }
                cellsSeen += repeatCols
                if cellsSeen > maxCells { throw SpreadsheetError(fileName, line: line + 1, "feuille trop grande (plus de \(maxCells) cellules).") }
                cells += Array(repeating: v, count: repeatCols)
            }
            while cells.last?.isEmpty == true { cells.removeLast() }
            if cells.isEmpty { line += repeatRows; continue }
            for _ in 0..<repeatRows {
                line += 1
                cellsSeen += cells.count
                if cellsSeen > maxCells { throw SpreadsheetError(fileName, line: line, "feuille trop grande (plus de \(maxCells) cellules).") }
                rows.append(TableRow(line: line, cells: cells))
            }
        }
        return ReadTable(fileName: fileName, format: .ods, encoding: nil, separator: nil, sheetName: table["name"], rows: rows)
    }

    /// The rows in order, also those inside header rows and row groups.
    static func rowsOf(_ n: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        for c in n.children {
            guard case .element(let e) = c else { continue }
            if e.name == "table-row" { out.append(e) } else if ["table-header-rows", "table-rows", "table-row-group"].contains(e.name) { out += rowsOf(e) }
        }
        return out
    }

    static func value(_ cell: XMLNode) -> CellValue {
        if let f = cell["formula"] { return .formula(f.hasPrefix("of:") ? String(f.dropFirst(3)) : f) }
        switch cell["value-type"] ?? "" {
        case "float", "percentage", "currency":
            if let v = cell["value"] { return .number(v) }
        case "date":
            if let v = cell["date-value"], let d = LocalDate(journalValue: v.prefix(10)) { return .date(d) }
        case "boolean":
            return .boolean(cell["boolean-value"] == "true")
        default: break
        }
        let paragraphs = cell.elements("p").map(paragraphText)
        let s = paragraphs.joined(separator: "\n")
        return s.isEmpty ? .empty : .text(s)
    }

    /// A paragraph's text: `text:s` are spaces (`c` of them), `text:tab` a tab, `text:line-break` a line break.
    static func paragraphText(_ p: XMLNode) -> String {
        var s = ""
        func walk(_ n: XMLNode) {
            for c in n.children {
                switch c {
                case .text(let t): s += t
                case .element(let e):
                    switch e.name {
                    case "s": s += String(repeating: " ", count: max(1, min(Int(e["c"] ?? "1") ?? 1, 1000)))
                    case "tab": s += "\t"
                    case "line-break": s += "\n"
                    case "annotation": continue
                    default: walk(e)
                    }
                }
            }
        }
        walk(p)
        return s
    }
}
