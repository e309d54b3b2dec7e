/// The document as plain text wrapped at a number of columns (72 by default): for an e-mail
/// body or a printer without a word processor. Words are never split unless one is longer
/// than the line; tables are laid out in columns, their cells wrapped.
enum PlainTextRenderer {
    static func render(_ doc: ExportDocument, width: Int = 72) -> String {
        let width = max(20, width)
        var paras: [[String]] = []
        if let k = doc.kicker { paras.append(wrap(k, width: width)) }
        var title = wrap(doc.title.uppercased(), width: width)
        if let s = doc.subtitle { title += wrap(s, width: width) }
        title.append(String(repeating: "=", count: min(width, title.map(TextWidth.of).max() ?? 0)))
        paras.append(title)
        for (i, b) in doc.blocks.enumerated() {
            // A decision's details follow it without a blank line: they read as one.
            if case .paragraph(_, .decisionDetail) = b, i > 0, case .paragraph(_, .decision) = doc.blocks[i - 1], !paras.isEmpty {
                paras[paras.count - 1] += block(b, width: width)
            } else {
                paras.append(block(b, width: width))
            }
        }
        return paras.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    static func block(_ b: DocBlock, width: Int) -> [String] {
        switch b {
        case .heading(let level, let text):
            let lines = wrap(level <= 2 ? text.uppercased() : text, width: width)
            let rule: Character = level <= 2 ? "=" : "-"
            return lines + [String(repeating: rule, count: min(width, lines.map(TextWidth.of).max() ?? 0))]
        case .paragraph(let spans, let style):
            let text = spans.map(\.text).joined()
            switch style {
            case .decision, .decisionDetail:
                return wrap(text, width: width, first: "  ", rest: "  ")
            default:
                return wrap(text, width: width)
            }
        case .fields(let fields):
            return fields.flatMap { wrap($0.labelWithColon + " " + $0.value, width: width, first: "", rest: "    ") }
        case .list(let items, let numbered):
            let n = String(items.count).count
            return items.enumerated().flatMap { i, spans in
                let marker = numbered ? String(repeating: " ", count: n - String(i + 1).count) + "\(i + 1). " : "- "
                return wrap(spans.map(\.text).joined(), width: width, first: marker,
                            rest: String(repeating: " ", count: marker.count))
            }
        case .table(let t):
            return table(t, width: width)
        case .pageBreak:
            return [String(repeating: "-", count: min(width, 72))]
        }
    }

    // MARK: - Wrapping

    /// Wraps a text (its "\n" are kept as line breaks) with a first-line and a continuation prefix.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var out: [String] = []
        var prefix = first
        for hard in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lines = wrapLine(String(hard), width: width - TextWidth.of(prefix), restWidth: width - TextWidth.of(rest))
            for l in lines {
                out.append(prefix + l)
                prefix = rest
            }
            if lines.isEmpty { out.append(prefix); prefix = rest }
        }
        return out.map { $0.exportTrimmedRight }
    }

    /// Greedy wrap of one line of text. A break is only made at a space, and not at the space
    /// of French typography before « : ; ! ? » » or after « « » (they stay with their word).
    static func wrapLine(_ s: String, width: Int, restWidth: Int) -> [String] {
        let words = words(s)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var limit = max(1, width)
        for w in words {
            let ww = TextWidth.of(w)
            if lineWidth == 0 {
                if ww <= limit { line = w; lineWidth = ww; continue }
            } else if lineWidth + 1 + ww <= limit {
                line += " " + w; lineWidth += 1 + ww; continue
            } else {
                lines.append(line); line = ""; lineWidth = 0; limit = max(1, restWidth)
                if ww <= limit { line = w; lineWidth = ww; continue }
            }
            // A word longer than a whole line: cut it, only then.
            var rest = Substring(w)
            while !rest.isEmpty {
                var piece = "", pw = 0
                while let ch = rest.first, pw + TextWidth.of(ch) <= limit || piece.isEmpty {
                    piece.append(ch); pw += TextWidth.of(ch); rest = rest.dropFirst()
                }
                if rest.isEmpty { line = piece; lineWidth = pw } else { lines.append(piece); limit = max(1, restWidth) }
            }
        }
        if lineWidth > 0 || !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Words separated by single spaces, the unbreakable spaces of French typography glued
    /// to their word so that no line starts with « : » or ends with « « ».
    static func words(_ s: String) -> [String] {
        let raw = s.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        for w in raw {
            if let last = out.last, glue(last, w) {
                out[out.count - 1] = last + " " + w
            } else {
                out.append(w)
            }
        }
        return out
    }

    /// Whether the space between two words must not break a line: before « : ; ! ? » »,
    /// after « « » and an opening dash, before a unit (€, %), inside a number grouped by
    /// thousands (« 28 500 »), between a colon and the count it introduces.
    static func glue(_ last: String, _ w: String) -> Bool {
        guard let f = w.first, let l = last.last else { return false }
        if [":", ";", "!", "?", "»", "€", "%"].contains(f) { return true }
        if l == "«" || last == "–" || last == "-" { return true }
        // « invités : 1. » – a count stays with its label.
        if l == ":", w.first!.isNumber, w.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == ";" }) { return true }
        if l.isNumber, w.count >= 3, w.prefix(3).allSatisfy({ $0.isASCII && $0.isNumber }),
           w.dropFirst(3).allSatisfy({ !($0.isNumber || $0.isLetter) }) {
            return true
        }
        return false
    }

    // MARK: - Tables

    /// A table too wide for columns: one paragraph per row, « – » between its cells.
    static func records(_ t: DocTable, width: Int) -> [String] {
        t.rows.flatMap { row in
            wrap(row.filter { !$0.isEmpty }.map { $0.exportReplacingNewlines(with: " ") }.joined(separator: " – "),
                 width: width, first: "- ", rest: "  ")
        }
    }

    static func table(_ t: DocTable, width: Int) -> [String] {
        let n = t.header.count
        guard n > 0 else { return [] }
        let gap = 2
        let available = width - gap * (n - 1)
        let all = [t.header] + t.rows
        func natural(_ c: Int) -> Int { all.map { row in c < row.count ? row[c].split(separator: "\n").map { TextWidth.of(String($0)) }.max() ?? 0 : 0 }.max() ?? 0 }
        func longestWord(_ c: Int) -> Int {
            all.map { row in c < row.count ? words(row[c].exportReplacingNewlines(with: " ")).map(TextWidth.of).max() ?? 0 : 0 }.max() ?? 0
        }
        let naturals = (0..<n).map(natural)
        var widths = naturals
        if widths.reduce(0, +) > available {
            // Columns narrower than a fair share of the room left keep their natural width
            // (names, dates stay on one line); the others share the rest by weight, each at
            // least as wide as its longest word when that fits.
            var remaining = available
            var open = Array(0..<n)
            while !open.isEmpty {
                let share = remaining / open.count
                let fits = open.filter { naturals[$0] <= share }
                if fits.isEmpty { break }
                for c in fits { widths[c] = naturals[c]; remaining -= naturals[c] }
                open.removeAll { fits.contains($0) }
            }
            if !open.isEmpty {
                let weight = { (c: Int) in c < t.weights.count ? max(1, t.weights[c]) : 1 }
                let total = open.map(weight).reduce(0, +)
                for c in open { widths[c] = max(4, remaining * weight(c) / total) }
                for c in open where widths[c] < longestWord(c) {
                    // Widen a column to its longest word, taken from the widest other one.
                    let need = longestWord(c) - widths[c]
                    guard let donor = open.filter({ $0 != c }).max(by: { widths[$0] - longestWord($0) < widths[$1] - longestWord($1) }),
                          widths[donor] - need >= longestWord(donor) else { continue }
                    widths[donor] -= need
                    widths[c] += need
                }
            }
            // Columns that would cut a word: the rows become paragraphs instead.
            if widths.reduce(0, +) > available || (0..<n).contains(where: { widths[$0] < min(longestWord($0), width) }) {
                return records(t, width: width)
            }
        }
        func render(_ row: [String]) -> [String] {
            let cells = (0..<n).map { c in c < row.count ? wrap(row[c], width: widths[c]) : [] }
            let height = cells.map(\.count).max() ?? 0
            return (0..<max(1, height)).map { i in
                (0..<n).map { c -> String in
                    let s = i < cells[c].count ? cells[c][i] : ""
                    return c == n - 1 ? s : s + String(repeating: " ", count: max(0, widths[c] - TextWidth.of(s)))
                }.joined(separator: String(repeating: " ", count: gap)).exportTrimmedRight
            }
        }
        var out = render(t.header)
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        let rendered = t.rows.map(render)
        // Rows of several lines are separated by a blank line so that each reads as one.
        let spaced = rendered.contains { $0.count > 1 }
        for (i, r) in rendered.enumerated() {
            if spaced && i > 0 { out.append("") }
            out += r
        }
        return out
    }
}

/// Columns a text takes in a monospaced font: 2 for the wide East Asian characters and most
/// emoji, 0 for a lone combining mark, 1 otherwise (accented Latin letters included).
enum TextWidth {
    static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    static func of(_ ch: Character) -> Int {
        guard let u = ch.unicodeScalars.first else { return 0 }
        let v = u.value
        if v < 0x300 { return 1 }
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        if ch.unicodeScalars.count > 1 && u.properties.isEmojiPresentation { return 2 }
        return 1
    }
}

extension String {
    var exportTrimmedRight: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
