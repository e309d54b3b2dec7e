import SeanceModel

/// What a cell means, not how it looks: the backend maps roles to colours or, without colour,
/// to bold / reverse / underline.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, title, header, selected, dim, keyName, keyLabel, ok, error, warning, banner, field, fieldFocused, accent
}

public struct Point: Equatable, Sendable {
    public var x: Int, y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// One terminal cell: a grapheme cluster and its width. The cell after a wide grapheme is a
/// continuation (empty text, width 0) and is never drawn by itself.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: Role
    public static let blank = Cell(text: " ", width: 1, role: .normal)
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory screen: what a view draws into, what tests compare, what the backend diffs.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var cells: [Cell]
    /// Where the terminal cursor should stand (in a text field), or nil to hide it.
    public var cursor: Point?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns (default: to the right edge).
    /// Untrusted text is made visible first; a wide grapheme that would not fit is not split.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        let visible = VisibleText.make(text)
        if CharWidth.isSimple(visible) {
            for sc in visible.unicodeScalars {
                if col + 1 > limit { break }
                if col >= 0 {
                    clearWide(at: col, y)
                    self[col, y] = Cell(text: String(Character(sc)), width: 1, role: role)
                }
                col += 1
            }
            return col
        }
        for ch in visible {
            if ch == "\n" || ch == "\r\n" { break }
            let w = CharWidth.of(ch)
            if w == 0 {
                // A lone combining mark or format character: attach it to the previous cell.
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var p = col - 1
                    if self[p, y].isContinuation, p > 0 { p -= 1 }
                    self[p, y].text.append(ch)
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y)
                self[col, y] = Cell(text: String(ch), width: UInt8(w), role: role)
                if w == 2 {
                    clearWide(at: col + 1, y)
                    self[col + 1, y] = Cell(text: "", width: 0, role: role)
                }
            }
            col += w
        }
        return col
    }

    /// Keeps the grid consistent when a cell that is half of a wide grapheme is overwritten.
    private mutating func clearWide(at x: Int, _ y: Int) {
        let c = self[x, y]
        if c.isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", width: 1, role: self[x - 1, y].role) }
        if c.width == 2, x + 1 < width { self[x + 1, y] = Cell(text: " ", width: 1, role: c.role) }
    }

    /// Fills a rectangle with spaces of one role.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: Role) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) {
                clearWide(at: xx, yy)
                self[xx, yy] = Cell(text: " ", width: 1, role: role)
            }
        }
    }

    /// Sets the role of a rectangle without changing its text.
    public mutating func paint(x: Int, y: Int, width w: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for xx in max(0, x)..<min(width, x + w) { self[xx, y].role = role }
    }

    /// How many cells differ from `previous` (all when the size changed): the work the
    /// backend's diff does before it sends anything to the terminal.
    public func changes(since previous: Grid?) -> Int {
        guard let previous, previous.width == width, previous.height == height else { return cells.count }
        var n = 0
        for i in cells.indices where cells[i] != previous.cells[i] { n += 1 }
        return n
    }

    /// The screen as text, one line per row, trailing spaces kept: what snapshot tests compare.
    public var text: String {
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let c = self[x, y]
                if !c.isContinuation { line += c.text }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The rows as text with trailing spaces trimmed (for readable snapshots and assertions).
    public var trimmedLines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = Substring(line)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }
    }
}
