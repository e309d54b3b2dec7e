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
        (committees[committee]?.meetingIDs ?? []).compactMap { meetings[$0] }
            .sorted { ($0.date, $0.time?.minutesOfDay ?? 0, $0.number) > ($1.date, $1.time?.minutesOfDay ?? 0, $1.number) }
    }

    /// The most recent séance held or being held.
    public func lastMeeting(of committee: String) -> Meeting? {
        meetings(of: committee).first { $0.state == .closed || $0.state == .inProgress }
    }

    /// The soonest séance still to be held.
    public func nextMeeting(of committee: String) -> Meeting? {
        meetings(of: committee).last { $0.state == .planned }
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
        return "Axe \(a.number)"
    }

    /// Voting members of a committee (active, not guests).
    public func votingMembers(of committee: String) -> [Member] {
        members(of: committee).filter { $0.voting && $0.guestOf == nil }
    }

    /// « NOM Prénom – rôle (organisation) », the usual French form of a speaker in minutes:
    /// what the séance screen writes and the documents print.
    public func speakerLabel(_ memberID: String) -> String {
        guard let m = members[memberID] else { return memberID }
        var s = m.name + " – " + Fr.role[m.role]!
        if !m.organisation.isEmpty { s += " (\(m.organisation))" }
        return s
    }
}
