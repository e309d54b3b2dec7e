import SeanceModel

/// The pure heart of the interface: a message changes the state and may ask for effects.
public enum App {
    /// The first screens for a journal that was opened, is missing, is locked or failed.
    public static func initial(_ outcome: OpenOutcome) -> AppState {
        var s = AppState(screens: [])
        s.screens = screens(for: outcome)
        return s
    }

    static func screens(for outcome: OpenOutcome) -> [Screen] {
        switch outcome {
        case .missing(let path):
            return [.welcome(WelcomeState(path: path))]
        case .locked(let path, let holder):
            return [.locked(LockedState(path: path, holder: holder))]
        case .notWritable(let path, let cause):
            return [.locked(LockedState(path: path, cannotWrite: cause))]
        case .failed(let message):
            return [.notice(NoticeState(title: "Impossible d'ouvrir le journal", lines: [message], role: .error))]
        case .opened(let problems, let torn):
            var out: [Screen] = [.dashboard(DashboardState())]
            if let torn {
                var lines = ["La dernière ligne du journal (ligne \(torn.line)) était incomplète : \(torn.reason).",
                             "C'est ce que laisse une coupure pendant un enregistrement."]
                if let side = torn.sidePath {
                    lines += ["Ces \(torn.byteCount) octet(s) ont été mis de côté, sans rien effacer, dans :", side,
                              "Tout ce qui avait été affiché comme enregistré est intact ; la saisie reprend normalement."]
                } else {
                    lines += ["Le journal est ouvert en lecture seule : rien n'a été modifié."]
                }
                out.append(.notice(NoticeState(title: "Fin du journal réparée", lines: lines, role: .warning)))
            }
            let errors = problems.filter { $0.severity == .error }
            if !errors.isEmpty { out.append(.problems(ProblemsState(problems: problems, path: ""))) }
            return out
        }
    }

    public static func update(_ s: inout AppState, _ msg: Message, _ ctx: Context) -> [Effect] {
        switch msg {
        case .opened(let outcome):
            s.screens = screens(for: outcome)
            if case .problems(var p) = s.screens.last { p.path = ctx.journal?.path ?? ""; s.replaceTop(.problems(p)) }
            s.status = nil
            return []
        case .committed(let result, let then):
            switch result {
            case .success(let n):
                if then == .clearEditor || then == .closeFormClearEditor { clearEditor(&s) }
                if case .confirm = s.top { s.pop() }
                if then == .closeForm || then == .closeFormClearEditor, case .form = s.top { s.pop() }
                s.status = StatusLine(text: n == 0 ? "Aucun changement." : "Enregistré ✓ (\(n) événement\(n > 1 ? "s" : "") écrit\(n > 1 ? "s" : "") et synchronisé\(n > 1 ? "s" : ""))", role: .ok)
                if then == .importDone { importCommitted(&s, written: n) }
            case .failure(.invalid(let m)):
                if case .form(var f) = s.top { f.error = m; s.replaceTop(.form(f)) } else { s.status = StatusLine(text: "Refusé : " + m, role: .error) }
            case .failure(let e):
                // Kept in memory (and shown marked ✗): close the form or empty the editor so the
                // line is not entered twice, and say loudly that it is not on disk.
                if then == .clearEditor || then == .closeFormClearEditor { clearEditor(&s) }
                if case .confirm = s.top { s.pop() }
                if then == .closeForm || then == .closeFormClearEditor, case .form = s.top { s.pop() }
                s.status = StatusLine(text: e.description + " Gardé en mémoire : F3 pour enregistrer ailleurs.", role: .error)
                if then == .importDone { importCommitted(&s, written: nil) }
            }
            clampSelections(&s, ctx)
            return []
        case .exported(let path, let error):
            if let path {
                if case .form = s.top { s.pop() }
                s.status = StatusLine(text: "Écrit : \(path) ✓", role: .ok)
            } else if case .form(var f) = s.top {
                f.error = error; s.replaceTop(.form(f))
            } else if let error {
                s.status = StatusLine(text: error, role: .warning)
            }
            return []
        case .importRead(let request, let table, let error):
            importRead(&s, request, table, error, ctx)
            return []
        case .savedAs(let result):
            switch result {
            case .success(let path):
                if case .form = s.top { s.pop() }
                s.status = StatusLine(text: "Journal enregistré en entier dans \(path) ✓ ; la saisie continue dans ce fichier.", role: .ok)
            case .failure(let e):
                if case .form(var f) = s.top { f.error = e.description; s.replaceTop(.form(f)) }
                else { s.status = StatusLine(text: e.description, role: .error) }
            }
            return []
        case .key(let key):
            return handleKey(&s, key, ctx)
        }
    }

