import SeanceModel

/// The historique: every séance on one timeline, with filters cycled by a key each.
public struct HistoryState: Equatable, Sendable {
    public var list = ListState()
    public var committee: String?
    public var axis: String?
    public var year: Int?
    public var status: MeetingStatus?
    public init() {}

    var filter: ProjectState.TimelineFilter {
        .init(committee: committee, axis: axis, year: year, status: status)
    }
}

/// Search across the whole journal.
public struct SearchState: Equatable, Sendable {
    public var query = LineEditor()
    public var list = ListState()
    /// The results of the query, computed once when it changes (not at every frame).
    public var hits: [ProjectState.SearchHit] = []
    public init() {}
}

/// Follow-ups of all committees.
public struct FollowUpsState: Equatable, Sendable {
    public var list = ListState()
    public var owner = LineEditor()
    public var showDone = false
    public init() {}
}

/// Attendance rates with bars.
public struct ParticipationState: Equatable, Sendable {
    public enum View: Int, Equatable, Sendable, CaseIterable { case committees, members, organisations }
    public var view: View = .committees
    public var year: Int?
    public var committee: String?
    public var scroll = 0
    public init() {}
}

/// The fiches actions, and the life of one of them.
public struct ActionsState: Equatable, Sendable {
    public var list = ListState()
    public var open: String?
    public var scroll = 0
    public init() {}
}

extension ProjectState {
    /// Follow-ups for the review screen: open ones first (overdue first), then done ones.
    func followUpRows(showDone: Bool, owner: String, today: LocalDate) -> [FollowUp] {
        let f = Folding.fold(owner)
        return followUpOrder.compactMap { followUps[$0] }
            .filter { showDone || $0.isOpen }
            .filter { f.isEmpty || Folding.fold(ownerName($0.owner)).contains(f) }
            .sorted { a, b in
                if a.isOpen != b.isOpen { return a.isOpen }
                return (a.due ?? LocalDate(year: 9999, month: 12, day: 31)!, a.id) < (b.due ?? LocalDate(year: 9999, month: 12, day: 31)!, b.id)
            }
    }
}
