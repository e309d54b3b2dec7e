import SeanceModel

extension App {
    /// Printable keys go to the text being typed (a form's text field, the minutes editor, a
    /// picker's filter) before they can mean a command. Returns the screen with the key typed in
    /// it, or nil when the key is not text for this screen.
    static func textInput(_ screen: Screen, _ key: Key, _ ctx: Context) -> Screen? {
        let isPrintable: Bool = { if case .char = key { return true } else { return false } }()
        switch screen {
        case .form(var f):
            guard case .text(var editor) = f.fields[f.focus].kind else { return nil }
            if key == .tab, let completed = completeInForm(f, ctx) { return .form(completed) }
            guard isPrintable || LineEditor.editingKeys.contains(key) || KeyMap.command(for: key, on: .form) == nil,
                  editor.handle(key) else { return nil }
            f.fields[f.focus].kind = .text(editor)
            f.error = nil
            return .form(f)
        case .meeting(var m):
            guard ctx.domain.meetings[m.meeting]?.state != .closed, ctx.journal?.writable == true else { return nil }
            if m.selectedNote != nil {
                guard isPrintable else { return nil }
                m.selectedNote = nil   // typing returns to the editor
            }
            guard isPrintable || LineEditor.editingKeys.contains(key) || KeyMap.command(for: key, on: .meeting) == nil,
                  m.editor.handle(key) else { return nil }
            if m.editor.isEmpty { m.speaker = nil }
            return .meeting(m)
        case .search(var q):
            guard isPrintable || [.backspace, .delete, .left, .right, .home, .end, .wordLeft, .wordRight, .ctrl("u"), .ctrl("w")].contains(key),
                  q.query.handle(key) else { return nil }
            q.list = ListState()
            q.hits = ctx.domain.search(q.query.text)
            return .search(q)
        case .followUps(var f):
            guard isPrintable || [.backspace, .delete, .left, .right, .home, .end, .ctrl("u")].contains(key),
                  f.owner.handle(key) else { return nil }
            f.list = ListState()
            return .followUps(f)
        case .ranking(var rs):
            // The criteria grid is a spreadsheet: a score is typed in its cell.
            guard digitsAreScores(rs, ctx) else { return nil }
            if case .char(let c) = key, c.isNumber || c == "," || c == "." || c == "/" {
                rs.cell = (rs.cell ?? "") + String(c)
                return .ranking(rs)
            }
            if key == .backspace, var cell = rs.cell {
                cell.removeLast()
                rs.cell = cell.isEmpty ? nil : cell
                return .ranking(rs)
            }
            return nil
        case .picker(var p):
            guard isPrintable || key == .backspace || key == .left || key == .right || key == .home || key == .end,
                  p.filter.handle(key) else { return nil }
            p.selection = 0
            return .picker(p)
        default:
            return nil
        }
    }