    static func handleKey(_ s: inout AppState, _ key: Key, _ ctx: Context) -> [Effect] {
        if s.showHelp {
            switch key {
            case .up: s.helpScroll = max(0, s.helpScroll - 1)
            case .down: s.helpScroll = min(s.helpScroll + 1, helpLimit(s))
            case .pageUp: s.helpScroll = max(0, s.helpScroll - helpPage)
            case .pageDown: s.helpScroll = min(s.helpScroll + helpPage, helpLimit(s))
            case .f(10): return quit(&s)
            default: s.showHelp = false; s.helpScroll = 0
            }
            return []
        }
        let kind = s.top.kind
        if let typed = textInput(s.top, key, ctx) {
            s.replaceTop(typed)
            return []
        }
        guard let cmd = KeyMap.command(for: key, on: kind) else {
            if key == .ctrl("c") { s.status = StatusLine(text: "Pour quitter : F10. Tout ce qui est affiché comme enregistré l'est.", role: .dim) }
            return []
        }
        s.status = nil
        switch cmd {
        case .help:
            s.showHelp = true; s.helpScroll = 0
            return []
        case .quit:
            return quit(&s)
        case .saveAs:
            guard ctx.journal != nil else { return [] }
            if case .form(let f) = s.top, f.purpose == .saveAs { return [] }
            let path = ctx.journal?.path ?? "journal.seance"
            s.push(.form(.saveAs(suggestion: path.hasSuffix(".seance") ? String(path.dropLast(7)) + "-copie.seance" : path + "-copie")))
            return []
        default:
            break
        }
        switch s.top {
        case .welcome(let w): return step(&s, welcome(w, cmd, ctx), Screen.welcome)
        case .dashboard(let d): return step(&s, dashboard(d, cmd, ctx), Screen.dashboard)
        case .committee(let c): return step(&s, committee(c, cmd, ctx), Screen.committee)
        case .axes(let l): return step(&s, axes(l, cmd, ctx), Screen.axes)
        case .form(let f):
            let effects = step(&s, form(f, cmd, ctx), Screen.form)
            for case .export(_, let document, let format, _) in effects { s.lastExport = ExportChoice(document: document, format: format) }
            return effects
        case .confirm(let c):
            switch cmd {
            case .yes:
                if c.quitOnYes { s.quit = true; return [.quit] }
                if c.discardsForm {
                    s.pop()
                    if case .form = s.top { s.pop() }
                    s.status = StatusLine(text: "Formulaire abandonné.", role: .dim)
                    return []
                }
                return [.commit(c.drafts, then: c.after)]
            case .no:
                if let other = c.noDrafts { return [.commit(other, then: c.after)] }
                s.pop()
            case .back: s.pop()
            default: break
            }
            return []
        case .notice:
            if s.screens.count > 1 { s.pop() } else { return quit(&s) }
            return []
        case .problems(let p): return step(&s, problems(p, cmd, ctx), Screen.problems)
        case .locked:
            if cmd == .openReadOnly { return [.openReadOnly] }
            return []
        case .meeting(let m):
            let effects = step(&s, meeting(m, cmd, ctx), Screen.meeting)
            // Ctrl+P proposes what was exported last in this session.
            if cmd == .exportMinutes, let last = s.lastExport, case .form(let f) = s.top, case .export = f.purpose {
                s.replaceTop(.form(f.choosing("format", last.format.rawValue).choosing("document", last.document.rawValue)))
            }
            return effects
        case .history(let h): return step(&s, history(h, cmd, ctx), Screen.history)
        case .search(let q): return step(&s, search(q, cmd, ctx), Screen.search)
        case .followUps(let f): return step(&s, followUps(f, cmd, ctx), Screen.followUps)
        case .participation(let p): return step(&s, participation(p, cmd, ctx), Screen.participation)
        case .actions(let a): return step(&s, actions(a, cmd, ctx), Screen.actions)
        case .ranking(let r): return step(&s, rankingScreen(r, cmd, ctx), Screen.ranking)
        case .importPreview(let i): return step(&s, importScreen(i, cmd, ctx), Screen.importPreview)
        case .agenda(let a): return step(&s, agenda(a, cmd, ctx), Screen.agenda)
        case .attendance(let a): return step(&s, attendance(a, cmd, ctx), Screen.attendance)
        case .picker(let p): return step(&s, picker(p, cmd, ctx), Screen.picker)
        case .draftOffer(let d):
            switch cmd {
            case .yes:
                s.pop()
                if ctx.domain.meetings[d.meeting] != nil {
                    var m = MeetingState(meeting: d.meeting, editor: LineEditor(d.text))
                    m.speaker = nil
                    s.push(.meeting(m))
                }
                return []
            case .no:
                s.pop()
                return [.discardDraft]
            default: return []
            }
        }
    }

