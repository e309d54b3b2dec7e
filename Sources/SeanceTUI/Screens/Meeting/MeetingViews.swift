import SeanceModel

extension App {
    /// `mm:ss` or `h:mm:ss`.
    static func clock(_ seconds: Int64) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        let mm = m < 10 ? "0\(m)" : "\(m)", ss = s < 10 ? "0\(s)" : "\(s)"
        return h > 0 ? "\(h):\(mm):\(ss)" : "\(mm):\(ss)"
    }

    static func quorumLine(_ meetingID: String, _ st: ProjectState) -> (String, Role) {
        let q = st.quorum(meetingID)
        var s = "Votants présents : \(q.present)"
        if q.represented > 0 { s += " + \(q.represented) pouvoir\(q.represented > 1 ? "s" : "")" }
        s += " sur \(q.votingMembers) · quorum \(q.required) : " + (q.met ? "atteint ✓" : "NON ATTEINT")
        return (s, q.met ? .ok : .warning)
    }

    /// For a séance to come, where its convocation stands against the committee's rule
    /// (`ProjectState.convocationStatus`): the last day to send it, or the day it was sent; a
    /// part in the warning style when the delay is passed or was not kept. Empty when there is
    /// nothing to say (no rule and not sent, held, cancelled).
    static func convocationLine(_ meeting: Meeting, _ st: ProjectState, today: LocalDate) -> [(String, Role)] {
        // A séance whose day has passed is written up, not convened: nothing to say of it.
        guard meeting.state == .planned, meeting.date >= today, let s = st.convocationStatus(meeting.id, today: today) else { return [] }
        let delay = Fr.Paperwork.delay(s.rule)
        if let sent = s.sent {
            var parts: [(String, Role)] = [("Convoquée le " + sent.french, .dim)]
            if s.isLate { parts.append((" · ⚠ délai de \(delay) non respecté", .warning)) }
            return parts
        }
        guard let latest = s.latest else { return [] }
        if s.isLate { return [("⚠ Délai de convocation dépassé : au plus tard le \(latest.french) (\(delay))", .warning)] }
        return [("Convocation à envoyer au plus tard le \(latest.french) (\(delay))", .dim)]
    }

    static func meetingHeader(_ meeting: Meeting, _ g: inout Grid, _ a: Area, _ st: ProjectState, today: LocalDate,
                              convocation showsConvocation: Bool = false) -> Int {
        // On the séance's own screen, the convocation's line under the state.
        let c = st.committees[meeting.committee]
        var y = a.y
        var title = c.map { Fr.meetingName($0, meeting) } ?? meeting.id
        title += " — " + Fr.longDate(meeting.date)
        if let t = meeting.time { title += ", " + t.french }
        if !meeting.place.isEmpty { title += " — " + meeting.place }
        g.put(" " + CharWidth.truncate(title, to: a.width - 1), x: a.x, y: y, role: .header, maxWidth: a.width); y += 1
        let (q, role) = quorumLine(meeting.id, st)
        var state = Fr.meetingState(meeting, today: today)
        if meeting.state == .closed, let end = meeting.endTime { state += " à " + end.french }
        let x = g.put(" " + CharWidth.truncate(meeting.title, to: max(10, a.width - CharWidth.of(q) - CharWidth.of(state) - 8)), x: a.x, y: y, role: .dim)
        let right = state + " · " + q + " "
        g.put(right, x: max(x + 1, a.x + a.width - CharWidth.of(right)), y: y, role: meeting.state == .closed ? .warning : role)
        y += 1
        let convocation = showsConvocation ? convocationLine(meeting, st, today: today) : []
        if !convocation.isEmpty {
            var cx = a.x + 1
            for (text, role) in convocation where cx < a.x + a.width {
                cx = g.put(text, x: cx, y: y, role: role, maxWidth: a.x + a.width - cx)
            }
            y += 1
        }
        return y
    }

    static func meetingView(_ ms: MeetingState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        guard let meeting = st.meetings[ms.meeting] else { return }
        var y = meetingHeader(meeting, &g, a, st, today: ctx.today, convocation: true)
        y += 1
        let leftWidth = min(38, max(24, a.width / 3))
        let bottom = a.y + a.height
        let inputRows = meeting.state == .closed ? 1 : 3
        // Agenda, left.
        g.put(" Ordre du jour", x: a.x, y: y, role: .accent)
        var total = 0
        let live = st.isHeldLive(meeting.id, at: ctx.now)
        for (i, id) in meeting.agenda.enumerated() {
            guard let item = st.agendaItems[id] else { continue }
            total += item.plannedMinutes ?? 0
            let row = y + 1 + i
            guard row < bottom - 1 else { break }
            let isCurrent = id == meeting.activeItem && meeting.state != .planned
            let isShown = ms.shownItem(meeting) == id && !isCurrent
            // The séance's own times: the clock runs only while it is held live, and stops at its clôture.
            let spent = st.timeSpent(on: id, until: live ? st.local(ctx.now).localTime : nil)
            let planned = Int64(item.plannedMinutes ?? 0) * 60
            let over = planned > 0 && spent > planned
            var timing = ""
            if spent > 0 || (isCurrent && live) { timing = clock(spent) + (planned > 0 ? "/\(item.plannedMinutes!)′" : "") }
            else if planned > 0 { timing = "\(item.plannedMinutes!)′" }
            let label = (isCurrent ? "▶" : (isShown ? "›" : " ")) + "\(i + 1). " + item.title
            let tw = CharWidth.of(timing)
            g.put(CharWidth.pad(label, to: leftWidth - tw - 2), x: a.x, y: row, role: isCurrent ? .selected : .normal)
            g.put(timing + " ", x: a.x + leftWidth - tw - 2, y: row, role: over ? .error : (isCurrent ? .selected : .dim))
            if over && isCurrent { g.put("!", x: a.x + leftWidth - 2, y: row, role: .error) }
        }
        if meeting.agenda.isEmpty { g.put("  (vide : F2 pour le préparer)", x: a.x, y: y + 1, role: .dim, maxWidth: leftWidth - 1) }
        let footer = y + 2 + meeting.agenda.count
        if footer < bottom - 1, total > 0 {
            var t = " Prévu : \(total / 60) h \(total % 60 < 10 ? "0" : "")\(total % 60)"
            if let start = meeting.time {
                let end = start.minutesOfDay + total
                t += " → \(LocalTime(hour: (end / 60) % 24, minute: end % 60)!.french)"
            }
            g.put(t, x: a.x, y: footer, role: .dim, maxWidth: leftWidth - 1)
        }
        for row in y..<bottom { g.put("│", x: a.x + leftWidth - 1, y: row, role: .dim) }

        // Notes of the current item, right.
        let x = a.x + leftWidth + 1
        let w = a.width - leftWidth - 2
        let itemID = ms.shownItem(meeting)
        let item = itemID.flatMap { st.agendaItems[$0] }
        var head = item.map { "\($0.title) · \(Fr.agendaKind($0.kind))" } ?? "Notes de la séance"
        if let p = item?.presenter, !p.isEmpty { head += " · présenté par " + (st.members[p]?.name ?? p) }
        g.put(CharWidth.truncate(head, to: w), x: x, y: y, role: .accent)
        var lines: [(String, Role, Int?)] = []
        if let item, !item.followUps.isEmpty {
            // The follow-ups this item takes up, as they stand now (one done since shows as done).
            for f in item.followUps.compactMap({ st.followUps[$0] }) {
                let t = "• " + Fr.Line.followUp(what: f.what, owner: st.ownerName(f.owner), due: f.due, done: f.done)
                lines += wrap(t, width: w).map { ($0, f.done == nil ? .dim : .ok, nil) }
            }
        } else if let details = item?.details, !details.isEmpty {
            for l in details.split(separator: "\n") { lines += wrap(String(l), width: w).map { ($0, .dim, nil) } }
        }
        // Notes and decisions in the order they were typed, then follow-ups, chosen with ↑ as
        // they are (`MeetingEntry`).
        let decisionOrder = st.decisionOrder(of: meeting)
        let presidentCivility = st.members[st.president(of: meeting)]?.civility
        for (i, entry) in MeetingEntry.of(st, meeting, item: itemID).enumerated() {
            switch entry {
            case .note(let n):
                let text = n.text + (n.corrections > 0 ? " (corrigé)" : "")
                let saved = !(ctx.journal?.unsavedEntities.contains(n.id) ?? false)
                let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: w - 2) }
                for (j, l) in wrapped.enumerated() {
                    lines.append(((j == 0 ? (saved ? "• " : "✗ ") : "  ") + l, ms.selectedNote == i ? .selected : .normal, i))
                }
            case .decision(let d):
                // Numbered and worded as the compte rendu: « Décision n°3 – Validée : … ».
                let n = (decisionOrder.firstIndex(of: d.id) ?? 0) + 1
                let stop = d.text.last.map { ".!?…".contains($0) } ?? true ? " " : ". "
                var t = Fr.Line.decisionHeading(n, d) + " : " + d.text + stop + Fr.Line.vote(d, president: presidentCivility)
                if let r = Fr.Line.recusal(d.recused.map(st.ownerName)) { t += " " + r }
                if d.corrections > 0 { t += " (corrigée)" }
                lines += wrap(t, width: w).map { ($0, ms.selectedNote == i ? .selected : .ok, i) }
            case .followUp(let f):
                let t = "Suite : " + Fr.Line.followUp(what: f.what, owner: st.ownerName(f.owner), due: f.due, done: f.done)
                lines += wrap(t, width: w).map { ($0, ms.selectedNote == i ? .selected : .accent, i) }
            }
        }
        let area = bottom - inputRows - 1 - (y + 1)
        var start = max(0, lines.count - area)
        if let sel = ms.selectedNote, let first = lines.firstIndex(where: { $0.2 == sel }), first < start { start = first }
        for (i, l) in lines.dropFirst(start).prefix(area).enumerated() {
            g.put(l.0, x: x, y: y + 1 + i, role: l.1, maxWidth: w)
        }
        if lines.isEmpty && meeting.state != .closed {
            for (i, l) in wrap("Tapez le compte rendu ; Entrée enregistre chaque ligne. Tab complète un nom d'orateur.", width: w).enumerated() {
                g.put(l, x: x, y: y + 1 + i, role: .dim)
            }
        }

        // The line being typed, soft-wrapped, at the bottom.
        let inputTop = bottom - inputRows
        if meeting.state == .closed {
            g.put("Close" + (meeting.endTime.map { " à " + $0.french } ?? "") + ", lecture seule · Ctrl+R rouvre",
                  x: x, y: inputTop, role: .warning, maxWidth: w)
            return
        }
        g.put(String(repeating: "─", count: w), x: x, y: inputTop - 1, role: .dim)
        var editor = ms.editor
        let (rows, cursorRow, cursorCol) = editor.wrapped(width: w - 2)
        let first = max(0, cursorRow - (inputRows - 1))
        for (i, r) in rows.dropFirst(first).prefix(inputRows).enumerated() {
            g.put((i == 0 && first == 0 ? "› " : "  ") + r, x: x, y: inputTop + i, role: .normal, maxWidth: w)
        }
        if ms.selectedNote == nil && ctx.journal?.writable == true {
            g.cursor = Point(x: x + 2 + cursorCol, y: inputTop + cursorRow - first)
        }
    }

    static func agendaView(_ s: AgendaState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        guard let meeting = ctx.domain.meetings[s.meeting] else { return }
        var y = meetingHeader(meeting, &g, a, ctx.domain, today: ctx.today) + 1
        g.put(" Ordre du jour", x: a.x, y: y, role: .accent); y += 1
        let items = meeting.agenda.compactMap { ctx.domain.agendaItems[$0] }
        var clockTime = meeting.time?.minutesOfDay
        var rows: [[String]] = []
        for (i, item) in items.enumerated() {
            let at = clockTime.map { LocalTime(hour: ($0 / 60) % 24, minute: $0 % 60)!.journalValue } ?? ""
            rows.append(["\(i + 1)", at, item.title, Fr.agendaKind(item.kind), ctx.domain.members[item.presenter]?.name ?? item.presenter,
                         item.plannedMinutes.map { "\($0) min" } ?? ""])
            if let c = clockTime { clockTime = c + (item.plannedMinutes ?? 0) }
        }
        let used = table(&g, Area(x: a.x, y: y, width: a.width, height: a.height - (y - a.y) - 2),
                         columns: [Column(title: "N°", width: 3, right: true), Column(title: "Heure", width: 5), Column(title: "Point", width: 0),
                                   Column(title: "Type", width: 16), Column(title: "Présenté par", width: 18), Column(title: "Durée", width: 7, right: true)],
                         rows: rows, selection: s.list.selection, empty: "Ordre du jour vide : n pour ajouter un point.")
        let total = items.reduce(0) { $0 + ($1.plannedMinutes ?? 0) }
        var line = " Durée totale prévue : \(total / 60) h \(total % 60 < 10 ? "0" : "")\(total % 60)"
        if let start = meeting.time {
            let end = start.minutesOfDay + total
            line += " · début \(start.french), fin prévue \(LocalTime(hour: (end / 60) % 24, minute: end % 60)!.french)"
        }
        g.put(line, x: a.x, y: min(a.y + a.height - 1, y + used + 1), role: .dim)
    }

    static func attendanceView(_ s: AttendanceState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        guard let meeting = st.meetings[s.meeting] else { return }
        var y = meetingHeader(meeting, &g, a, st, today: ctx.today) + 1
        g.put(" Présences", x: a.x, y: y, role: .accent); y += 1
        let rows: [[String]] = st.participants(of: s.meeting).map { p in
            let at = meeting.attendance[p.id]
            let status = at.map { a in
                Fr.Line.presence(a.status, proxy: a.proxy.map(st.ownerName),
                                 since: a.hasLeft ? a.arrived : a.time, left: a.left, civility: p.civility)
            } ?? "—"
            let vote = p.guestOf != nil ? "invité" : (p.voting ? "oui" : "—")
            return [p.name, p.organisation, vote, status]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.height - (y - a.y)),
              columns: [Column(title: "Nom", width: 0), Column(title: "Organisation", width: 0), Column(title: "Vote", width: 6),
                        // As wide as its longest line (« présente (depuis 9 h 50), partie à 10 h 30 ») up to half the screen.
                        Column(title: "Présence", width: max(12, min(rows.map { CharWidth.of($0[3]) }.max() ?? 0, a.width / 2)))],
              rows: rows, selection: s.list.selection, empty: "Aucun membre.")
    }

    static func pickerView(_ p: PickerState, _ g: inout Grid, _ a: Area) {
        let visible = p.visible
        let w = min(a.width - 4, 72)
        let h = min(a.height, max(8, min(visible.count, 12) + 6))
        let x = a.x + (a.width - w) / 2, y = a.y + (a.height - h) / 2
        g.fill(x: x, y: y, width: w, height: h, role: .normal)
        frame(&g, x: x, y: y, width: w, height: h, title: p.title, role: .header)
        g.put("Filtre : ", x: x + 2, y: y + 1, role: .dim)
        var f = p.filter
        let (text, col) = f.visible(width: w - 14)
        g.fill(x: x + 11, y: y + 1, width: w - 13, height: 1, role: .fieldFocused)
        g.put(text, x: x + 11, y: y + 1, role: .fieldFocused)
        g.cursor = Point(x: x + 11 + col, y: y + 1)
        let rows = h - 4
        let start = scrollStart(selection: p.selection, count: visible.count, rows: rows)
        for (i, o) in visible.dropFirst(start).prefix(rows).enumerated() {
            let sel = start + i == p.selection
            if sel { g.fill(x: x + 1, y: y + 3 + i, width: w - 2, height: 1, role: .selected) }
            g.put((sel ? "› " : "  ") + o.label, x: x + 2, y: y + 3 + i, role: sel ? .selected : .normal, maxWidth: w - 4)
        }
        if visible.isEmpty { g.put("Aucun nom ne correspond.", x: x + 2, y: y + 3, role: .dim) }
    }
}
