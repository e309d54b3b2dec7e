import SeanceModel

extension App {
    static func formView(_ f: FormState, _ g: inout Grid, _ a: Area) {
        // The « * » of a required field counts: « Ouverture à * » was cut to « Ouverture à… ».
        let labelWidth = min(26, (f.fields.map { CharWidth.of($0.label) + ($0.required ? 2 : 0) }.max() ?? 10) + 1)
        let w = min(a.width - 2, max(60, min(96, a.width - 8)))
        let fieldWidth = w - labelWidth - 7
        // A refusal is wrapped to the form's width, never cut.
        let errorLines = f.error.map { wrap($0, width: w - 4) } ?? []
        let h = min(a.height, f.fields.count * 2 + 5 + errorLines.count)
        let x = a.x + (a.width - w) / 2, y0 = a.y + max(0, (a.height - h) / 2)
        g.fill(x: x, y: y0, width: w, height: h, role: .normal)
        frame(&g, x: x, y: y0, width: w, height: h, title: f.title, role: .header)
        // A form taller than the screen scrolls: the focused field is always shown.
        let capacity = max(1, (h - 4 - errorLines.count) / 2)
        let first = scrollStart(selection: f.focus, count: f.fields.count, rows: capacity)
        let shown = first..<min(f.fields.count, first + capacity)
        if first > 0 { g.put(" ↑ \(first) champ\(first > 1 ? "s" : "") ", x: x + w - 14, y: y0, role: .header) }
        let below = f.fields.count - shown.upperBound
        if below > 0 { g.put(" ↓ \(below) champ\(below > 1 ? "s" : "") ", x: x + w - 14, y: y0 + h - 1, role: .header) }
        var y = y0 + 2
        for i in shown where y < y0 + h - 2 - errorLines.count {
            let field = f.fields[i]
            let focused = i == f.focus
            g.put(CharWidth.pad(field.label + (field.required ? " *" : ""), to: labelWidth), x: x + 2, y: y,
                  role: focused ? .accent : .normal)
            let fx = x + 2 + labelWidth + 1
            switch field.kind {
            case .text(var editor):
                g.fill(x: fx, y: y, width: fieldWidth, height: 1, role: focused ? .fieldFocused : .field)
                // The focused field scrolls to its cursor; the others show their beginning.
                let (text, col) = focused ? editor.visible(width: fieldWidth) : (CharWidth.truncate(editor.text, to: fieldWidth), 0)
                g.put(text, x: fx, y: y, role: focused ? .fieldFocused : .field, maxWidth: fieldWidth)
                if focused { g.cursor = Point(x: fx + col, y: y) }
                if !field.hint.isEmpty && (focused || editor.isEmpty) && y + 1 < y0 + h - 1 {
                    g.put(field.hint, x: fx, y: y + 1, role: .dim, maxWidth: fieldWidth)
                }
            case .choice(let options, let sel):
                let label = options.isEmpty ? "" : options[sel].label
                g.put("◀ " + label + " ▶", x: fx, y: y, role: focused ? .fieldFocused : .field, maxWidth: fieldWidth)
                if focused && y + 1 < y0 + h - 1 { g.put("← → pour changer", x: fx, y: y + 1, role: .dim) }
            }
            y += 2
        }
        for (i, line) in errorLines.enumerated() {
            let row = y0 + h - 2 - errorLines.count + i
            if row > y0 { g.put(line, x: x + 2, y: row, role: .error, maxWidth: w - 4) }
        }
        g.put("F2 Enregistrer · Échap Annuler · * obligatoire", x: x + 2, y: y0 + h - 2, role: .dim, maxWidth: w - 4)
    }
}
