/// Questions the screens ask of the state.
extension ProjectState {
    public var activeCommittees: [Committee] {
        committeeOrder.compactMap { committees[$0] }.filter { !$0.retired }
    }

    public var activeAxes: [Axis] {
        axisOrder.compactMap { axes[$0] }.filter { !$0.retired }.sorted { $0.number < $1.number }
    }

    /// Active members of a committee, in the order they were added.
    public func members(of committee: String) -> [Member] {
        (committees[committee]?.memberIDs ?? []).compactMap { members[$0] }.filter { !$0.retired }
    }

    /// Séances of a committee, newest first.
    public func meetings(of committee: String) -> [Meeting] {
        chronological((committees[committee]?.meetingIDs ?? []).compactMap { meetings[$0] }).reversed()
    }

    /// The most recent séance held or being held.
    public func lastMeeting(of committee: String) -> Meeting? {
        extremeMeeting(of: committee, latest: true) { $0 == .closed || $0 == .inProgress }
    }

    /// The soonest séance still to be held.
    public func nextMeeting(of committee: String) -> Meeting? {
        extremeMeeting(of: committee, latest: false) { $0 == .planned }
    }

    /// The latest (or earliest) séance of a committee in a given state, in the order of
    /// `MeetingTime`: one pass reading the séances in place (the dashboard asks it of every
    /// committee each second, and a long history has hundreds of séances per committee).
    private func extremeMeeting(of committee: String, latest: Bool, _ state: (MeetingStatus) -> Bool) -> Meeting? {
        var best: (position: Int, key: MeetingTime)?
        for id in committees[committee]?.meetingIDs ?? [] {
            guard let p = meetings.position(of: id), state(meetings[position: p].state) else { continue }
            // One committee: its place in the project is the same for all.
            let key = MeetingTime(date: meetings[position: p].date, minutes: meetings[position: p].time?.minutesOfDay ?? 0,
                                  committee: 0, number: meetings[position: p].number, id: meetings[position: p].id)
            if let b = best, latest ? key < b.key : b.key < key { continue }
            best = (p, key)
        }
        return best.map { meetings.values[$0.position] }
    }

    public var openFollowUps: [FollowUp] {
        followUpOrder.compactMap { followUps[$0] }.filter(\.isOpen)
    }

    public func openFollowUps(of committee: String) -> [FollowUp] {
        openFollowUps.filter { meetings[$0.meeting]?.committee == committee }
    }

    public var actionSheets: [ActionSheet] { actionOrder.compactMap { actions[$0] } }

    public func axisLabel(_ id: String?) -> String {
        guard let id, let a = axes[id] else { return "" }
        return Fr.axis(a.number)
    }

    /// Voting members of a committee (active, not guests).
    public func votingMembers(of committee: String) -> [Member] {
        members(of: committee).filter { $0.voting && $0.guestOf == nil }
    }

    /// « NOM Prénom – rôle (organisation) », the usual French form of a speaker in minutes:
    /// what the séance screen writes and the documents print.
    public func speakerLabel(_ memberID: String) -> String {
        guard let m = members[memberID] else { return memberID }
        var s = m.name + " – " + Fr.role(m.role)
        if !m.organisation.isEmpty { s += " (\(m.organisation))" }
        return s
    }
}
