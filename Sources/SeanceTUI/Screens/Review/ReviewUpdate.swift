import SeanceModel

extension App {
    /// The next value in a cycle `nil, a, b, c, nil…` (a filter key pressed again and again).
    static func cycle<T: Equatable>(_ current: T?, in values: [T]) -> T? {
        guard let current, let i = values.firstIndex(of: current) else { return values.first }
        return i + 1 < values.count ? values[i + 1] : nil
    }

    static func history(_ h: HistoryState, _ cmd: Command, _ ctx: Context) -> Transition<HistoryState> {
        Transition(h) { s, h in
            let st = ctx.domain
            let rows = st.timeline(h.filter)
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last: move(&h.list, cmd, count: rows.count)
            case .back: s.pop()
            case .open:
                guard h.list.selection < rows.count else { break }
                s.push(.meeting(MeetingState(meeting: rows[h.list.selection].id)))
            case .filterCommittee: h.committee = cycle(h.committee, in: st.committeeOrder); h.list = ListState()
            case .filterAxis: h.axis = cycle(h.axis, in: st.activeAxes.map(\.id)); h.list = ListState()
            case .filterYear: h.year = cycle(h.year, in: st.meetingYears); h.list = ListState()
            case .filterStatus: h.status = cycle(h.status, in: [.planned, .inProgress, .closed]); h.list = ListState()
            case .clearFilters: h = HistoryState()
            default: break
            }
            return []
        }
    }

    static func search(_ q: SearchState, _ cmd: Command, _ ctx: Context) -> Transition<SearchState> {
        Transition(q) { s, q in
            let hits = q.hits
            switch cmd {
            case .up, .down, .pageUp, .pageDown: move(&q.list, cmd, count: hits.count)
            case .back: s.pop()
            case .open:
                guard q.list.selection < hits.count else { break }
                let hit = hits[q.list.selection]
                if hit.kind == .member, let c = hit.committee, ctx.domain.committees[c] != nil {
                    // The committee's screen, on her line (a retired seat is not listed: the committee).
                    var com = CommitteeState(committee: c)
                    com.members.selection = ctx.domain.members(of: c).firstIndex { $0.id == hit.entity } ?? 0
                    s.push(.committee(com))
                } else if let meeting = hit.meeting { s.push(.meeting(jump(to: hit, meeting: meeting, ctx))) }
                else if hit.kind == .action, let i = ctx.domain.actionOrder.firstIndex(of: hit.entity) {
                    var a = ActionsState(); a.list.selection = i; a.open = hit.entity
                    s.push(.actions(a))
                }
            default: break
            }
            return []
        }
    }

    /// The séance screen placed on a search hit: its item shown, its note chosen.
    static func jump(to hit: ProjectState.SearchHit, meeting: String, _ ctx: Context) -> MeetingState {
        var m = MeetingState(meeting: meeting)
        guard let meetingValue = ctx.domain.meetings[meeting] else { return m }
        if let item = hit.item, meetingValue.state != .inProgress { m.viewItem = item }
        if hit.kind == .note {
            let shown = m.shownItem(meetingValue)
            m.selectedNote = MeetingEntry.of(ctx.domain, meetingValue, item: shown).firstIndex {
                if case .note(let n) = $0 { n.id == hit.entity } else { false }
            }
        }
        return m
    }

    static func followUps(_ f: FollowUpsState, _ cmd: Command, _ ctx: Context) -> Transition<FollowUpsState> {
        Transition(f) { s, f in
            let rows = ctx.domain.followUpRows(showDone: f.showDone, owner: f.owner.text, today: ctx.today)
            switch cmd {
            case .up, .down, .pageUp, .pageDown: move(&f.list, cmd, count: rows.count)
            case .back: s.pop()
            case .showDone: f.showDone.toggle(); f.list = ListState()
            case .open:
                guard f.list.selection < rows.count else { break }
                var m = MeetingState(meeting: rows[f.list.selection].meeting)
                if ctx.domain.meetings[m.meeting]?.state != .inProgress { m.viewItem = rows[f.list.selection].item }
                s.push(.meeting(m))
            case .markDone:
                guard f.list.selection < rows.count, requireWritable(&s, ctx) else { break }
                let row = rows[f.list.selection]
                guard let fu = ctx.domain.followUps[row.id] else { break }
                if row.isOpen {
                    // « Fait » asks its date; done by mistake, it can be reopened.
                    s.push(.form(.followUpDone(fu, today: ctx.today)))
                } else {
                    confirm(&s, "Cette suite est marquée faite : la rouvrir ? (le journal garde les deux)",
                            Commands.markFollowUpOpen(ctx.domain, followUp: row.id))
                }
            case .edit:
                guard f.list.selection < rows.count, requireWritable(&s, ctx), let fu = ctx.domain.followUps[rows[f.list.selection].id] else { break }
                s.push(.form(.editFollowUp(fu, ctx.domain)))
            default: break
            }
            return []
        }
    }

    static func participation(_ p: ParticipationState, _ cmd: Command, _ ctx: Context) -> Transition<ParticipationState> {
        Transition(p) { s, p in
            switch cmd {
            case .back: s.pop()
            case .switchView: p.view = ParticipationState.View(rawValue: (p.view.rawValue + 1) % 3)!; p.scroll = 0
            case .filterYear: p.year = cycle(p.year, in: ctx.domain.meetingYears)
            case .filterCommittee: p.committee = cycle(p.committee, in: ctx.domain.committeeOrder); p.view = .members; p.scroll = 0
            case .up: p.scroll = max(0, p.scroll - 1)
            case .down: p.scroll += 1
            default: break
            }
            return []
        }
    }

    static func actions(_ a: ActionsState, _ cmd: Command, _ ctx: Context) -> Transition<ActionsState> {
        Transition(a) { s, a in
            let list = ctx.domain.actionSheets
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last:
                if a.open != nil {
                    a.scroll = max(0, a.scroll + (cmd == .up ? -1 : cmd == .down ? 1 : cmd == .pageUp ? -10 : cmd == .pageDown ? 10 : 0))
                } else { move(&a.list, cmd, count: list.count) }
            case .back:
                if a.open != nil { a.open = nil; a.scroll = 0 } else { s.pop() }
            case .open:
                guard a.list.selection < list.count else { break }
                a.open = list[a.list.selection].id
            case .add:
                guard requireWritable(&s, ctx) else { break }
                s.push(.form(.action(nil, ctx.domain)))
            case .edit, .envelope:
                guard requireWritable(&s, ctx) else { break }
                let id = a.open ?? (a.list.selection < list.count ? list[a.list.selection].id : nil)
                guard let id, let sheet = ctx.domain.actions[id] else { break }
                s.push(.form(cmd == .edit ? .action(sheet, ctx.domain) : .financing(sheet)))
            case .progress:
                guard requireWritable(&s, ctx) else { break }
                let id = a.open ?? (a.list.selection < list.count ? list[a.list.selection].id : nil)
                guard let id else { break }
                s.push(.form(.progress(action: id)))
            default: break
            }
            return []
        }
    }
}

