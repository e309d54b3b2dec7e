/// The unbreakable spaces of French typography. Every document is typeset with them on its way
/// to its renderer (`ExportDocument.typeset`), so that neither pango, nor a word processor, nor
/// a browser, nor a mail reader starts a line with « : » or splits « 12 500 € »; the screens keep
/// the characters typed and only refuse to wrap there (`allowsBreak`).
///
/// Only spaces already in the text change, and « n°3 » gains its space; nothing else moves:
/// - a narrow no-break space (U+202F) before « ; : ! ? » » and after « « »,
///   and between the groups of digits of a number (« 12 500 »);
/// - a no-break space (U+00A0) before « € » and « % » after a number, in « 9 h 40 », after
///   « n° » and after « M. » and « Mme » before a name.
public enum FrenchTypography {
    static let narrow: Character = "\u{202F}"
    static let noBreak: Character = "\u{00A0}"

    /// The text with ordinary spaces again, for what is searched rather than printed (a PDF's
    /// metadata, an iCalendar event).
    public static func plain(_ s: String) -> String {
        String(s.map { $0 == noBreak || $0 == narrow ? " " : $0 })
    }

    public static func apply(_ s: String) -> String {
        guard s.contains(where: { $0 == " " || $0 == noBreak || $0 == narrow || $0 == "°" }) else { return s }
        let c = Array(s)
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for i in c.indices {
            let ch = c[i]
            if ch == " " || ch == noBreak || ch == narrow {
                out.append(space(c, at: i) ?? ch)
                continue
            }
            out.append(ch)
            if numero(c, endingAt: i), digit(c, i + 1) { out.append(noBreak) }
        }
        return out
    }

    /// Whether a line may break at the space `c[at]`: not where French typography puts an
    /// unbreakable one. For the screens, which wrap what was typed without changing it.
    public static func allowsBreak(_ c: [Character], at i: Int) -> Bool {
        c[i] == " " && space(c, at: i) == nil
    }

    /// The unbreakable space the space at `i` should be, or nil for an ordinary one.
    static func space(_ c: [Character], at i: Int) -> Character? {
        func at(_ i: Int) -> Character? { i >= 0 && i < c.count ? c[i] : nil }
        let before = at(i - 1), after = at(i + 1)
        if let after, ";:!?»".contains(after), let before, before != " " { return narrow }
        if before == "«" { return narrow }
        if digit(c, i - 1), after == "€" || after == "%" { return noBreak }
        if digit(c, i - 1), digit(c, i + 1), digit(c, i + 2), digit(c, i + 3), !digit(c, i + 4) { return narrow }
        if digit(c, i - 1), after == "h", !(at(i + 2)?.isLetter ?? false) { return noBreak }
        if before == "h", at(i - 2).map({ $0 == " " || $0 == noBreak }) ?? false, digit(c, i - 3), digit(c, i + 1) { return noBreak }
        if numero(c, endingAt: i - 1), digit(c, i + 1) { return noBreak }
        if after?.isUppercase ?? false, civility(c, endingAt: i - 1) { return noBreak }
        return nil
    }

    private static func digit(_ c: [Character], _ i: Int) -> Bool {
        i >= 0 && i < c.count && c[i].isASCII && c[i].isNumber
    }

    /// « M. » or « Mme » standing alone, so that « M. ROUCHY » never ends a line on « M. ».
    private static func civility(_ c: [Character], endingAt i: Int) -> Bool {
        func word(_ w: String) -> Bool {
            let n = w.count
            guard i - n + 1 >= 0, String(c[(i - n + 1)...i]) == w else { return false }
            return i - n < 0 || !c[i - n].isLetter
        }
        return word("M.") || word("Mme")
    }

    /// « n° » or « N° » standing alone (not the end of a word).
    private static func numero(_ c: [Character], endingAt i: Int) -> Bool {
        i >= 1 && i < c.count && c[i] == "°" && (c[i - 1] == "n" || c[i - 1] == "N") && !(i >= 2 && c[i - 2].isLetter)
    }
}

extension ExportDocument {
    /// Every printed text with the spaces of French typography (`FrenchTypography`), so that no
    /// renderer breaks a line before « : » or inside « 12 500 € ». The author stays as it is: it
    /// is metadata, searched rather than printed.
    func typeset() -> ExportDocument {
        let t = FrenchTypography.apply
        var d = self
        d.kicker = kicker.map(t)
        d.title = t(title)
        d.subtitle = subtitle.map(t)
        d.shortTitle = t(shortTitle)
        d.blocks = blocks.map { $0.typeset() }
        return d
    }
}

extension DocBlock {
    func typeset() -> DocBlock {
        let t = FrenchTypography.apply
        func spans(_ s: [DocSpan]) -> [DocSpan] { s.map { DocSpan(text: t($0.text), style: $0.style) } }
        switch self {
        case .heading(let level, let text): return .heading(level: level, text: t(text))
        case .paragraph(let s, let style): return .paragraph(spans(s), style)
        case .fields(let fs): return .fields(fs.map { Field(label: t($0.label), value: t($0.value)) })
        case .list(let items, let numbered): return .list(items.map(spans), numbered: numbered)
        case .table(var table):
            table.header = table.header.map(t)
            table.rows = table.rows.map { $0.map(t) }
            return .table(table)
        case .pageBreak: return .pageBreak
        }
    }
}
