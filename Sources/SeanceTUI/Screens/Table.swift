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
        func line(_ cells: [String]) -> String {
            var s = " "
            for (i, c) in columns.enumerated() {
                s += CharWidth.pad(cells.indices.contains(i) ? cells[i] : "", to: widths[i], right: c.right)
                if i < columns.count - 1 { s += " " }
            }
            return s
        }
        g.put(line(columns.map(\.title)), x: a.x, y: a.y, role: .header, maxWidth: a.width)
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
            g.put(line(row), x: a.x, y: y, role: selected ? (focused ? .selected : .accent) : .normal, maxWidth: a.width)
            if selected { g.put("›", x: a.x, y: y, role: focused ? .selected : .accent) }
        }
        return 1 + min(bodyRows, rows.count)
    }
}
