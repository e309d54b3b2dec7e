/// The journal's escaping of text values (see docs/journal-format.md, « Escaping »):
/// TAB, newlines, backslash, control characters and invisible marks never appear raw in a line,
/// while accented letters, «», œ, € stay as they are.
public enum JournalEscaping {
    /// True for the scalars that must never reach a line, a terminal or a document raw.
    @inline(__always)
    public static func isInvisibleOrControl(_ v: UInt32) -> Bool {
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F) { return true }
        if v < 0x2028 { return v >= 0x200B && v <= 0x200F }
        return (v >= 0x2028 && v <= 0x202E) || (v >= 0x2060 && v <= 0x2064)
            || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF
            || (v >= 0xFDD0 && v <= 0xFDEF) || v == 0xFFFE || v == 0xFFFF   // non-characters (XML forbids some)
    }

    public static func escape(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where s == "\\" || isInvisibleOrControl(s.value) {
            needs = true
            break
        }
        if !needs { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if isInvisibleOrControl(s.value) {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    let padded = hex.count < 2 ? "0" + hex : hex
                    out.append(contentsOf: "\\u{\(padded)}".unicodeScalars)
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    public enum UnescapeError: Error, Equatable {
        case badSequence(String)
    }

    public static func unescape(_ raw: Substring) throws(UnescapeError) -> String {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return String(raw) }
        var out = String.UnicodeScalarView()
        var it = raw.unicodeScalars.makeIterator()
        while let s = it.next() {
            guard s == "\\" else { out.append(s); continue }
            guard let n = it.next() else { throw .badSequence("\\") }
            switch n {
            case "\\": out.append("\\")
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "u":
                guard it.next() == "{" else { throw .badSequence("\\u") }
                var hex = ""
                var closed = false
                while let h = it.next() {
                    if h == "}" { closed = true; break }
                    hex.unicodeScalars.append(h)
                    if hex.count > 6 { break }
                }
                guard closed, !hex.isEmpty, hex.count <= 6, let v = UInt32(hex, radix: 16),
                      let scalar = Unicode.Scalar(v)
                else { throw .badSequence("\\u{\(hex)") }
                out.append(scalar)
            default:
                throw .badSequence("\\" + String(n))
            }
        }
        return String(out)
    }
}
