import SeanceModel

/// Keys on the import screen: choosing a column, changing its meaning (the plan is recomputed),
/// importing the whole batch at once, or leaving without writing.
extension App {
    static func importScreen(_ i: ImportState, _ cmd: Command, _ ctx: Context) -> Transition<ImportState> {
        Transition(i) { s, i in
            let count = i.plan.columns.count
            switch cmd {
            case .up: i.selection = max(0, i.selection - 1); i.scroll = nil
            case .down: i.selection = min(max(0, count - 1), i.selection + 1); i.scroll = nil
            case .pageUp: i.scroll = max(0, (i.scroll ?? 10) - 10)
            case .pageDown: i.scroll = (i.scroll ?? 0) + 10
            case .previousChoice, .nextChoice:
                guard i.done == nil, i.selection < count else { return [] }
                let meanings = i.meanings
                let current = meanings.firstIndex { $0 == i.plan.columns[i.selection].field } ?? 0
                let next = (current + (cmd == .nextChoice ? 1 : meanings.count - 1)) % meanings.count
                i.chosen[i.plan.columns[i.selection].index] = .some(meanings[next])
                i.recompute(ctx)
            case .submit:
                if i.done != nil { s.pop(); return [] }
                guard requireWritable(&s, ctx) else { return [] }
                // Against the journal as it is now, in case it changed since the preview.
                i.recompute(ctx)
                if !i.plan.problems.isEmpty {
                    let n = i.plan.problems.count
                    s.status = StatusLine(text: "Import refusé : \(n) problème\(n > 1 ? "s" : "") à corriger dans le fichier (ci-dessus) ; rien n'est écrit.",
                                          role: .warning)
                    return []
                }
                if i.plan.drafts.isEmpty {
                    i.done = i.plan.summary
                    s.status = StatusLine(text: "Rien à changer : \(i.plan.summary).", role: .dim)
                    return []
                }
                return [.commit(i.plan.drafts, then: .importDone)]
            case .back:
                s.pop()
                if i.done == nil { s.status = StatusLine(text: "Import abandonné : rien n'est écrit.", role: .dim) }
            default: break
            }
            return []
        }
    }

    /// The spreadsheet was read (or not): the preview replaces the form, or the form says why.
    static func importRead(_ s: inout AppState, _ request: ImportRequest, _ table: ReadTable?, _ error: String?, _ ctx: Context) {
        if let table {
            if case .form(let f) = s.top, f.purpose == .importFile { s.pop() }
            s.push(.importPreview(ImportState(request: request, table: table, ctx: ctx)))
        } else if case .form(var f) = s.top, f.purpose == .importFile {
            f.error = error
            s.replaceTop(.form(f))
        } else {
            s.status = StatusLine(text: error ?? "Fichier illisible.", role: .error)
        }
    }

    /// After the batch is in the journal: the screen says what was created, updated, unchanged.
    static func importCommitted(_ s: inout AppState, written: Int?) {
        guard case .importPreview(var i) = s.top else { return }
        i.done = i.plan.summary
        s.replaceTop(.importPreview(i))
        if let written {
            s.status = StatusLine(text: "Importé ✓ : \(i.plan.summary) (\(written) événement\(written > 1 ? "s" : "") écrit\(written > 1 ? "s" : "") et synchronisé\(written > 1 ? "s" : "")).",
                                  role: .ok)
        }
    }
}

extension App {
    /// Performs `.readImport` with a way to get a file's bytes (the disk in the runtime, a
    /// dictionary in tests): the table read, or why not, in French with where.
    static func readImport(_ request: ImportRequest, bytes: (String) throws -> [UInt8]) -> Message {
        let data: [UInt8]
        do { data = try bytes(request.path) } catch let e as JournalError {
            return .importRead(request, table: nil, error: e.description.replacingOccurrences(of: "Journal introuvable", with: "Fichier introuvable"))
        } catch {
            return .importRead(request, table: nil, error: "\(request.path) : fichier illisible (\(error)).")
        }
        do {
            return .importRead(request, table: try Spreadsheet.read(data, fileName: request.path), error: nil)
        } catch {
            return .importRead(request, table: nil, error: VisibleText.make(error.description))
        }
    }
}
