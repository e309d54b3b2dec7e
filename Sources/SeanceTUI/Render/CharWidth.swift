/// Display width of text in terminal columns, as the C library's `wcwidth` counts it (ncurses
/// positions glyphs by those widths, so the grid must agree with it cell for cell).
import SeanceModel

public enum CharWidth {
    /// East Asian Wide and Fullwidth ranges and the emoji with default emoji presentation.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
        0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
        0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Width of one scalar: 0, 1 or 2. Controls count 0 (they are made visible before drawing).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : (v == 0xAD ? 1 : 1) }
        if v == 0x1171E { return 0 }
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }
        // Prepended concatenation marks are format characters that glibc draws one column wide.
        if (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891 || v == 0x8E2
            || v == 0x110BD || v == 0x110CD { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v < 0x1100 { return 1 }
        var lo = 0, hi = wide.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wide[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return 2 }
        }
        return 1
    }

    /// Width of a grapheme cluster: the width of its first spacing scalar, as ncurses draws it.
    public static func of(_ c: Character) -> Int {
        for s in c.unicodeScalars {
            let w = of(s)
            if w > 0 { return w }
        }
        return 0
    }

    public static func of(_ text: String) -> Int {
        if isSimple(text) { return text.unicodeScalars.count }
        var n = 0
        for c in text { n += of(c) }
        return n
    }

    /// True when every scalar is one grapheme one column wide, so that the text needs no walk
    /// through its graphemes (the slow part of drawing a table): printable ASCII, Latin letters with
    /// their precomposed accents (below the combining marks at U+0300), the general
    /// punctuation and currency signs of French text (’ – — … € ‰), arrows, and the box
    /// drawing and marks of the screens (│ ─ ▸ ✓ ✗). No scalar there joins its neighbour into
    /// a cluster, so the text is drawn scalar by scalar (a test sweeps these ranges).
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isSimple($0) }
    }

    @inline(__always)
    static func isSimple(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return (v >= 0x20 && v < 0x7F) || v >= 0xA0 }
        return (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20CF)
            || (v >= 0x2190 && v <= 0x21FF) || (v >= 0x2500 && v <= 0x259F) || v == 0x25B8 || v == 0x25C2
            || v == 0x2713 || v == 0x2717
    }

    /// The longest prefix of `text` that fits in `width` columns, never splitting a grapheme.
    public static func prefix(_ text: String, fitting width: Int) -> String {
        if isSimple(text) { return String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, width)))) }
        var used = 0
        var end = text.startIndex
        for i in text.indices {
            let w = of(text[i])
            if used + w > width { break }
            used += w
            end = text.index(after: i)
        }
        return String(text[..<end])
    }

    /// `text` cut to `width` columns with an ellipsis when it does not fit.
    public static func truncate(_ raw: String, to width: Int) -> String {
        if width <= 0 { return "" }
        let text = VisibleText.make(raw)
        if of(text) <= width { return text }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let t = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(t)))
        return right ? gap + t : t + gap
    }
}
