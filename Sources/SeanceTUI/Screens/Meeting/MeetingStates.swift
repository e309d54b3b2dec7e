import SeanceModel

/// The live-minutes screen of one séance.
public struct MeetingState: Equatable, Sendable {
    public var meeting: String
    public var editor = LineEditor()
    /// The member the line being typed is attributed to (chosen by completion or F7).
    public var speaker: String?
    /// A committed entry chosen with ↑ for a correction: its index in `MeetingEntry.of(…)` for
    /// the item shown (notes, then decisions, then follow-ups).
    public var selectedNote: Int?
    /// The item shown when browsing a séance that is not in progress (F8/F9 move it, no event),
    /// or when going back to a point of a séance written up afterwards.
    public var viewItem: String?
    /// The item whose notes are shown: the one chosen for browsing, else the current one of a
    /// séance being held, else the first of the agenda (a séance read back starts at the top).
    public func shownItem(_ meeting: Meeting) -> String? {
        viewItem ?? (meeting.state == .closed || meeting.state == .cancelled ? meeting.agenda.first : meeting.activeItem)
    }

    /// The item lines, decisions and follow-ups go to: in a séance being held, the one chosen
    /// with F8/F9 when it was written up afterwards (going back to a point does not restart it),
    /// else the current one.
    public func workingItem(_ meeting: Meeting) -> String? {
        if meeting.state == .inProgress, let v = viewItem, meeting.agenda.contains(v) { return v }
        return meeting.activeItem
    }

    public init(meeting: String, editor: LineEditor = LineEditor()) {
        self.meeting = meeting; self.editor = editor
    }
}

/// The ordre du jour of a séance, as a list to edit.
public struct AgendaState: Equatable, Sendable {
    public var meeting: String
    public var list = ListState()
}

/// The attendance of a séance: one key per state.
public struct AttendanceState: Equatable, Sendable {
    public var meeting: String
    public var list = ListState()
}

/// Choosing a member by typing the start of a name.
public struct PickerState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// The member at `member` gives a proxy to the one picked.
        case proxy(meeting: String, member: String)
        /// The speaker of the line being typed in the minutes.
        case speaker(meeting: String)
        /// A person of another committee who takes a seat on this one.
        case seat(committee: String)
    }
    public struct Option: Equatable, Sendable {
        public var id: String
        public var label: String
    }
    public var title: String
    public var purpose: Purpose
    public var options: [Option]
    public var filter = LineEditor()
    public var selection = 0

    public var visible: [Option] {
        let f = Folding.fold(filter.text)
        return f.isEmpty ? options : options.filter { Folding.fold($0.label).contains(f) }
    }
}

extension Meeting {
    /// The item under discussion: the last one started, else the first of the agenda.
    public var activeItem: String? { currentItem ?? agenda.first }
}

/// What the secretary can choose with ↑ in the minutes of an item, to correct it: its notes and
/// decisions in the order they were typed (as the compte rendu prints them), then its
/// follow-ups, in the order the screen shows them.
enum MeetingEntry: Equatable {
    case note(Note)
    case decision(Decision)
    case followUp(FollowUp)

    static func of(_ st: ProjectState, _ meeting: Meeting, item: String?) -> [MeetingEntry] {
        st.record(of: meeting.id, item: .some(item)).map { entry -> MeetingEntry in
            switch entry {
            case .note(let n): .note(n)
            case .decision(let d): .decision(d)
            }
        }
            + meeting.followUps.compactMap { st.followUps[$0] }.filter { $0.item == item }.map { .followUp($0) }
    }
}
