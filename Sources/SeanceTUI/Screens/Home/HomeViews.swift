import SeanceModel

extension App {
    static func welcomeView(_ w: WelcomeState, _ g: inout Grid, _ a: Area) {
        var y = a.y + 1
        let x = a.x + 2
        g.put("Bienvenue dans Séance", x: x, y: y, role: .header); y += 2
        for l in wrap("Séance tient les séances des comités d'un projet social de territoire : comité de pilotage, comités techniques, ordre du jour, prise de notes, décisions, suites à donner et hiérarchisation des fiches actions. Tout est enregistré au fil de la saisie, ligne par ligne, dans un journal en texte brut.", width: a.width - 4) {
            g.put(l, x: x, y: y); y += 1
        }
        y += 1
        g.put("Aucun journal ici : " + w.path, x: x, y: y, role: .dim, maxWidth: a.width - 4); y += 2
        let choices = ["Créer mon projet (nom, territoire, période, enveloppe, axes)",
                       "Ouvrir la démonstration (Saint-Flour, cycle 2009–2010)",
                       "Quitter"]
        for (i, c) in choices.enumerated() where y < a.y + a.height {
            let sel = i == w.selection
            if sel { g.fill(x: x, y: y, width: a.width - 4, height: 1, role: .selected) }
            g.put((sel ? "› " : "  ") + c, x: x, y: y, role: sel ? .selected : .normal, maxWidth: a.width - 4)
            y += 1
        }
    }