    static func meeting(_ m: MeetingState, _ cmd: Command, _ ctx: Context) -> Transition<MeetingState> {
        Transition(m) { s, m in
            let st = ctx.domain
            guard let meeting = st.meetings[m.meeting] else { s.pop(); return [] }
            let closed = meeting.state == .closed
            let item = m.workingItem(meeting)
            let entries = MeetingEntry.of(st, meeting, item: item)
        // The séance's own time for what is recorded now: the clock when it is held live, else
        // the time it already holds (its planned start before the opening).
        let clock = st.proposedTime(m.meeting, at: ctx.now)
            if cmd == .back {
                if m.selectedNote != nil { m.selectedNote = nil; return [] }
                if !m.editor.isEmpty {
                    s.status = StatusLine(text: "Une ligne est en cours : Entrée pour l'enregistrer, ou Ctrl+U pour l'effacer, avant de quitter la séance.", role: .warning)
                    return []
                }
                s.pop()
                return []
            }
            if cmd == .agendaScreen { s.push(.agenda(AgendaState(meeting: m.meeting))); return [] }
            if cmd == .attendanceScreen { s.push(.attendance(AttendanceState(meeting: m.meeting))); return [] }
            if cmd == .ranking {
                let item = meeting.agenda.first { st.agendaItems[$0]?.kind == .hierarchisation } ?? meeting.activeItem
                return openRanking(&s, meeting: m.meeting, item: item, ctx)
            }
            if cmd == .exportMinutes {
                let folder = ctx.journal.map { JournalStorage.directory(of: $0.path) } ?? "."
                s.push(.form(.export(meeting: m.meeting, folder: folder)))
                return []
            }
            if cmd == .convocationSent {
                guard requireWritable(&s, ctx) else { return [] }
                s.push(.form(.convocationSent(m.meeting, today: ctx.today)))
                if let w = st.convocationWarning(m.meeting, today: ctx.today) { s.status = StatusLine(text: w, role: .warning) }
                return []
            }
            if cmd == .editSeance {
                guard requireWritable(&s, ctx) else { return [] }
                s.push(.form(.editMeeting(meeting, st)))
                return []
            }
            if cmd == .reopen {
                guard closed, requireWritable(&s, ctx) else { return [] }
                // An approved compte rendu is reopened knowingly: the document will say it changed.
                let question = st.approval(of: m.meeting).map { Fr.Paperwork.reopenApproved($0.at.date) }
                    ?? "Rouvrir cette séance close pour la modifier ? La réouverture est enregistrée."
                confirm(&s, question, Commands.reopen(st, meeting: m.meeting, reason: "correction après clôture"))
                return []
            }
            if closed || meeting.state == .cancelled {
                // Browsing a séance that is over: move what is shown, write nothing.
                let shownItem = m.shownItem(meeting)
                let shown = MeetingEntry.of(st, meeting, item: shownItem)
                switch cmd {
                case .previousItem, .nextItem:
                    let index = shownItem.flatMap { meeting.agenda.firstIndex(of: $0) } ?? 0
                    let target = index + (cmd == .nextItem ? 1 : -1)
                    if meeting.agenda.indices.contains(target) { m.viewItem = meeting.agenda[target]; m.selectedNote = nil }
                    return []
                case .up:
                    m.selectedNote = shown.isEmpty ? nil : max(0, (m.selectedNote ?? shown.count) - 1)
                    return []
                case .down:
                    if let i = m.selectedNote { m.selectedNote = i + 1 < shown.count ? i + 1 : nil }
                    return []
                case .commitLine where m.selectedNote != nil:
                    // A decision or a follow-up of a séance that is over can still be corrected:
                    // the correction reopens it and closes it again at its time.
                    guard let i = m.selectedNote, i < shown.count, requireWritable(&s, ctx) else { return [] }
                    if case .note = shown[i] {} else { m.selectedNote = nil }
                    switch shown[i] {
                    case .decision(let d): s.push(.form(.correctDecision(d, st)))
                    case .followUp(let f): s.push(.form(.editFollowUp(f, st)))
                    case .note: s.status = StatusLine(text: "Séance close : Ctrl+R pour la rouvrir avant de corriger une ligne.", role: .warning)
                    }
                    return []
                default: break
                }
            }
            if closed {
                s.status = StatusLine(text: "Séance close : lecture seule. Ctrl+R pour la rouvrir.", role: .warning)
                return []
            }
            guard requireWritable(&s, ctx) else { return [] }
            switch cmd {
            case .commitLine:
                if let i = m.selectedNote, i < entries.count {
                    // The line goes to its form; back from it, ↑ starts again from the last line.
                    m.selectedNote = nil
                    switch entries[i] {
                    case .note(let n): s.push(.form(.correctNote(n)))
                    case .decision(let d): s.push(.form(.correctDecision(d, st)))
                    case .followUp(let f): s.push(.form(.editFollowUp(f, st)))
                    }
                    return []
                }
                let text = m.editor.text.trimmingSpaces
                guard !text.isEmpty else { return [] }
                let result = Commands.addNote(st, meeting: m.meeting, item: item, text: text, speaker: m.speaker,
                                              at: clock, opening: .explicit, makeID: ctx.makeID)
                if case .failure(let r) = result, r.code == .notOpened {
                    // The first line asks: a séance opens only when the secretary opens it.
                    s.push(.form(.openMeeting(m.meeting, proposed: clock, line: PendingLine(text: text, item: item, speaker: m.speaker))))
                    return []
                }
                return commit(&s, result, then: .clearEditor)
            case .complete:
                completeSpeaker(&m, st)
            case .speaker:
                let options = st.participants(of: m.meeting).filter { p in
                    let a = meeting.attendance[p.id]?.status
                    return a?.isThere ?? true
                }.map { PickerState.Option(id: $0.id, label: st.speakerLabel($0.id)) }
                s.push(.picker(PickerState(title: "Orateur", purpose: .speaker(meeting: m.meeting), options: options)))
            case .decision:
                s.push(.form(.decision(meeting: m.meeting, item: item)))
            case .followUp:
                s.push(.form(.followUp(meeting: m.meeting, item: item)))
            case .previousItem, .nextItem:
                guard !meeting.agenda.isEmpty else {
                    s.status = StatusLine(text: "L'ordre du jour est vide : F2 pour ajouter des points.", role: .warning)
                    return []
                }
                let index = item.flatMap { meeting.agenda.firstIndex(of: $0) } ?? 0
                let target = cmd == .nextItem ? (meeting.currentItem == nil ? 0 : index + 1) : index - 1
                guard meeting.agenda.indices.contains(target) else {
                    s.status = StatusLine(text: cmd == .nextItem ? "C'était le dernier point : Ctrl+T pour clôturer la séance." : "C'est le premier point.", role: .dim)
                    return []
                }
                m.selectedNote = nil
                let targetID = meeting.agenda[target]
                if asksTimes(st, meeting, ctx) {
                    // Written up afterwards: a point already taken up keeps its time (going back
                    // to correct a line moved the point clocks); a new one asks when it started.
                    if let started = meeting.itemLog.last(where: { $0.item == targetID }) {
                        m.viewItem = targetID
                        s.status = StatusLine(text: "Point \(target + 1)" + (started.time.map { ", commencé à \($0.french)" } ?? "")
                                              + " : son heure ne change pas.", role: .dim)
                        return []
                    }
                    guard let it = st.agendaItems[targetID] else { return [] }
                    s.push(.form(.itemStart(meeting: m.meeting, item: it, number: target + 1,
                                            proposed: proposedItemStart(st, meeting, item: targetID))))
                    return []
                }
                m.viewItem = nil
                let result = Commands.startItem(st, meeting: m.meeting, item: targetID, at: clock, opening: .explicit)
                if case .failure(let r) = result, r.code == .notOpened {
                    s.push(.form(.openMeeting(m.meeting, proposed: clock, line: nil)))
                    s.status = StatusLine(text: "Ouvrez d'abord la séance, puis passez au point suivant.", role: .dim)
                    return []
                }
                return commit(&s, result)
            case .closeMeeting:
                if !m.editor.isEmpty {
                    s.status = StatusLine(text: "Une ligne est en cours de saisie : Entrée pour l'enregistrer avant la clôture.", role: .warning)
                    return []
                }
                s.push(.form(.closeMeeting(m.meeting, proposed: clock)))
            case .undoOpening:
                confirm(&s, "Annuler l'ouverture de la séance ? Elle redevient « à venir » (le journal garde les deux).",
                        Commands.undoOpening(st, meeting: m.meeting))
            case .up:
                guard !entries.isEmpty else { return [] }
                m.selectedNote = max(0, (m.selectedNote ?? entries.count) - 1)
            case .down:
                if let i = m.selectedNote { m.selectedNote = i + 1 < entries.count ? i + 1 : nil }
            case .remove:
                guard let i = m.selectedNote, i < entries.count else { return [] }
                switch entries[i] {
                case .note(let n):
                    confirm(&s, "Supprimer cette ligne du compte rendu ? « \(CharWidth.truncate(n.text, to: 50)) » (le journal la garde)",
                            Commands.deleteNote(st, note: n.id))
                case .decision:
                    s.status = StatusLine(text: "Une décision se corrige (Entrée) : le journal garde les deux versions.", role: .dim)
                case .followUp(let f):
                    if f.done == nil { s.push(.form(.followUpDone(f, today: ctx.today))) }
                }
                m.selectedNote = nil
            default: break
            }
            return []
        }
    }

