import Foundation
import SeanceModel
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked the program to stop (0: none). Written by the handler, read by the loop.
nonisolated(unsafe) private var pendingSignal: Int32 = 0

/// The loop that joins everything: keys in, `App.update`, effects on the journal, `App.view`,
/// grid diff to the terminal. The only place with side effects besides the backend.
public final class Runtime {
    private let backend = NcursesBackend()
    private var session: JournalSession?
    private var state: AppState
    private var journalPath: String
    private var isDemo: Bool
    private let author: String
    private let makeDemoCopy: () throws -> String
    private var rng = SystemRandomNumberGenerator()

    public init(journalPath: String, isDemo: Bool, author: String, makeDemoCopy: @escaping () throws -> String) {
        self.journalPath = journalPath
        self.isDemo = isDemo
        self.author = author
        self.makeDemoCopy = makeDemoCopy
        state = AppState(screens: [])
    }

    /// Opens the journal given at start, showing how much of it is read: a journal of a million
    /// events takes a couple of seconds, and a blank terminal meanwhile looks like a hang.
    private func openAtStart() {
        let total = JournalStorage.size(journalPath) ?? 0
        var lastDrawn = -1.0
        func showProgress(_ done: Int) {
            let t = Date().timeIntervalSinceReferenceDate
            guard t - lastDrawn >= 0.05 else { return }
            lastDrawn = t
            let (w, h) = backend.size
            backend.draw(App.loading(path: journalPath, done: done, total: total, width: w, height: h))
        }
        showProgress(0)
        FrameTrace.mark(.reading)
        state = App.initial(open(journalPath, readOnly: false, progress: showProgress))
        if case .problems(var p) = state.top { p.path = journalPath; state.replaceTop(.problems(p)) }
        offerDraft()
    }

    /// A line left in the draft file by a crash or a closed terminal is offered back.
    private func offerDraft() {
        guard let session, session.isWritable, let d = DraftFile.load(journal: session.path),
              session.state.meetings[d.meeting] != nil else { return }
        if d.isCommitted(in: session.state) {
            // Saved, then stopped before the draft file was removed: nothing to offer.
            DraftFile.remove(journal: session.path)
            return
        }
        savedDraft = d
        state.push(.draftOffer(d))
    }

    private func open(_ path: String, readOnly: Bool, progress: ((Int) -> Void)? = nil) -> OpenOutcome {
        session?.close()
        session = nil
        if !readOnly && !JournalStorage.exists(path) { return .missing(path: path) }
        do {
            let s = try JournalSession.open(path: path, readOnly: readOnly, progress: progress)
            session = s
            return .opened(problems: s.problems, tornTail: s.tornTail)
        } catch .locked(_, let holder) {
            return .locked(path: path, holder: holder)
        } catch .notWritable(_, let e), .lockFailed(_, let e) {
            return .notWritable(path: path, cause: Fr.errnoText(e))
        } catch {
            return .failed(error.description)
        }
    }

    private func context() -> Context {
        let info = session.map { s -> JournalInfo in
            var reason: JournalSession.ReadOnlyReason? = nil
            if case .readOnly(let r) = s.mode { reason = r }
            return JournalInfo(path: s.path, writable: s.isWritable, readOnlyReason: reason,
                               unsavedCount: s.unsaved.count, unsavedEntities: Set(s.unsaved.map(\.entity)), isDemo: isDemo,
                               writeFailure: s.writeFailure.map(Fr.journalCause))
        }
        let now = Timestamp.now(in: session?.state.project?.timeZone ?? "Europe/Paris")
        return Context(domain: session?.state ?? ProjectState(), journal: info, now: now,
                       makeID: { [unowned self] prefix in EventID.entity(prefix: prefix, using: &self.rng) })
    }

