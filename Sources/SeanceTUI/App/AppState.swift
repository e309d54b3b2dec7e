import SeanceModel

/// What the screens know of the open journal besides its state.
public struct JournalInfo: Equatable, Sendable {
    public var path: String
    public var writable: Bool
    public var readOnlyReason: JournalSession.ReadOnlyReason?
    public var unsavedCount: Int
    /// Entities touched by the events held in memory only (shown marked ✗ until saved).
    public var unsavedEntities: Set<String>
    public var isDemo: Bool
    /// Why writing stopped (« disque plein »…), while events are held in memory only.
    public var writeFailure: String?

    public init(path: String, writable: Bool, readOnlyReason: JournalSession.ReadOnlyReason? = nil, unsavedCount: Int = 0,
                unsavedEntities: Set<String> = [], isDemo: Bool = false, writeFailure: String? = nil) {
        self.path = path; self.writable = writable; self.readOnlyReason = readOnlyReason
        self.unsavedCount = unsavedCount; self.unsavedEntities = unsavedEntities; self.isDemo = isDemo
        self.writeFailure = writeFailure
    }
}

/// Everything update and view may read besides the UI state: the domain and the clock.
/// The runtime builds it from the open session; tests build it from folded events.
public struct Context {
    public var domain: ProjectState
    public var journal: JournalInfo?
    public var today: LocalDate
    /// The current instant, for clocks and the times written in events (arrivals, item starts).
    public var now: Timestamp
    /// Makes a new entity id with a prefix (`com` → `com-5e0a91c3`); random in the program.
    public var makeID: (String) -> String

    public init(domain: ProjectState, journal: JournalInfo?, now: Timestamp, makeID: @escaping (String) -> String) {
        self.domain = domain; self.journal = journal; self.now = now; self.today = now.localDate; self.makeID = makeID
    }
}

/// How a journal came to be open (or not): the runtime tells the app with `.opened`.
public enum OpenOutcome: Equatable, Sendable {
    case opened(problems: [Problem], tornTail: JournalSession.TornTailNotice?)
    case missing(path: String)
    case locked(path: String, holder: LockHolder?)
    /// The journal is there but cannot be written (read-only file system, immutable file):
    /// the cause, in a few French words.
    case notWritable(path: String, cause: String)
    case failed(String)
}

/// What was chosen in the export form: proposed again next time.
public struct ExportChoice: Equatable, Sendable {
    public var document: SeanceDocument
    public var format: DocumentFormat
}

public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var role: Role
}

/// The whole UI state: a stack of screens (Esc pops) and the status line.
public struct AppState: Equatable, Sendable {
    public var screens: [Screen]
    public var status: StatusLine?
    public var showHelp = false
    public var helpScroll = 0
    public var quit = false
    /// The document and format of the last export from a séance (Ctrl+P): proposed again for
    /// the rest of the session.
    public var lastExport: ExportChoice?

    public init(screens: [Screen]) { self.screens = screens }

    public var top: Screen { screens.last ?? .dashboard(DashboardState()) }

    mutating func replaceTop(_ s: Screen) {
        if screens.isEmpty { screens = [s] } else { screens[screens.count - 1] = s }
    }

    mutating func push(_ s: Screen) { screens.append(s) }

    mutating func pop() { if screens.count > 1 { screens.removeLast() } }
}

public enum Screen: Equatable, Sendable {
    case welcome(WelcomeState)
    case dashboard(DashboardState)
    case committee(CommitteeState)
    case axes(ListState)
    case form(FormState)
    case confirm(ConfirmState)
    case notice(NoticeState)
    case problems(ProblemsState)
    case locked(LockedState)
    case meeting(MeetingState)
    case agenda(AgendaState)
    case attendance(AttendanceState)
    case picker(PickerState)
    case draftOffer(Draft)
    case history(HistoryState)
    case search(SearchState)
    case followUps(FollowUpsState)
    case participation(ParticipationState)
    case actions(ActionsState)
    case ranking(RankingState)
    case importPreview(ImportState)
}

public struct WelcomeState: Equatable, Sendable {
    public var path: String
    public var selection = 0
}

public struct ListState: Equatable, Sendable {
    public var selection = 0
    public var scroll = 0
}

public struct DashboardState: Equatable, Sendable {
    public var list = ListState()
    public init() {}
}

public struct CommitteeState: Equatable, Sendable {
    public enum Pane: Equatable, Sendable { case members, meetings }
    public var committee: String
    public var pane: Pane = .members
    public var members = ListState()
    public var meetings = ListState()
}

public struct ConfirmState: Equatable, Sendable {
    public var question: String
    public var drafts: [EventDraft]
    /// Quit the program when confirmed (instead of committing drafts).
    public var quitOnYes = false
    /// What follows the commit (a form under the confirmation closes with it).
    public var after: AfterCommit = .stay
    /// Close the form beneath when confirmed (abandoning what was typed in it).
    public var discardsForm = false
    /// A question with two answers that both write (« même personne ? »): what « non » writes.
    /// Nil: « non » only renounces.
    public var noDrafts: [EventDraft]? = nil
}

public struct NoticeState: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    public var role: Role
}

public struct ProblemsState: Equatable, Sendable {
    public var problems: [Problem]
    public var path: String
    public var scroll = 0
}

/// A journal that cannot be written now: another copy holds it, or the file or its file
/// system refuses writing (`cannotWrite` says why). Either way it can be opened read-only.
public struct LockedState: Equatable, Sendable {
    public var path: String
    public var holder: LockHolder?
    public var cannotWrite: String?
    public init(path: String, holder: LockHolder? = nil, cannotWrite: String? = nil) {
        self.path = path; self.holder = holder; self.cannotWrite = cannotWrite
    }
}

/// What the screen does once the journal has the events.
public enum AfterCommit: Equatable, Sendable {
    case closeForm
    /// Empty the live-minutes editor (the line is saved); on failure the text stays.
    case clearEditor
    /// Close the form and empty the live-minutes editor beneath (a line saved with the opening).
    case closeFormClearEditor
    case stay
    /// The import screen shows what was created, updated and left unchanged.
    case importDone
}

/// What update asks the runtime to do: the only way to touch the journal or leave.
public enum Effect: Equatable, Sendable {
    case commit([EventDraft], then: AfterCommit)
    case createJournal([EventDraft])
    case openDemo
    case openReadOnly
    case saveAs(String)
    case discardDraft
    /// Write the compte rendu of a séance in a format to a path (a folder: the suggested name).
    case export(meeting: String, document: SeanceDocument, format: DocumentFormat, path: String)
    /// Write a ranking's ballots (PrefLib .toc) and approvals with costs (Pabulib .pb) beside the journal.
    case exportRankingInputs(ranking: String)
    /// Read a spreadsheet for the import screen (answered with `.importRead`).
    case readImport(ImportRequest)
    case quit
}

public enum Message: Equatable, Sendable {
    case key(Key)
    case opened(OpenOutcome)
    case committed(Result<Int, JournalSession.CommitError>, then: AfterCommit)
    case savedAs(Result<String, JournalError>)
    case exported(path: String?, error: String?)
    /// The spreadsheet asked for by `.readImport`: its table, or why it could not be read (in French).
    case importRead(ImportRequest, table: ReadTable?, error: String?)
}