    /// Tab in the minutes: the words before the cursor begin a participant's name (any word of
    /// it, present members first). At the start of the line they become « NOM Prénom – rôle
    /// (organisation) : » and the line is attributed to them; in a sentence, the name only.
    /// The séance's participants as names to complete, those there first.
    static func speakerCandidates(_ st: ProjectState, _ meetingID: String) -> [NameCompletion.Candidate] {
        let meeting = st.meetings[meetingID]
        return st.participants(of: meetingID).map { p in
            NameCompletion.Candidate(id: p.id, name: p.name, present: meeting?.attendance[p.id]?.status.isThere ?? false)
        }
    }

    static func completeSpeaker(_ m: inout MeetingState, _ st: ProjectState) {
        let candidates = speakerCandidates(st, m.meeting)
        guard let match = NameCompletion.complete(m.editor.text, cursor: m.editor.cursor, candidates) else { return }
        let atLineStart = m.editor.text.prefix(match.start).allSatisfy(\.isWhitespace)
        if atLineStart {
            m.editor.replaceBeforeCursor(from: 0, with: st.speakerLabel(match.candidate.id) + " : ")
            m.speaker = match.candidate.id
        } else {
            m.editor.replaceBeforeCursor(from: match.start, with: match.candidate.name)
        }
    }