    /// A page of the help at 80×24 (the view shows more when the terminal is larger).
    static let helpPage = 15

    /// How far the help scrolls: its length at 80 columns, the narrowest it is laid out for.
    static func helpLimit(_ s: AppState) -> Int { max(0, helpText(s.top.kind, width: 80).count - 1) }

    static func problems(_ p: ProblemsState, _ cmd: Command, _ ctx: Context) -> Transition<ProblemsState> {
        Transition(p) { s, p in
            switch cmd {
            case .up: p.scroll = max(0, p.scroll - 1)
            case .down: p.scroll = min(max(0, p.problems.count - 1), p.scroll + 1)
            case .pageUp: p.scroll = max(0, p.scroll - 10)
            case .pageDown: p.scroll = min(max(0, p.problems.count - 1), p.scroll + 10)
            case .back: s.pop()
            default: break
            }
            return []
        }
    }

    /// Empties the live-minutes editor once its line is saved (or held in memory after a failed write).
    static func clearEditor(_ s: inout AppState) {
        guard let i = s.screens.lastIndex(where: { $0.kind == .meeting }), case .meeting(var m) = s.screens[i] else { return }
        m.editor = LineEditor(); m.speaker = nil
        s.screens[i] = .meeting(m)
    }

    static func quit(_ s: inout AppState) -> [Effect] {
        if case .form(let f) = s.top, f.isDirty {
            s.push(.confirm(ConfirmState(question: "Quitter sans enregistrer le formulaire « \(f.title) » ?", drafts: [], quitOnYes: true)))
            return []
        }
        s.quit = true
        return [.quit]
    }

    static func move(_ l: inout ListState, _ cmd: Command, count: Int) {
        guard count > 0 else { l.selection = 0; return }
        switch cmd {
        case .up: l.selection = max(0, l.selection - 1)
        case .down: l.selection = min(count - 1, l.selection + 1)
        case .pageUp: l.selection = max(0, l.selection - 10)
        case .pageDown: l.selection = min(count - 1, l.selection + 10)
        case .first: l.selection = 0
        case .last: l.selection = count - 1
        default: break
        }
        l.selection = min(max(0, l.selection), count - 1)
    }

    /// The events of a command, to append; or its refusal on the status line.
    static func commit(_ s: inout Next, _ result: CommandResult, then: AfterCommit = .stay) -> [Effect] {
        switch result {
        case .success(let drafts): return drafts.isEmpty ? [] : [.commit(drafts, then: then)]
        case .failure(let r):
            s.status = StatusLine(text: r.message, role: .warning)
            return []
        }
    }

    /// A confirmation before a command's events are appended; its refusal on the status line.
    static func confirm(_ s: inout Next, _ question: String, _ result: CommandResult) {
        switch result {
        case .success(let drafts): s.push(.confirm(ConfirmState(question: question, drafts: drafts)))
        case .failure(let r): s.status = StatusLine(text: r.message, role: .warning)
        }
    }

    static func requireWritable(_ s: inout Next, _ ctx: Context) -> Bool {
        if ctx.journal?.writable == true { return true }
        s.status = StatusLine(text: "Journal ouvert en lecture seule : aucune modification possible.", role: .warning)
        return false
    }

    /// Keeps list selections inside their lists after the data changed (a retired member…).
    static func clampSelections(_ s: inout AppState, _ ctx: Context) {
        for i in s.screens.indices {
            switch s.screens[i] {
            case .committee(var c):
                c.members.selection = min(c.members.selection, max(0, ctx.domain.members(of: c.committee).count - 1))
                s.screens[i] = .committee(c)
            case .axes(var l):
                l.selection = min(l.selection, max(0, ctx.domain.activeAxes.count - 1))
                s.screens[i] = .axes(l)
            case .dashboard(var d):
                d.list.selection = min(d.list.selection, max(0, ctx.domain.activeCommittees.count - 1))
                s.screens[i] = .dashboard(d)
            default: break
            }
        }
    }
}
