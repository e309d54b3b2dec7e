/// A column of a table: a title, a width in columns (0 = share of what is left), alignment.
struct Column {
    var title: String
    var width: Int
    var right = false
}

extension App {
    /// Draws a table with a header row and a selectable, scrolling body. Returns rows used.
    @discardableResult
    static func table(_ g: inout Grid, _ a: Area, columns: [Column], rows: [[String]], selection: Int?, focused: Bool = true,
                      empty: String = "") -> Int {
        guard a.height > 0 else { return 0 }
        let fixed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
        let flexCount = columns.filter { $0.width == 0 }.count
        let flex = flexCount > 0 ? max(4, (a.width - 2 - fixed) / flexCount) : 0
        let widths = columns.map { $0.width == 0 ? flex : $0.width }
        let lineWidth = 1 + widths.reduce(0, +) + columns.count - 1
        /// One row, cell by cell (no line built and walked again): spaces in `role` under the
        /// whole row, then each cell cut to its column and aligned in it.
        func drawRow(_ cells: [String], y: Int, role: Role) {
            let end = a.x + a.width
            g.fill(x: a.x, y: y, width: min(lineWidth, a.width), height: 1, role: role)
            var x = a.x + 1
            for (i, c) in columns.enumerated() where x < end {
                let t = CharWidth.truncate(cells.indices.contains(i) ? cells[i] : "", to: widths[i])
                let start = c.right ? x + widths[i] - CharWidth.of(t) : x
                if let first = t.first, CharWidth.of(first) == 0, start > a.x {
                    // A mark that starts the cell joins the space before it, as it did when rows
                    // were drawn as one line.
                    g.put(" " + t, x: start - 1, y: y, role: role, maxWidth: end - start + 1)
                } else if !t.isEmpty {
                    g.put(t, x: start, y: y, role: role, maxWidth: end - start)
                }
                x += widths[i] + 1
            }
        }
        drawRow(columns.map(\.title), y: a.y, role: .header)
        let bodyRows = a.height - 1
        if rows.isEmpty {
            if bodyRows > 0 { g.put(" " + empty, x: a.x, y: a.y + 1, role: .dim, maxWidth: a.width) }
            return min(a.height, 2)
        }
        let start = scrollStart(selection: selection ?? 0, count: rows.count, rows: bodyRows)
        for (i, row) in rows.dropFirst(start).prefix(bodyRows).enumerated() {
            let index = start + i
            let selected = index == selection
            let y = a.y + 1 + i
            if selected { g.fill(x: a.x, y: y, width: a.width, height: 1, role: focused ? .selected : .accent) }
            drawRow(row, y: y, role: selected ? (focused ? .selected : .accent) : .normal)
            if selected { g.put("›", x: a.x, y: y, role: focused ? .selected : .accent) }
        }
        return 1 + min(bodyRows, rows.count)
    }
}
