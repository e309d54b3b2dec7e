/// Everything the journal says, folded: the state every screen and command reads.
public struct ProjectState: Sendable, Equatable {
    public var project: Project?
    public var axes: [String: Axis] = [:]
    public var axisOrder: [String] = []
    public var committees: [String: Committee] = [:]
    public var committeeOrder: [String] = []
    public var members = EntityTable<Member>()
    /// The seats of each person who sits on more than one committee, by the id of her first
    /// seat (that seat first, then the others in the order they were added).
    public var personSeats: [String: [String]] = [:]
    public var meetings = EntityTable<Meeting>()
    public var meetingOrder: [String] = []
    public var agendaItems = EntityTable<AgendaItem>()
    public var notes = NoteStore()
    public var decisions: [String: Decision] = [:]
    public var followUps: [String: FollowUp] = [:]
    public var followUpOrder: [String] = []
    public var actions: [String: ActionSheet] = [:]
    public var actionOrder: [String] = []
    public var rankings: [String: ActionRanking] = [:]
    public var rankingOrder: [String] = []
    /// Events of kinds this version does not know (from a newer version): kept, not applied.
    public var unknownEvents: [Event] = []
    public var eventCount = 0

    public init() {}

    /// Makes room for what a journal of this many bytes holds, judged on the proportions of real
    /// and generated journals (a note per ~420 bytes, a séance per ~8 600) with a third to spare:
    /// the tables then never grow while folding (growing the notes near the end of a million
    /// events would copy 50 MB). Room reserved for values and not used is never touched; the
    /// tables of positions are (16 MB for the notes of 175 MB of journal).
    public mutating func reserveCapacity(journalBytes: Int) {
        guard journalBytes > 1 << 20 else { return }
        notes.reserveCapacity(journalBytes / 300)
        agendaItems.reserveCapacity(journalBytes / 1_400)
        decisions.reserveCapacity(journalBytes / 3_500)
        followUps.reserveCapacity(journalBytes / 5_500)
        meetings.reserveCapacity(journalBytes / 6_000)
    }

    /// Folds a whole list of events; problems carry the line numbers given in `lines`.
    public static func fold(_ events: [Event], lines: [Int]? = nil) -> (ProjectState, [Problem]) {
        var s = ProjectState()
        var problems: [Problem] = []
        for (i, e) in events.enumerated() {
            if let p = s.apply(e) {
                problems.append(Problem(line: lines?[i] ?? (i + 2), p.severity, p.message))
            }
        }
        return (s, problems)
    }
}

/// Why an event could not be applied.
public struct ApplyProblem: Error, Equatable, Sendable {
    public var severity: Problem.Severity
    public var message: String
    init(_ message: String, _ severity: Problem.Severity = .error) {
        self.message = message; self.severity = severity
    }
}
