#if canImport(Glibc)
import Glibc
#endif
/// An open journal: its folded state, and the only way to add events to it.
///
/// Opening for writing takes the lock first (so two copies never both repair a torn tail), then
/// reads, sets a torn tail aside, and folds. Any malformed line makes the session read-only:
/// nothing is rewritten or appended until a person has looked.
public final class JournalSession {
    public private(set) var path: String
    public private(set) var state: ProjectState
    /// How many events the journal holds, including those not yet on disk.
    public private(set) var eventCount: Int
    /// Problems found when the journal was read (malformed lines, refused events, notices).
    public private(set) var problems: [Problem]
    public private(set) var mode: Mode
    /// Set when a torn last line was found at opening (and set aside, when writable).
    public private(set) var tornTail: TornTailNotice?
    /// Events kept in memory only, after a failed write: they go to the next « enregistrer sous ».
    public private(set) var unsaved: [Event] = []
    private var lock: JournalLock?
    private var appender: JournalAppender?
    /// The journal kept open for reading: « enregistrer sous » copies what is on disk from it,
    /// even when the file was removed or renamed under the program.
    private var reader: Int32 = -1
    /// The size of the file when it was read: a read-only copy follows the copy that writes.
    private var readSize: off_t = 0

    public enum Mode: Equatable, Sendable {
        case writable
        case readOnly(ReadOnlyReason)
    }

    public enum ReadOnlyReason: Equatable, Sendable {
        case requested
        case problems(Int)
        case locked(LockHolder?)
        case newerFormat(Int)
    }

    public struct TornTailNotice: Equatable, Sendable {
        public var line: Int
        public var reason: String
        public var byteCount: Int
        /// Where the fragment was moved; nil when the journal was opened read-only.
        public var sidePath: String?
    }

