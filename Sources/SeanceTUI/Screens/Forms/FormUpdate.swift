import SeanceModel

/// Keys in a form: moving between fields, choices, submitting what was typed.
extension App {
    static func form(_ f: FormState, _ cmd: Command, _ ctx: Context) -> Transition<FormState> {
        Transition(f) { s, f in
            switch cmd {
            case .nextField:
                if f.focus == f.fields.count - 1 { return submit(&s, &f, ctx) }
                f.focus += 1
            case .previousField: f.focus = max(0, f.focus - 1)
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
            if drafts.isEmpty { s.pop(); s.status = StatusLine(text: "Aucun changement.", role: .dim); return [] }
            // A line typed before the séance was opened is saved with the opening: the editor empties.
            if case .openMeeting(_, let line?) = f.purpose, !line.text.isEmpty { return [.commit(drafts, then: .closeFormClearEditor)] }
            return [.commit(drafts, then: .closeForm)]
        }
    }
}
