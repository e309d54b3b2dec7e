/// Spreadsheets as French offices make them: CSV from Excel or LibreOffice (`;` or `,`,
/// Windows-1252 or UTF-8 with or without BOM, CRLF, quoted fields holding line breaks), XLSX and
/// ODS. Reading gives a `ReadTable` of typed cells with the line each row came from; writing
/// takes a `SheetTable` and gives CSV, ODS or XLSX bytes.

/// A cell's value, read or to be written.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    /// A number as the file holds it (decimal point, maybe an exponent): `12500.5`.
    case number(String)
    case integer(Int)
    case date(LocalDate)
    /// Euros (written with a currency format; read back as a number).
    case money(Money)
    case boolean(Bool)
    /// A formula, never evaluated.
    case formula(String)

    /// The value as a person reads it in the preview.
    public var display: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let s): s.replacingOccurrences(of: ".", with: ",")
        case .integer(let n): String(n)
        case .date(let d): d.french
        case .money(let m): m.french
        case .boolean(let b): b ? "oui" : "non"
        case .formula(let f): f
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let s): s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        default: false
        }
    }
}

public enum SpreadsheetFormat: String, Sendable, CaseIterable {
    case csv, ods, xlsx

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// One row of a file: its cells and the line it starts on (the row's number in a sheet).
public struct TableRow: Sendable, Equatable {
    public var line: Int
    public var cells: [CellValue]
    public init(line: Int, cells: [CellValue]) { self.line = line; self.cells = cells }
    public subscript(_ i: Int) -> CellValue { i < cells.count ? cells[i] : .empty }
}

/// What was read from a file, and how.
public struct ReadTable: Sendable, Equatable {
    public var fileName: String
    public var format: SpreadsheetFormat
    /// « UTF-8 avec BOM », « UTF-8 », « Windows-1252 » (CSV only).
    public var encoding: String?
    public var separator: Character?
    public var sheetName: String?
    public var rows: [TableRow]

    /// How the file was read, for the preview: « CSV, Windows-1252, séparateur ; ».
    public var howRead: String {
        switch format {
        case .csv:
            let sep = separator.map { $0 == "\t" ? "tabulation" : String($0) } ?? ";"
            return "CSV, \(encoding ?? "UTF-8"), séparateur « \(sep) »"
        case .xlsx, .ods:
            return "\(format.rawValue.uppercased()), feuille « \(sheetName ?? "") »"
        }
    }
}

/// A file that cannot be read, with where and why (in French).
public struct SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var reason: String
    public init(_ file: String, line: Int? = nil, column: Int? = nil, _ reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s + ": " + reason
    }
}

/// A table to write: a sheet name, the column heads, typed rows.
public struct SheetTable: Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var rows: [[CellValue]]
    public init(name: String, columns: [String], rows: [[CellValue]]) {
        self.name = name; self.columns = columns; self.rows = rows
    }
}

public enum Spreadsheet {
    /// A file's bytes read as a table, its format known from its content (not its name):
    /// a ZIP is XLSX or ODS, an OLE2 file is an old .xls (refused, with what to do), text is CSV.
    public static func read(_ bytes: [UInt8], fileName: String, sheet: String? = nil) throws(SpreadsheetError) -> ReadTable {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try SpreadsheetArchive.read(bytes, fileName: fileName, sheet: sheet)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError(fileName, "classeur Excel 97-2003 (.xls) : enregistrez-le en .xlsx ou en CSV, puis importez ce fichier.")
        }
        if sheet != nil { throw SpreadsheetError(fileName, "--feuille ne s'emploie qu'avec un classeur XLSX ou ODS.") }
        return try CSVReader.read(bytes, fileName: fileName)
    }

    /// The table in the format asked.
    public static func write(_ table: SheetTable, as format: SpreadsheetFormat, modified: Timestamp) -> [UInt8] {
        switch format {
        case .csv: CSVTableWriter.bytes(table)
        case .ods: ODSWriter.package(table, modified: modified)
        case .xlsx: XLSXWriter.package(table, modified: modified)
        }
    }
}

// MARK: - Text encodings

/// Detects how a text file is encoded: a byte order mark, then valid UTF-8, else Windows-1252
/// (what French Excel writes for « CSV (séparateur : point-virgule) »). Windows-1252 is decoded
/// with our own table: Foundation's `.windowsCP1252` returned nil on Linux in some releases.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = bytes.dropFirst(3)
            if let s = String(validating: rest, as: UTF8.self) { return (s, "UTF-8 avec BOM") }
            return (String(decoding: rest, as: UTF8.self), "UTF-8 avec BOM (octets invalides remplacés)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let le = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(le ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return (String(decoding: units, as: UTF16.self), le ? "UTF-16 LE" : "UTF-16 BE")
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, "UTF-8") }
        return (windows1252(bytes), "Windows-1252")
    }

    /// 0x80–0x9F of Windows-1252; 0 where the code page has no character (the byte is kept as
    /// the C1 control of the same value, which the import then refuses as a control).
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    public static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let v: UInt32 = (b >= 0x80 && b <= 0x9F && high[Int(b - 0x80)] != 0) ? high[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }

    /// The text in Windows-1252, or nil when a character has no place in it (tests, producers).
    public static func encodeWindows1252(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        for u in s.unicodeScalars {
            if u.value < 0x80 || (u.value >= 0xA0 && u.value <= 0xFF) { out.append(UInt8(u.value)); continue }
            guard let i = high.firstIndex(of: u.value) else { return nil }
            out.append(UInt8(0x80 + i))
        }
        return out
    }
}