    /// Tab in the « Présenté par » and « Qui » fields: completes a member's name from the words
    /// typed (as in the minutes) and goes to the next field, as Tab does in every form (a date
    /// typed next must not land in the name); nil when nothing changes.
    static func completeInForm(_ f: FormState, _ ctx: Context) -> FormState? {
        let meetingID: String
        switch f.purpose {
        case .agendaItem(let id, _), .followUp(let id, _): meetingID = id
        default: return nil
        }
        let field = f.fields[f.focus]
        guard field.key == "presenter" || field.key == "owner", case .text(var editor) = field.kind else { return nil }
        let st = ctx.domain
        let candidates = speakerCandidates(st, meetingID)
        guard let match = NameCompletion.complete(editor.text, cursor: editor.cursor, candidates) else { return nil }
        // A whole name already typed (whatever its accents and case): Tab goes on.
        let typed = String(editor.text.prefix(editor.cursor).dropFirst(match.start))
        guard NameCompletion.normalize(typed).text != NameCompletion.normalize(match.candidate.name).text else { return nil }
        editor.replaceBeforeCursor(from: match.start, with: match.candidate.name)
        var out = f
        out.fields[f.focus].kind = .text(editor)
        out.error = nil
        out.focus = (f.focus + 1) % f.fields.count
        return out
    }

