/// The unbreakable spaces of French typography, for a renderer that breaks lines itself (the
/// PDF: pango would otherwise break at an ordinary space and start a line with « : »).
///
/// Only spaces already in the text change, and « n°3 » gains its space; nothing else moves:
/// - a narrow no-break space (U+202F) before « ; : ! ? » » and after « « »,
///   and between the groups of digits of a number (« 12 500 »);
/// - a no-break space (U+00A0) before « € » and « % » after a number, in « 9 h 40 » and
///   after « n° ».
enum FrenchTypography {
    static let narrow: Character = "\u{202F}"
    static let noBreak: Character = "\u{00A0}"

    static func apply(_ s: String) -> String {
        let c = Array(s)
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        func at(_ i: Int) -> Character? { i >= 0 && i < c.count ? c[i] : nil }
        func digit(_ i: Int) -> Bool { at(i).map { $0.isASCII && $0.isNumber } ?? false }
        func letter(_ i: Int) -> Bool { at(i)?.isLetter ?? false }
        /// « n° » or « N° » standing alone (not the end of a word).
        func numero(endingAt i: Int) -> Bool { at(i) == "°" && (at(i - 1) == "n" || at(i - 1) == "N") && !letter(i - 2) }

        for i in c.indices {
            let ch = c[i]
            if ch == " " || ch == noBreak || ch == narrow {
                let before = at(i - 1), after = at(i + 1)
                if let after, ";:!?»".contains(after), let before, before != " " {
                    out.append(narrow)
                } else if before == "«" {
                    out.append(narrow)
                } else if digit(i - 1), after == "€" || after == "%" {
                    out.append(noBreak)
                } else if digit(i - 1), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) {
                    out.append(narrow)
                } else if digit(i - 1), after == "h", !letter(i + 2) {
                    out.append(noBreak)
                } else if before == "h", at(i - 2).map({ $0 == " " || $0 == noBreak }) ?? false, digit(i - 3), digit(i + 1) {
                    out.append(noBreak)
                } else if numero(endingAt: i - 1), digit(i + 1) {
                    out.append(noBreak)
                } else {
                    out.append(ch)
                }
                continue
            }
            out.append(ch)
            if numero(endingAt: i), digit(i + 1) { out.append(noBreak) }
        }
        return out
    }
}