    static func dashboardView(_ d: DashboardState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        var y = a.y + 1
        let x = a.x + 1
        guard let p = st.project else {
            g.put("Ce journal n'a pas encore de projet : p pour le créer.", x: x, y: y, role: .dim)
            return
        }
        g.put(p.name, x: x, y: y, role: .header, maxWidth: a.width - 2); y += 1
        var facts: [String] = []
        if !p.territory.isEmpty { facts.append(p.territory) }
        if let s = p.start, let e = p.end { facts.append("du \(s.french) au \(e.french)") }
        if let env = p.envelope { facts.append("enveloppe \(env.french)") }
        for l in wrap(facts.joined(separator: " · "), width: a.width - 2).prefix(2) { g.put(l, x: x, y: y); y += 1 }
        let meetings = st.meetings.count
        // One pass over the follow-ups for the counts and for every committee (a long history
        // has tens of thousands of them; this view is drawn every second).
        let openList = st.openFollowUps
        let open = openList.count
        let overdue = openList.filter { ($0.due ?? ctx.today) < ctx.today }.count
        var openByCommittee: [String: Int] = [:]
        for f in openList { if let c = st.meetings[f.meeting]?.committee { openByCommittee[c, default: 0] += 1 } }
        var counts = "Axes : \(st.activeAxes.count) · Séances : \(meetings) · Suites à donner ouvertes : \(open)"
        if overdue > 0 { counts += " (dont \(overdue) en retard)" }
        counts += " · Fiches actions : \(st.actions.count)"
        for l in wrap(counts, width: a.width - 2).prefix(2) { g.put(l, x: x, y: y, role: .dim); y += 1 }
        y += 1

        let committees = st.activeCommittees
        var anyLate = false
        let rows: [[String]] = committees.map { c in
            let last = st.lastMeeting(of: c.id).map { Fr.shortDate($0.date) } ?? "—"
            // The next séance, marked ⚠ when its convocation is late for the committee's rule.
            let next = st.nextMeeting(of: c.id).map { m in
                let late = st.convocationStatus(m.id, today: ctx.today)?.isLate == true
                anyLate = anyLate || late
                return Fr.shortDate(m.date) + (late ? " ⚠" : "")
            } ?? "—"
            let opened = openByCommittee[c.id] ?? 0
            return [c.name, Fr.committeeKindShort(c.kind), "\(st.votingMembers(of: c.id).count)/\(st.members(of: c.id).count)",
                    last, next, String(c.meetingIDs.count), opened == 0 ? "" : String(opened)]
        }
        let wide = a.width >= 100
        var columns = [Column(title: "Comité", width: 0), Column(title: "Type", width: 6),
                       Column(title: "Votants", width: 7, right: true),
                       Column(title: wide ? "Dernière séance" : "Dernière", width: wide ? 15 : 13),
                       Column(title: "Prochaine", width: anyLate ? 15 : 13), Column(title: "Séances", width: 7, right: true)]
        if wide { columns.append(Column(title: "Suites", width: 6, right: true)) }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), columns: columns,
              rows: wide ? rows : rows.map { Array($0.prefix(6)) }, selection: d.list.selection,
              empty: "Aucun comité : n pour en créer un.")
    }

    static func committeeView(_ c: CommitteeState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        let st = ctx.domain
        guard let com = st.committees[c.committee] else { return }
        var y = a.y + 1
        let x = a.x + 1
        g.put(com.name, x: x, y: y, role: .header, maxWidth: a.width - 2); y += 1
        var facts = com.name.hasPrefix(Fr.committeeKind(com.kind)) ? [] : [Fr.committeeKind(com.kind)]
        if let ax = com.axis.flatMap({ st.axes[$0] }) { facts.append("Axe \(ax.number) – \(ax.title)") }
        facts.append("quorum : " + Fr.quorum(com.quorum))
        facts.append(Fr.majority(com.majority))
        for l in wrap(facts.joined(separator: " · "), width: a.width - 2).prefix(2) {
            g.put(l, x: x, y: y, role: .dim); y += 1
        }
        y += 1
        let members = st.members(of: c.committee)
        let voting = members.filter(\.voting).count
        let meetings = st.meetings(of: c.committee)
        let remaining = a.y + a.height - y
        let membersHeight = max(3, min(members.count + 2, remaining - min(meetings.count + 2, max(4, remaining / 3)) - 1))
        g.put("Membres (\(members.count), dont \(voting) votant\(voting > 1 ? "s" : ""))", x: x, y: y,
              role: c.pane == .members ? .accent : .dim); y += 1
        // A person who sits elsewhere too: her other committees, in a column shown when there is one.
        let elsewhere = members.map { m in st.otherSeats(of: m.id).compactMap { st.committees[$0.committee]?.name }.joined(separator: ", ") }
        let memberRows = members.enumerated().map { i, m in
            [m.name, m.organisation, Fr.role(m.role, m.civility), m.voting ? "oui" : "—"] + (elsewhere.allSatisfy(\.isEmpty) ? [] : [elsewhere[i]])
        }
        var memberColumns = [Column(title: "Nom", width: 0), Column(title: "Organisation", width: 0),
                             // As wide as the longest role shown (« administratrice CCAS »).
                             Column(title: "Rôle", width: max(4, memberRows.map { CharWidth.of($0[2]) }.max() ?? 0)), Column(title: "Vote", width: 4)]
        if !elsewhere.allSatisfy(\.isEmpty) { memberColumns.append(Column(title: "Siège aussi au", width: 0)) }
        table(&g, Area(x: a.x, y: y, width: a.width, height: membersHeight - 1),
              columns: memberColumns,
              rows: memberRows, selection: c.pane == .members ? c.members.selection : nil, empty: "Aucun membre : n pour en ajouter.")
        y += membersHeight
        guard y < a.y + a.height - 1 else { return }
        g.put("Séances (\(meetings.count)), la plus récente d'abord", x: x, y: y,
              role: c.pane == .meetings ? .accent : .dim); y += 1
        let meetingRows = meetings.map { m in
            ["n°\(m.number)", Fr.shortDate(m.date), m.time?.french ?? "", m.title.isEmpty ? m.place : m.title,
             Fr.meetingState(m, today: ctx.today)]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "N°", width: 4), Column(title: "Date", width: 13), Column(title: "Heure", width: 8),
                        Column(title: "Titre", width: 0), Column(title: "État", width: max(4, meetingRows.map { CharWidth.of($0[4]) }.max() ?? 0))],
              rows: meetingRows, selection: c.pane == .meetings ? c.meetings.selection : nil, empty: "Aucune séance.")
    }

    static func axesView(_ l: ListState, _ g: inout Grid, _ a: Area, _ ctx: Context) {
        g.put("Axes du projet", x: a.x + 1, y: a.y + 1, role: .header)
        let rows = ctx.domain.activeAxes.map { ax in
            ["\(ax.number)", ax.title, String(ctx.domain.activeCommittees.filter { $0.axis == ax.id }.count),
             String(ctx.domain.actionSheets.filter { $0.axis == ax.id }.count)]
        }
        table(&g, Area(x: a.x, y: a.y + 3, width: a.width, height: a.height - 3),
              columns: [Column(title: "N°", width: 3, right: true), Column(title: "Intitulé", width: 0),
                        Column(title: "Comités", width: 7, right: true), Column(title: "Fiches", width: 6, right: true)],
              rows: rows, selection: l.selection, empty: "Aucun axe : n pour en ajouter un.")
    }
}
