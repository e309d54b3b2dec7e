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
        // Above the key bar: the status line, wrapped to the width (a long message takes rows
        // from the body instead of being cut); while events are held in memory only, the banner
        // and its cause come first.
        let status = statusRows(s, ctx, width: width)
        let body = Area(x: 0, y: 1, width: width, height: height - 2 - max(1, status.count))
        // Modal screens (forms, confirmations, messages) draw over the screen beneath them.
        var base = s.screens.count - 1
        while base > 0, s.screens[base].isModal { base -= 1 }
        for i in base..<s.screens.count { draw(s.screens[i], &g, body, ctx) }
        for (i, row) in status.enumerated() {
            let y = height - 1 - status.count + i
            if row.fill { g.fill(x: 0, y: y, width: width, height: 1, role: row.role) }
            g.put(" " + row.text, x: 0, y: y, role: row.role)
        }
        keyBar(&g, barItems(s, ctx), y: height - 1)
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

    /// The rows of the status area, top to bottom: the message, wrapped to the width (three rows
    /// at most), under it the banner of unsaved events and its cause when writes fail.
    static func statusRows(_ s: AppState, _ ctx: Context, width: Int) -> [(text: String, role: Role, fill: Bool)] {
        var rows: [(String, Role, Bool)] = []
        func add(_ text: String, _ role: Role, fill: Bool) {
            for r in wrap(text, width: width - 2).prefix(3) { rows.append((r, role, fill)) }
        }
        if let st = s.status { add(st.text, st.role, fill: false) }
        if let j = ctx.journal, j.unsavedCount > 0 {
            add("Cause : " + (j.writeFailure ?? "écriture impossible") + ". Rien n'est perdu tant que seance reste ouvert.", .error, fill: true)
            add("NON ENREGISTRÉ : \(j.unsavedCount) événement(s) en mémoire seulement. F3 : enregistrer sous…", .error, fill: true)
        }
        return rows
    }

    /// The keys the bar shows for this state: on the séance screen, those needed at this moment
    /// (the line chosen, the séance to open, being held, on its last item, closed); in the help,
    /// how to scroll and leave it.
    static func barItems(_ s: AppState, _ ctx: Context) -> [(key: String, label: String, rank: Int)] {
        if s.showHelp {
            return [("PgSuiv", "Descendre", 0), ("PgPréc", "Remonter", 1), ("Échap", "Fermer l'aide", -1), ("F10", "Quitter", -1)]
        }
        if case .meeting(let m) = s.top, let meeting = ctx.domain.meetings[m.meeting] {
            return KeyMap.bar(.meeting, needed: meetingKeysNeeded(m, meeting, ctx))
        }
        if case .dashboard = s.top {
            return KeyMap.bar(.dashboard, needed: dashboardKeysNeeded(ctx.domain))
        }
        if case .ranking(let rs) = s.top {
            var items = KeyMap.bar(.ranking, needed: rankingKeysNeeded(rs, ctx))
            if digitsAreScores(rs, ctx) { items.insert(("0–9", "Note", 0), at: 1) }
            return items
        }
        if case .importPreview(let i) = s.top, i.done != nil {
            return [("F1", "Aide", -1), ("Entrée", "Revenir", 0), ("F10", "Quitter", -1)]
        }
        var rank = 0
        return KeyMap.bar(s.top.kind).map { item in
            defer { rank += 1 }
            return (item.key, item.label, item.key == "F1" || item.key == "F10" ? -1 : rank)
        }
    }

    /// The dashboard's keys, most needed first. Without a project or a committee, what creates
    /// them. Then the keys nobody guesses (h, /, s, f, i: at 80 columns they fill the bar)
    /// before Entrée, which the › of the list already suggests, and the keys of the setting up.
    static func dashboardKeysNeeded(_ st: ProjectState) -> [Command] {
        let reviews: [Command] = [.history, .search, .followUpsScreen, .actionsScreen, .importFile]
        if st.project == nil { return [.editProject, .newCommittee, .axes, .importFile] }
        if st.activeCommittees.isEmpty { return [.newCommittee, .axes, .editProject] + reviews }
        return reviews + [.open, .newCommittee, .participation, .editProject, .axes]
    }

    /// The séance's keys, most needed first.
    static func meetingKeysNeeded(_ m: MeetingState, _ meeting: Meeting, _ ctx: Context) -> [Command] {
        let st = ctx.domain
        let hasRanking = meeting.agenda.contains { st.agendaItems[$0]?.kind == .hierarchisation }
        // A read-only copy follows the one that writes: reading keys only.
        if ctx.journal?.writable != true {
            return [.nextItem, .previousItem, .attendanceScreen, .agendaScreen, .exportMinutes, .back]
        }
        switch meeting.state {
        case .closed:
            return [.exportMinutes, .reopen, .nextItem, .previousItem, .back]
        case .cancelled:
            return [.exportMinutes, .nextItem, .previousItem, .back]
        default: break
        }
        if m.selectedNote != nil { return [.commitLine, .remove, .back] }
        guard let current = meeting.currentItem else {
            // Not yet open: presences and the agenda, then F9 opens the first item.
            return [.attendanceScreen, .agendaScreen, .nextItem] + (hasRanking ? [.ranking] : []) + [.exportMinutes, .back]
        }
        let onRanking = st.agendaItems[current]?.kind == .hierarchisation
        let isLast = meeting.agenda.last == current
        var keys: [Command] = [.decision, .followUp]
        if onRanking { keys.append(.ranking) }
        keys += isLast ? [.closeMeeting] : [.nextItem, .closeMeeting]
        keys += [.speaker, .attendanceScreen, .agendaScreen, .previousItem]
        if hasRanking && !onRanking { keys.append(.ranking) }
        return keys + [.exportMinutes, .back]
    }

    /// The key bar: F1 Aide and F10 Quitter always show; of the others, the most needed that fit
    /// (rank 0 first), in the order of the table.
    static func keyBar(_ g: inout Grid, _ items: [(key: String, label: String, rank: Int)], y: Int) {
        func width(_ i: Int) -> Int { CharWidth.of(items[i].key) + CharWidth.of(items[i].label) + 1 }
        var used = items.indices.filter { items[$0].rank < 0 }.reduce(0) { $0 + width($1) + 2 } - 2
        var shown = Set(items.indices.filter { items[$0].rank < 0 })
        for i in items.indices.filter({ items[$0].rank >= 0 }).sorted(by: { items[$0].rank < items[$1].rank }) {
            if used + 2 + width(i) <= g.width { shown.insert(i); used += 2 + width(i) }
        }
        var x = 0
        for i in items.indices where shown.contains(i) {
            if x + width(i) > g.width { break }
            x = g.put(items[i].key, x: x, y: y, role: .keyName)
            x = g.put(" " + items[i].label, x: x, y: y, role: .keyLabel)
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
        case .confirm(let c):
            boxView(&g, a, title: "Confirmation", lines: [c.question, "", c.noDrafts == nil ? "o : oui    n : non"
                                                                         : "o : oui, la même    n : non, une autre    Échap : revenir"], role: .warning)
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
        case .importPreview(let i): importView(i, &g, a, ctx)
        case .draftOffer(let d):
            let name = ctx.domain.meetings[d.meeting].flatMap { m in ctx.domain.committees[m.committee].map { Fr.meetingName($0, m) } } ?? d.meeting
            boxView(&g, a, title: "Reprendre le brouillon ?", lines: [
                "Une ligne était en cours de saisie quand seance s'est arrêté :", "", "« " + d.text + " »", "",
                "Séance : " + name, "", "o : la reprendre dans la séance    n : l'abandonner"], role: .warning)
        }
    }

    /// The F1 help: keys on the left, what they do on the right, wrapped with a hanging indent;
    /// a page at a time when it does not fit (PgSuiv, PgPréc, ↑ ↓).
    static func help(_ g: inout Grid, _ s: AppState, _ a: Area) {
        let text = helpText(s.top.kind, width: a.width)
        let rows = max(1, a.height - 6)   // frame, margins, a blank line and the footer
        let first = min(s.helpScroll, max(0, text.count - rows))
        let page = Array(text.dropFirst(first).prefix(rows))
        let footer = text.count <= rows
            ? "Une touche quelconque ferme l'aide."
            : "Lignes \(first + 1)–\(first + page.count) sur \(text.count) · PgSuiv PgPréc ↓ ↑ : défiler · Échap : fermer"
        boxView(&g, a, title: "Aide — \(s.top.kind.title)", lines: page + ["", footer], role: .normal)
    }

    /// The help's lines for a screen at a width.
    static func helpText(_ kind: ScreenKind, width: Int) -> [String] {
        let entries = KeyMap.helpLines(kind)
        let inner = min(width - 6, 90)
        let keyWidth = min(inner * 2 / 5, entries.map { CharWidth.of($0.keys) }.max() ?? 10)
        var text: [String] = []
        for e in entries {
            let keys = CharWidth.of(e.keys) <= keyWidth ? [e.keys] : wrap(e.keys, width: keyWidth)
            let wrapped = wrap(e.help, width: inner - keyWidth - 2)
            for i in 0..<max(keys.count, wrapped.count) {
                text.append(CharWidth.pad(i < keys.count ? keys[i] : "", to: keyWidth) + "  " + (i < wrapped.count ? wrapped[i] : ""))
            }
        }
        return text
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
        for word in words(text) {
            var w = word
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

    /// The text cut at the spaces where a line may break: not before « : » nor inside « 9 h 40 »
    /// (French typography); the characters stay as typed.
    static func words(_ text: String) -> [String] {
        let chars = Array(text)
        var words: [String] = [], word = ""
        for i in chars.indices {
            if chars[i] == " " && FrenchTypography.allowsBreak(chars, at: i) {
                words.append(word); word = ""
            } else {
                word.append(chars[i])
            }
        }
        words.append(word)
        return words
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