    static func agenda(_ a: AgendaState, _ cmd: Command, _ ctx: Context) -> Transition<AgendaState> {
        Transition(a) { s, a in
            let items = (ctx.domain.meetings[a.meeting]?.agenda ?? []).compactMap { ctx.domain.agendaItems[$0] }
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last: move(&a.list, cmd, count: items.count)
            case .back: s.pop()
            case .add:
                guard requireWritable(&s, ctx) else { break }
                s.push(.form(.agendaItem(meeting: a.meeting, nil)))
            case .edit:
                guard a.list.selection < items.count, requireWritable(&s, ctx) else { break }
                s.push(.form(.agendaItem(meeting: a.meeting, items[a.list.selection])))
            case .moveUp, .moveDown:
                guard a.list.selection < items.count, requireWritable(&s, ctx) else { break }
                let target = a.list.selection + (cmd == .moveUp ? -1 : 1)
                guard items.indices.contains(target) else { break }
                let id = items[a.list.selection].id
                a.list.selection = target
                return commit(&s, Commands.moveAgendaItem(ctx.domain, item: id, to: target + 1))
            case .remove:
                guard a.list.selection < items.count, requireWritable(&s, ctx) else { break }
                let item = items[a.list.selection]
                confirm(&s, "Retirer le point « \(item.title) » de l'ordre du jour ?", Commands.removeAgendaItem(ctx.domain, item: item.id))
            default: break
            }
            return []
        }
    }

    static func attendance(_ a: AttendanceState, _ cmd: Command, _ ctx: Context) -> Transition<AttendanceState> {
        Transition(a) { s, a in
            let people = ctx.domain.participants(of: a.meeting)
            let status: AttendanceStatus?
            switch cmd {
            case .up, .down, .pageUp, .pageDown, .first, .last: move(&a.list, cmd, count: people.count); return []
            case .back: s.pop(); return []
            case .guest:
                guard requireWritable(&s, ctx) else { return [] }
                s.push(.form(.guest(meeting: a.meeting)))
                return []
            case .remove:
                guard a.list.selection < people.count, requireWritable(&s, ctx) else { return [] }
                return commit(&s, Commands.withdrawAttendance(ctx.domain, meeting: a.meeting, member: people[a.list.selection].id))
            case .present: status = .present
            case .remote: status = .distance
            case .excused: status = .excuse
            case .absent: status = .absent
            case .proxy: status = .pouvoir
            case .correctTime:
                guard a.list.selection < people.count, requireWritable(&s, ctx), let meeting = ctx.domain.meetings[a.meeting] else { return [] }
                let member = people[a.list.selection]
                guard meeting.state == .inProgress else {
                    s.status = StatusLine(text: meeting.state == .closed ? "Séance close : Ctrl+R pour la rouvrir avant de corriger une heure."
                                          : "La séance n'est pas ouverte : pas encore d'heure d'arrivée ni de départ.", role: .warning)
                    return []
                }
                guard let at = meeting.attendance[member.id], at.status.isThere || at.hasLeft else {
                    s.status = StatusLine(text: "Ni arrivée ni départ noté pour \(member.name).", role: .dim)
                    return []
                }
                s.push(.form(.correctAttendanceTime(meeting: meeting, member: member, at)))
                return []
            default: return []
            }
            guard let status, a.list.selection < people.count, requireWritable(&s, ctx),
                  let meeting = ctx.domain.meetings[a.meeting] else { return [] }
            guard meeting.state != .closed else {
                s.status = StatusLine(text: "Séance close : les présences ne sont plus modifiables.", role: .warning)
                return []
            }
            let member = people[a.list.selection]
            if status == .pouvoir {
                if let r = Commands.proxyGiverRefusal(ctx.domain, meeting: a.meeting, member: member.id) {
                    s.status = StatusLine(text: r.message, role: .warning)
                    return []
                }
                let options = ctx.domain.eligibleProxyHolders(meeting: a.meeting, for: member.id)
                    .map { PickerState.Option(id: $0.id, label: $0.name + (ctx.domain.isPresent($0.id, in: meeting) ? "" : " (" + Fr.agreed("pas encore présent(e)", $0.civility) + ")")) }
                guard !options.isEmpty else {
                    s.status = StatusLine(text: "Aucun membre ne peut recevoir ce pouvoir : il faut un membre présent ou à distance qui n'en détient pas déjà un.", role: .warning)
                    return []
                }
                s.push(.picker(PickerState(title: "\(member.name) donne pouvoir à…", purpose: .proxy(meeting: a.meeting, member: member.id), options: options)))
                return []
            }
            var time = ctx.domain.proposedTime(a.meeting, at: ctx.now)
            if asksTimes(ctx.domain, meeting, ctx) {
                // Written up afterwards: an arrival or a departure asks its time; another change
                // keeps the member's arrival, or the opening.
                let wasThere = meeting.attendance[member.id]?.status.isThere ?? false
                if wasThere != status.isThere {
                    s.push(.form(.attendanceTime(meeting: a.meeting, member: member, status: status, proxy: nil,
                                                 proposed: proposedAttendanceTime(ctx.domain, meeting))))
                    return []
                }
                time = unchangedAttendanceTime(ctx.domain, meeting, member: member.id, stays: status.isThere)
            }
            a.list.selection = min(people.count - 1, a.list.selection + 1)
            return commit(&s, Commands.setAttendance(ctx.domain, meeting: a.meeting, member: member.id, status: status, at: time))
        }
    }

    static func picker(_ p: PickerState, _ cmd: Command, _ ctx: Context) -> Transition<PickerState> {
        Transition(p) { s, p in
            let visible = p.visible
            switch cmd {
            case .up: p.selection = max(0, p.selection - 1)
            case .down: p.selection = min(max(0, visible.count - 1), p.selection + 1)
            case .back: s.pop(); return []
            case .open:
                guard p.selection < visible.count else { return [] }
                let chosen = visible[p.selection].id
                s.pop()
                switch p.purpose {
                case .speaker:
                    // The choice goes to the séance beneath: its line starts with the speaker's name.
                    let st = ctx.domain
                    s.pop(thenUpdate: { screen in
                        guard case .meeting(var m) = screen else { return }
                        let label = st.speakerLabel(chosen) + " : "
                        if let old = m.speaker, m.editor.text.hasPrefix(st.speakerLabel(old) + " : ") {
                            m.editor.set(label + m.editor.text.dropFirst((st.speakerLabel(old) + " : ").count))
                        } else {
                            m.editor.set(label + m.editor.text)
                        }
                        m.speaker = chosen
                        screen = .meeting(m)
                    })
                    return []
                case .proxy(let meeting, let member):
                    var time = ctx.domain.proposedTime(meeting, at: ctx.now)
                    if let m = ctx.domain.meetings[meeting], asksTimes(ctx.domain, m, ctx) {
                        // Written up afterwards: a member who was there and leaves a pouvoir has left, when?
                        if m.attendance[member]?.status.isThere == true, let who = ctx.domain.members[member] {
                            s.push(.form(.attendanceTime(meeting: meeting, member: who, status: .pouvoir, proxy: chosen,
                                                         proposed: proposedAttendanceTime(ctx.domain, m))))
                            return []
                        }
                        time = unchangedAttendanceTime(ctx.domain, m, member: member, stays: false)
                    }
                    return commit(&s, Commands.setAttendance(ctx.domain, meeting: meeting, member: member, status: .pouvoir,
                                                             proxy: chosen, at: time))
                case .seat(let committee):
                    // Then her role and vote on this committee.
                    guard let person = ctx.domain.members[chosen] else { return [] }
                    s.push(.form(.seat(person, committee: committee, ctx.domain)))
                    return []
                }
            default: break
            }
            return []
        }
    }

    /// The line being typed in the minutes, for the draft file; nil when there is none.
    public static func draft(_ s: AppState, _ ctx: Context) -> Draft? {
        for screen in s.screens.reversed() {
            if case .meeting(let m) = screen, !m.editor.isEmpty {
                let item = ctx.domain.meetings[m.meeting].flatMap { m.workingItem($0) }
                return Draft(meeting: m.meeting, item: item, text: m.editor.text)
            }
        }
        return nil
    }
}

extension Screen {
    var meetingID: String? {
        if case .meeting(let m) = self { return m.meeting }
        return nil
    }
}
