import SeanceModel

/// Keys in a form: moving between fields, choices, submitting what was typed.
extension App {
    static func form(_ f: FormState, _ cmd: Command, _ ctx: Context) -> Transition<FormState> {
        Transition(f) { s, f in
            switch cmd {
            case .nextFieldOrSubmit:
                // Entrée on the last field saves; Tab and ↓ never do (a Tab on « Convocation »
                // created the committee): they go round to the first field.
                if f.focus == f.fields.count - 1 { return submit(&s, &f, ctx) }
                f.focus += 1
            case .nextField: f.focus = f.fields.isEmpty ? 0 : (f.focus + 1) % f.fields.count
            case .previousField: f.focus = f.fields.isEmpty ? 0 : (f.focus + f.fields.count - 1) % f.fields.count
            case .previousChoice, .nextChoice:
                if case .choice(let options, var sel) = f.fields[f.focus].kind, !options.isEmpty {
                    sel = (sel + (cmd == .nextChoice ? 1 : options.count - 1)) % options.count
                    f.fields[f.focus].kind = .choice(options: options, selected: sel)
                }
            case .submit: return submit(&s, &f, ctx)
            case .back:
                // Typed text is never lost to one key: Échap asks first.
                if f.isDirty {
                    s.push(.confirm(ConfirmState(question: "Abandonner le formulaire « \(f.title) » ? Ce qui y a été tapé sera perdu.",
                                                 drafts: [], discardsForm: true)))
                    return []
                }
                s.pop(); return []
            default: break
            }
            return []
        }
    }

    /// « X siège déjà au … : même personne ? » when the new member's name (accents and case aside)
    /// is a person's of another committee: o makes a seat of hers, n a new, distinct person.
    static func samePerson(_ f: FormState, committee: String, newMember: [EventDraft], _ ctx: Context) -> ConfirmState? {
        let st = ctx.domain
        guard let name = f.fields.first(where: { $0.key == "name" })?.value, let person = st.person(named: name, notOn: committee) else { return nil }
        let seat: Commands.Values = f.fields.compactMap { field in
            guard field.key == "role" || field.key == "voting", let key = FieldKey(rawValue: field.key) else { return nil }
            return (key, field.value)
        }
        guard case .success(let drafts) = Commands.addSeat(st, person: person.id, committee: committee, seat, makeID: ctx.makeID) else { return nil }
        let names = person.seats.compactMap { st.committees[$0.committee]?.name }.map { "au " + $0 }
        let where_ = names.count > 1 ? names.dropLast().joined(separator: ", ") + " et " + names.last! : names.joined()
        var who = person.identity.name
        if !person.identity.organisation.isEmpty { who += " (\(person.identity.organisation))" }
        return ConfirmState(question: "\(who) siège déjà \(where_) : même personne ?", drafts: drafts, after: .closeForm, noDrafts: newMember)
    }

    static func submit(_ s: inout Next, _ f: inout FormState, _ ctx: Context) -> [Effect] {
        if case .export(let meeting) = f.purpose {
            func value(_ key: String) -> String { f.fields.first { $0.key == key }?.value ?? "" }
            guard let format = DocumentFormat(rawValue: value("format")),
                  let document = SeanceDocument(rawValue: value("document")) else { return [] }
            return [.export(meeting: meeting, document: document, format: format, path: value("path"))]
        }
        if f.purpose == .importFile {
            switch f.importRequest {
            case .success(let request): return [.readImport(request)]
            case .failure(let refusal): f.error = refusal.message; return []
            }
        }
        if f.purpose == .saveAs {
            let path = f.fields[0].value
            guard !path.isEmpty else { f.error = "Indiquez un chemin."; return [] }
            return [.saveAs(path)]
        }
        if case .itemStart(_, let item) = f.purpose {
            // Written up afterwards: the point is shown whether or not a start is recorded.
            let goTo: (inout Screen) -> Void = { screen in
                guard case .meeting(var m) = screen else { return }
                m.viewItem = item; m.selectedNote = nil
                screen = .meeting(m)
            }
            if f.fields[0].value.isEmpty {
                s.pop(thenUpdate: goTo)
                s.status = StatusLine(text: "Point affiché, sans heure de début notée.", role: .dim)
                return []
            }
            switch f.drafts(ctx) {
            case .failure(let refusal): f.error = refusal.message; return []
            case .success(let drafts): s.pop(thenUpdate: goTo); return [.commit(drafts, then: .stay)]
            }
        }
        if case .attendanceTime(let meeting, _, _, _) = f.purpose, case .success(let drafts) = f.drafts(ctx) {
            // Recorded: the list beneath goes to the next member, as a key without a question does.
            let count = ctx.domain.participants(of: meeting).count
            s.pop(thenUpdate: { screen in
                guard case .attendance(var a) = screen else { return }
                a.list.selection = min(max(0, count - 1), a.list.selection + 1)
                screen = .attendance(a)
            })
            return [.commit(drafts, then: .stay)]
        }
        if f.purpose.isEdit && !f.isDirty {
            // Nothing was changed: nothing is written (a seance.edit was, with the president and
            // secrétaire the form shows from the committee).
            s.pop()
            s.status = StatusLine(text: "Rien à enregistrer : rien n'a été changé.", role: .dim)
            return []
        }
        switch f.drafts(ctx) {
        case .failure(let refusal) where refusal.code == .quorumNotMet && !f.quorumWaived:
            // The rule first, then the exception the secretary confirms (a second convocation).
            var waived = f
            waived.quorumWaived = true
            guard case .success(let drafts) = waived.drafts(ctx) else { f.error = refusal.message; return [] }
            s.push(.confirm(ConfirmState(question: refusal.message + " Délibérer quand même, sans quorum ? La décision le dira.",
                                         drafts: drafts, after: .closeForm)))
            return []
        case .failure(let refusal):
            f.error = refusal.message
            return []
        case .success(let drafts):
            if f.purpose == .createProject && ctx.journal == nil { return [.createJournal(drafts)] }
            // A name already on another committee: the same person (a seat of hers), or another?
            if case .newMember(let committee) = f.purpose, let same = samePerson(f, committee: committee, newMember: drafts, ctx) {
                s.push(.confirm(same))
                return []
            }
            if drafts.isEmpty { s.pop(); s.status = StatusLine(text: "Aucun changement.", role: .dim); return [] }
            // A line typed before the séance was opened is saved with the opening: the editor empties.
            if case .openMeeting(_, let line?) = f.purpose, !line.text.isEmpty { return [.commit(drafts, then: .closeFormClearEditor)] }
            return [.commit(drafts, then: .closeForm)]
        }
    }
}
