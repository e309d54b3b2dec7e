/// A document independent of its format: what the compte rendu and the relevé de décisions
/// say, built once from the state and then written as Markdown, HTML, plain text, ODT or PDF.
///
/// Every text that comes from the journal enters a document through `ExportClean`, so no renderer
/// ever sees a control character, an escape sequence or an invisible bidirectional mark.
struct ExportDocument: Equatable, Sendable {
    /// A line above the title (the project).
    var kicker: String?
    var title: String
    /// A line under the title (instance, séance, date).
    var subtitle: String?
    /// Short label for running footers and file metadata.
    var shortTitle: String
    /// Who wrote it (the secretary of the séance), for the file's metadata.
    var author: String?
    var blocks: [DocBlock] = []
}

/// A run of text with one style. A "\n" inside `text` is a line break within its paragraph.
struct DocSpan: Equatable, Sendable {
    enum Style: Equatable, Sendable { case plain, strong, emphasis }
    var text: String
    var style: Style = .plain

    static func plain(_ s: String) -> DocSpan { DocSpan(text: s, style: .plain) }
    static func strong(_ s: String) -> DocSpan { DocSpan(text: s, style: .strong) }
    static func emphasis(_ s: String) -> DocSpan { DocSpan(text: s, style: .emphasis) }
}

enum DocParagraphStyle: String, Equatable, Sendable {
    /// Ordinary text.
    case body
    /// What was said: one note of the minutes.
    case note
    /// A decision (its label, outcome and text).
    case decision
    /// The details under a decision (vote, quorum, fiche action).
    case decisionDetail
    /// Secondary information (kind, presenter, durations) and « néant ».
    case quiet
}

struct DocTable: Equatable, Sendable {
    var header: [String]
    var rows: [[String]]
    /// Relative widths of the columns (for ODT, HTML and the plain-text layout).
    var weights: [Int]
    /// The least height of a row, in centimetres (0: as high as its text), so that a box can
    /// be signed in. The PDF and the ODT honour it.
    var minRowHeight: Double = 0
}

enum DocBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph([DocSpan], DocParagraphStyle)
    /// « Libellé : valeur » lines (the header of a compte rendu).
    case fields([Field])
    case list([[DocSpan]], numbered: Bool)
    case table(DocTable)
    /// What follows starts a new page (a form attached to a letter); a rule where pages are not.
    case pageBreak

    struct Field: Equatable, Sendable {
        var label: String
        var value: String
        /// « Libellé : », the colon after a narrow no-break space as French typography has it.
        var labelWithColon: String { label + "\u{202F}:" }
    }
}

/// Journal text made safe for a document.
enum ExportClean {
    /// A one-line text (a name, a title, a place): controls, escape sequences, bidi and
    /// zero-width marks become visible stand-ins (␛, <U+202E>); so do line breaks (␊).
    static func line(_ s: String) -> String {
        nonCharacters(VisibleText.make(s))
    }

    /// A text that may span lines (a note, a decision, details): line breaks are kept (a CR LF
    /// pair counts as one), a TAB becomes a space; everything else as in `line`.
    static func text(_ s: String) -> String {
        var t = ""
        for ch in s {
            // "\r\n" is one Character in Swift.
            if ch == "\r\n" { t.append("\n") } else if ch == "\t" { t.append(" ") } else { t.append(ch) }
        }
        return nonCharacters(VisibleText.make(t, keepNewlines: true))
    }

    /// U+FFFE, U+FFFF (and their copies in every plane) and U+FDD0–U+FDEF are not characters:
    /// XML 1.0 forbids some of them, so an ODT holding one would not open. They are shown as
    /// VisibleText shows invisible marks.
    static func nonCharacters(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isNonCharacter) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isNonCharacter(u) {
                out.append(contentsOf: ("<U+" + String(u.value, radix: 16, uppercase: true) + ">").unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    static func isNonCharacter(_ u: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(u.value) || (u.value & 0xFFFE) == 0xFFFE
    }
}