    public enum CommitError: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        case readOnly
        case journal(JournalError)
        public var description: String {
            switch self {
            case .invalid(let m): Fr.refused(m)
            case .readOnly: Fr.readOnlyJournal
            case .journal(let e): e.description
            }
        }
    }

    public var errors: [Problem] { problems.filter { $0.severity == .error } }
    public var isWritable: Bool { mode == .writable }
    public var writeFailure: JournalError? { appender?.stopped }

    private init(path: String, state: ProjectState, parsed: ParsedJournal, foldProblems: [Problem], mode: Mode) {
        self.path = path
        self.mode = mode
        self.state = state
        self.eventCount = parsed.eventCount
        self.problems = (parsed.problems + foldProblems).sorted { $0.line < $1.line }
    }

    /// From this size a journal is parsed on a second thread while it is folded (below it, a
    /// thread costs more than it saves).
    static let pipelineThreshold = 1 << 20

    /// Reads and folds a journal file in chunks: neither its bytes nor its events are all kept.
    /// `progress` is told, on the calling thread, how many bytes of the file have been read.
    public static func load(path: String, progress: ((Int) -> Void)? = nil) throws(JournalError) -> (ProjectState, ParsedJournal, [Problem]) {
        let size = JournalStorage.size(path) ?? 0
        var state = ProjectState()
        state.reserveCapacity(journalBytes: size)
        var problems: [Problem] = []
        let parsed: ParsedJournal
        if size >= pipelineThreshold {
            parsed = try ReplayPipeline.run(path: path, into: &state, problems: &problems, progress: progress)
        } else {
            parsed = try JournalParser.parseFileRaw(path: path, onRaw: { e, line, _ in
                if let p = state.apply(e) { problems.append(Problem(line: line, p.severity, p.message)) }
            }, progress: { progress?($0) })
        }
        return (state, parsed, problems)
    }

    /// Opens an existing journal. With `readOnly: false` it throws `.locked` when another copy
    /// writes it: the caller may then open it read-only.
    public static func open(path: String, readOnly: Bool = false, now: Timestamp = .now(),
                            progress: ((Int) -> Void)? = nil) throws(JournalError) -> JournalSession {
        var lock: JournalLock?
        var appender: JournalAppender?
        if !readOnly {
            guard JournalStorage.exists(path) else { throw .notFound(path: path) }
            lock = try JournalLock(journal: path, now: now)
            // Opened for appending before anything else: a journal that cannot be written
            // (read-only file system, immutable or foreign file) is said so at once, with its
            // cause, and nothing is repaired in it.
            appender = try JournalAppender(path: path)
        }
        let (state, parsed, foldProblems) = try load(path: path, progress: progress)
        let session = JournalSession(path: path, state: state, parsed: parsed, foldProblems: foldProblems,
                                     mode: readOnly ? .readOnly(.requested) : .writable)
        if let t = parsed.tornTail {
            session.tornTail = TornTailNotice(line: t.line, reason: t.reason, byteCount: t.bytes.count, sidePath: nil)
        }
        if let v = parsed.version, v > JournalParser.version {
            session.mode = .readOnly(.newerFormat(v))
            session.problems.insert(Problem(line: 1, .error, Fr.Problem.newerVersion(v)), at: 0)
        } else if !session.errors.isEmpty, !readOnly {
            session.mode = .readOnly(.problems(session.errors.count))
        }
        // Kept open in every mode: « enregistrer sous » copies from it, read-only too.
        session.reader = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        var st = stat()
        if session.reader >= 0, fstat(session.reader, &st) == 0 { session.readSize = st.st_size }
        guard session.mode == .writable, let lock else { return session }
        if let t = parsed.tornTail {
            let side = try JournalStorage.setAsideTornTail(t, journal: path, now: now)
            session.tornTail?.sidePath = side
        }
        session.lock = lock
        session.appender = appender
        return session
    }

    /// Creates a new journal holding `events` and opens it for writing.
    public static func create(path: String, events: [Event] = [], now: Timestamp = .now()) throws(JournalError) -> JournalSession {
        try JournalStorage.create(path, events: events)
        return try open(path: path, now: now)
    }

    /// Stamps, checks and appends events; returns them once they are on disk.
    /// An event the state refuses is not written. After a failed write the events stay in memory
    /// (and in the state) and the error is returned: nothing is ever said saved that is not.
    @discardableResult
    public func commit(_ drafts: [EventDraft], author: String, now: Timestamp = .now()) -> Result<[Event], CommitError> {
        var rng = SystemRandomNumberGenerator()
        return commit(drafts, author: author, now: now, using: &rng)
    }

    public func commit<R: RandomNumberGenerator>(_ drafts: [EventDraft], author: String, now: Timestamp, using rng: inout R) -> Result<[Event], CommitError> {
        guard mode == .writable, let appender else { return .failure(.readOnly) }
        var stamped: [Event] = []
        for d in drafts {
            let e = d.stamped(at: now, id: EventID.make(milliseconds: now.epochSeconds * 1000, using: &rng), author: author)
            if let p = state.apply(e) {
                // Events already applied from this batch are still written: they are valid.
                if !stamped.isEmpty { _ = write(stamped, appender) }
                return .failure(.invalid(p.message))
            }
            stamped.append(e)
        }
        return write(stamped, appender)
    }

    private func write(_ stamped: [Event], _ appender: JournalAppender) -> Result<[Event], CommitError> {
        eventCount += stamped.count
        if !unsaved.isEmpty || appender.stopped != nil {
            unsaved.append(contentsOf: stamped)
            return .failure(.journal(.writerStopped(path: path)))
        }
        do {
            try appender.append(stamped)
            return .success(stamped)
        } catch {
            unsaved.append(contentsOf: stamped)
            return .failure(.journal(error))
        }
    }

    /// Writes the whole journal, from memory, to a new file and goes on writing there.
    /// The way out after a failed write (disk full, file removed, permission changed).
    public func saveAs(_ newPath: String, now: Timestamp = .now()) throws(JournalError) {
        guard reader >= 0 else { throw .unreadable(path: path, errno: EBADF) }
        var bytes = try JournalStorage.readAll(fd: reader, path: path)
        for e in unsaved { bytes.append(contentsOf: e.line.utf8) }
        try JournalStorage.createRaw(newPath, bytes: bytes)
        let newLock = try JournalLock(journal: newPath, now: now)
        let newAppender = try JournalAppender(path: newPath)
        appender?.close()
        lock?.release()
        if reader >= 0 { _ = Glibc.close(reader) }
        reader = Glibc.open(newPath, O_RDONLY | O_CLOEXEC)
        lock = newLock
        appender = newAppender
        path = newPath
        unsaved = []
        if case .readOnly(.problems) = mode {} else { mode = .writable }
    }

    /// Whether another copy has appended to the journal since this read-only one read it: one
    /// `stat` of the name, cheap enough for the screen's idle tick (no thread, no busy loop).
    public var hasGrownElsewhere: Bool {
        guard mode != .writable else { return false }
        var st = stat()
        return stat(path, &st) == 0 && st.st_size > readSize
    }

    /// Test hook: the next append fails with this errno, as a full disk would.
    public func simulateWriteFailure(errno: Int32) { appender?.failNextWrite = errno }

    public func close() {
        if reader >= 0 { _ = Glibc.close(reader); reader = -1 }
        appender?.close()
        appender = nil
        lock?.release()
        lock = nil
    }

    deinit { close() }
}
