import SeanceModel

extension App {
    /// The preview of an import: how the file was read, each column and its meaning (the chosen
    /// one marked), the first rows, then the problems or what the import would do. The same
    /// lines as `seance import` prints (`ImportPreview.lines`).
    static func importView(_ i: ImportState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let plan = i.plan
        let what = i.request.kind == .members ? "membres" : "fiches actions"
        var y = a.y + 1
        g.put(" Import des \(what) — \(VisibleText.make(i.request.path))", x: a.x, y: y, role: .header, maxWidth: a.width - 1)
        y += 1
        if i.request.kind == .members {
            let c = i.request.committee.flatMap { ctx.domain.committees[$0]?.name } ?? "celui que nomme la colonne Comité(s)"
            g.put(" Comité des membres : " + c, x: a.x, y: y, role: .dim, maxWidth: a.width - 1)
            y += 1
        }
        y += 1
        var lines: [(text: String, role: Role)] = []
        let preview = ImportPreview.lines(plan)
        // The preview's lines: « Lu : … », « Colonnes : », one per column, the first rows, the result.
        let firstColumn = 2
        var selectedLine: Int?
        for (n, l) in preview.enumerated() {
            let isColumn = n >= firstColumn && n < firstColumn + plan.columns.count
            if isColumn && n - firstColumn == i.selection { selectedLine = lines.count }
            if l.hasPrefix("Résultat") { continue }
            lines.append((l, isColumn ? .normal : (l.hasSuffix(":") ? .header : .normal)))
        }
        if i.done == nil && !plan.problems.isEmpty {
            lines.append(("", .normal))
            let n = plan.problems.count
            lines.append(("\(n) problème\(n > 1 ? "s" : "") : rien ne sera importé tant que le fichier n'est pas corrigé.", .error))
            for p in plan.problems { lines.append(("  " + VisibleText.make(p.description), .error)) }
        }
        lines.append(("", .normal))
        if let done = i.done {
            lines.append(("Importé : \(done).", .ok))
            lines.append(("Entrée ou Échap : revenir au tableau de bord.", .dim))
        } else if plan.problems.isEmpty {
            lines.append(("Si vous importez : \(plan.summary).", .ok))
            lines.append(("Entrée : tout importer d'un coup · ← → : sens de la colonne choisie · Échap : ne rien écrire.", .dim))
        } else {
            lines.append(("← → : changer le sens de la colonne choisie · Échap : ne rien écrire.", .dim))
        }
        // Long lines wrap (a problem's reason); the chosen column's line stays whole.
        var rows: [(text: String, role: Role, selected: Bool)] = []
        var selectedRow = 0
        for (n, l) in lines.enumerated() {
            if n == selectedLine { selectedRow = rows.count; rows.append((l.text, l.role, true)); continue }
            // Lines that fit keep their indentation (the columns line up); longer ones wrap.
            if CharWidth.of(l.text) <= a.width - 2 { rows.append((l.text, l.role, false)); continue }
            let indent = String(l.text.prefix { $0 == " " })
            for (k, w) in wrap(String(l.text.dropFirst(indent.count)), width: a.width - 6 - indent.count).enumerated() {
                rows.append((indent + (k > 0 ? "    " : "") + w, l.role, false))
            }
        }
        let height = a.y + a.height - y
        guard height > 0 else { return }
        let limit = max(0, rows.count - height)
        let start = min(limit, i.scroll ?? max(0, selectedRow - height + 3))
        for (k, r) in rows.dropFirst(start).prefix(height).enumerated() {
            if r.selected {
                g.fill(x: a.x, y: y + k, width: a.width, height: 1, role: .selected)
                g.put("›" + r.text, x: a.x, y: y + k, role: .selected, maxWidth: a.width)
            } else {
                g.put(" " + r.text, x: a.x, y: y + k, role: r.role, maxWidth: a.width)
            }
        }
    }
}