extension FormState {
    /// A format's place in the export form and its label.
    static func formatChoice(_ f: DocumentFormat) -> (rank: Int, label: String) {
        switch f {
        case .odt: (0, "ODT (LibreOffice, Word)")
        case .pdf: (1, "PDF (à imprimer, à joindre)")
        case .html: (2, "HTML (page imprimable)")
        case .md: (3, "Markdown")
        case .txt: (4, "texte brut (72 colonnes)")
        }
    }

    static func export(meeting: String, folder: String) -> FormState {
        let formats = DocumentFormat.allCases.sorted { formatChoice($0).rank < formatChoice($1).rank }
            .map { FormField.Option(value: $0.rawValue, label: formatChoice($0).label) }
        let documents = SeanceDocument.allCases.map { FormField.Option(value: $0.rawValue, label: documentLabel($0)) }
        return FormState(title: "Exporter un document de la séance", purpose: .export(meeting: meeting), fields: [
            FormField(choice: "format", "Format", formats, value: "odt"),
            FormField(choice: "document", "Document", documents, value: SeanceDocument.minutes.rawValue),
            FormField(text: "path", "Où", folder, required: true, hint: "un dossier (nom proposé) ou un fichier"),
        ])
    }

    static func documentLabel(_ d: SeanceDocument) -> String {
        switch d {
        case .minutes: "compte rendu (procès-verbal)"
        case .decisions: "relevé de décisions"
        case .convocation: "convocation, avec le pouvoir"
        case .convocationEmail: "convocation en e-mail (.eml, PDF et .ics joints)"
        case .proxy: "pouvoirs (une page par membre votant)"
        case .attendanceSheet: "feuille d'émargement"
        }
    }

    static func progress(action: String) -> FormState {
        FormState(title: "Avancement de la fiche", purpose: .progress(action: action), fields: [
            FormField(text: "percent", "Avancement (%)", "", hint: "de 0 à 100"),
            FormField(text: "indicator", "Indicateur", "", hint: "ex. ménages accompagnés"),
            FormField(text: "value", "Valeur", "", hint: "ex. 78"),
            FormField(text: "comment", "Commentaire", ""),
        ])
    }
}
