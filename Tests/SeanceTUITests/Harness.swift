import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// A small runtime for tests: keys go through `App.update`; commit effects are applied to an
/// in-memory state (no file) and answered as the real runtime answers them.
struct Harness {
    var domain: ProjectState
    var app: AppState
    var now: Timestamp
    var written: [EventDraft] = []
    var failWrites = false
    /// Each `.commit` effect's drafts, in order: one import is one batch.
    var batches: [[EventDraft]] = []
    /// Files the `.readImport` effect reads, by path (any other path is missing).
    var files: [String: [UInt8]] = [:]
    private var counter = 0

    init(domain: ProjectState = demoState, screens: [Screen]? = nil, now: Timestamp = fixedNow) {
        self.domain = domain
        self.now = now
        app = App.initial(.opened(problems: [], tornTail: nil))
        if let screens { app.screens = screens }
    }

    var unsaved: [String] = []

    var ctx: Context {
        var n = counter
        return Context(domain: domain, journal: JournalInfo(path: "/tmp/t.seance", writable: true, unsavedCount: unsaved.count,
                                                            unsavedEntities: Set(unsaved)), now: now,
                       makeID: { prefix in n += 1; return "\(prefix)-t\(n)" })
    }

    /// Effects of the last key, for assertions.
    var lastEffects: [Effect] = []

    mutating func press(_ keys: [Key]) {
        for k in keys { send(.key(k)) }
    }

    mutating func type(_ text: String) { press(text.map { .char($0) }) }

    mutating func send(_ message: Message) {
        var c = ctx
        let base = counter
        var made = 0
        c.makeID = { prefix in made += 1; return "\(prefix)-t\(base + made)" }
        let effects = App.update(&app, message, c)
        counter += made
        lastEffects = effects
        for e in effects {
            if case .readImport(let request) = e {
                let files = self.files
                send(App.readImport(request, bytes: { path in
                    guard let b = files[path] else { throw JournalError.notFound(path: path) }
                    return b
                }))
                continue
            }
            guard case .commit(let drafts, let then) = e else { continue }
            batches.append(drafts)
            var rng = SystemRandomNumberGenerator()
            if failWrites {
                // As the session does: the events are applied and kept in memory, not on disk.
                for d in drafts {
                    _ = domain.apply(d.stamped(at: now, id: EventID.make(milliseconds: 0, using: &rng), author: "test"))
                    unsaved.append(d.entity)
                }
                send(.committed(.failure(.journal(.syncFailed(path: "/tmp/t.seance", errno: 28))), then: then))
                continue
            }
            for d in drafts {
                let ev = d.stamped(at: now, id: EventID.make(milliseconds: now.epochSeconds * 1000, using: &rng), author: "test")
                if let p = domain.apply(ev) {
                    send(.committed(.failure(.invalid(p.message)), then: then))
                    return
                }
                written.append(d)
            }
            send(.committed(.success(drafts.count), then: then))
        }
    }

    var meeting: MeetingState? {
        if case .meeting(let m) = app.top { return m }
        return nil
    }

    var form: FormState? {
        if case .form(let f) = app.top { return f }
        return nil
    }
}
