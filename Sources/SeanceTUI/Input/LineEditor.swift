import SeanceModel

/// A one-line text editor that works on grapheme clusters: `é` typed as one scalar or as `e` plus
/// a combining accent, `œ`, `«»`, `€` and wide characters move, delete and measure as one character.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters (grapheme clusters), 0…count.
    public private(set) var cursor: Int
    /// First character shown when the text is wider than its field.
    public private(set) var scroll = 0

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    public mutating func set(_ s: String) { text = s; cursor = s.count; scroll = 0 }

    private func index(_ n: Int) -> String.Index { text.index(text.startIndex, offsetBy: n) }

    public mutating func insert(_ s: String) {
        // Control characters never enter the text (a paste may bring tabs and newlines).
        let clean = String(String.UnicodeScalarView(s.unicodeScalars.map { sc in
            sc.value < 0x20 || sc.value == 0x7F ? " " : sc
        }))
        let before = text.count
        text.insert(contentsOf: clean, at: index(cursor))
        // A combining mark merges with the character before it: the count may grow by less.
        cursor += text.count - before
    }

    /// The keys that edit or move in the text: they go to the field being typed in even where a
    /// screen binds them to something else (← → change a choice, Suppr removes a line).
    public static let editingKeys: Set<Key> = [
        .left, .right, .home, .end, .wordLeft, .wordRight, .backspace, .delete,
        .ctrl("a"), .ctrl("e"), .ctrl("d"), .ctrl("u"), .ctrl("k"), .ctrl("w"),
    ]

    /// Handles an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1)); cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .ctrl("u"): text.removeSubrange(text.startIndex..<index(cursor)); cursor = 0
        case .ctrl("k"): text.removeSubrange(index(cursor)...)
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            text.removeSubrange(index(start)..<index(cursor)); cursor = start
        default: return false
        }
        return true
    }

    private func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" || c == "’" || c == "-" }

    private func wordStart(before pos: Int) -> Int {
        let chars = Array(text)
        var i = pos
        while i > 0 && !isWordChar(chars[i - 1]) { i -= 1 }
        while i > 0 && isWordChar(chars[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after pos: Int) -> Int {
        let chars = Array(text)
        var i = pos
        while i < chars.count && !isWordChar(chars[i]) { i += 1 }
        while i < chars.count && isWordChar(chars[i]) { i += 1 }
        return i
    }

    /// What to show in a field `width` columns wide, and the cursor's column in it.
    /// Keeps the cursor visible by scrolling, never splitting a wide character.
    public mutating func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let chars = Array(text)
        if cursor < scroll { scroll = cursor }
        // Move scroll forward until the cursor fits, leaving one column for the cursor itself.
        while true {
            var w = 0
            for i in scroll..<cursor { w += CharWidth.of(chars[i]) }
            if w <= width - 1 || scroll >= cursor { break }
            scroll += 1
        }
        var out = ""
        var used = 0, cursorCol = 0
        var i = scroll
        while i < chars.count {
            if i == cursor { cursorCol = used }
            let cw = CharWidth.of(chars[i])
            if used + cw > width { break }
            out.append(chars[i]); used += cw; i += 1
        }
        if cursor >= i { cursorCol = used }
        return (out, cursorCol)
    }

    /// The text soft-wrapped to `width` columns (at spaces when it can, not where French puts an
    /// unbreakable one, never inside a character), with the cursor's row and column.
    public func wrapped(width: Int) -> (rows: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 1 else { return ([text], 0, 0) }
        let chars = Array(text)
        var rows: [String] = []
        var rowStarts: [Int] = []
        var i = 0
        while i < chars.count || rows.isEmpty {
            rowStarts.append(i)
            var used = 0, j = i, lastSpace = -1
            while j < chars.count {
                let w = CharWidth.of(chars[j])
                if used + w > width { break }
                if chars[j] == " " && FrenchTypography.allowsBreak(chars, at: j) { lastSpace = j }
                used += w; j += 1
            }
            if j < chars.count && lastSpace > i { j = lastSpace + 1 }
            rows.append(String(chars[i..<j]))
            if j == i { break }
            i = j
        }
        // The cursor: on the last row whose start is not after it.
        var row = 0
        for (r, start) in rowStarts.enumerated() where start <= cursor { row = r }
        var col = 0
        for k in rowStarts[row]..<min(cursor, chars.count) { col += CharWidth.of(chars[k]) }
        if col >= width && row == rows.count - 1 { rows.append(""); row += 1; col = 0 }
        return (rows, row, col)
    }
}
