/// CSV as RFC 4180 says and as French Excel writes it: fields separated by `;` (or `,`, or a
/// tab), quoted with `"` when they hold a separator, a quote (doubled) or a line break; records
/// ended by CR LF, LF or CR. The separator is the one of `;`, `,`, tab found most often in the
/// first record outside quotes (`;` on a tie: a French file).
enum CSVReader {
    static func read(_ bytes: [UInt8], fileName: String) throws(SpreadsheetError) -> ReadTable {
        // A NUL in text is a binary file (an image, a PDF, a .doc): say so rather than list garbage.
        if bytes.prefix(65_536).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError(fileName, "fichier binaire : ce n'est ni un CSV, ni un classeur XLSX ou ODS.")
        }
        let (text, encoding) = TextDecoding.decode(bytes)
        let sep = separator(of: text)
        let rows = try parse(text, separator: sep, fileName: fileName)
        return ReadTable(fileName: fileName, format: .csv, encoding: encoding, separator: sep, sheetName: nil, rows: rows)
    }

    static func separator(of text: String) -> Character {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for b in text.utf8 {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == 10 || b == 13 { if !counts.isEmpty { break } else { continue } }
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ",") || b == 9 { counts[b, default: 0] += 1 }
        }
        let semi = counts[UInt8(ascii: ";")] ?? 0, comma = counts[UInt8(ascii: ",")] ?? 0, tab = counts[9] ?? 0
        if tab > semi && tab > comma { return "\t" }
        return comma > semi ? "," : ";"
    }

    /// The records, each with the line it starts on (1-based). Rows with nothing in them are left
    /// out (Excel writes `;;;;` for an empty line); their lines still count.
    static func parse(_ text: String, separator: Character, fileName: String) throws(SpreadsheetError) -> [TableRow] {
        let sep = separator.asciiValue ?? UInt8(ascii: ";")
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        var rows: [TableRow] = []
        var fields: [CellValue] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quotedOpenLine = 0
        var inQuotes = false, wasQuoted = false
        var hasContent = false

        func endField() {
            let s = String(decoding: field, as: UTF8.self)
            if !s.isEmpty { hasContent = true }
            fields.append(s.isEmpty ? .empty : .text(s))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if hasContent { rows.append(TableRow(line: recordLine, cells: fields)) }
            fields = []
            hasContent = false
        }

        var u = Array(text.utf8)
        if u.first == 0xEF, u.count >= 3, u[1] == 0xBB, u[2] == 0xBF { u.removeFirst(3) }
        var i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n && u[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuotes = false; wasQuoted = true; i += 1; continue
                }
                if b == lf { line += 1 } else if b == cr { if !(i + 1 < n && u[i + 1] == lf) { line += 1 } }
                field.append(b); i += 1; continue
            }
            if b == sep { endField(); i += 1; continue }
            if b == cr || b == lf {
                endRecord()
                if b == cr && i + 1 < n && u[i + 1] == lf { i += 1 }
                i += 1; line += 1; recordLine = line
                continue
            }
            if b == quote && field.isEmpty && !wasQuoted {
                inQuotes = true; quotedOpenLine = line; i += 1; continue
            }
            if wasQuoted {
                // `"abc"def`: RFC 4180 does not allow it; say where rather than guess.
                throw SpreadsheetError(fileName, line: line, column: fields.count + 1,
                                       "texte après les guillemets fermants d'un champ (guillemet non doublé ?).")
            }
            field.append(b); i += 1
        }
        if inQuotes {
            throw SpreadsheetError(fileName, line: quotedOpenLine, column: fields.count + 1,
                                   "guillemet ouvert jamais fermé : le fichier est tronqué ou un guillemet n'est pas doublé.")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return rows
    }
}

/// Writes a table as French Excel opens it on a double click: UTF-8 with a BOM, `;`, CR LF,
/// decimal comma, dates as 15/03/2016; a text that a spreadsheet would take for a formula is
/// prefixed with `'` (`CSVWriter.field`).
enum CSVTableWriter {
    static func bytes(_ table: SheetTable) -> [UInt8] {
        var w = CSVWriter()
        w.row(table.columns.map { ExportClean.line($0) })
        for r in table.rows { w.row(r.map(field)) }
        return [0xEF, 0xBB, 0xBF] + Array(w.text.utf8)
    }

    static func field(_ v: CellValue) -> String {
        switch v {
        case .empty: ""
        case .text(let s): ExportClean.text(s)
        case .number(let s): s.replacingOccurrences(of: ".", with: ",")
        case .integer(let n): String(n)
        case .date(let d): d.french
        case .money(let m): CSVWriter.number(m)
        case .boolean(let b): b ? "oui" : "non"
        case .formula(let f): ExportClean.line(f)
        }
    }
}
