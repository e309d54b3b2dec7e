/// The minutes of a séance as they were typed: its notes and its decisions in one order, the
/// journal's. A decision knows how many of the séance's notes came before it (`notesBefore`,
/// counted by the fold at no cost), so a note typed after a vote reads after it.
public enum RecordEntry: Equatable, Sendable {
    case note(Note)
    case decision(Decision)

    /// The agenda item it was recorded under.
    public var item: String? {
        switch self {
        case .note(let n): n.item
        case .decision(let d): d.item
        }
    }
}

extension ProjectState {
    /// The séance's notes (not deleted) and decisions, optionally of one agenda item (`.some(nil)`:
    /// those outside any item), in the order they were recorded.
    public func record(of meetingID: String, item: String?? = .none) -> [RecordEntry] {
        guard let m = meetings[meetingID] else { return [] }
        let decisions = m.decisions.compactMap { self.decisions[$0] }
        var out: [RecordEntry] = []
        out.reserveCapacity(m.notes.count + decisions.count)
        var next = 0
        func decisionsUpTo(_ notes: Int) {
            while next < decisions.count && decisions[next].notesBefore <= notes {
                let d = decisions[next]
                if item == .none || d.item == item! { out.append(.decision(d)) }
                next += 1
            }
        }
        for (k, id) in m.notes.enumerated() {
            decisionsUpTo(k)
            if let n = notes[id], !n.deleted, item == .none || n.item == item! { out.append(.note(n)) }
        }
        decisionsUpTo(Int.max)
        return out
    }
}
