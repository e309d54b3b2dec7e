import SeanceModel

/// A rectangle of the screen given to a view.
struct Area {
    var x: Int, y: Int, width: Int, height: Int
}

extension App {
    public static let minWidth = 60
    public static let minHeight = 16

    /// The whole screen for a state: pure, so tests compare its text.
    public static func view(_ s: AppState, _ ctx: Context, width: Int, height: Int) -> Grid {
        var g = Grid(width: width, height: height)
        guard width >= minWidth, height >= minHeight else {
            tooSmall(&g)
            return g
        }
        titleBar(&g, s, ctx)
        // While events are held in memory only, two rows above the key bar say so and why:
        // the banner, and the cause with the status line above it.
        let failing = (ctx.journal?.unsavedCount ?? 0) > 0
        let body = Area(x: 0, y: 1, width: width, height: height - (failing ? 5 : 3))
        // Modal screens (forms, confirmations, messages) draw over the screen beneath them.
        var base = s.screens.count - 1
        while base > 0, s.screens[base].isModal { base -= 1 }
        for i in base..<s.screens.count { draw(s.screens[i], &g, body, ctx) }
        statusLine(&g, s, ctx, y: height - 2)
        keyBar(&g, s.showHelp ? .notice : s.top.kind, y: height - 1)
        if s.showHelp { help(&g, s, body) }
        return g
    }

    /// The screen while the journal is read at start: which file, how far, and that nothing is
    /// written meanwhile. Drawn whatever the terminal's size.
    public static func loading(path: String, done: Int, total: Int, width: Int, height: Int) -> Grid {
        var g = Grid(width: width, height: height)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        let barWidth = max(10, min(50, width - 10))
        let filled = barWidth * percent / 100
        let size = total >= 1_000_000 ? "\(total / 1_000_000) Mo" : "\(max(1, total / 1_000)) ko"
        let lines: [(String, Role)] = [
            ("Lecture du journal « \(VisibleText.make(name)) » (\(size))…", .normal),
            (String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + " \(percent) %", .title),
            ("Rien n'est écrit pendant la lecture.", .normal),
        ]
        for (i, (text, role)) in lines.enumerated() {
            let shown = CharWidth.truncate(text, to: width)
            g.put(shown, x: max(0, (width - CharWidth.of(shown)) / 2), y: max(0, height / 2 - 1 + i), role: role)
        }
        return g
    }

    static func tooSmall(_ g: inout Grid) {
        let lines = ["Fenêtre trop petite (\(g.width)×\(g.height)).",
                     "Agrandissez-la à \(minWidth)×\(minHeight) au moins.",
                     "Rien n'est perdu ; F10 quitte."]
        for (i, l) in lines.enumerated() {
            let y = g.height / 2 - 1 + i
            let w = CharWidth.of(l)
            g.put(l, x: max(0, (g.width - w) / 2), y: y, role: i == 0 ? .warning : .normal)
        }
    }

    static func titleBar(_ g: inout Grid, _ s: AppState, _ ctx: Context) {
        g.fill(x: 0, y: 0, width: g.width, height: 1, role: .title)
        var left = " Séance"
        if let p = ctx.domain.project, ctx.journal != nil { left += " · " + p.name }
        var right = ""
        if let j = ctx.journal {
            if j.isDemo { right = "DÉMO · " + j.path }
            if !j.writable { right = "LECTURE SEULE" + (right.isEmpty ? "" : " · " + right) }
        }
        right = CharWidth.truncate(right, to: max(0, g.width / 2 - 2))
        let rw = CharWidth.of(right)
        g.put(CharWidth.truncate(left, to: g.width - rw - 2), x: 0, y: 0, role: .title)
        if !right.isEmpty { g.put(right + " ", x: g.width - rw - 1, y: 0, role: .title) }
    }

    static func statusLine(_ g: inout Grid, _ s: AppState, _ ctx: Context, y: Int) {
        if let j = ctx.journal, j.unsavedCount > 0 {
            g.fill(x: 0, y: y, width: g.width, height: 1, role: .error)
            g.put(" NON ENREGISTRÉ : \(j.unsavedCount) événement(s) en mémoire seulement. F3 : enregistrer le journal sous…",
                  x: 0, y: y, role: .error)
            g.fill(x: 0, y: y - 1, width: g.width, height: 1, role: .error)
            g.put(" Cause : " + (j.writeFailure ?? "écriture impossible") + ". Rien n'est perdu tant que seance reste ouvert.",
                  x: 0, y: y - 1, role: .error)
            if let st = s.status { g.put(" " + st.text, x: 0, y: y - 2, role: st.role) }
            return
        }
        if let st = s.status { g.put(" " + st.text, x: 0, y: y, role: st.role) }
    }

    /// The key bar; F10 Quitter always shows, the screen's own keys as many as fit.
    static func keyBar(_ g: inout Grid, _ kind: ScreenKind, y: Int) {
        var x = 0
        let items = KeyMap.bar(kind)
        let quitWidth = items.last.map { CharWidth.of($0.key) + CharWidth.of($0.label) + 1 } ?? 0
        for (i, (key, label)) in items.enumerated() {
            let need = CharWidth.of(key) + CharWidth.of(label) + 3
            if i < items.count - 1 && x + need + quitWidth > g.width { continue }
            if x + need - 2 > g.width { break }
            x = g.put(key, x: x, y: y, role: .keyName)
            x = g.put(" " + label, x: x, y: y, role: .keyLabel)
            x += 2
        }
    }