    /// Catches the signals of a closed window or a logout, and unblocks them: a program started by
    /// a parent that blocked them (some launchers, test runners) would otherwise never hear them.
    private static func installSignalHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig) { s in pendingSignal = s }
            sigaddset(&set, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Runs until the user quits or a signal arrives; returns the exit code.
    public func run() -> Int32 {
        Self.installSignalHandlers()
        backend.start()
        defer { backend.stop() }
        openAtStart()
        render()
        FrameTrace.mark(.firstScreen)
        var lastRender = Timestamp.now().epochSeconds
        while !state.quit {
            if pendingSignal != 0 { break }
            var input = backend.read(timeoutMs: 250)
            // Drain what is already there (a paste of thousands of characters) before drawing once.
            var handled = 0
            while true {
                switch input {
                case .key(let k): dispatch(.key(k))
                case .resize: backend.invalidate()
                case .timeout: break
                case .end: state.quit = true
                }
                handled += 1
                if case .timeout = input { break }
                if state.quit || pendingSignal != 0 || handled > 20_000 { break }
                input = backend.read(timeoutMs: 0)
            }
            keepDraft(force: false)
            followWriter()
            let now = Timestamp.now().epochSeconds
            if handled > 1 || now != lastRender { render(); lastRender = now }
        }
        // A signal (closed window, logout, kill) or a normal quit: the line being typed is kept.
        keepDraft(force: true)
        session?.close()
        return pendingSignal != 0 ? 128 + pendingSignal : 0
    }

    /// A read-only copy reads the journal again when the copy that writes has appended to it,
    /// keeping its screens: what the projector shows follows the secretary's typing.
    private func followWriter() {
        guard let s = session, s.mode == .readOnly(.requested), s.hasGrownElsewhere,
              let fresh = try? JournalSession.open(path: s.path, readOnly: true) else { return }
        s.close()
        session = fresh
        state.status = StatusLine(text: "Journal relu : l'autre copie y a écrit.", role: .dim)
    }

    private var savedDraft: Draft?
    private var lastDraftWrite: Int64 = 0

    /// Writes the line being typed to the draft file when it changed, at least once a second
    /// while typing (so `kill -9` loses at most about a second), and at once when forced.
    private func keepDraft(force: Bool) {
        guard let session, session.isWritable else { return }
        let current = App.draft(state, context())
        guard current != savedDraft else { return }
        let now = Timestamp.now().epochSeconds
        guard force || now - lastDraftWrite >= 1 else { return }
        if let current {
            if (try? DraftFile.save(current, journal: session.path)) != nil { savedDraft = current }
        } else {
            DraftFile.remove(journal: session.path)
            savedDraft = nil
        }
        lastDraftWrite = now
    }

    /// Before a line of the minutes goes to the journal, the draft file (when there is one) is
    /// rewritten with that line and the id of the note it becomes; it is removed once the journal
    /// is synced. A stop in between leaves a draft the next start recognises as saved.
    private func markDraftCommitting(_ drafts: [EventDraft]) -> Bool {
        guard let session, savedDraft != nil, let note = drafts.first(where: { $0.eventKind == .noteAdd }),
              let meeting = note.value(.seance), let text = note.value(.text) else { return false }
        let d = Draft(meeting: meeting, item: note.value(.item), text: text, committing: note.entity)
        guard (try? DraftFile.save(d, journal: session.path)) != nil else { return false }
        savedDraft = d
        return true
    }

    private func render() {
        let (w, h) = backend.size
        backend.draw(App.view(state, context(), width: w, height: h))
    }

    private func dispatch(_ msg: Message) {
        var queue = [msg]
        while !queue.isEmpty {
            let m = queue.removeFirst()
            let effects = App.update(&state, m, context())
            for e in effects {
                if let reply = perform(e) { queue.append(reply) }
            }
        }
    }

    private func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .quit:
            state.quit = true
            return nil
        case .commit(let drafts, let then):
            guard let session else { return .committed(.failure(.readOnly), then: then) }
            let marked = markDraftCommitting(drafts)
            let result = session.commit(drafts, author: author, now: now())
            if marked, case .success = result {
                DraftFile.remove(journal: session.path)
                savedDraft = nil
            }
            return .committed(result.map(\.count), then: then)
        case .createJournal(let drafts):
            do {
                let s = try JournalSession.create(path: journalPath)
                session = s
                if case .failure(let e) = s.commit(drafts, author: author, now: now()) {
                    return .committed(.failure(e), then: .closeForm)
                }
                return .opened(.opened(problems: [], tornTail: nil))
            } catch {
                return .committed(.failure(.journal(error)), then: .stay)
            }
        case .openDemo:
            do {
                journalPath = try makeDemoCopy()
                isDemo = true
                let outcome = open(journalPath, readOnly: false)
                return .opened(outcome)
            } catch {
                return .opened(.failed("Impossible de copier la démonstration : \(error)"))
            }
        case .openReadOnly:
            return .opened(open(journalPath, readOnly: true))
        case .export(let meeting, let document, let format, let path):
            guard let session else { return nil }
            do {
                let file = try Export.seanceDocument(document, session.state, meeting: meeting, format: format,
                                                     options: ExportOptions(now: now(), today: now().localDate))
                var isDir: ObjCBool = false
                let expanded = (path as NSString).expandingTildeInPath
                // Into a folder, under the proposed name: an earlier export of the same document is
                // kept and this one is « … (2).pdf » (she exports again after a correction).
                let target = FileManager.default.fileExists(atPath: expanded, isDirectory: &isDir) && isDir.boolValue
                    ? Self.freeName(in: expanded, file.fileName) : expanded
                try JournalStorage.createRaw(target, bytes: file.bytes, shared: true)
                return .exported(path: target, error: nil)
            } catch let e as ExportError {
                return .exported(path: nil, error: e.description)
            } catch let e as JournalError {
                return .exported(path: nil, error: e.description)
            } catch {
                return .exported(path: nil, error: "\(error)")
            }
        case .exportRankingInputs(let id):
            guard let session, let r = session.state.rankings[id] else { return nil }
            let dir = JournalStorage.directory(of: session.path)
            var written: [String] = []
            do {
                if let profile = session.state.profile(r), !r.ballots.isEmpty {
                    let text = try PrefLibFormat.export(profile, as: .toc, title: id)
                    let path = dir + "/" + id + ".toc"
                    try? FileManager.default.removeItem(atPath: path)
                    try JournalStorage.createRaw(path, bytes: Array(text.utf8), shared: true)
                    written.append(path)
                }
                if let election = session.state.approvalElection(r) {
                    let path = dir + "/" + id + ".pb"
                    try? FileManager.default.removeItem(atPath: path)
                    let how = Fr.Ranking.approvalRule(places: r.approvalPlaces, of: r.actions.count)
                    try JournalStorage.createRaw(path, bytes: Array(PabulibFormat.export(election, description: id + " — " + how).utf8), shared: true)
                    written.append(path)
                }
            } catch {
                return .exported(path: nil, error: "\(error)")
            }
            return .exported(path: written.isEmpty ? nil : written.joined(separator: ", "),
                             error: written.isEmpty ? "Rien à écrire : il faut des bulletins (et une enveloppe pour le .pb)." : nil)
        case .readImport(let request):
            return App.readImport(request, bytes: { try JournalStorage.readAll(($0 as NSString).expandingTildeInPath) })
        case .discardDraft:
            if let session { DraftFile.remove(journal: session.path) }
            savedDraft = nil
            return nil
        case .saveAs(let path):
            guard let session else { return nil }
            do {
                try session.saveAs(path, now: now())
                journalPath = path
                return .savedAs(.success(path))
            } catch {
                return .savedAs(.failure(error))
            }
        }
    }

    private func now() -> Timestamp { Timestamp.now(in: session?.state.project?.timeZone ?? "Europe/Paris") }
}

/// When the environment names a file in `SEANCE_TRACE_FRAMES`, the moments (CLOCK_MONOTONIC,
/// in nanoseconds) at which the reading screen and then the first screen were handed to the
/// terminal are appended to it, a line `label nanoseconds` each: the benchmark times the start
/// without polling the terminal, which on two cores would take a core from the program it times.
public enum FrameTrace {
    public enum Mark: String, CaseIterable {
        case reading = "lecture", firstScreen = "ecran"
    }

    private static let path = ProcessInfo.processInfo.environment["SEANCE_TRACE_FRAMES"]

    /// The clock the marks are on.
    public static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    static func mark(_ mark: Mark) {
        guard let path else { return }
        let line = "\(mark.rawValue) \(now())\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = line.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }
}

extension Runtime {
    /// `name.ext` in `dir`, or `name (2).ext`, `name (3).ext`… when it is taken.
    static func freeName(in dir: String, _ fileName: String) -> String {
        let ext = (fileName as NSString).pathExtension, stem = (fileName as NSString).deletingPathExtension
        var candidate = dir + "/" + fileName, n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = dir + "/" + stem + " (\(n))" + (ext.isEmpty ? "" : "." + ext)
            n += 1
        }
        return candidate
    }
}
