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
        let rows: [[String]] = committees.map { c in
            let last = st.lastMeeting(of: c.id).map { Fr.shortDate($0.date) } ?? "—"
            let next = st.nextMeeting(of: c.id).map { Fr.shortDate($0.date) } ?? "—"
            let opened = openByCommittee[c.id] ?? 0
            return [c.name, Fr.committeeKindShort(c.kind), "\(st.votingMembers(of: c.id).count)/\(st.members(of: c.id).count)",
                    last, next, String(c.meetingIDs.count), opened == 0 ? "" : String(opened)]
        }
        let wide = a.width >= 100
        var columns = [Column(title: "Comité", width: 0), Column(title: "Type", width: 6),
                       Column(title: "Votants", width: 7, right: true),
                       Column(title: wide ? "Dernière séance" : "Dernière", width: wide ? 15 : 13),
                       Column(title: "Prochaine", width: 13), Column(title: "Séances", width: 7, right: true)]
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
        let memberRows = members.map { m in
            [m.name, m.organisation, Fr.role(m.role), m.voting ? "oui" : "—"]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: membersHeight - 1),
              columns: [Column(title: "Nom", width: 0), Column(title: "Organisation", width: 0),
                        Column(title: "Rôle", width: 19), Column(title: "Vote", width: 4)],
              rows: memberRows, selection: c.pane == .members ? c.members.selection : nil, empty: "Aucun membre : n pour en ajouter.")
        y += membersHeight
        guard y < a.y + a.height - 1 else { return }
        g.put("Séances (\(meetings.count)), la plus récente d'abord", x: x, y: y,
              role: c.pane == .meetings ? .accent : .dim); y += 1
        let meetingRows = meetings.map { m in
            ["n°\(m.number)", Fr.shortDate(m.date), m.time?.french ?? "", m.title.isEmpty ? m.place : m.title,
             Fr.meetingState(m.state)]
        }
        table(&g, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y),
              columns: [Column(title: "N°", width: 4), Column(title: "Date", width: 13), Column(title: "Heure", width: 8),
                        Column(title: "Titre", width: 0), Column(title: "État", width: 8)],
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

    static func formView(_ f: FormState, _ g: inout Grid, _ a: Area) {
        let labelWidth = min(26, (f.fields.map { CharWidth.of($0.label) }.max() ?? 10) + 1)
        let w = min(a.width - 2, max(60, min(96, a.width - 8)))
        let fieldWidth = w - labelWidth - 7
        let h = min(a.height, f.fields.count * 2 + 5 + (f.error == nil ? 0 : 1))
        let x = a.x + (a.width - w) / 2, y0 = a.y + max(0, (a.height - h) / 2)
        g.fill(x: x, y: y0, width: w, height: h, role: .normal)
        frame(&g, x: x, y: y0, width: w, height: h, title: f.title, role: .header)
        var y = y0 + 2
        for (i, field) in f.fields.enumerated() where y < y0 + h - 2 {
            let focused = i == f.focus
            g.put(CharWidth.pad(field.label + (field.required ? " *" : ""), to: labelWidth), x: x + 2, y: y,
                  role: focused ? .accent : .normal)
            let fx = x + 2 + labelWidth + 1
            switch field.kind {
            case .text(var editor):
                g.fill(x: fx, y: y, width: fieldWidth, height: 1, role: focused ? .fieldFocused : .field)
                let (text, col) = editor.visible(width: fieldWidth)
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
        if let e = f.error {
            g.put(e, x: x + 2, y: y0 + h - 3, role: .error, maxWidth: w - 4)
        }
        g.put("F2 Enregistrer · Échap Annuler · * obligatoire", x: x + 2, y: y0 + h - 2, role: .dim, maxWidth: w - 4)
    }

    static func problemsView(_ p: ProblemsState, _ g: inout Grid, _ a: Area) {
        var y = a.y + 1
        let errors = p.problems.filter { $0.severity == .error }.count
        g.put("Ce journal contient \(errors) ligne(s) illisible(s) ou refusée(s).", x: a.x + 1, y: y, role: .error); y += 1
        for l in wrap("Il est ouvert en LECTURE SEULE : rien n'est écrit ni réécrit. Corrigez ces lignes dans un éditeur de texte (après une copie de sauvegarde), ou signalez-les, puis rouvrez le journal. « seance check » donne la même liste.", width: a.width - 2) {
            g.put(l, x: a.x + 1, y: y); y += 1
        }
        y += 1
        let file = p.path.isEmpty ? "journal" : p.path
        for prob in p.problems.dropFirst(p.scroll) where y < a.y + a.height {
            let text = prob.located(in: file) + (prob.severity == .notice ? " (avertissement)" : "")
            for l in wrap(text, width: a.width - 2) where y < a.y + a.height {
                g.put(l, x: a.x + 1, y: y, role: prob.severity == .error ? .normal : .dim); y += 1
            }
        }
    }

    static func lockedView(_ l: LockedState, _ g: inout Grid, _ a: Area) {
        if let cause = l.cannotWrite {
            let lines = ["Ce journal ne peut pas être écrit :", l.path, "", "Cause : " + cause + ".", "",
                         "Rien n'y a été modifié. Vous pouvez l'ouvrir en lecture seule pour consulter",
                         "et exporter, puis F3 pour l'enregistrer ailleurs ; ou quitter ici, rendre le",
                         "fichier inscriptible (support en lecture seule, fichier protégé) et relancer.",
                         "", "o : ouvrir en lecture seule    q : quitter"]
            boxView(&g, a, title: "Journal non inscriptible", lines: lines, role: .warning)
            return
        }
        var lines = ["Ce journal est déjà ouvert en écriture par un autre seance :", l.path, ""]
        if let h = l.holder {
            lines += ["processus \(h.pid) sur la machine « \(h.host) »", "depuis \(h.since)"]
        } else {
            lines += ["(le verrou ne dit pas qui le tient)"]
        }
        lines += ["", "Un seul programme à la fois peut écrire dans un journal, pour ne rien perdre.",
                  "Vous pouvez l'ouvrir en lecture seule pour consulter, ou quitter ici et",
                  "fermer l'autre fenêtre.", "", "o : ouvrir en lecture seule    q : quitter"]
        boxView(&g, a, title: "Journal déjà ouvert", lines: lines, role: .warning)
    }
}