    static func draw(_ screen: Screen, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        switch screen {
        case .welcome(let w): welcomeView(w, &g, a)
        case .dashboard(let d): dashboardView(d, &g, a, ctx)
        case .committee(let c): committeeView(c, &g, a, ctx)
        case .axes(let l): axesView(l, &g, a, ctx)
        case .form(let f): formView(f, &g, a)
        case .confirm(let c): boxView(&g, a, title: "Confirmation", lines: [c.question, "", "o : oui    n : non"], role: .warning)
        case .notice(let n): boxView(&g, a, title: n.title, lines: n.lines + ["", "Entrée : continuer"], role: n.role)
        case .problems(let p): problemsView(p, &g, a)
        case .locked(let l): lockedView(l, &g, a)
        case .meeting(let m): meetingView(m, &g, a, ctx)
        case .agenda(let s): agendaView(s, &g, a, ctx)
        case .attendance(let s): attendanceView(s, &g, a, ctx)
        case .picker(let p): pickerView(p, &g, a)
        case .history(let h): historyView(h, &g, a, ctx)
        case .search(let q): searchView(q, &g, a, ctx)
        case .followUps(let f): followUpsView(f, &g, a, ctx)
        case .participation(let p): participationView(p, &g, a, ctx)
        case .actions(let s): actionsView(s, &g, a, ctx)
        case .ranking(let r): rankingView(r, &g, a, ctx)
        case .draftOffer(let d):
            let name = ctx.domain.meetings[d.meeting].flatMap { m in ctx.domain.committees[m.committee].map { Fr.meetingName($0, m) } } ?? d.meeting
            boxView(&g, a, title: "Reprendre le brouillon ?", lines: [
                "Une ligne était en cours de saisie quand seance s'est arrêté :", "", "« " + d.text + " »", "",
                "Séance : " + name, "", "o : la reprendre dans la séance    n : l'abandonner"], role: .warning)
        }
    }

    /// The F1 help: keys on the left, what they do on the right, wrapped with a hanging indent.
    static func help(_ g: inout Grid, _ s: AppState, _ a: Area) {
        let kind = s.top.kind
        let entries = KeyMap.helpLines(kind)
        let inner = min(a.width - 6, 90)
        let keyWidth = min(inner * 2 / 5, entries.map { CharWidth.of($0.keys) }.max() ?? 10)
        var text: [String] = []
        for e in entries {
            let wrapped = wrap(e.help, width: inner - keyWidth - 2)
            for (i, l) in wrapped.enumerated() {
                text.append(CharWidth.pad(i == 0 ? e.keys : "", to: keyWidth) + "  " + l)
            }
        }
        text = Array(text.dropFirst(min(s.helpScroll, max(0, text.count - 1))))
        boxView(&g, a, title: "Aide — \(kind.title)", lines: text + ["", "Une touche quelconque ferme l'aide ; ↑ ↓ la font défiler."], role: .normal)
    }

    /// A framed box centred in the area, sized to its lines.
    static func boxView(_ g: inout Grid, _ a: Area, title: String, lines: [String], role: Role) {
        let maxInner = a.width - 6
        var wrapped: [String] = []
        for l in lines { wrapped += CharWidth.of(l) <= maxInner ? [l] : wrap(l, width: maxInner) }
        let inner = min(maxInner, max(CharWidth.of(title) + 4, wrapped.map { CharWidth.of($0) }.max() ?? 0))
        let h = min(a.height, wrapped.count + 4)
        let w = inner + 4
        let x = a.x + (a.width - w) / 2, y = a.y + max(0, (a.height - h) / 2)
        g.fill(x: x, y: y, width: w, height: h, role: .normal)
        frame(&g, x: x, y: y, width: w, height: h, title: title, role: role)
        for (i, l) in wrapped.prefix(h - 4).enumerated() {
            g.put(l, x: x + 2, y: y + 2 + i, maxWidth: inner)
        }
    }

    static func frame(_ g: inout Grid, x: Int, y: Int, width w: Int, height h: Int, title: String, role: Role) {
        g.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, role: role)
        for yy in (y + 1)..<(y + h - 1) {
            g.put("│", x: x, y: yy, role: role)
            g.put("│", x: x + w - 1, y: yy, role: role)
        }
        g.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, role: role)
        g.put(" " + title + " ", x: x + 2, y: y, role: role == .normal ? .header : role, maxWidth: w - 4)
    }

    /// Word wrap to `width` columns; a word longer than the line is cut by characters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if text.isEmpty { return [""] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var w = String(word)
            var ww = CharWidth.of(w)
            if lineWidth > 0 && lineWidth + 1 + ww > width {
                lines.append(line); line = ""; lineWidth = 0
            }
            while ww > width {
                let head = CharWidth.prefix(w, fitting: width - lineWidth - (lineWidth > 0 ? 1 : 0))
                if head.isEmpty { lines.append(line); line = ""; lineWidth = 0; continue }
                line += (lineWidth > 0 ? " " : "") + head
                lines.append(line); line = ""; lineWidth = 0
                w = String(w.dropFirst(head.count)); ww = CharWidth.of(w)
            }
            line += (lineWidth > 0 ? " " : "") + w
            lineWidth += (lineWidth > 0 ? 1 : 0) + ww
        }
        lines.append(line)
        return lines
    }

    /// Rows of a scrolling list: keeps the selection in view; returns the first row shown.
    static func scrollStart(selection: Int, count: Int, rows: Int) -> Int {
        guard rows > 0, count > rows else { return 0 }
        return min(max(0, selection - rows / 2), count - rows)
    }
}

extension Screen {
    var isModal: Bool {
        switch self {
        case .form, .confirm, .notice, .picker, .draftOffer: true
        default: false
        }
    }
}
