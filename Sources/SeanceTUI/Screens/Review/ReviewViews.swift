import Foundation
import SeanceModel

extension App {
    static func historyView(_ h: HistoryState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var y = a.y + 1
        g.put(" Historique des séances", x: a.x, y: y, role: .header)
        var filters: [String] = []
        filters.append("comité : " + (h.committee.flatMap { st.committees[$0]?.name } ?? "tous"))
        filters.append("axe : " + (h.axis.flatMap { st.axes[$0] }.map { "\($0.number)" } ?? "tous"))
        filters.append("année : " + (h.year.map(String.init) ?? "toutes"))
        filters.append("état : " + (h.status.map { Fr.meetingState($0) } ?? "tous"))
        y += 1
        for l in wrap(filters.joined(separator: " · "), width: a.width - 2).prefix(2) { g.put(" " + l, x: a.x, y: y, role: .dim); y += 1 }
        y += 1
        let rows = st.timeline(h.filter)
        let data: [[String]] = rows.map { m in
            let c = st.committees[m.committee]
            return [Fr.shortDate(m.date), c.map { Fr.meetingName($0, m) } ?? m.committee, m.title, Fr.meetingState(m, today: ctx.today),
                    m.decisions.isEmpty ? "" : "\(m.decisions.count)"]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "Date", width: 13), Column(title: "Séance", width: 0), Column(title: "Titre", width: 0),
                        Column(title: "État", width: 8), Column(title: "Déc.", width: 4, right: true)],
              rows: data, selection: h.list.selection, empty: "Aucune séance pour ces filtres (0 pour les enlever).")
    }

    static func searchView(_ q: SearchState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var y = a.y + 1
        g.put(" Rechercher : ", x: a.x, y: y, role: .header)
        var editor = q.query
        let fieldX = a.x + 14, fieldW = a.width - 16
        g.fill(x: fieldX, y: y, width: fieldW, height: 1, role: .fieldFocused)
        let (text, col) = editor.visible(width: fieldW)
        g.put(text, x: fieldX, y: y, role: .fieldFocused)
        g.cursor = Point(x: fieldX + col, y: y)
        y += 1
        let hits = q.hits
        let label = q.query.isEmpty ? "Tapez des mots : majuscules et accents ne comptent pas (« epicerie » trouve « Épicerie »)."
            : "\(hits.count) résultat\(hits.count > 1 ? "s" : "")"
        g.put(" " + label, x: a.x, y: y, role: .dim, maxWidth: a.width - 1)
        y += 2
        func kind(_ k: ProjectState.SearchHit.Kind) -> String {
            switch k {
            case .note: "note"
            case .decision: "décision"
            case .followUp: "suite"
            case .agendaItem: "point"
            case .meeting: "séance"
            case .action: "fiche"
            case .member: "membre"
            case .guest: "invité"
            }
        }
        let data: [[String]] = hits.map { hit in
            let m = hit.meeting.flatMap { st.meetings[$0] }
            var place = m.map { mm in st.committees[mm.committee].map { Fr.meetingName($0, mm) } ?? mm.id } ?? "Fiches actions"
            if let c = hit.committee { place = st.committees[c]?.name ?? c }
            let item = hit.item.flatMap { st.agendaItems[$0]?.title } ?? ""
            // A note's line breaks are text, not controls: on one line they read as « / ».
            let text = hit.text.replacingOccurrences(of: "\n", with: " / ")
            return [hit.date.map(Fr.shortDate) ?? "", kind(hit.kind), place + (item.isEmpty ? "" : " › " + item), text]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "Date", width: 13), Column(title: "Type", width: 8), Column(title: "Où", width: 0), Column(title: "Texte", width: 0)],
              rows: data, selection: q.list.selection, empty: q.query.isEmpty ? "" : "Rien trouvé.")
    }

    static func followUpsView(_ f: FollowUpsState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var y = a.y + 1
        let rows = st.followUpRows(showDone: f.showDone, owner: f.owner.text, today: ctx.today)
        let overdue = rows.filter { $0.isOpen && ($0.due.map { $0 < ctx.today } ?? false) }.count
        g.put(" Suites à donner — \(rows.filter(\.isOpen).count) ouverte(s), dont \(overdue) en retard" + (f.showDone ? " (et les faites)" : ""),
              x: a.x, y: y, role: .header, maxWidth: a.width); y += 1
        g.put(" Responsable : ", x: a.x, y: y, role: .dim)
        var editor = f.owner
        let (text, col) = editor.visible(width: 30)
        g.fill(x: a.x + 15, y: y, width: 30, height: 1, role: .field)
        g.put(text, x: a.x + 15, y: y, role: .field)
        g.cursor = Point(x: a.x + 15 + col, y: y)
        g.put(" tapez un nom pour filtrer", x: a.x + 46, y: y, role: .dim, maxWidth: max(0, a.width - 47))
        y += 2
        let data: [[String]] = rows.map { fu in
            let m = st.meetings[fu.meeting]
            let from = m.map { mm in st.committees[mm.committee].map { Fr.meetingName($0, mm) } ?? "" } ?? ""
            var due = fu.due?.french ?? "—"
            if let d = fu.done { due = "faite le " + d.french }
            else if let d = fu.due, d < ctx.today { due += " EN RETARD" }
            return [fu.what, st.ownerName(fu.owner), due, from]
        }
        let selected = f.list.selection
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "Quoi", width: 0), Column(title: "Qui", width: 20), Column(title: "Échéance", width: 21),
                        Column(title: "Décidée en", width: min(28, a.width / 4))],
              rows: data, selection: selected, empty: "Aucune suite à donner.")
        // Overdue rows in the warning colour (the table draws them plain).
        let start = scrollStart(selection: selected, count: rows.count, rows: a.y + a.height - y - 1)
        for (i, fu) in rows.dropFirst(start).enumerated() where y + 1 + i < a.y + a.height && i + start != selected {
            if fu.isOpen, let d = fu.due, d < ctx.today { g.paint(x: a.x, y: y + 1 + i, width: a.width, role: .warning) }
            if !fu.isOpen { g.paint(x: a.x, y: y + 1 + i, width: a.width, role: .dim) }
        }
    }

    /// A horizontal bar of `percent` in `width` cells, with eighths for precision.
    static func bar(_ percent: Int, width: Int) -> String {
        let eighths = percent * width * 8 / 100
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
    }

    static func participationView(_ p: ParticipationState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var y = a.y + 1
        let from = p.year.flatMap { LocalDate(year: $0, month: 1, day: 1) }, to = p.year.flatMap { LocalDate(year: $0, month: 12, day: 31) }
        let data = st.participation(from: from, to: to, committee: p.committee)
        let title = switch p.view { case .committees: "par comité"; case .members: "par membre"; case .organisations: "par organisation" }
        var head = " Participation \(title) · " + (p.year.map { "année \($0)" } ?? "toutes les années")
        if p.view == .members { head += " · " + (p.committee.flatMap { st.committees[$0]?.name } ?? "tous les comités") }
        g.put(head, x: a.x, y: y, role: .header, maxWidth: a.width); y += 1
        g.put(" Présents (sur place ou à distance) / attendus, aux séances tenues. Tab : autre vue.", x: a.x, y: y, role: .dim, maxWidth: a.width)
        y += 2
        let rates = p.view == .committees ? data.committees : p.view == .members ? data.members : data.organisations
        let labelWidth = min(40, max(16, a.width / 3))
        // Members of all committees: a line per seat, its committee named in a column of its own
        // (a person on two committees has two lines, told apart by it).
        let committeeWidth = p.view == .members && p.committee == nil ? min(26, max(12, a.width / 5)) : 0
        let barWidth = max(10, a.width - labelWidth - committeeWidth - 20)
        for r in rates.dropFirst(min(p.scroll, max(0, rates.count - 1))) where y < a.y + a.height {
            g.put(" " + CharWidth.pad(r.label, to: labelWidth - 1), x: a.x, y: y)
            if committeeWidth > 0, let c = r.committee.flatMap({ st.committees[$0] }) {
                g.put(CharWidth.pad(committeeShortName(c), to: committeeWidth - 1), x: a.x + labelWidth + 1, y: y, role: .dim)
            }
            g.put(bar(r.percent, width: barWidth), x: a.x + labelWidth + committeeWidth + 1, y: y, role: r.percent < 50 ? .warning : .ok)
            let figure = "\(r.percent) % (\(r.present)/\(r.expected))"
            g.put(figure, x: a.x + a.width - CharWidth.of(figure) - 1, y: y, role: .dim)
            y += 1
        }
        if rates.isEmpty { g.put(" Aucune séance tenue sur cette période.", x: a.x, y: y, role: .dim) }
    }

    /// A committee in few cells: « COPIL » for « Comité de pilotage », « COTECH Services à la
    /// personne » for « Comité technique « Services à la personne » » (the kind's abbreviation
    /// when the name begins with the kind, as the compte rendu writes « (COPIL) »); else its name.
    static func committeeShortName(_ c: Committee) -> String {
        let kind = Fr.committeeKind(c.kind)
        guard c.name.lowercased().hasPrefix(kind.lowercased()) else { return c.name }
        let rest = c.name.dropFirst(kind.count).trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}\u{202F}«»"))
        return Fr.committeeKindShort(c.kind) + (rest.isEmpty ? "" : " " + rest)
    }

    static func actionsView(_ s: ActionsState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        if let id = s.open, let action = st.actions[id] { actionLifeView(action, s.scroll, &g, a, ctx); return }
        var y = a.y + 1
        let list = st.actionSheets
        let total = list.reduce(Money.zero) { $0 + ($1.cost ?? .zero) }
        g.put(" Fiches actions (\(list.count)) · coût total \(total.frenchRounded)", x: a.x, y: y, role: .header, maxWidth: a.width); y += 2
        let rows: [[String]] = list.map { act in
            let gap = act.financingGap.flatMap { $0 == .zero ? nil : $0 }
            return [act.title, st.axisLabel(act.axis), act.porteur, act.cost?.frenchRounded ?? "—",
                    gap.map { "manque " + $0.frenchRounded } ?? "équilibré", Fr.actionStatus(act.status),
                    act.progress.map { "\($0) %" } ?? ""]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "Titre", width: 0), Column(title: "Axe", width: 5), Column(title: "Porteur", width: 16),
                        Column(title: "Coût", width: 11, right: true), Column(title: "Financement", width: 15),
                        Column(title: "Statut", width: 10), Column(title: "Av.", width: 5, right: true)],
              rows: rows, selection: s.list.selection, empty: "Aucune fiche action.")
    }

    static func actionLifeView(_ act: ActionSheet, _ scroll: Int, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var lines: [(String, Role)] = []
        func add(_ text: String, _ role: Role = .normal) { for l in wrap(text, width: a.width - 3) { lines.append((l, role)) } }
        add(act.title, .header)
        add([st.axisLabel(act.axis), act.committee.flatMap { st.committees[$0]?.name } ?? "", "porteur : " + act.porteur]
            .filter { !$0.isEmpty }.joined(separator: " · "), .dim)
        add("Statut : \(Fr.actionStatus(act.status))" + (act.progress.map { " · avancement \($0) %" } ?? ""))
        if let cost = act.cost {
            add("Coût : \(cost.french) · financé : \(act.financed.french)")
            for line in act.financing { add("  \(line.financer) : \(line.amount.french)") }
            if let gap = act.financingGap, gap != .zero {
                add(gap.cents > 0 ? "Le plan de financement ne couvre pas le coût : il manque \(gap.french)."
                                  : "Le plan de financement dépasse le coût de \((Money.zero - gap).french).", .warning)
            }
        }
        if !act.indicators.isEmpty { add("Indicateurs : " + act.indicators) }
        lines.append(("", .normal))
        add("Vie de la fiche", .accent)
        for c in act.history {
            var t = c.date.french + " — "
            if let s = c.status { t += "statut « \(Fr.actionStatus(s)) »" }
            if let p = c.percent { t += (c.status == nil ? "" : " · ") + "avancement \(p) %" }
            if let v = c.value { t += " · " + (c.indicator.map { "\($0) : " } ?? "") + v }
            if let m = c.comment { t += " · " + m }
            add(t)
        }
        lines.append(("", .normal))
        add("Décisions", .accent)
        let decisions = st.decisions(about: act.id)
        if decisions.isEmpty { add("Aucune décision ne cite cette fiche.", .dim) }
        for entry in decisions {
            let d = entry.decision
            let m = st.meetings[d.meeting]
            let name = m.flatMap { mm in st.committees[mm.committee].map { Fr.meetingName($0, mm) } } ?? ""
            var line = "\(m.map { $0.date.french } ?? "") — \(name) : "
            // A ranking's adoption names every fiche: say first what it decided for this one.
            if let r = entry.ranking { line += "classée \(r.rank == 1 ? "1re" : "\(r.rank)e"), \(r.retained ? "retenue" : "non retenue") — " }
            add(line + "\(d.text) — \(Fr.outcome(d.outcome))")
        }
        for (i, l) in lines.dropFirst(min(scroll, max(0, lines.count - 1))).prefix(a.height - 1).enumerated() {
            g.put(" " + l.0, x: a.x, y: a.y + 1 + i, role: l.1, maxWidth: a.width - 1)
        }
    }
}
